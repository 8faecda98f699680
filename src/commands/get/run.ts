// The run of `rdsjob get <id...>`: fetch each job once and print it (table or the API's JSON).
import { classify, DeadlineError } from '../../errors.js';
import type { Job } from '../../job.js';
import { errorOutcome, OK, type Reported } from '../../outcome.js';
import { renderJobsResult } from '../../render/result-text.js';
import { hintsOnce } from '../../render/error.js';
import type { CommandContext } from '../context.js';
import { API_BOUND_ENV, RDS_REQUESTS_PER_MINUTE } from '../../limits.js';
import { RequestBudget } from '../../api/budget.js';
import { formatDelay } from '../../duration.js';
import { slowSpinner } from '../slow-spinner.js';

/** A few requests at a time, not one per id at once: throttled or not, a burst is not what RDS expects. */
const GET_CONCURRENCY = 4;

export async function runGet(ids: readonly string[], ctx: CommandContext): Promise<Reported[]> {
  const { deps } = ctx;
  // Each job once: `get A A` shows the same state twice, not two moments of it.
  const unique = [...new Set(ids)];
  // RDS allows 60 requests a minute per user: beyond 60 ids, the rest wait for the budget, and the bound with them.
  const budget = RequestBudget.perMinute(RDS_REQUESTS_PER_MINUTE, { smooth: false });
  ctx.limit(ctx.apiBoundMs() + budget.spanMs(unique.length), API_BOUND_ENV, { wholeRun: true });
  const noun = unique.length === 1 ? `job ${unique[0]}` : `${unique.length} jobs`;
  const spinner = slowSpinner(ctx, `fetching ${noun}`);
  let done = 0;
  let budgetUntil = 0;
  // Written anew as time passes (the spinner's clock), so the budget's countdown ticks.
  const progress = () =>
    spinner.say((now) => {
      const waiting = budgetUntil > now ? unique.length - done : 0;
      const budgetNote = waiting > 0 ? `, ${waiting} wait for the rate budget (${formatDelay(budgetUntil - now)})` : '';
      return unique.length === 1 ? `fetching ${noun}` : `fetching ${noun}: ${done} done${budgetNote}`;
    });
  let fetched: PromiseSettledResult<Job>[];
  // Cleared before anything is printed, whatever happened.
  try {
    const api = await ctx.api();
    fetched = await settledInOrder(unique, GET_CONCURRENCY, async (id) => {
      const slot = budget.reserve(deps.now())!;
      if (slot > deps.now()) {
        budgetUntil = Math.max(budgetUntil, slot);
        progress();
        await deps.sleep(slot - deps.now(), ctx.signal);
      }
      try {
        return await api.getJob(id, { signal: ctx.signal, onPause: spinner.onPause });
      } finally {
        done += 1;
        progress();
      }
    });
  } finally {
    await spinner.stop();
  }
  const byId = new Map(unique.map((id, i) => [id, fetched[i]!]));
  const results = ids.map((id) => byId.get(id)!);

  // A failure that would meet every id alike (credentials, configuration, a signal, a host that does not resolve, an
  // API the gateway does not know: errors.classify) is reported once. So is the bound running out when it left
  // every id unanswered (a gateway that hangs).
  const fatal = fetched.find((r) => r.status === 'rejected' && classify(r.reason) === 'fatal');
  if (fatal?.status === 'rejected') throw fatal.reason;
  if (fetched.every((r) => r.status === 'rejected' && r.reason instanceof DeadlineError))
    throw (fetched[0] as PromiseRejectedResult).reason;
  if (unique.length === 1 && results[0]?.status === 'rejected') throw results[0].reason;

  // Several ids: print what was found (in argument order; null in the JSON where an id was not) and one error line
  // per id that was not, like kubectl.
  const jobs = results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  const outcomes: Reported[] = [];
  const errors: string[] = [];
  for (const [i, result] of results.entries()) {
    if (result.status === 'fulfilled') {
      outcomes.push(OK);
    } else if (ids.indexOf(ids[i]!) === i) {
      errors.push(...ctx.errorLines(result.reason, ids[i]).trimEnd().split('\n'));
      outcomes.push(errorOutcome(result.reason));
    }
  }
  if (errors.length > 0) deps.stderr.write(`${hintsOnce(errors).join('\n')}\n`);
  ctx.printResult(
    await renderJobsResult(jobs, ids.length > 1, ctx.output, { color: ctx.color, now: deps.now(), width: ctx.width }),
  );
  return outcomes;
}

async function settledInOrder<T>(
  items: readonly string[],
  limit: number,
  run: (item: string) => Promise<T>,
): Promise<PromiseSettledResult<T>[]> {
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
