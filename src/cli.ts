// main(argv, deps) → exit code. Assembles the commands, builds their context, and is the only place that turns
// an outcome into an exit code (through exit-codes.ts) and an error into stderr lines (through format-error.ts).
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import type { JobsApi } from './api/types.js';
import type { CommandContext, OutputFormat } from './commands/context.js';
import type { GlobalFlags } from './config/types.js';
import { assertJobIds } from './config/validate.js';
import type { Deps } from './deps.js';
import { UsageError } from './errors.js';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes.js';
import { formatError } from './format-error.js';
import { colorLevel } from './render/color.js';
import { helpEpilog } from './help.js';
import { registerConfigCommands } from './commands/config.js';
import { registerCompletionCommand } from './completion/command.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

interface GlobalOptions extends GlobalFlags {
  debug?: boolean;
  color?: boolean; // commander's --no-color → false
}

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

type Action = (ctx: CommandContext) => Promise<ExitCode>;

export async function main(argv: readonly string[], deps: Deps): Promise<ExitCode> {
  let action: { run: Action; globals: GlobalOptions; output: OutputFormat } | undefined;
  const program = buildProgram(deps, (run, globals, output) => {
    action = { run, globals, output };
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with code 0; anything else commander refused is a usage error, already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    deps.stderr.write(formatError(error, argv.includes('--debug')));
    return exitCodeFor(error);
  }
  if (!action) return EXIT.ok;

  const { run, globals, output } = action;
  const debug = globals.debug === true;
  let api: JobsApi | undefined;
  const ctx: CommandContext = {
    deps,
    output,
    debug,
    color: colorLevel({ isTTY: deps.stdout.isTTY === true, env: deps.env, noColorFlag: globals.color === false }) > 0,
    stderrColor: colorLevel({ isTTY: deps.stderr.isTTY === true, env: deps.env, noColorFlag: globals.color === false }) > 0,
    api: async (options) => (api ??= await openApi(globals, deps, debug, options?.retries)),
  };
  try {
    return await run(ctx);
  } catch (error) {
    deps.stderr.write(formatError(error, debug));
    return exitCodeFor(error);
  } finally {
    api?.close();
  }
}

/** The only seam to configuration and HTTP: loaded when a command needs the API, so --help/--version stay light. */
async function openApi(globals: GlobalOptions, deps: Deps, debug: boolean, retries?: number): Promise<JobsApi> {
  const [{ loadConfigFiles }, { resolveConfig }] = await Promise.all([
    import('./config/files.js'),
    import('./config/resolve.js'),
  ]);
  const files = await loadConfigFiles(deps.env, deps.homedir);
  if (files.rdsjob.data !== undefined) await (await import('./commands/config-warn.js')).warnIfReadable(files.rdsjob.path, deps.stderr);
  const config = resolveConfig(flagsOf(globals), deps.env, files);
  const factory = deps.jobsApi ?? (await import('./api/jobs-api.js')).createJobsApi;
  return factory(config, {
    debug: debug ? (line) => deps.stderr.write(`debug: ${line}\n`) : undefined,
    now: deps.now,
    homedir: deps.homedir,
    env: deps.env,
    signal: deps.signal,
    retries,
  });
}

function flagsOf(globals: GlobalOptions): GlobalFlags {
  const { profile, region, projectId, endpoint, iamEndpoint } = globals;
  return { profile, region, projectId, endpoint, iamEndpoint };
}

function buildProgram(deps: Deps, select: (run: Action, globals: GlobalOptions, output: OutputFormat) => void): Command {
  const program = new Command('rdsjob')
    .description('Show and wait for Huawei Cloud RDS jobs (ListJobInfo).')
    .version(version, '-v, --version', 'print the version')
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
