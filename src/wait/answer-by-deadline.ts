// --timeout is honoured to within a moment, even when the server stops answering: once the API has answered (or
// failed) in this wait, a request sent before --timeout gets OVERDUE_GRACE_MS to answer, as the last look does, but
// is abandoned no later than its allowance after --timeout: one hanging since long before ends the wait a second
// after --timeout, not five. The first look (however slow the start-up: engine.ts never refuses it) and the last
// keep OVERDUE_GRACE_MS up to the command's hard stop (deadline.ts), which also bounds the IAM lookup.
import type { Api } from '../api/types.js';
import { OVERDUE_GRACE_MS } from '../limits.js';
import { unanswered } from './decide.js';

/** A healthy RDS answers in well under a second: what a last request gets when nothing slower was seen. */
const MIN_ALLOWANCE_MS = 1_000;

interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * How long past --timeout a request sent well before it may still run: three times the slowest answer this wait has
 * seen, at least a second, at most OVERDUE_GRACE_MS — so a slow but working network still gets its answer.
 */
export function allowanceMs(slowestAnswerMs: number): number {
  return Math.min(OVERDUE_GRACE_MS, Math.max(MIN_ALLOWANCE_MS, 3 * slowestAnswerMs));
}

/** The wait's API, a request abandoned past --timeout (above) with a NetworkError saying so. */
export function answersByDeadline(api: Api, deadline: number, clock: Clock): Api {
  /** The slowest answer so far (an error status is an answer; a network failure is not); heard: anything came back. */
  let slowest = 0;
  let heard = false;
  function timed<R>(send: () => Promise<R>): Promise<R> {
    const sentAt = clock.now();
    const capped = heard && sentAt < deadline;
    const giveUpAt = Math.max(deadline + allowanceMs(slowest), sentAt + OVERDUE_GRACE_MS);
    const timer = new AbortController();
    const cameBack = (answer: boolean) => {
      heard = true;
      if (timer.signal.aborted) return; // abandoned already: not an answer this wait waited for
      timer.abort();
      if (answer) slowest = Math.max(slowest, clock.now() - sentAt);
    };
    const answered = send().then(
      (value) => {
        cameBack(true);
        return value;
      },
      (error: unknown) => {
        cameBack((error as { status?: unknown }).status !== undefined);
        throw error;
      },
    );
    if (!capped) return answered;
    // Left unanswered, the request itself ends with the wait (its signal, or the client closed at the exit).
    const abandoned = clock.sleep(giveUpAt - sentAt, timer.signal).then(
      () => {
        timer.abort();
        throw unanswered(giveUpAt - deadline);
      },
      () => new Promise<never>(() => undefined), // answered first: this side never settles
    );
    return Promise.race([answered, abandoned]);
  }
  return {
    config: api.config,
    getJob: (id, options) => timed(() => api.getJob(id, options)),
    listTasks: (query, options) => timed(() => api.listTasks(query, options)),
    listInstances: (query, options) => timed(() => api.listInstances(query, options)),
    close: () => api.close(),
  };
}
