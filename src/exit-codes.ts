// The one place that maps outcomes to exit codes (contract § Exit codes).
import {
  ApiError, AuthError, ConfigError, InterruptedError, MalformedResponseError, NetworkError, NotFoundError,
  UsageError, WaitTimeoutError,
} from './errors.js';

export const EXIT = {
  ok: 0,
  jobFailed: 1,
  usage: 2,
  config: 3,
  notFound: 4,
  api: 5,
  timeout: 6,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof ConfigError || error instanceof AuthError) return EXIT.config;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof ApiError || error instanceof NetworkError || error instanceof MalformedResponseError) return EXIT.api;
  if (error instanceof WaitTimeoutError) return EXIT.timeout;
  if (error instanceof InterruptedError) return EXIT.interrupted;
  return EXIT.api; // an unexpected failure is reported like an API failure, never as success
}

/** With several ids the most important outcome wins: 3, 5, 1, 4, 6, 0 (then 2 and 130, which end everything). */
const PRIORITY: readonly ExitCode[] = [EXIT.interrupted, EXIT.usage, EXIT.config, EXIT.api, EXIT.jobFailed, EXIT.notFound, EXIT.timeout, EXIT.ok];

export function mostImportant(codes: readonly ExitCode[]): ExitCode {
  for (const code of PRIORITY) if (codes.includes(code)) return code;
  return EXIT.ok;
}
