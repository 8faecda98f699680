// `rdsjob wait <id...>` and `rdsjob get --wait`: the wait options, and the run: progress on stderr, the final
// jobs on stdout.
import type { Command } from 'commander';
import { assertJobIds } from '../config/validate.js';
import { UsageError } from '../errors.js';
import type { Job } from '../job.js';
import { loadSpinner } from '../lazy.js';
import type { Reported } from '../outcome.js';
import { renderJobsResult } from '../render/result.js';
import { DEFAULT_INTERVAL, DEFAULT_NOT_FOUND_GRACE, DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_TIMEOUT } from '../wait/defaults.js';
import { parseDuration } from '../wait/duration.js';
import { waitForJobs } from '../wait/engine.js';
import { withGithubAnnotations } from '../wait/reporter-github.js';
import { plainReporter } from '../wait/reporter-plain.js';
import { canSpin, quietReporter, type WaitReporter } from '../wait/reporter.js';
import { summaryLines } from '../wait/summary.js';
import type { CommandContext, Select } from './context.js';
import { addOutputOptions, formatOf, type OutputFlags } from './options.js';
import { settingArgs } from '../flags.js';

/** The wait options as commander parses them. */
export interface WaitFlags {
  timeout: string;
  interval: string;
  notFoundGrace: string;
  rateLimit: string;
  quiet?: boolean;
}

const WAIT_OPTIONS: readonly (keyof WaitFlags)[] = ['timeout', 'interval', 'notFoundGrace', 'rateLimit', 'quiet'];

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

export function addWaitOptions(command: Command): Command {
  return command
    .option('--timeout <duration>', 'give up after this long (0 = never)', DEFAULT_TIMEOUT)
    .option('--interval <duration>', 'time between polls of one job', DEFAULT_INTERVAL)
    .option('--not-found-grace <duration>', 'how long a new job id may be not found yet', DEFAULT_NOT_FOUND_GRACE)
    .option('--rate-limit <n>', 'requests per minute across all jobs (RDS allows 60 per user)', String(DEFAULT_REQUESTS_PER_MINUTE))
    .option('--quiet', 'print only the result (and errors)');
}

/** The long name of a wait option given on the command line, if any (for `get` without --wait). */
export function isWaitOptionGiven(command: Command): string | undefined {
  const given = command.options.find((option) => WAIT_OPTIONS.includes(option.attributeName() as keyof WaitFlags) &&
    command.getOptionValueSource(option.attributeName()) === 'cli');
  return given?.long;
}

/** Durations are checked while parsing, so an invalid one is refused (exit 2) before any request. */
export function waitOptionsOf(flags: WaitFlags): WaitCommandOptions {
  const intervalMs = parseDuration(flags.interval);
  if (intervalMs <= 0) throw new UsageError(`invalid --interval "${flags.interval}": must be more than 0`);
  const requestsPerMinute = Number(flags.rateLimit);
  if (!/^\d+$/.test(flags.rateLimit) || requestsPerMinute < 1) {
    throw new UsageError(`invalid --rate-limit "${flags.rateLimit}": use a whole number of requests per minute, at least 1`);
  }
  return {
    timeoutMs: parseDuration(flags.timeout),
    intervalMs,
    requestsPerMinute,
    notFoundGraceMs: parseDuration(flags.notFoundGrace),
    quiet: flags.quiet === true,
  };
}

export function defineWait(program: Command, select: Select): void {
  const command = program
    .command('wait')
    .description('wait until RDS jobs are Completed or Failed (exit 0 / 1)')
    .argument('<job-id...>', 'job ids');
  addOutputOptions(command);
  addWaitOptions(command);
  command.addHelpText('after', '\nExamples:\n  $ rdsjob wait $JOB --timeout 30m\n  $ rdsjob wait $JOB1 $JOB2 --json > jobs.json || echo "a job failed: exit $?"\n');
  command.action(async (ids: string[], flags: OutputFlags & WaitFlags, self: Command) => {
    assertJobIds(ids);
    const options = waitOptionsOf(flags);
    select(self, (ctx) => runWait(ids, options, ctx), formatOf(flags));
  });
}

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
  const api = await ctx.api();
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
  if (several || seen.length > 0) {
    deps.stdout.write(await renderJobsResult(seen, several, ctx.output, { color: ctx.color, now: deps.now() }));
  }

  const summary = summaryLines(result, { ...options, json: ctx.output === 'json', globalArgs: settingArgs(ctx.flags) });
  if (summary.length > 0) deps.stderr.write(`${summary.join('\n')}\n`);
  return result.results;
}
