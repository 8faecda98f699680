// Everything a command touches in the outside world, injected so tests run in-process with fakes.
import type { ApiFactory } from './api/types.js';

export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
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
  /** The user's home directory (KooCLI's ~/.hcloud, the default config and cache paths). */
  homedir: string;
  /** Aborted when the user presses Ctrl-C. */
  signal: AbortSignal;
  /** Opens the RDS/IAM client from the resolved configuration. The real one uses got; tests may pass a fake. */
  openApi?: ApiFactory;
}
