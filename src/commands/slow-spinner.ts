// One spinner line for a slow one-shot command (`get`, `list`): on a terminal, a run still waiting after ~300 ms
// (a slow gateway, retries, the rate budget, many pages) shows what it waits for, drawn by ora — which draws one
// spinner line well; the many-line live view of `wait` is log-update's. A fast run shows nothing, and ora is not
// even loaded then: it comes with the first frame (docs/performance.md; test/unit/bundle.test.ts).
import { canDrawLive } from '../wait/reporter.js';
import type { CommandContext } from './context.js';

/** How long a run may take before it says what it waits for. */
const SPINNER_DELAY_MS = 300;

export interface SlowSpinner {
  /** What the run waits for now (`fetching 70 jobs: 60 done, 10 wait for the rate budget (34s)`). */
  say(text: string): void;
  /** Clears the line (if it was drawn) before anything is printed. */
  stop(): Promise<void>;
}

/** Plain lines (NO_COLOR, TERM=dumb, --debug, stderr piped or without a size): never a spinner. */
export function slowSpinner(ctx: CommandContext, initial: string): SlowSpinner {
  const { stderr } = ctx.deps;
  if (!canDrawLive(stderr) || !ctx.stderrColor || ctx.debug) return { say() {}, stop: async () => {} };
  let text = initial;
  let stopped = false;
  const timer = new AbortController();
  const spinner = ctx.deps.sleep(SPINNER_DELAY_MS, timer.signal).then(
    async () => {
      if (stopped) return undefined;
      const { default: ora } = await import('ora');
      if (stopped) return undefined;
      // discardStdin: rdsjob never reads the terminal here; ora would otherwise take it over (and Ctrl-C with it).
      return ora({ text, stream: stderr as NodeJS.WritableStream, discardStdin: false }).start();
    },
    () => undefined,
  );
  return {
    say(next) {
      text = next;
      void spinner.then((s) => {
        if (s !== undefined && !stopped) s.text = next;
      });
    },
    async stop() {
      stopped = true;
      timer.abort();
      (await spinner)?.stop();
    },
  };
}
