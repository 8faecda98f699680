// `rdsjob list`: the task center (ListTasks) — what runs, or ran, on the project's instances. Its options are
// checked while parsing, so bad input is refused (exit 2) before anything is sent.
// The run is loaded with `import()` once this command is chosen: parsing and --help need only this definition.
import { Option, type Command } from 'commander';
import { LIST_LIMIT } from '../../limits.js';
import { instanceIdOf, quote } from '../../config/validate.js';
import { positiveDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { TASK_STATUSES, type TaskStatus, taskStatusOf } from '../../task.js';
import type { Select } from '../context.js';
import { addOutputOptions, addQueryOption, formatOf, type OutputFlags } from '../output-flags.js';

export interface ListFlags {
  instance?: string;
  status?: string;
  name?: string;
  since?: string;
  limit: string;
}

export interface ListOptions {
  /** `--instance`: an id or a name, resolved by the run (ListInstances). */
  instanceRef?: string;
  status?: TaskStatus;
  name?: string;
  /** Created no longer ago than this (ms). */
  sinceMs?: number;
  limit: number;
}

/** `--name ''` (or only blanks) would send a name no task has: refused before anything is sent. */
function nameOf(name: string | undefined): string | undefined {
  if (name?.trim() === '') throw new UsageError(`invalid --name ${quote(name)}: give a task name, e.g. ResizeFlavor`);
  return name;
}

export function listOptionsOf(flags: ListFlags): ListOptions {
  const limit = Number(flags.limit);
  if (!/^\d+$/.test(flags.limit) || limit < 1 || limit > LIST_LIMIT.max) {
    throw new UsageError(`invalid --limit ${quote(flags.limit)}: use a whole number from 1 to ${LIST_LIMIT.max}`);
  }
  const sinceMs = flags.since === undefined ? undefined : positiveDuration(flags.since, '--since');
  return {
    instanceRef: flags.instance === undefined ? undefined : instanceIdOf(flags.instance),
    status: flags.status === undefined ? undefined : taskStatusOf(flags.status),
    name: nameOf(flags.name),
    sinceMs,
    limit,
  };
}

/** Offered by --help and completion; checked in any case by taskStatusOf. */
function statusOption(): Option {
  return new Option('--status <status>', 'only tasks in this status (any case)')
    .choices([...TASK_STATUSES])
    .argParser((value) => value);
}

export function defineList(program: Command, select: Select): void {
  const command = program
    .command('list')
    .description("list the task center's tasks (ListTasks): what runs, or ran, on your instances")
    .option('--instance <ref>', 'only the tasks of this DB instance (id or name)')
    .addOption(statusOption())
    .option('--name <name>', 'only tasks of this name, e.g. ResizeFlavor')
    .option('--since <duration>', 'only tasks created this recently, e.g. 2h')
    .option('--limit <n>', `show at most this many tasks (1–${LIST_LIMIT.max})`, String(LIST_LIMIT.default));
  addOutputOptions(command);
  addQueryOption(command);
  command.addHelpText(
    'after',
    `
Examples:
  $ rdsjob list --instance $INSTANCE --status running
  $ rdsjob list --since 24h --status failed
  $ rdsjob list --instance $INSTANCE --json | jq -r '.[] | "\\(.name) \\(.status)"'
  $ rdsjob wait --instance $INSTANCE          # until nothing runs on it
`,
  );
  command.action((flags: OutputFlags & ListFlags, self: Command) => {
    const options = listOptionsOf(flags);
    select(self, async (ctx) => (await import('../api-runs.js')).runList(options, ctx), formatOf(flags));
  });
}
