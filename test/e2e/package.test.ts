// The published package: `npm pack`, installed into an empty project, runs as `rdsjob` and imports as 'rdsjob'
// with its types. Slow (npm), so it is one test. Installs --prefer-offline: from npm's cache when it holds the
// dependencies (offline machines), from the registry otherwise (CI).
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
    const [packed] = JSON.parse(await npm(['pack', '--json', '--pack-destination', dir], root)) as Array<{
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
