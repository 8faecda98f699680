// An exit code a pipeline can trust (docs/reliability.md § What a pipeline can rely on; docs/configuration.md):
// the built binary as pipelines run it — streams filtered, truncated and redirected, cancelled by signals, pointed
// at servers that never answer, with an unusable HOME.
import { once } from 'node:events';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import { emulator, rdsjob, tempHome, type RunResult } from './harness.js';
import type { Job } from '../../src/job.js';
import { job } from '../support/jobs.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.reset();
  emu.setJob('fails', {
    steps: [
      job({ id: 'fails', status: 'Running', process: '40%' }),
      job({ id: 'fails', status: 'Failed', fail_reason: 'createVM failed.' }),
    ],
  });
  emu.setJob('done', { steps: [job({ id: 'done', status: 'Completed' })] });
  emu.setJob('forever', { steps: [job({ id: 'forever', status: 'Running', process: '40%' })] });
});

/** A TCP server on loopback that accepts every connection and never answers: a gateway that hangs. */
async function blackHole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const noStack = (r: RunResult) => expect(r.stderr).not.toMatch(/\n\s+at /);

describe('broken output never turns a failure into success', () => {
  it('wait 2>&1 | head -1 on a job that ends Failed: exit 1, not 0', async () => {
    const r = await rdsjob(emu, [], {
      shell: `rdsjob wait fails ${FAST.join(' ')} 2>&1 | head -1; exit \${PIPESTATUS[0]}`,
    });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('stderr read by a filter that quits: progress is dropped, the result still reaches stdout, exit 1', async () => {
    const r = await rdsjob(emu, ['wait', 'fails', '--json', ...FAST], { onSpawn: (child) => child.stderr!.destroy() });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'fails', status: 'Failed' });
  });

  it("stdout closed by its reader (| head -c 20): quiet, and the exit code is the outcome's", async () => {
    const ok = await rdsjob(emu, [], {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${PIPESTATUS[0]}
      shell: 'rdsjob get done --json | head -c 20 >/dev/null; exit ${PIPESTATUS[0]}',
    });
    expect(ok.code).toBe(0);
    const failed = await rdsjob(emu, [], {
      shell: `rdsjob wait fails --json ${FAST.join(' ')} 2>/dev/null | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`,
    });
    expect(failed.code).toBe(1);
  });

  it.each([
    ['get --json', 'get done --json'],
    ['get (table)', 'get done'],
    ['wait', `wait done ${FAST.join(' ')}`],
    ['--version', '--version'],
    ['--help', '--help'],
  ])('%s > /dev/full: one error line, exit 5, no stack trace', async (_name, args) => {
    const r = await rdsjob(emu, [], { shell: `rdsjob ${args} > /dev/full` });
    expect(r.code).toBe(5);
    expect(r.stderr.split('\n').filter((line) => line.startsWith('error:'))).toEqual([
      'error: cannot write the output: no space left on device (ENOSPC)',
    ]);
    noStack(r);
  });

  it('a job that Failed, written to a full disk: 5 (the result is lost) outranks 1', async () => {
    const r = await rdsjob(emu, [], { shell: `rdsjob wait fails --json ${FAST.join(' ')} > /dev/full` });
    expect(r.code).toBe(5);
  });
});

