// The one mapping from outcomes and errors to exit codes (README § Exit codes). Only main() calls it for the
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
