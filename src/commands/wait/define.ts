// `rdsjob wait <id...>`: its arguments, options and help, and the wait options `get --wait` shares. Checked while
// parsing, so bad input is refused (exit 2) before anything is sent; the run is loaded once the command is chosen.
// The run is loaded with `import()` once this command is chosen: parsing and --help need only this definition.
import type { Command } from 'commander';
import { assertGraceNeedsSince, assertJobIds, instanceIdOf } from '../../config/validate.js';
import { UsageError } from '../../errors.js';
import {
  DEFAULT_INTERVAL,
  DEFAULT_NOT_FOUND_GRACE,
  DEFAULT_REQUESTS_PER_MINUTE,
  DEFAULT_TIMEOUT,
} from '../../wait/defaults.js';
import { parseDuration, positiveDuration } from '../../duration.js';
import type { Select } from '../context.js';
import { addOutputOptions, addQueryOption, formatOf, type OutputFlags } from '../output-flags.js';

/** The wait options as commander parses them. */
export interface WaitFlags {
  timeout: string;
  interval: string;
  notFoundGrace: string;
  rateLimit: string;
  quiet?: boolean;
  failFast?: boolean;
}

const WAIT_OPTIONS: readonly (keyof WaitFlags)[] = [
  'timeout',
  'interval',
  'notFoundGrace',
  'rateLimit',
  'quiet',
  'failFast',
];

export interface WaitCommandOptions {
  /** 0 = no limit. */
  timeoutMs: number;
  intervalMs: number;
  notFoundGraceMs: number;
  /** Request budget shared by all ids; default 60 (RDS's documented per-user limit). */
  requestsPerMinute?: number;
  /** No progress at all; errors and the unfinished list are still printed. */
  quiet: boolean;
  /** --fail-fast: the first job or task that ends Failed ends the wait (exit 1). */
  failFast?: boolean;
  /** `wait --instance --since`: the tasks created on the instance this long before the wait began (ms). */
  sinceMs?: number;
}

export function addWaitOptions(command: Command): Command {
  return command
    .option('--timeout <duration>', 'give up after this long (0 = never)', DEFAULT_TIMEOUT)
    .option('--interval <duration>', 'time between polls of one job', DEFAULT_INTERVAL)
    .option('--not-found-grace <duration>', 'how long a new job id may be not found yet', DEFAULT_NOT_FOUND_GRACE)
    .option(
      '--rate-limit <n>',
      'requests per minute across all jobs (RDS allows 60 per user)',
      String(DEFAULT_REQUESTS_PER_MINUTE),
    )
    .option('--quiet', 'print only the result (and errors)')
    .option('--fail-fast', 'stop at the first job or task that ends Failed (exit 1), listing the others');
}

/** The long name of a wait option given on the command line, if any (for `get` without --wait). */
export function givenWaitOption(command: Command): string | undefined {
  const given = command.options.find(
    (option) =>
      WAIT_OPTIONS.includes(option.attributeName() as keyof WaitFlags) &&
      command.getOptionValueSource(option.attributeName()) === 'cli',
  );
  return given?.long;
}

export function waitOptionsOf(flags: WaitFlags): WaitCommandOptions {
  const intervalMs = parseDuration(flags.interval, '--interval');
  if (intervalMs <= 0) throw new UsageError(`invalid --interval "${flags.interval}": must be more than 0`);
  const requestsPerMinute = Number(flags.rateLimit);
  if (!/^\d+$/.test(flags.rateLimit) || requestsPerMinute < 1) {
    throw new UsageError(
      `invalid --rate-limit "${flags.rateLimit}": use a whole number of requests per minute, at least 1`,
    );
  }
  return {
    timeoutMs: parseDuration(flags.timeout, '--timeout'),
    intervalMs,
    requestsPerMinute,
    notFoundGraceMs: parseDuration(flags.notFoundGrace, '--not-found-grace'),
    quiet: flags.quiet === true,
    failFast: flags.failFast === true,
  };
}

export function defineWait(program: Command, select: Select): void {
  const command = program
    .command('wait')
    .description('wait until RDS jobs are Completed or Failed (exit 0 / 1), or until an instance has no running task')
    .argument('[job-id...]', 'job ids')
    .option('--instance <ref>', 'instead of job ids: until this DB instance (id or name) is free for the next change')
    .option('--since <duration>', 'with --instance: also wait for the tasks started this recently, e.g. 10m');
  addOutputOptions(command);
  addQueryOption(command);
  addWaitOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  $ rdsjob wait $JOB --timeout 30m
  $ rdsjob wait $JOB1 $JOB2 --json > jobs.json || echo "a job failed: exit $?"
  $ rdsjob wait --instance orders-db --timeout 45m && terraform apply   # once the instance is free
  $ rdsjob wait --instance orders-db --since 5m     # the change just started, before RDS even shows it
`,
  );
  command.action(
    (ids: string[], flags: OutputFlags & WaitFlags & { instance?: string; since?: string }, self: Command) => {
      const options = waitOptionsOf(flags);
      if (flags.instance === undefined) {
        if (flags.since !== undefined) throw new UsageError('--since only applies to --instance');
        assertJobIds(ids, 'wait');
        select(self, async (ctx) => (await import('../api-runs.js')).runWait(ids, options, ctx), formatOf(flags));
        return;
      }
      if (ids.length > 0) {
        throw new UsageError('job ids and --instance cannot be used together', {
          hint: 'wait for the jobs (rdsjob wait ID…), or for everything on the instance (rdsjob wait --instance ID)',
        });
      }
      assertGraceNeedsSince(flags.since !== undefined, self.getOptionValueSource('notFoundGrace') === 'cli');
      const ref = instanceIdOf(flags.instance);
      const sinceMs = flags.since === undefined ? undefined : positiveDuration(flags.since, '--since');
      select(
        self,
        async (ctx) => (await import('../api-runs.js')).runWaitInstance(ref, { ...options, sinceMs }, ctx),
        formatOf(flags),
      );
    },
  );
}
