// What every command receives from main(), and how a command's definition hands its run to main().
import type { Command } from 'commander';
import type { Api } from '../api/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Deps } from '../deps.js';
import type { ExitCode } from '../exit-codes.js';
import type { GlobalFlags } from '../flags.js';
import type { Reported } from '../outcome.js';
import type { Query } from '../query.js';
import type { OutputFormat } from '../render/result-text.js';

export type { OutputFormat };

export interface CommandContext {
  deps: Deps;
  output: OutputFormat;
  /** --query, parsed: what the JSON result is answered with (output is then 'json'). */
  query?: Query;
  /** Writes a command's result (rendered in `output`) to stdout: with --query, the query's answer over it. */
  printResult(text: string): void;
  /** Colour in the data on stdout, decided once from its TTY, NO_COLOR, FORCE_COLOR and --no-color. */
  color: boolean;
  /** The same decision for stderr (progress, spinner), which may be a terminal while stdout is redirected. */
  stderrColor: boolean;
  /**
   * The width result tables fit when stdout is a terminal (render/terminal-width.ts: COLUMNS, else its columns),
   * read when asked; undefined when piped or unknown: tables as scripts have always read them.
   */
  readonly width?: number;
  debug: boolean;
  /** The setting flags as given (`--profile prod`), to resolve settings with and to repeat in suggested commands. */
  flags: GlobalFlags;
  /** Aborted by a stop signal (SIGINT, SIGTERM, SIGHUP), or when the bound set by `limit` runs out. */
  signal: AbortSignal;
  /**
   * Bounds every request of the command, from now, to `boundMs` (the IAM lookup included): the one deadline a
   * command lives under. `what` names the bound in messages (`RDSJOB_API_TIMEOUT`, `--timeout`). `wholeRun`: from
   * the process's start, keeping a moment for printing and exiting; `from`: from that moment (epoch ms).
   */
  limit(boundMs: number, what: string, options?: { wholeRun?: boolean; from?: number }): void;
  /** The lines main() prints for an error, for the errors a command reports itself (one per id it could not do). */
  errorLines(error: unknown, jobId?: string): string;
  /** What get, list and config list may spend on the API (RDSJOB_API_TIMEOUT, else 60 s); exit 2 when invalid. */
  apiBoundMs(): number;
  /** The configuration, read and resolved on first use (after input checks, so bad input sends nothing). */
  config(): Promise<ResolvedConfig>;
  /**
   * The API client, opened once on first use from config(). `taskCenter`: the command lists tasks or instances, so
   * another service than RDS is refused (exit 2) before the IAM lookup.
   */
  api(options?: { taskCenter?: boolean }): Promise<Api>;
  /**
   * `report` runs once main() has decided the exit code, however the run ended (returned, threw, was interrupted):
   * for what must state that code (GitHub step outputs). main() alone decides it; this only hears it.
   */
  atEnd(report: (exitCode: ExitCode) => Promise<void>): void;
}

/** A command's work: outcomes only (one, or one per item); main() owns the exit code. */
export type Run = (ctx: CommandContext) => Promise<Reported | readonly Reported[]>;

/** How a definition's action hands main() the run (`command` carries the global options commander parsed). */
export type Select = (command: Command, run: Run, output?: OutputFormat) => void;
