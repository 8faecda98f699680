// The real world, for bin/rdsjob.js: process streams and environment, the wall clock, timers, the home directory
// and the signals that stop a run. Part of every run's start-up: each built-in module imported statically here
// costs ~1 ms on every run.
import { homedir } from 'node:os';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { cacheDir, usableHome } from './config/paths.js';
import { setTimeout as delay } from 'node:timers/promises';
import type { Deps } from './deps.js';
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
  const home = usableHome(process.env.HOME, homedir);
  enableCompileCache(cacheDir(process.env, home));
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
    // A stdout closed at launch (`>&-`) cannot be told apart here: Node replaces it with /dev/null opened
    // read-write before any JavaScript runs, exactly as `stdio: 'ignore'` or Python's subprocess.DEVNULL hand a
    // child its output; treating that as closed would fail their successful runs (docs/reliability.md).
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return droppingErrors(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    now: () => Date.now(),
    sleep,
    homedir: home,
    signal: stop.signal,
    // (process.uptime, not performance.timeOrigin: the `performance` global loads perf_hooks on first use.)
    startedAt: Date.now() - process.uptime() * 1000,
    random: Math.random,
    onExit(hook) {
      process.once('exit', hook);
      return () => process.removeListener('exit', hook);
    },
  };
}

/**
 * Node ≥ 22.1 keeps the code it compiled for the modules loaded from here on (every chunk but the entry) and reuses
 * it next time: ~4% off `get`, ~2% off `--help` (docs/performance.md). In the user's cache directory; Node 20 has
 * no such API, and a cache that cannot be used is never a reason to fail.
 */
function enableCompileCache(dir: string | undefined): void {
  const enable = (nodeModule as { enableCompileCache?: (directory: string) => unknown }).enableCompileCache;
  if (dir === undefined || enable === undefined) return;
  try {
    enable(join(dir, 'compile-cache'));
  } catch {
    // an optimisation only
  }
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
 * disk, a terminal that went away) they are dropped and the command goes on (docs/reliability.md § What a pipeline can rely on).
 */
function droppingErrors(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', () => undefined);
  }
  return stream;
}
