// In GitHub Actions a Failed job also becomes an error annotation on the run's summary page.
import type { OutStream } from '../deps.js';
import { brokenHint } from '../status.js';
import { brokenStatus, type InstanceEnd, type InstanceEnding } from './instance-ending.js';
import { jobName, reasonText } from './item-text.js';
import type { ItemNoun } from './lines.js';
import type { WaitReporter } from './reporter.js';

/** Workflow command message: `%`, CR and LF must be escaped or the runner cuts or misreads the line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property values additionally escape `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Adds `::error title=RDS job <name> failed::<fail_reason>` (a task: `RDS task …`; another service's job: `TaurusDB
 * job …`) to another reporter. Written to stderr: the runner
 * reads workflow commands from both streams, and stdout stays data only.
 */
export function withGithubAnnotations(
  inner: WaitReporter,
  stream: OutStream,
  noun: ItemNoun = 'job',
  service = 'RDS',
): WaitReporter {
  return {
    ...inner,
    finished(result, at) {
      inner.finished(result, at);
      if (result.outcome !== 'failed') return;
      const name = jobName(result.item) ?? result.id;
      const reason = reasonText(result.item);
      stream.write(`::error title=${escapeProperty(`${service} ${noun} ${name} failed`)}::${escapeData(reason)}\n`);
    },
  };
}

/**
 * `::error title=RDS instance orders-db is STORAGE FULL::scale up …`: an instance wait that failed on the instance's
 * own account (a status no wait fixes, deleted, no task in the --since window, an error), for the run's summary
 * page; undefined when it did not (free, a Failed task — annotated as it ended —, a timeout, a signal).
 */
export function instanceFailure(ref: string, end: InstanceEnd, ending: InstanceEnding): string | undefined {
  const broken = brokenStatus(end);
  if (broken !== undefined) {
    const title = `RDS instance ${ref} is ${broken}`;
    return `::error title=${escapeProperty(title)}::${escapeData(brokenHint(broken) ?? ending.sentence)}\n`;
  }
  if (end.outcome !== 'not-found' && end.outcome !== 'error') return undefined;
  return `::error title=${escapeProperty(`RDS instance ${ref}`)}::${escapeData(ending.sentence)}\n`;
}
