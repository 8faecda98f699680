// The real world, for bin/rdsjob.js: process streams and environment, the wall clock, timers and Ctrl-C.
import { homedir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Deps } from './deps.js';
import { InterruptedError } from './errors.js';

export function processDeps(): Deps {
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    // The first Ctrl-C lets the command stop cleanly (clear the spinner, list unfinished jobs); a second one
    // means "now".
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort(new InterruptedError('interrupted'));
  });
  // Node builds process.stdin/stdout/stderr on first access (a few ms each); only `config set` reads stdin, and
  // many runs never write to stderr. So the streams are handed out on first use.
  return {
    env: process.env,
    get stdout() {
      return quietOnEpipe(process.stdout);
    },
    get stderr() {
      return quietOnEpipe(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    now: () => Date.now(),
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
    homedir: homedir(),
    signal: interrupt.signal,
  };
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/** `rdsjob get … | head`: when the reader goes away, stop quietly as Unix tools do, instead of dying on EPIPE. */
function quietOnEpipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
  return stream;
}
