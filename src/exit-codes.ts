// The one mapping from outcomes and errors to exit codes (contract § Exit codes). Only main() calls it for the
// process; the programmatic API offers it so callers can tell what the CLI would have exited with.
import {
  ApiError,
  AuthError,
  ConfigError,
  InterruptedError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  OutputError,
  UsageError,
  WaitTimeoutError,
  type StopSignal,
} from './errors.js';
import type { Reported } from './outcome.js';

export const EXIT = {
  ok: 0,
  jobFailed: 1,
  usage: 2,
  config: 3,
  notFound: 4,
  api: 5,
  timeout: 6,
  /** A bug in rdsjob (EX_SOFTWARE): nothing the user, the network or the API did. */
  internal: 70,
  interrupted: 130,
  hangup: 129,
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * What each code means to a user, as `rdsjob --help` and the README's table say it (a test holds the README to
 * this table, and to EXIT).
 */
export const EXIT_MEANINGS: ReadonlyArray<readonly [ExitCode, string]> = [
  [
    EXIT.ok,
    'success: jobs fetched (`get`), tasks listed (`list`), every job Completed (`wait`), the instance free (`wait --instance`)',
  ],
  [
    EXIT.jobFailed,
    'at least one job or task ended `Failed` (`wait`, `get --wait`, `wait --instance`, also with `--fail-fast`); the instance became `FAILED`, `FROZEN` or `STORAGE FULL`',
  ],
  [
    EXIT.usage,
    'usage error: unknown command or option, invalid job id or instance, invalid duration, invalid or conflicting flag values, an instance name several instances share',
  ],
  [EXIT.config, 'configuration or credentials error: no region, no credentials, unreadable config, HTTP 401/403'],
  [
    EXIT.notFound,
    'not found: a job (`get`: HTTP 404; `wait`: still not visible after the grace period, never one already seen), an instance (`--instance`, or deleted during the wait), no task in the `--since` window after the grace period',
  ],
  [
    EXIT.api,
    'API or network failure after retries: 5xx, throttled too long, unreachable, a host that never answered, malformed response; a wait that timed out while its last attempt failed; the output could not be written',
  ],
  [EXIT.timeout, '`wait` timed out, every unfinished job last seen still running'],
  [EXIT.internal, 'internal error: a bug in rdsjob (reported as such, never as an API failure); please report it'],
  [EXIT.interrupted, 'interrupted (SIGINT, Ctrl-C)'],
  [EXIT.terminated, 'terminated (SIGTERM: CI cancellation, `timeout`, `docker stop`)'],
  [EXIT.hangup, 'hung up (SIGHUP: the terminal went away)'],
];

/** 128 + the signal's number, as a shell reports a process killed by it. */
const SIGNAL_EXIT: Readonly<Record<StopSignal, ExitCode>> = {
  SIGINT: EXIT.interrupted,
  SIGTERM: EXIT.terminated,
  SIGHUP: EXIT.hangup,
};

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof ConfigError || error instanceof AuthError) return EXIT.config;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (
    error instanceof ApiError ||
    error instanceof NetworkError ||
    error instanceof MalformedResponseError ||
    error instanceof OutputError
  )
    return EXIT.api;
  if (error instanceof WaitTimeoutError) return EXIT.timeout;
  if (error instanceof InterruptedError) return SIGNAL_EXIT[error.signal];
  return EXIT.internal; // not one of ours: a bug, never success and never blamed on the API
}

function codeOf({ outcome, error }: Reported): ExitCode {
  switch (outcome) {
    case 'ok':
    case 'completed':
    case 'stopped': // --fail-fast: the Failed item beside it decides (1)
      return EXIT.ok;
    case 'failed':
    case 'unset': // like `git config` for a missing key
      return EXIT.jobFailed;
    case 'not-found':
      return EXIT.notFound;
    case 'timeout':
      // The last attempt failed (no answer, 5xx, throttled, a 404 for a job already seen): nobody knows whether it
      // still runs, so the API is at fault (5), never "not found" (4); only a last answer that was its state is 6.
      return error === undefined ? EXIT.timeout : EXIT.api;
    case 'interrupted':
      return error instanceof InterruptedError ? SIGNAL_EXIT[error.signal] : EXIT.interrupted;
    case 'error':
      return exitCodeFor(error);
  }
}

/** Several ids: the most important outcome wins: 3, 5, 1, 4, 6, 0 (signals, a bug and 2 end everything anyway). */
const PRIORITY: readonly ExitCode[] = [
  EXIT.interrupted,
  EXIT.terminated,
  EXIT.hangup,
  EXIT.internal,
  EXIT.usage,
  EXIT.config,
  EXIT.api,
  EXIT.jobFailed,
  EXIT.notFound,
  EXIT.timeout,
  EXIT.ok,
];

export function mostImportant(codes: readonly ExitCode[]): ExitCode {
  for (const code of PRIORITY) if (codes.includes(code)) return code;
  return EXIT.ok;
}

export function exitCodeOf(reported: Reported | readonly Reported[]): ExitCode {
  const all: readonly Reported[] = Array.isArray(reported) ? reported : [reported as Reported];
  return mostImportant(all.map(codeOf));
}
