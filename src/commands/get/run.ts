// The run of `rdsjob get <id...>`: fetch each job once and print it (table or the API's JSON).
import { failsForEveryRequest } from '../../errors.js';
import type { Job } from '../../job.js';
import { errorOutcome, OK, type Reported } from '../../outcome.js';
import { formatError } from '../../render/error.js';
import { renderJobsResult } from '../../render/result.js';
import type { CommandContext } from '../context.js';

/**
 * A few requests at a time, not one per id at once: RDS allows 60 requests a minute per user, and a burst of 100
 * would mostly come back 429. (Throttled requests are retried after Retry-After.)
 */
const GET_CONCURRENCY = 4;

export async function runGet(ids: readonly string[], ctx: CommandContext): Promise<Reported[]> {
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
