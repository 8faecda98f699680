// Everything a command touches in the outside world, injected so tests run in-process with fakes.
import type { ApiFactory } from './api/types.js';

export interface OutStream {
  /** `callback` runs once the chunk was handed on, with the error if it could not be. */
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** A terminal's size changed (SIGWINCH): the live view redraws for the new size. */
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface Deps {
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  /** Wall clock, epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * The user's home directory (KooCLI's ~/.hcloud, the default config and cache paths); undefined when there is
   * no usable one (HOME empty or relative): then nothing is read from or written under it.
   */
  homedir: string | undefined;
  /** Aborted, with an InterruptedError naming the signal, on SIGINT, SIGTERM or SIGHUP. */
  signal: AbortSignal;
  /** When the process started (epoch ms): get and list bound the whole run, start-up included. */
  startedAt?: number;
  /** Uniform in [0, 1), for the jitter of polls and backoff; default Math.random. */
  random?(): number;
  /**
   * Runs `hook` (synchronously) when the process exits, also when a second signal exits at once; returns what
   * removes it. The live view restores the cursor with it. Default: nothing is run.
   */
  onExit?(hook: () => void): () => void;
  /** Opens the RDS/IAM client from the resolved configuration. The real one uses got; tests may pass a fake. */
  openApi?: ApiFactory;
}
