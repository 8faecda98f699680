// `rdsjob get <id...>`: fetch each job once and print it (table or the API's JSON); with --wait, `wait` does it.
import type { Command } from 'commander';
import { assertJobIds } from '../config/validate.js';
import { failsForEveryRequest, UsageError } from '../errors.js';
import type { Job } from '../job.js';
import { errorOutcome, OK, type Reported } from '../outcome.js';
import { formatError } from '../render/error.js';
import { renderJobsResult } from '../render/result.js';
import type { CommandContext, Select } from './context.js';
import { addOutputOptions, formatOf, type OutputFlags } from './options.js';
import { addWaitOptions, isWaitOptionGiven, runWait, waitOptionsOf, type WaitFlags } from './wait.js';

export function defineGet(program: Command, select: Select): void {
  const command = program
    .command('get')
    .description('show RDS jobs')
    .argument('<job-id...>', 'job ids, e.g. a9767ede-fe0f-4888-9003-e843a4c90514')
    .option('--wait', 'wait until every job is Completed or Failed');
  addOutputOptions(command);
  addWaitOptions(command);
  command.addHelpText('after', '\nExamples:\n  $ rdsjob get a9767ede-fe0f-4888-9003-e843a4c90514\n  $ rdsjob get $JOB --json | jq -r .status\n  $ rdsjob get $JOB1 $JOB2 --wait\n');
  command.action(async (ids: string[], flags: OutputFlags & WaitFlags & { wait?: boolean }, self: Command) => {
    assertJobIds(ids);
    if (flags.wait) {
      const options = waitOptionsOf(flags);
      select(self, (ctx) => runWait(ids, options, ctx), formatOf(flags));
      return;
    }
    // A wait option without --wait would be silently ignored: say so instead (exit 2).
    const given = isWaitOptionGiven(self);
    if (given !== undefined) throw new UsageError(`${given} only applies with --wait`, { hint: 'add --wait, or use `rdsjob wait`' });
    select(self, (ctx) => runGet(ids, ctx), formatOf(flags));
  });
}

/**
 * A few requests at a time, not one per id at once: RDS allows 60 requests a minute per user, and a burst of 100
 * would mostly come back 429. (Throttled requests are retried after Retry-After.)
 */
const GET_CONCURRENCY = 4;

async function runGet(ids: readonly string[], ctx: CommandContext): Promise<Reported[]> {
  const api = await ctx.api();
  const results = await settledInOrder(ids, GET_CONCURRENCY, (id) => api.getJob(id, { signal: ctx.deps.signal }));

  // A credentials or configuration failure is the same for every id: report it once, from main().
  const fatal = results.find((r) => r.status === 'rejected' && failsForEveryRequest(r.reason));
  if (fatal?.status === 'rejected') throw fatal.reason;
  if (ids.length === 1 && results[0]?.status === 'rejected') throw results[0].reason;

  // Several ids: print what was found (in argument order) and one error line per id that was not, like kubectl.
  const jobs: Job[] = [];
  const outcomes: Reported[] = [];
  for (const [i, result] of results.entries()) {
    if (result.status === 'fulfilled') {
      jobs.push(result.value);
      outcomes.push(OK);
    } else {
      ctx.deps.stderr.write(formatError(result.reason, ctx.debug, ids[i]));
      outcomes.push(errorOutcome(result.reason));
    }
  }
  ctx.deps.stdout.write(await renderJobsResult(jobs, ids.length > 1, ctx.output, { color: ctx.color, now: ctx.deps.now() }));
  return outcomes;
}

async function settledInOrder<T>(items: readonly string[], limit: number, run: (item: string) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await run(items[i]!) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
