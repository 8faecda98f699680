// The published package: `npm pack`, installed into an empty project, runs as `rdsjob` and imports as 'rdsjob'
// with its types; and installed from git as users install CLIs (`npm install -g github:OWNER/rdsjob`, `npx …`),
// which builds dist/ in npm's clone through the `prepare` script. Slow (npm), so few tests. Installs
// --prefer-offline where npm allows: from npm's cache when it holds the packages, from the registry otherwise (CI).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import { createInstanceCompleted } from '../../emulator/sample-jobs.js';
import { emulator, rdsjob } from './harness.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await emulator();
  dir = mkdtempSync(join(tmpdir(), 'rdsjob-pack-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return stdout;
}

// What is packed does not depend on the Node.js version running the suite: .ci/run, which runs the suite once per
// supported version, packs once and sets RDSJOB_PACKAGE_TESTED for the other versions.
it.skipIf(process.env.RDSJOB_PACKAGE_TESTED === '1')(
  'npm pack → install into an empty directory → rdsjob --version, get, and import with types',
  async () => {
    // dist/ is fresh (the global setup built it); `prepare` would rebuild it under the other tests' feet.
    const [packed] = JSON.parse(
      await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root),
    ) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const shipped = packed!.files.map((f) => f.path);
    expect(shipped).toContain('bin/rdsjob.js');
    expect(shipped).toContain('dist/index.js');
    expect(shipped).toContain('dist/index.d.ts');
    expect(shipped.filter((p) => /^(src|test|scripts)\/|^dist\/emulator\/|tsconfig|vitest/.test(p))).toEqual([]);

    const app = join(dir, 'app');
    rmSync(app, { recursive: true, force: true });
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    await npm(['install', '--prefer-offline', join(dir, packed!.filename)], app);
    const bin = join(app, 'node_modules', '.bin', 'rdsjob');
    expect(existsSync(bin)).toBe(true);

    const v = await rdsjob(emu, ['--version'], { command: [bin], cwd: app });
    expect([v.code, v.stdout]).toEqual([0, `${version}\n`]);
    const get = await rdsjob(emu, ['get', createInstanceCompleted.id!, '--json'], { command: [bin], cwd: app });
    expect(get.stderr).toBe('');
    expect(JSON.parse(get.stdout)).toEqual(createInstanceCompleted);

    // A TypeScript user's script: the types resolve through "exports", and the job it fetches is typed.
    writeFileSync(
      join(app, 'use.ts'),
      `import { getJob, NotFoundError, type Job } from 'rdsjob';
const job: Job = await getJob(process.argv[2] ?? '');
const status: string | undefined = job.status;
console.log(status, NotFoundError.name);
`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    await run(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        '--typeRoots',
        join(root, 'node_modules', '@types'),
        'use.ts',
      ],
      { cwd: app },
    );

    const imported = await rdsjob(emu, [], {
      command: [
        '--input-type=module',
        '-e',
        `import { getJob } from 'rdsjob'; console.log((await getJob('${createInstanceCompleted.id}')).status);`,
      ],
      cwd: app,
    });
    expect([imported.code, imported.stdout, imported.stderr]).toEqual([0, 'Completed\n', '']);
  },
  120_000,
);

// The repository as a user's npm sees it: a bare clone (of what is committed: HEAD), no dist/, no node_modules.
// npm clones it, installs its devDependencies, runs `prepare` (scripts/prepare.js: tsc and the bundle), packs the
// result and installs that.
it.skipIf(process.env.RDSJOB_PACKAGE_TESTED === '1')(
  'from a git URL: npm install -g into a fresh prefix, and npx, build dist/ and run rdsjob',
  async () => {
    const bare = join(dir, 'rdsjob.git');
    await run('git', ['clone', '--quiet', '--bare', root, bare]);
    const url = `git+file://${bare}`;

    const prefix = join(dir, 'prefix');
    await npm(['install', '--global', '--prefix', prefix, url], dir);
    const bin = join(prefix, 'bin', 'rdsjob');
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'rdsjob', 'dist', 'cli', 'rdsjob.js'))).toBe(true);
    const v = await rdsjob(emu, ['--version'], { command: [bin] });
    expect([v.code, v.stdout]).toEqual([0, `${version}\n`]);
    const get = await rdsjob(emu, ['get', createInstanceCompleted.id!, '--query', 'status'], { command: [bin] });
    expect([get.code, get.stdout, get.stderr]).toEqual([0, 'Completed\n', '']);

    // npx installs into npm's cache (_npx/<hash>) and runs the bin from there: `which` names it. npm itself runs
    // outside the harness, whose loopback guard would refuse the registry; rdsjob then runs inside it.
    const { stdout } = await run('npm', ['exec', '--yes', `--package=${url}`, '--', 'which', 'rdsjob'], {
      cwd: dir,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const npxBin = stdout.trim();
    try {
      expect(npxBin).toMatch(/_npx/);
      const npx = await rdsjob(emu, ['get', createInstanceCompleted.id!, '--query', 'name'], { command: [npxBin] });
      expect([npx.code, npx.stdout]).toEqual([0, 'CreateMysqlSingleHAInstance\n']);
    } finally {
      rmSync(join(npxBin, '..', '..', '..'), { recursive: true, force: true }); // _npx/<hash>: this test's only
    }
  },
  1_200_000,
);
