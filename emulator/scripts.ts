// Scripted job histories: each poll of a job advances it by one step, the last step repeating forever.
import type { JobRecord } from './types.js';
import type { Fault, JobScript, Step } from './types.js';

/** What one poll of a job shows: not visible (yet, or at all), or the step due now. */
export type PollOutcome = { kind: 'not-found' } | { kind: 'step'; step: Step };

export class JobBook {
  private readonly scripts = new Map<string, JobScript>();
  private readonly polls = new Map<string, number>();

  constructor(jobs: Record<string, JobScript> = {}) {
    for (const [id, script] of Object.entries(jobs)) this.set(id, script);
  }

  /** Replaces the job's script and starts its history again. */
  set(id: string, script: JobScript): void {
    this.scripts.set(id, script);
    this.polls.delete(id);
  }

  resetPolls(): void {
    this.polls.clear();
  }

  /** Every visible job's step due now, without counting a poll (a listing), in the order the jobs were scripted. */
  current(): Step[] {
    const steps: Step[] = [];
    for (const [id, script] of this.scripts) {
      const count = this.polls.get(id) ?? 0;
      const hidden = script.notFoundPolls ?? 0;
      if (script.steps.length === 0 || count < hidden) continue;
      steps.push(script.steps[Math.min(Math.max(count - hidden - 1, 0), script.steps.length - 1)]!);
    }
    return steps;
  }

  /** Counts a poll of `id` and says what it shows. */
  poll(id: string): PollOutcome {
    const script = this.scripts.get(id);
    if (!script || script.steps.length === 0) return { kind: 'not-found' };
    const count = this.polls.get(id) ?? 0;
    this.polls.set(id, count + 1);
    const hidden = script.notFoundPolls ?? 0;
    if (count < hidden) return { kind: 'not-found' };
    const index = Math.min(count - hidden, script.steps.length - 1);
    return { kind: 'step', step: script.steps[index]! };
  }
}

export function isFault(step: Step): step is Fault {
  return typeof (step as { fault?: unknown }).fault === 'string';
}

/** A script that always shows the same job. */
export function always(job: JobRecord): JobScript {
  return { steps: [job] };
}
