// `rdsjob wait <id...>` and `rdsjob get --wait`: progress on stderr, the final jobs on stdout.
import type { ExitCode } from '../exit-codes.js';
import type { Job } from '../job.js';
import { waitForJobs } from '../wait/engine.js';
import { plainReporter } from '../wait/reporter-plain.js';
import { withGithubAnnotations } from '../wait/reporter-github.js';
import { canSpin, quietReporter, type WaitReporter } from '../wait/reporter.js';
import { summaryLines } from '../wait/summary.js';
import type { CommandContext } from './context.js';
import { render } from './get.js';

export { DEFAULT_INTERVAL, DEFAULT_NOT_FOUND_GRACE, DEFAULT_TIMEOUT } from '../wait/defaults.js';

export interface WaitCommandOptions {
  /** 0 = no limit. */
  timeoutMs: number;
  intervalMs: number;
  notFoundGraceMs: number;
  /** Request budget shared by all ids; default 60 (RDS's documented per-user limit). */
  requestsPerMinute?: number;
  /** No progress at all; errors and the unfinished list are still printed. */
  quiet: boolean;
  /** Without a TTY, the "still waiting" cadence (default 5 minutes). */
  heartbeatMs?: number;
  /** Jitter source; default Math.random. */
  random?: () => number;
}

async function reporterFor(options: WaitCommandOptions, ctx: CommandContext): Promise<WaitReporter> {
  const { stderr, env } = ctx.deps;
  const base = options.quiet
    ? quietReporter
    : canSpin(stderr)
      ? // ora is loaded only when a spinner is actually shown (start-up cost, see the Performance section).
        (await import('../wait/reporter-tty.js')).ttyReporter({ stream: stderr, color: ctx.stderrColor })
      : plainReporter({ stream: stderr, heartbeatMs: options.heartbeatMs });
  // Annotations are read by the runner, not people, so they survive --quiet.
  return env.GITHUB_ACTIONS === 'true' ? withGithubAnnotations(base, stderr) : base;
}

/**
 * Exit code per contract § Exit codes. An error that ends the whole wait (401/403, configuration) is thrown
 * so main() reports it once, like any other command's.
 */
export async function runWait(ids: readonly string[], options: WaitCommandOptions, ctx: CommandContext): Promise<ExitCode> {
  const { deps } = ctx;
  const api = await ctx.api({ retries: 0 });
  const result = await waitForJobs(ids, options, {
    api,
    now: deps.now,
    sleep: deps.sleep,
    random: options.random ?? Math.random,
    signal: deps.signal,
    reporter: await reporterFor(options, ctx),
  });
  if (result.fatal !== undefined) throw result.fatal;

  // Every job seen is printed as last seen (Failed and unfinished ones too), in argument order like `get` (an id
  // given twice is polled once, printed twice); jobs never seen only on stderr.
  const lastSeen = new Map(result.results.map((r) => [r.id, r.job]));
  const seen = ids.map((id) => lastSeen.get(id)).filter((job): job is Job => job !== undefined);
  const several = ids.length > 1;
  if (several || seen.length > 0) deps.stdout.write(await render(seen, several, ctx));

  const summary = summaryLines(result, { ...options, json: ctx.output === 'json', globalArgs: ctx.globalArgs });
  if (summary.length > 0) deps.stderr.write(`${summary.join('\n')}\n`);
  return result.exitCode;
}
