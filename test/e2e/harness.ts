// Runs the real bin/rdsjob.js as a user would, against the in-process emulator, and checks every run for leaks:
// the child refuses non-loopback connections (loopback-guard via NODE_OPTIONS), starts from a clean environment
// and a throwaway HOME, and no configured secret nor any signature the emulator saw may appear in its output.
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js';
import { sampleInstances } from '../../emulator/sample-instances.js';
import { PROJECT_ID, allSampleJobs } from '../../emulator/sample-jobs.js';
import { sampleTasks } from '../../emulator/sample-tasks.js';
import type { InStream } from '../../src/deps.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(root, 'bin', 'rdsjob.js');
const GUARD = join(root, 'test', 'setup', 'loopback-guard.js');
const SIGNAL_READY = join(root, 'test', 'setup', 'signal-ready.js');

export const AK = 'HPUAE2ETESTAK0000001';
export const SK = 'e2eSecretKeyDoNotPrint0123456789abcdefgh';
export const TEMP_AK = 'HPUAE2ETEMPAK0000002';
export const TEMP_SK = 'e2eTempSecretKeyDoNotPrint0123456789abc';
export const SECURITY_TOKEN = 'e2eSecurityTokenDoNotPrint+/=gQpjbi1ub3J0aC00';
export const AUTH_TOKEN = 'MIIe2eIamTokenDoNotPrint-0123456789';
export const REGION = 'cn-north-4';
export { PROJECT_ID };

export function defaultEmulatorOptions(overrides: Partial<EmulatorOptions> = {}): EmulatorOptions {
  return {
    credentials: [
      { accessKey: AK, secretKey: SK },
      { accessKey: TEMP_AK, secretKey: TEMP_SK, securityToken: SECURITY_TOKEN },
    ],
    authTokens: [AUTH_TOKEN],
    projects: [{ id: PROJECT_ID, name: REGION }],
    jobs: Object.fromEntries(allSampleJobs.map((job) => [job.id!, { steps: [job] }])),
    instances: sampleInstances(),
    ...overrides,
  };
}

export async function emulator(overrides: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator(defaultEmulatorOptions(overrides));
}

/**
 * One emulator for a test file, with the sample jobs, instances and task center: started before the file's tests,
 * closed after them, and back to the samples (requests, faults, tasks) before each test. The returned object stands
 * for the emulator once it has started, so a file can use it as a plain `const emu`.
 */
