// What each exit code means to a user, as `rdsjob --help` and the README's table say it (a test holds the README to
// this table). Apart from exit-codes.ts, which every run loads, because only --help needs these words; the type
// check below still makes each code here the one EXIT gives it, and every EXIT code appear.
import type { EXIT } from './exit-codes.js';

type Codes = typeof EXIT;

const EXIT_MEANINGS = {
  ok: [
    0,
    'success: jobs fetched (`get`), tasks listed (`list`), every job Completed (`wait`), the instance free (`wait --instance`)',
  ],
  jobFailed: [
    1,
    'at least one job or task ended `Failed` (`wait`, `get --wait`, `wait --instance`, also with `--fail-fast`); the instance became `FAILED`, `FROZEN` or `STORAGE FULL`',
  ],
  usage: [
    2,
    'usage error: unknown command or option, invalid job id or instance, invalid duration, invalid or conflicting flag values, an instance name several instances share',
  ],
  config: [3, 'configuration or credentials error: no region, no credentials, unreadable config, HTTP 401/403'],
  notFound: [
    4,
    'not found: a job (`get`: HTTP 404, or an empty GeminiDB job list; `wait`: still not visible after the grace period, never one already seen), an instance (`--instance`, or deleted during the wait), no task in the `--since` window after the grace period',
  ],
  api: [
    5,
    'API or network failure after retries: 5xx, throttled too long, unreachable, a host that never answered, a gateway that knows no such API (`APIGW.0101`: the endpoint, service or region), malformed response; a wait that timed out while its last attempt failed; the output could not be written',
  ],
  timeout: [6, '`wait` timed out, every unfinished job last seen still running'],
  internal: [70, 'internal error: a bug in rdsjob (reported as such, never as an API failure); please report it'],
  interrupted: [130, 'interrupted (SIGINT, Ctrl-C)'],
  terminated: [143, 'terminated (SIGTERM: CI cancellation, `timeout`, `docker stop`)'],
  hangup: [129, 'hung up (SIGHUP: the terminal went away)'],
} as const satisfies { [K in keyof Codes]: readonly [Codes[K], string] };

/** [code, meaning] in the order of the table. */
export const EXIT_ROWS: ReadonlyArray<readonly [number, string]> = Object.values(EXIT_MEANINGS);
