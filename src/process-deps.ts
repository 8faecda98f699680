// The real world, for bin/rdsjob.js: process streams and environment, the wall clock, timers, the home directory
// and the signals that stop a run. Part of every run's start-up: each built-in module imported statically here
// costs ~1 ms on every run, so node:fs is fetched only when stdout is first used.
import { homedir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Deps, OutStream } from './deps.js';
import { InterruptedError, type StopSignal } from './errors.js';
import { exitCodeFor } from './exit-codes.js';

/** What each signal means to the user, as the wait summary and error lines say it. */
const STOPPED_BY: Readonly<Record<StopSignal, string>> = {
  SIGINT: 'interrupted',
  SIGTERM: 'terminated (SIGTERM)',
  SIGHUP: 'hung up (SIGHUP: the terminal went away)',
};

/** The longest delay one Node timer takes (2^31 − 1 ms, ~24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

export function processDeps(): Deps {
  const stop = new AbortController();
  for (const signal of Object.keys(STOPPED_BY) as StopSignal[]) {
    process.on(signal, () => {
      // The first signal lets the command stop cleanly (clear the spinner, list unfinished jobs, print the result);
      // a second one means "now", with the exit code of that signal (the one mapping, exit-codes.ts).
      const reason = new InterruptedError(STOPPED_BY[signal], { signal });
      if (stop.signal.aborted) process.exit(exitCodeFor(reason));
      stop.abort(reason);
    });
  }
  // Node builds process.stdin/stdout/stderr on first access (a few ms each); only `config set` reads stdin, and
  // many runs never write to stderr. So the streams are handed out on first use.
  return {
    env: process.env,
    get stdout() {
      return stdoutStream();
    },
    get stderr() {
      return droppingErrors(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    now: () => Date.now(),
    sleep,
    homedir: usableHome(process.env.HOME, homedir),
    signal: stop.signal,
  };
}

/**
 * The home directory from $HOME as the process found it: undefined when HOME is set but empty or relative (no
 * usable home: nothing is read or written under it), the account's home from the password database when HOME is
 * not set at all.
 */
export function usableHome(home: string | undefined, accountHome: () => string): string | undefined {
  const value = home ?? accountHome();
  // path.isAbsolute, without loading node:path on every run.
  const absolute = process.platform === 'win32' ? /^([A-Za-z]:)?[\\/]/.test(value) : value.startsWith('/');
  return absolute ? value : undefined;
}

async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  for (let left = ms; ; left -= MAX_TIMER_MS) {
    await delay(Math.min(Math.max(0, left), MAX_TIMER_MS), undefined, { signal });
    if (left <= MAX_TIMER_MS) return;
  }
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * stderr carries progress and messages, never the result: when it cannot be written (`2>&1 | head -1`, a full
 * disk, a terminal that went away) they are dropped and the command goes on (contract § Broken output).
 */
function droppingErrors(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', () => undefined);
  }
  return stream;
}

let stdout: OutStream | undefined;

function stdoutStream(): OutStream {
  stdout ??= closedAtLaunch(1) ? closedStream() : process.stdout;
  return stdout;
}

/**
 * `rdsjob get … >&-`: Node gives a process started with fd 1 closed a /dev/null opened read-write in its place,
 * so writes would "succeed" into nothing. A shell's `> /dev/null` opens it write-only, which tells the two apart
 * (on Linux, through /proc; elsewhere the output is lost as before).
 */
function closedAtLaunch(fd: number): boolean {
  if (process.platform !== 'linux') return false;
  const { readFileSync, readlinkSync } = process.getBuiltinModule('node:fs');
  try {
    if (readlinkSync(`/proc/self/fd/${fd}`) !== '/dev/null') return false;
    const flags = /^flags:\s*(\d+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 0o3) === 0o2; // O_ACCMODE === O_RDWR
  } catch {
    return false;
  }
}

function closedStream(): OutStream {
  const closed = () => Object.assign(new Error('stdout is closed'), { code: 'EBADF' });
  return {
    isTTY: false,
    write(_chunk, callback) {
      process.nextTick(() => callback?.(closed()));
      return false;
    },
  };
}
