// `rdsjob get <id...>`: fetch each job once and print it (table or the API's JSON).
import type { ExitCode } from '../exit-codes.js';
import { EXIT, exitCodeFor, mostImportant } from '../exit-codes.js';
import { formatError } from '../format-error.js';
import type { Job } from '../job.js';
import type { CommandContext } from './context.js';

export async function runGet(ids: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const api = await ctx.api();
  const results = await settledInOrder(ids, GET_CONCURRENCY, (id) => api.getJob(id, { signal: ctx.deps.signal }));

  // A credentials or configuration failure is the same for every id: report it once, from main().
  const fatal = results.find((r) => r.status === 'rejected' && exitCodeFor(r.reason) === EXIT.config);
  if (fatal?.status === 'rejected') throw fatal.reason;
  if (ids.length === 1 && results[0]?.status === 'rejected') throw results[0].reason;

  // Several ids: print what was found (in argument order) and one error line per id that was not, like kubectl.
  const jobs: Job[] = [];
  const codes: ExitCode[] = [];
  for (const [i, result] of results.entries()) {
    if (result.status === 'fulfilled') {
      jobs.push(result.value);
      codes.push(EXIT.ok);
    } else {
      ctx.deps.stderr.write(formatError(result.reason, ctx.debug, ids[i]));
      codes.push(exitCodeFor(result.reason));
    }
  }
  ctx.deps.stdout.write(await render(jobs, ids.length > 1, ctx));
  return mostImportant(codes);
}

/** The output seam: each format loads only its own renderer (chalk and cli-table3 are not needed for JSON). */
export async function render(jobs: readonly Job[], several: boolean, ctx: CommandContext): Promise<string> {
  if (ctx.output === 'json') return (await import('../render/json.js')).renderJson(several ? jobs : jobs[0]);
  const options = { color: ctx.color, now: ctx.deps.now() };
  if (!several) return jobs[0] ? (await import('../render/job-table.js')).renderJob(jobs[0], options) : '';
  return jobs.length > 0 ? (await import('../render/jobs-table.js')).renderJobs(jobs, options) : '';
}

/**
 * A few requests at a time, not one per id at once: RDS allows 60 requests a minute per user, and a burst of 100
 * would mostly come back 429. (Throttled requests are retried after Retry-After.)
 */
const GET_CONCURRENCY = 4;

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

