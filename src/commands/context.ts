// What every command receives from main(): injected dependencies plus the global choices already made.
import type { JobsApi } from '../api/types.js';
import type { Deps } from '../deps.js';

export type OutputFormat = 'table' | 'json';

export interface CommandContext {
  deps: Deps;
  output: OutputFormat;
  /** Colour on stdout/stderr, decided once from TTY, NO_COLOR, FORCE_COLOR and --no-color. */
  color: boolean;
  debug: boolean;
  /** Resolves configuration and builds the client on first use (after input checks, so bad input sends nothing). */
  api(): Promise<JobsApi>;
}
