// GitHub Actions step outputs (docs/ci.md): when GITHUB_OUTPUT names a file, a wait appends `outcome`,
// `exit-code`, `failed` and `result`, however it ended, so a later step reads `steps.ID.outputs.outcome` or
// `fromJSON(steps.ID.outputs.result)` instead of parsing a log. Pure: the text is built here from the exit code main()
// decided; commands/wait/github-files.ts appends it.
import type { ExitCode } from '../exit-codes.js';
import type { ItemResult } from './result.js';

/** What a workflow branches on; the words docs/ci.md lists, one per way a wait ends. */
type StepOutcome = 'completed' | 'failed' | 'timed-out' | 'not-found' | 'error' | 'interrupted' | 'free';

export interface StepOutputFacts {
  /** The process's exit code, as main() decided it. */
  exitCode: ExitCode;
  /** The jobs, or the instance's tasks, as the wait left them (none when it ended before the first look). */
  results: readonly Pick<ItemResult, 'id' | 'outcome'>[];
  /** The JSON `--json` prints for this wait (any layout: it is put on one line); undefined when it prints none. */
  json?: string;
  /** `wait --instance`: a wait that ended well is `free`, not `completed`. */
  instance: boolean;
  /**
   * `wait --instance`: how the instance's own watch ended, which main() ranks beside the tasks (a timeout while the
   * instance's status, or an empty --since window, kept it from being free has no task to say so).
   */
  own?: Pick<ItemResult, 'outcome'>;
}

/** How the wait ended, in one word, from the exit code (the outcome that decided it) and, for 5, why. */
export function stepOutcome({ exitCode, results, instance, own }: StepOutputFacts): StepOutcome {
  const ranked = own === undefined ? results : [own, ...results];
  switch (exitCode) {
    case 0:
      return instance ? 'free' : 'completed';
    case 1:
      return 'failed';
    case 4:
      return 'not-found';
    case 6:
      return 'timed-out';
    case 129:
    case 130:
    case 143:
      return 'interrupted';
    case 5:
      // A timeout whose last attempt failed exits 5 (nobody knows whether it still runs): still a timeout.
      return ranked.some((r) => r.outcome === 'timeout') && !ranked.some((r) => r.outcome === 'error')
        ? 'timed-out'
        : 'error';
    default:
      return 'error';
  }
}

/** `name=value` when the value is a plain word (ids, numbers); the heredoc form otherwise, as @actions/core writes. */
export function outputEntry(name: string, value: string, delimiter: string): string {
  if (/^[\w.,:-]*$/.test(value)) return `${name}=${value}\n`;
  // The runner ends the value at the first line that is exactly the delimiter: it must not occur in the value.
  if (value.includes(delimiter)) throw new Error(`the output delimiter occurs in the value of ${name}`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** The four outputs, in the file's syntax. `delimiter`: a fresh random word (ghadelimiter_<uuid>). */
export function stepOutputs(facts: StepOutputFacts, delimiter: string): string {
  const failed = facts.results.filter((r) => r.outcome === 'failed').map((r) => r.id);
  return [
    outputEntry('outcome', stepOutcome(facts), delimiter),
    outputEntry('exit-code', String(facts.exitCode), delimiter),
    outputEntry('failed', [...new Set(failed)].join(','), delimiter),
    outputEntry('result', facts.json === undefined ? 'null' : oneLine(facts.json), delimiter),
  ].join('');
}

/** JSON text on one line, every token as it was (no re-serialising: numbers and escapes stay as received). */
export function oneLine(json: string): string {
  let out = '';
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      out += json.slice(i, j + 1);
      i = j;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      out += c;
    }
  }
  return out;
}
