// `rdsjob get <id...>`: its arguments, options and help. With --wait, `wait`'s run does the work.
// The run is loaded with `import()` once this command is chosen: parsing and --help need only this definition.
import type { Command } from 'commander';
import { assertJobIds } from '../../config/validate.js';
import { UsageError } from '../../errors.js';
import type { Select } from '../context.js';
import { addOutputOptions, addQueryOption, formatOf, type OutputFlags } from '../output-flags.js';
import { addWaitOptions, givenWaitOption, waitOptionsOf, type WaitFlags } from '../wait/define.js';

export function defineGet(program: Command, select: Select): void {
  const command = program
    .command('get')
    .description('show RDS jobs')
    .argument('<job-id...>', 'job ids, e.g. a9767ede-fe0f-4888-9003-e843a4c90514')
    .option('--wait', 'wait until every job is Completed or Failed');
  // No id at all: wait's "no job id given" and a hint at `list`, instead of commander's "missing required argument".
  // missingArgument is commander's own hook for this (untyped); test/e2e/small-truths.test.ts holds it to it.
  Object.assign(command, { missingArgument: () => assertJobIds([], 'get') });
  addOutputOptions(command);
  addQueryOption(command);
  addWaitOptions(command);
  command.addHelpText(
    'after',
    '\nExamples:\n  $ rdsjob get a9767ede-fe0f-4888-9003-e843a4c90514\n  $ rdsjob get $JOB --json | jq -r .status\n  $ rdsjob get $JOB1 $JOB2 --wait\n',
  );
  command.action((ids: string[], flags: OutputFlags & WaitFlags & { wait?: boolean }, self: Command) => {
    assertJobIds(ids);
    if (flags.wait) {
      const options = waitOptionsOf(flags);
      select(self, async (ctx) => (await import('../api-runs.js')).runWait(ids, options, ctx), formatOf(flags));
      return;
    }
    // A wait option without --wait would be silently ignored: say so instead (exit 2).
    const given = givenWaitOption(self);
    if (given !== undefined)
      throw new UsageError(`${given} only applies with --wait`, { hint: 'add --wait, or use `rdsjob wait`' });
    select(self, async (ctx) => (await import('../api-runs.js')).runGet(ids, ctx), formatOf(flags));
  });
}
