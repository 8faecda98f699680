// The run of `rdsjob wait <id...>` and `rdsjob get --wait`: progress on stderr, the final jobs on stdout.
import { formatDuration } from '../../duration.js';
import { DeadlineError, InterruptedError } from '../../errors.js';
import type { Job } from '../../job.js';
import { OVERDUE_GRACE_MS } from '../../limits.js';
import { loadSpinner } from '../../lazy.js';
import type { Reported } from '../../outcome.js';
import { renderJobsResult } from '../../render/result.js';
import { settingArgs } from '../../flags.js';
import { waitForJobs } from '../../wait/engine.js';
import { withGithubAnnotations } from '../../wait/reporter-github.js';
import { plainReporter } from '../../wait/reporter-plain.js';
import { canSpin, quietReporter, type WaitReporter } from '../../wait/reporter.js';
import type { WaitResult } from '../../wait/result.js';
import { summaryLines } from '../../wait/summary.js';
import type { CommandContext } from '../context.js';
import type { WaitCommandOptions } from './define.js';

export type { WaitCommandOptions };

async function reporterFor(options: WaitCommandOptions, ctx: CommandContext): Promise<WaitReporter> {
  const { stderr, env } = ctx.deps;
  const base = options.quiet
    ? quietReporter
    : canSpin(stderr)
      ? (await loadSpinner()).ttyReporter({ stream: stderr, color: ctx.stderrColor })
      : plainReporter({ stream: stderr, heartbeatMs: options.heartbeatMs });
  // Annotations are read by the runner, not people, so they survive --quiet.
  return env.GITHUB_ACTIONS === 'true' ? withGithubAnnotations(base, stderr) : base;
}

/** An error that ends the whole wait (401/403, configuration) is thrown so main() reports it once, like any other. */
export async function runWait(ids: readonly string[], options: WaitCommandOptions, ctx: CommandContext): Promise<Reported[]> {
  const { deps } = ctx;
  // --timeout bounds the whole wait, the IAM project-id lookup before the first poll included.
  const startedAt = deps.now();
  if (options.timeoutMs > 0) {
    ctx.limit(options.timeoutMs + OVERDUE_GRACE_MS, `--timeout ${formatDuration(options.timeoutMs)} and ${formatDuration(OVERDUE_GRACE_MS)} for a last answer`);
  }
  const reporter = await reporterFor(options, ctx);
  let result: WaitResult;
  try {
    const api = await ctx.api();
    result = await waitForJobs(ids, { ...options, startedAt }, {
      api,
      now: deps.now,
      sleep: deps.sleep,
      random: options.random ?? Math.random,
      signal: ctx.signal,
      reporter,
    });
  } catch (error) {
    // Stopped or out of time before the first poll (a hanging IAM lookup): every job is unfinished, not failed.
    if (!(error instanceof InterruptedError || error instanceof DeadlineError)) throw error;
    const outcome = error instanceof InterruptedError ? 'interrupted' : 'timeout';
    result = { results: [...new Set(ids)].map((id) => ({ id, outcome, error, elapsedMs: deps.now() - startedAt })), elapsedMs: deps.now() - startedAt };
  }
  if (result.fatal !== undefined) throw result.fatal;

  // Every job seen is printed as last seen (Failed and unfinished ones too), in argument order like `get` (an id
  // given twice is polled once, printed twice); jobs never seen only on stderr.
  const lastSeen = new Map(result.results.map((r) => [r.id, r.job]));
  const seen = ids.map((id) => lastSeen.get(id)).filter((job): job is Job => job !== undefined);
  const several = ids.length > 1;
  if (several || seen.length > 0) {
    deps.stdout.write(await renderJobsResult(seen, several, ctx.output, { color: ctx.color, now: deps.now() }));
  }

  const summary = summaryLines(result, { ...options, json: ctx.output === 'json', globalArgs: settingArgs(ctx.flags) });
  if (summary.length > 0) deps.stderr.write(`${summary.join('\n')}\n`);
  return result.results;
}