export function emulatorPerFile(): Emulator {
  let started: Emulator | undefined;
  beforeAll(async () => {
    started = await emulator({ tasks: sampleTasks() });
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    started?.reset();
    started?.setTasks(sampleTasks());
  });
  return new Proxy({} as Emulator, {
    get(_target, key) {
      if (started === undefined) throw new Error('emulatorPerFile: the emulator is used before the file started it');
      const value: unknown = Reflect.get(started, key, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Environment on top of the clean base. */
  env?: Record<string, string | undefined>;
  /** Leave out the default credentials / endpoints (to test other sources). */
  bare?: boolean;
  home?: string;
  stdin?: string;
  /** Leave stdin open after writing `stdin` (a pipe still arriving); the test ends it, or a signal does. */
  keepStdinOpen?: boolean;
  timeoutMs?: number;
  /** Extra values that must never be printed. */
  secrets?: string[];
  /** Called once the child is running (e.g. to send SIGINT). */
  onSpawn?: (
    child: import('node:child_process').ChildProcess,
    handling: (signal: NodeJS.Signals) => Promise<void>,
  ) => void;
  /** Node arguments that replace bin/rdsjob.js (an installed bin, `--input-type=module -e …`); args follow them. */
  command?: string[];
  cwd?: string;
  /** Run under a pseudo-terminal (util-linux `script`) of this size: stdout and stderr both arrive in `stdout`. */
  pty?: { cols: number; rows: number };
  /** As an ordinary user: when the tests run as root (CI does), through util-linux `setpriv` as `nobody`. */
  unprivileged?: boolean;
  /**
   * A bash script instead of the binary alone, as a pipeline would run it: `"$RDSJOB" get x 2>&1 | head -1` (the
   * arguments are ignored; `$RDSJOB` is node and bin/rdsjob.js). The exit code is the script's.
   */
  shell?: string;
}

/** Root reads every file whatever its mode; a permission test must drop that first. */
export const UNPRIVILEGED_PREFIX =
  process.getuid?.() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--'] : [];

interface Runtime {
  node: string;
  bin: string;
  /** The test preloads, for NODE_OPTIONS. */
  preloads: string[];
}

const HERE: Runtime = { node: process.execPath, bin: BIN, preloads: [GUARD, SIGNAL_READY] };
let staged: Runtime | undefined;

/**
 * What an unprivileged run executes, where `nobody` can reach it: the checkout may live under a directory only root
 * can traverse (`/root`, `mktemp -d`), and so may the Node.js binary (CI keeps Node 22 and 24 in root's cache). The
 * bundle in dist/cli is self-contained, so node, bin/, dist/cli/, package.json (ESM) and the guard are all it needs.
 * Staged once per test file in a world-readable temporary directory, removed when the process exits.
 */
function unprivilegedRuntime(): Runtime {
  if (UNPRIVILEGED_PREFIX.length === 0) return HERE;
  if (staged !== undefined) return staged;
  const dir = mkdtempSync(join(tmpdir(), 'rdsjob-runtime-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  chmodSync(dir, 0o755);
  const node = join(dir, 'node');
  try {
    linkSync(process.execPath, node); // same file system: no copy of ~100 MB
  } catch {
    copyFileSync(process.execPath, node);
  }
  chmodSync(node, 0o755);
  for (const path of ['bin/rdsjob.js', 'package.json']) cpSync(join(root, path), join(dir, path));
  cpSync(join(root, 'dist', 'cli'), join(dir, 'dist', 'cli'), { recursive: true });
  const preloads = HERE.preloads.map((path) => join(dir, basename(path)));
  for (const [i, path] of HERE.preloads.entries()) cpSync(path, preloads[i]!);
  staged = { node, bin: join(dir, 'bin', 'rdsjob.js'), preloads };
  return staged;
}

/** A fresh HOME with nothing configured, removed by the caller via cleanup(). */
export function tempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'rdsjob-e2e-'));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export function writeJson(path: string, data: unknown, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(data, null, 2), { mode });
}

/** The environment for a run pointed at `emu`: AK/SK, region, project id and both endpoints. */
export function emulatorEnv(emu: Emulator): Record<string, string> {
  return {
    HUAWEICLOUD_SDK_AK: AK,
    HUAWEICLOUD_SDK_SK: SK,
    HUAWEICLOUD_SDK_REGION: REGION,
    HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
    RDSJOB_ENDPOINT: emu.url,
    HUAWEICLOUD_SDK_IAM_ENDPOINT: emu.url,
  };
}

/** The environment of a run: clean, HOME (and the XDG directories) under `home`, pointed at `emu` unless `bare`. */
function runEnv(emu: Emulator | undefined, home: string, options: RunOptions): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TZ: 'UTC',
    ...(emu && !options.bare ? emulatorEnv(emu) : {}),
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export async function rdsjob(emu: Emulator | undefined, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const own = options.home ? undefined : tempHome();
  const signals = mkdtempSync(join(tmpdir(), 'rdsjob-signals-'));
  const env = {
    NODE_OPTIONS: (options.unprivileged ? unprivilegedRuntime() : HERE).preloads.map((p) => `--import=${p}`).join(' '),
    RDSJOB_TEST_SIGNALS: join(signals, 'handled'),
    ...runEnv(emu, options.home ?? own!.home, options),
  };
  try {
    const result = await spawnCli(args, env, options);
    assertNoSecrets(result, emu, [...(options.secrets ?? []), ...secretsIn(env)]);
    return result;
  } finally {
    own?.cleanup();
    rmSync(signals, { recursive: true, force: true });
  }
}

/**
 * The same run as `rdsjob()` in this process: main() with the run's environment, HOME and stdin, its stdout and
 * stderr kept in memory (not terminals), the real clock and timers, and the real API client talking to `emu`. For
 * what a run prints and exits with where the process around it is not the point: no process start-up (~0.3 s of CPU
 * each), no bundle, no signals, no pipes — the spawned tests keep those. Times print in the test process's zone.
 */
export async function inProcess(
  emu: Emulator | undefined,
  args: string[],
  options: Pick<RunOptions, 'env' | 'bare' | 'home' | 'stdin' | 'secrets'> = {},
): Promise<RunResult> {
  const [{ main }, { usableHome }, { MemoryStream }] = await Promise.all([
    import('../../src/main.js'),
    import('../../src/config/paths.js'),
    import('../support/fakes.js'),
  ]);
  const own = options.home ? undefined : tempHome();
  const env = runEnv(emu, options.home ?? own!.home, options);
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  try {
    const code = await main(args, {
      env,
      stdout,
      stderr,
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]) as unknown as InStream,
      now: Date.now,
      sleep: (ms, signal) => delay(ms, undefined, { signal }),
      homedir: usableHome(env.HOME, () => ''),
      signal: new AbortController().signal,
      startedAt: Date.now(),
    });
    const result: RunResult = { code, signal: null, stdout: stdout.text, stderr: stderr.text };
    assertNoSecrets(result, emu, [...(options.secrets ?? []), ...secretsIn(env)]);
    return result;
  } finally {
    own?.cleanup();
  }
}

function spawnCli(args: string[], env: Record<string, string>, options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const argv =
      options.shell !== undefined
        ? [
            'bash',
            '-c',
            `RDSJOB=(${[process.execPath, BIN].map(shellQuote).join(' ')}); rdsjob() { "\${RDSJOB[@]}" "$@"; }; ${options.shell}`,
          ]
        : [
            ...(options.unprivileged ? UNPRIVILEGED_PREFIX : []),
            ...(options.unprivileged
              ? [unprivilegedRuntime().node, unprivilegedRuntime().bin]
              : [process.execPath, ...(options.command ?? [BIN])]),
            ...args,
          ];
    const child = options.pty
      ? spawn(
          'script',
          [
            '-qfec',
            `stty cols ${options.pty.cols} rows ${options.pty.rows}; exec ${argv.map(shellQuote).join(' ')}`,
            '/dev/null',
          ],
          {
            env,
            cwd: options.cwd,
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        )
      : spawn(argv[0]!, argv.slice(1), { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `rdsjob ${args.join(' ')} did not finish within ${options.timeoutMs ?? 15_000} ms\nstderr: ${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    // A run that ends before reading its stdin closes the pipe: EPIPE on our side is not the run's failure (its
    // output and exit code say what happened), and unhandled it would fail the whole test file.
    child.stdin.on('error', () => undefined);
    if (options.keepStdinOpen) {
      if (options.stdin !== undefined) child.stdin.write(options.stdin);
    } else {
      child.stdin.end(options.stdin ?? '');
    }
    options.onSpawn?.(child, (signal) => handling(env.RDSJOB_TEST_SIGNALS!, signal));
  });
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const SECRET_ENV = /(_SK|SECRET_KEY|SECURITY_TOKEN|AUTH_TOKEN)$/;

function secretsIn(env: Record<string, string>): string[] {
  return Object.entries(env)
    .filter(([name]) => SECRET_ENV.test(name))
    .map(([, value]) => value);
}

/** Fails the test when a secret or a signature that went over the wire shows up in stdout or stderr. */
export function assertNoSecrets(result: RunResult, emu: Emulator | undefined, extra: string[] = []): void {
  const signatures = (emu?.requests ?? [])
    .map((r) => /Signature=([0-9a-f]+)/.exec(String(r.headers.authorization ?? ''))?.[1])
    .filter((s): s is string => Boolean(s));
  const secrets = [SK, TEMP_SK, SECURITY_TOKEN, AUTH_TOKEN, ...extra, ...signatures].filter((s) => s.length >= 8);
  for (const secret of secrets) {
    expect(result.stdout, 'a secret appeared on stdout').not.toContain(secret);
    expect(result.stderr, 'a secret appeared on stderr').not.toContain(secret);
  }
}

export const ANSI = /\u001b\[/;

/**
 * Resolves once the run has a handler for `signal` (signal-ready.js writes its name to `file`): a signal sent earlier
 * would take the default action and kill it, which a loaded machine makes likely. Waits for that event, however
 * long it takes, rather than guessing a delay.
 */
async function handling(file: string, signal: NodeJS.Signals, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n').includes(signal)) return;
    if (Date.now() > until) throw new Error(`the run installed no ${signal} handler within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The rdsjob process under a `pty` run: `script`'s child (its shell `exec`s node). */
export function ptyChild(child: import('node:child_process').ChildProcess): number {
  return Number(
    execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')[0],
  );
}
