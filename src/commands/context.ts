// What every command receives from main(): injected dependencies plus the global choices already made.
import type { JobsApi } from '../api/types.js';
import type { Deps } from '../deps.js';

export type OutputFormat = 'table' | 'json';

export interface ApiOptions {
  /** HTTP-level retries per request; `wait` passes 0 because it retries on its own, within its rate budget. */
  retries?: number;
}

export interface CommandContext {
  deps: Deps;
  output: OutputFormat;
  /** Colour in the data on stdout, decided once from its TTY, NO_COLOR, FORCE_COLOR and --no-color. */
  color: boolean;
  /** The same decision for stderr (progress, spinner), which may be a terminal while stdout is redirected. */
  stderrColor: boolean;
  debug: boolean;
  /** Resolves configuration and builds the client on first use (after input checks, so bad input sends nothing). */
  api(options?: ApiOptions): Promise<JobsApi>;
}