describe('ending a wait from outside', () => {
  it.each([
    ['SIGTERM', 143, 'terminated (SIGTERM) with 1 job unfinished:'],
    ['SIGHUP', 129, 'hung up (SIGHUP: the terminal went away) with 1 job unfinished:'],
    ['SIGINT', 130, 'interrupted with 1 job unfinished:'],
  ] as const)(
    '%s: a clean stop, the unfinished job and the resume command, the last state on stdout, exit %i',
    async (signal, code, heading) => {
      const r = await rdsjob(emu, ['wait', 'forever', '--json', '--interval', '200ms'], {
        // Once the first progress line is out and the run handles the signal (sent earlier, it would kill it).
        onSpawn: (child, handling) =>
          child.stderr!.once('data', () => void handling(signal).then(() => child.kill(signal))),
      });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(code);
      expect(JSON.parse(r.stdout)).toMatchObject({ id: 'forever', status: 'Running' });
      const lines = r.stderr.trim().split('\n');
      expect(lines.slice(-3)).toEqual([
        heading,
        '  forever  CreateMysqlSingleHAInstance Running 40%',
        'resume with: rdsjob wait forever --interval 200ms --json',
      ]);
      noStack(r);
    },
  );

  // SIGTERM under a terminal (the view cleared, the cursor restored): e2e/live-view.test.ts.

  it('a second signal while stopping exits at once, with its code', async () => {
    // A process that takes the first signal and does not stop: the second must end it.
    const script = [
      'const { processDeps } = await import(process.env.BUNDLE);',
      'const deps = processDeps();',
      "deps.signal.addEventListener('abort', () => { process.stderr.write('stopping\\n'); process.kill(process.pid, 'SIGTERM'); });",
      'setInterval(() => {}, 1000);',
      "process.kill(process.pid, 'SIGINT');",
    ].join('\n');
    const r = await rdsjob(undefined, ['--input-type=module', '-e', script], {
      command: [],
      env: { BUNDLE: new URL('../../dist/cli/rdsjob.js', import.meta.url).pathname },
      timeoutMs: 5_000,
    });
    expect(r.stderr).toBe('stopping\n');
    expect(r.code).toBe(143);
  });

  it('Ctrl-C while a piped secret is still arriving: exit 130, nothing written', async () => {
    const { home, cleanup } = tempHome();
    try {
      const path = join(home, 'config.json');
      const r = await rdsjob(undefined, ['config', 'set', 'secret-key'], {
        home,
        env: { RDSJOB_CONFIG: path },
        stdin: undefined,
        keepStdinOpen: true,
        secrets: ['half-of-a-secret'],
        onSpawn: (child, handling) => {
          child.stdin!.write('half-of-a-secret');
          void handling('SIGINT').then(() => child.kill('SIGINT'));
        },
      });
      expect(r.code).toBe(130);
      expect(r.stderr).toBe('error: interrupted\n');
      expect(existsSync(path)).toBe(false);
      expect(readdirSync(home).filter((name) => name.startsWith('config'))).toEqual([]);
    } finally {
      cleanup();
    }
  });
});

