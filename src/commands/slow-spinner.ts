// One spinner line for a slow one-shot command (`get`, `list`): on a terminal, a run still waiting after ~300 ms
// (a slow gateway, retries, the rate budget, many pages) shows what it waits for, drawn by ora — which draws one
// spinner line well; the many-line live view of `wait` is log-update's. A fast run shows nothing, and ora is not
// even loaded then: it comes with the first frame (docs/performance.md; test/unit/bundle.test.ts).
import { formatDelay } from '../duration.js';
import type { RetryPause } from '../http/client.js';
import { canDrawLive } from '../wait/reporter.js';
import type { CommandContext } from './context.js';

/** How long a run may take before it says what it waits for. */
const SPINNER_DELAY_MS = 300;
/** How often the line is written anew, so the countdowns in it (the rate budget, a Retry-After) move. */
const REFRESH_MS = 1_000;

export interface SlowSpinner {
  /**
   * What the run waits for now (`fetching 70 jobs: 60 done, 10 wait for the rate budget (34s)`): the text, or how to
   * write it at a given moment, for a text with a countdown in it.
   */
  say(text: string | ((now: number) => string)): void;
  /** For the API calls' `onPause`: while a request pauses between attempts, the line says so and for how long. */
  readonly onPause: (pause: RetryPause) => void;
  /** Clears the line (if it was drawn) before anything is printed. */
  stop(): Promise<void>;
}

/** Plain lines (NO_COLOR, TERM=dumb, --debug, stderr piped or without a size): never a spinner. */
export function slowSpinner(ctx: CommandContext, initial: string): SlowSpinner {
  const { stderr, now } = ctx.deps;
  if (!canDrawLive(stderr) || !ctx.stderrColor || ctx.debug) return { say() {}, onPause() {}, stop: async () => {} };
  let text: string | ((now: number) => string) = initial;
  let pause: { until: number; note: string } | undefined;
  let stopped = false;
  const timer = new AbortController();
  const line = (): string => {
    const at = now();
    const base = typeof text === 'string' ? text : text(at);
    if (pause === undefined || pause.until <= at) return base;
    // `fetching job X: RDS asked to wait (12s)`; after a text that already says how it stands, one more part.
    return `${base}${base.includes(': ') ? ', ' : ': '}${pause.note} (${formatDelay(pause.until - at)})`;
  };
  const spinner = ctx.deps.sleep(SPINNER_DELAY_MS, timer.signal).then(
    async () => {
      if (stopped) return undefined;
      const { default: ora } = await import('ora');
      if (stopped) return undefined;
      // discardStdin: rdsjob never reads the terminal here; ora would otherwise take it over (and Ctrl-C with it).
      // isEnabled: whether to draw was decided above, from the injected stream and settings (ora would look at
      // process.env's CI and TERM on its own).
      const drawn = ora({
        text: line(),
        stream: stderr as NodeJS.WritableStream,
        discardStdin: false,
        isEnabled: true,
      });
      drawn.start();
      void refresh(drawn);
      return drawn;
    },
    () => undefined,
  );
  /** The line anew every second on the injected clock, until stop(): a countdown in it ticks. */
  const refresh = async (drawn: { text: string; render(): unknown }) => {
    while (!stopped) {
      try {
        await ctx.deps.sleep(REFRESH_MS, timer.signal);
      } catch {
        return;
      }
      if (!stopped) show(drawn);
    }
  };
  const show = (drawn: { text: string; render(): unknown }) => {
    drawn.text = line();
    drawn.render();
  };
  const redraw = () => {
    void spinner.then((s) => {
      if (s !== undefined && !stopped) show(s);
    });
  };
  return {
    say(next) {
      text = next;
      redraw();
    },
    onPause({ ms, asked, service }) {
      pause = { until: now() + ms, note: asked ? `${service} asked to wait` : 'retrying after a failure' };
      redraw();
    },
    async stop() {
      stopped = true;
      timer.abort();
      (await spinner)?.stop();
    },
  };
}
