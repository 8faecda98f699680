// The command line as commander sees it: commands, options, help. Each action checks its input (so bad input is
// refused before anything is sent) and hands main() a run function; nothing here writes output or picks exit codes
// beyond commander's own usage errors. Loaded by main() only when the argument list needs parsing.
import { Command, CommanderError, Option } from 'commander';
import type { Action, GlobalOptions, OutputFormat, SelectAction } from './commands/context.js';
import { registerConfigCommands } from './commands/config.js';
import { registerCompletionCommand } from './completion/command.js';
import { assertJobIds } from './config/validate.js';
import type { Deps } from './deps.js';
import { UsageError } from './errors.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { helpEpilog } from './help.js';
import { VERSION } from './version.js';

interface OutputOptions {
  output?: OutputFormat;
  json?: boolean;
}

interface WaitFlags {
  timeout: string;
  interval: string;
  notFoundGrace: string;
  rateLimit: string;
  quiet?: boolean;
}

const WAIT_OPTIONS = ['timeout', 'interval', 'notFoundGrace', 'rateLimit', 'quiet'] as const;
type WaitOption = (typeof WAIT_OPTIONS)[number];

export interface Selected {
  run: Action;
  globals: GlobalOptions;
  output: OutputFormat;
}

/** Parses `argv`: the command to run, or the exit code when commander already answered (help, version, usage). */
export async function parseCommandLine(argv: readonly string[], deps: Deps): Promise<Selected | ExitCode> {
  let selected: Selected | undefined;
  const program = buildProgram(deps, (run, globals, output) => {
    selected = { run, globals, output };
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Help and --version end with code 0; anything else commander refused is a usage error, already printed.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return selected ?? EXIT.ok;
}

function buildProgram(deps: Deps, select: SelectAction): Command {
  const program = new Command('rdsjob')
    .description('Show and wait for Huawei Cloud RDS jobs (ListJobInfo).')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void deps.stdout.write(text),
      writeErr: (text) => void deps.stderr.write(text),
    })
    .showSuggestionAfterError()
    .option('--profile <name>', 'configuration profile (default: $RDSJOB_PROFILE or "default")')
    .option('--region <id>', 'region, e.g. cn-north-4')
    .option('--project-id <id>', 'project id (default: configured, else looked up in IAM)')
    .option('--endpoint <url>', 'RDS endpoint (default: derived from the region)')
    .option('--iam-endpoint <url>', 'IAM endpoint for the project id lookup')
    .option('--debug', 'trace requests and responses on stderr (secrets masked)')
    .option('--no-color', 'no colour, even on a terminal')
    .addHelpText('after', helpEpilog());

  const outputOptions = (command: Command) =>
    command
      .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
      .option('--json', 'same as -o json');
  const waitOptions = (command: Command) =>
    command
      .option('--timeout <duration>', 'give up after this long (0 = never)', '60m')
      .option('--interval <duration>', 'time between polls of one job', '5s')
      .option('--not-found-grace <duration>', 'how long a new job id may be not found yet', '60s')
      .option('--rate-limit <n>', 'requests per minute across all jobs (RDS allows 60 per user)', '60')
      .option('--quiet', 'print only the result (and errors)');

  const getCommand = program
    .command('get')
    .description('show RDS jobs')
    .argument('<job-id...>', 'job ids, e.g. a9767ede-fe0f-4888-9003-e843a4c90514')
    .option('--wait', 'wait until every job is Completed or Failed');
  outputOptions(getCommand);
  waitOptions(getCommand);
  getCommand.addHelpText('after', '\nExamples:\n  $ rdsjob get a9767ede-fe0f-4888-9003-e843a4c90514\n  $ rdsjob get $JOB --json | jq -r .status\n  $ rdsjob get $JOB1 $JOB2 --wait\n');
  getCommand.action(async (ids: string[], options: OutputOptions & WaitFlags & { wait?: boolean }, command: Command) => {
    assertJobIds(ids);
    const globals = command.optsWithGlobals<GlobalOptions>();
    if (options.wait) {
      const flags = await parseWaitFlags(options);
      select(async (ctx) => (await import('./commands/wait.js')).runWait(ids, flags, ctx), globals, formatOf(options));
    } else {
      // A wait option without --wait would be silently ignored: say so instead (exit 2).
      const given = command.options.find((option) => WAIT_OPTIONS.includes(option.attributeName() as WaitOption) &&
        command.getOptionValueSource(option.attributeName()) === 'cli');
      if (given !== undefined) {
        throw new UsageError(`${given.long} only applies with --wait`, { hint: `add --wait, or use \`rdsjob wait\`` });
      }
      select(async (ctx) => (await import('./commands/get.js')).runGet(ids, ctx), globals, formatOf(options));
    }
  });

  const waitCommand = program
    .command('wait')
    .description('wait until RDS jobs are Completed or Failed (exit 0 / 1)')
    .argument('<job-id...>', 'job ids');
  outputOptions(waitCommand);
  waitOptions(waitCommand);
  waitCommand.addHelpText('after', '\nExamples:\n  $ rdsjob wait $JOB --timeout 30m\n  $ rdsjob wait $JOB1 $JOB2 --json > jobs.json || echo "a job failed: exit $?"\n');
  waitCommand.action(async (ids: string[], options: OutputOptions & WaitFlags, command: Command) => {
    assertJobIds(ids);
    const flags = await parseWaitFlags(options);
    select(async (ctx) => (await import('./commands/wait.js')).runWait(ids, flags, ctx), command.optsWithGlobals(), formatOf(options));
  });

  registerConfigCommands(program, select);
  registerCompletionCommand(program, select);
  return program;
}

function formatOf(options: OutputOptions): OutputFormat {
  return options.json ? 'json' : (options.output ?? 'table');
}

/** Durations are checked while parsing, so an invalid one is refused (exit 2) before any request. */
async function parseWaitFlags(options: WaitFlags) {
  const { parseDuration } = await import('./wait/duration.js');
  const intervalMs = parseDuration(options.interval);
  if (intervalMs <= 0) throw new UsageError(`invalid --interval "${options.interval}": must be more than 0`);
  const requestsPerMinute = Number(options.rateLimit);
  if (!/^\d+$/.test(options.rateLimit) || requestsPerMinute < 1) {
    throw new UsageError(`invalid --rate-limit "${options.rateLimit}": use a whole number of requests per minute, at least 1`);
  }
  return {
    timeoutMs: parseDuration(options.timeout),
    intervalMs,
    requestsPerMinute,
    notFoundGraceMs: parseDuration(options.notFoundGrace),
    quiet: options.quiet === true,
  };
}