describe.concurrent('a gateway that accepts and never answers', () => {
  let hole: Awaited<ReturnType<typeof blackHole>>;
  beforeAll(async () => {
    hole = await blackHole();
  });
  afterAll(async () => {
    await hole.close();
  });
  const at = (url: string) => ({ RDSJOB_ENDPOINT: url, HUAWEICLOUD_SDK_IAM_ENDPOINT: url });

  it.each([1, 5])('get with %i id(s) ends within RDSJOB_API_TIMEOUT (3s here), exit 5, once', async (count) => {
    const ids = Array.from({ length: count }, (_, i) => `job-${i}`);
    const started = Date.now();
    const r = await rdsjob(emu, ['get', ...ids], { env: { ...at(hole.url), RDSJOB_API_TIMEOUT: '3s' } });
    const took = Date.now() - started;
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(
      `error: cannot reach ${hole.url.slice(7)}: no complete answer within 3s (RDSJOB_API_TIMEOUT)\n` +
        'hint: check the endpoint and your network or proxy; rerun with --debug for details\n',
    );
    // It waited (not a refusal), and ended on its own bound, not the harness's. That the bound covers the whole run,
    // start-up and exit included, is pinned on a controlled clock (test/unit/reliability.test.ts); from outside, on
    // this machine, `time rdsjob get` against a black hole takes 59.6 s under the default 60 s (README).
    expect(took).toBeGreaterThan(1_000);
  });

  it('wait --timeout 2s with the IAM lookup hanging: bounded by --timeout (plus 5s for a last answer), exit 5, resumable', async () => {
    // Bounded by its own --timeout (the message names the bound that ended it), not by the harness's 20 s.
    const r = await rdsjob(emu, ['wait', 'done', '--timeout', '2s'], {
      env: { HUAWEICLOUD_SDK_PROJECT_ID: undefined, HUAWEICLOUD_SDK_IAM_ENDPOINT: hole.url },
      timeoutMs: 20_000,
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('error: timed out after 2s with 1 job unfinished:');
    expect(r.stderr).toContain(
      `  done  not seen yet (last attempt failed: cannot reach ${hole.url.slice(7)}: no complete answer within 7s (--timeout 2s and 5s for a last answer))`,
    );
    expect(r.stderr).toContain('resume with: rdsjob wait done --timeout 2s');
  });

  it('wait --timeout 2s against an RDS endpoint that never answers: says so, exit 5 (not 6)', async () => {
    const r = await rdsjob(emu, ['wait', 'done', '--timeout', '2s'], {
      env: { RDSJOB_ENDPOINT: hole.url },
      timeoutMs: 20_000,
    });
    expect(r.code).toBe(5);
    // How long after --timeout depends on when the request left (a loaded machine may start late): the controlled
    // clock pins it (test/unit/wait-core.test.ts).
    expect(r.stderr).toMatch(
      /last attempt failed: no answer from the API: the request was still unanswered \ds after --timeout/,
    );
  });
});

describe('a job seen, then one 404, then seen again', () => {
  it('is an API hiccup, not "not found": the wait goes on to Completed, exit 0', async () => {
    emu.setJob('blip', {
      steps: [
        job({ id: 'blip', status: 'Running', process: '40%' }),
        {
          fault: 'status',
          status: 404,
          body: JSON.stringify({ error_code: 'DBS.201204', error_msg: 'The job does not exist.' }),
        },
        job({ id: 'blip', status: 'Running', process: '40%' }),
        job({ id: 'blip', status: 'Completed' }),
      ],
    });
    const r = await rdsjob(emu, ['wait', 'blip', '--not-found-grace', '0', ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/blip job blip not found \(HTTP 404.*\); retrying in 1s/);
  });
});

describe('where files go', () => {
  it.each([
    [
      'HOME empty',
      { HOME: '', XDG_CONFIG_HOME: undefined },
      'HOME is empty or not an absolute path and XDG_CONFIG_HOME is not set',
    ],
    [
      'XDG_CONFIG_HOME relative, HOME empty',
      { HOME: '', XDG_CONFIG_HOME: 'rel/config' },
      'HOME is empty or not an absolute path and XDG_CONFIG_HOME ("rel/config") is not an absolute path',
    ],
  ])(
    '%s: config set exits 3 naming the problem, and writes nothing into the current directory',
    async (_name, env, why) => {
      const cwd = mkdtempSync(join(tmpdir(), 'rdsjob-cwd-'));
      try {
        const r = await rdsjob(undefined, ['config', 'set', 'secret-key'], {
          env: { ...env, XDG_CACHE_HOME: undefined },
          cwd,
          stdin: 'a-secret-value\n',
          secrets: ['a-secret-value'],
        });
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`error: no place for the config file: ${why}`);
        expect(r.stderr).toContain('hint: set RDSJOB_CONFIG');
        expect(readdirSync(cwd)).toEqual([]);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    },
  );

  it('a relative XDG_CONFIG_HOME is ignored for HOME/.config, as the XDG spec says', async () => {
    const { home, cleanup } = tempHome();
    const cwd = mkdtempSync(join(tmpdir(), 'rdsjob-cwd-'));
    try {
      const r = await rdsjob(undefined, ['config', 'set', 'region', 'cn-north-4'], {
        home,
        cwd,
        env: { XDG_CONFIG_HOME: 'rel' },
      });
      expect(r.code).toBe(0);
      expect(existsSync(join(home, '.config', 'rdsjob', 'config.json'))).toBe(true);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      cleanup();
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('get with an empty HOME still works from the environment, and caches nothing in the current directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rdsjob-cwd-'));
    try {
      const r = await rdsjob(emu, ['get', 'done', '--json'], {
        cwd,
        env: { HOME: '', XDG_CONFIG_HOME: undefined, XDG_CACHE_HOME: undefined, HUAWEICLOUD_SDK_PROJECT_ID: undefined },
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ id: 'done' });
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('the smaller ones', () => {
  it('wait --timeout 596h31m23s (past one timer, with the 5s for a last answer): waits (no TimeoutOverflowWarning, no instant exit 6)', async () => {
    emu.setJob('slow', {
      steps: [job({ id: 'slow', status: 'Running', process: '40%' }), job({ id: 'slow', status: 'Completed' })],
    });
    // With the 5 s for a last answer this is past one timer's 2^31 − 1 ms: it used to fire at once.
    const r = await rdsjob(emu, ['wait', 'slow', '--timeout', '596h31m23s', ...FAST]);
    expect(r.code).toBe(0);
    const year = await rdsjob(emu, ['wait', 'slow', '--timeout', '8760h', ...FAST]);
    expect(year.code).toBe(0);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('TimeoutOverflowWarning');
  });

  it('get ID ID ID sends one request and shows one state three times', async () => {
    emu.setJob('moving', {
      steps: [job({ id: 'moving', status: 'Running', process: '40%' }), job({ id: 'moving', status: 'Completed' })],
    });
    const r = await rdsjob(emu, ['get', 'moving', 'moving', 'moving', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((j: Job) => j.status)).toEqual(['Running', 'Running', 'Running']);
    expect(emu.requests.filter((q) => q.jobId === 'moving')).toHaveLength(1);
  });

  it('error lines name their job even when the message happens to contain the id ("b" in "Unavailable")', async () => {
    emu.setJob('b', { steps: [{ fault: 'status', status: 503 }] });
    const r = await rdsjob(emu, ['get', 'done', 'b', '--json'], { timeoutMs: 20_000 });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: job b: RDS API error 503 \(DBS\.503: Service Unavailable\./m);
    // The id not fetched keeps its place as null (docs/output.md).
    expect(JSON.parse(r.stdout).map((j: Job | null) => j?.id ?? null)).toEqual(['done', null]);
  });

  it('the bound running out on one flaky id keeps the jobs that were fetched, and names the one that was not', async () => {
    emu.setJob('b', { steps: [{ fault: 'hang' }] });
    // A bound that leaves room for `done` even on a loaded machine (start-up and 1 s for exiting come out of it).
    const r = await rdsjob(emu, ['get', 'done', 'b', '--json'], { env: { RDSJOB_API_TIMEOUT: '6s' } });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: job b: cannot reach .*: no complete answer within 6s \(RDSJOB_API_TIMEOUT\)$/m);
    // The id not fetched keeps its place as null (docs/output.md).
    expect(JSON.parse(r.stdout).map((j: Job | null) => j?.id ?? null)).toEqual(['done', null]);
  });

  it('a config file far too large to be one: exit 3 at once, naming it', async () => {
    const { home, cleanup } = tempHome();
    try {
      const path = join(home, 'config.json');
      writeFileSync(path, `{"profiles": {}, "padding": "${'x'.repeat(2 * 1024 * 1024)}"}`);
      const r = await rdsjob(emu, ['get', 'done'], { home, env: { RDSJOB_CONFIG: path } });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`error: config file ${path} is too large`);
      expect(emu.requests).toHaveLength(0);
    } finally {
      cleanup();
    }
  });

  it('a profile named __proto__ is stored and read back like any other', async () => {
    const { home, cleanup } = tempHome();
    try {
      const env = { RDSJOB_CONFIG: join(home, 'c.json') };
      expect(
        (await rdsjob(undefined, ['config', 'set', 'region', 'cn-east-3', '--profile', '__proto__'], { home, env }))
          .code,
      ).toBe(0);
      const got = await rdsjob(undefined, ['config', 'get', 'region', '--profile', '__proto__'], { home, env });
      expect(got.stdout).toBe('cn-east-3\n');
      expect(got.code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('a dangling RDSJOB_CONFIG symlink is written through: the link stays, its target is created', async () => {
    const { home, cleanup } = tempHome();
    try {
      mkdirSync(join(home, 'dotfiles'));
      const target = join(home, 'dotfiles', 'rdsjob.json');
      const link = join(home, 'config.json');
      symlinkSync(target, link);
      const r = await rdsjob(undefined, ['config', 'set', 'region', 'cn-north-4'], {
        home,
        env: { RDSJOB_CONFIG: link },
      });
      expect(r.code).toBe(0);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual({ profiles: { default: { region: 'cn-north-4' } } });
    } finally {
      cleanup();
    }
  });

  it('--debug stack traces name the error class and point into src/ (source maps)', async () => {
    const r = await rdsjob(emu, ['get', 'ghost', '--debug']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^NotFoundError: job ghost not found/m);
    expect(r.stderr).toMatch(/\n\s+at .*src\/api\/job-info\.ts:\d+:\d+/);
  });
});
