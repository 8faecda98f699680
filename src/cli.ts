// main(argv, deps) → exit code: the only place that turns an outcome into an exit code (through exit-codes.ts)
// and an error into stderr lines (through format-error.ts). Start-up cost matters here (rdsjob is run many times
// by pipelines): got, ora and the table code are loaded only by the paths that use them, and bin/ loads this module
// (and commander with it) only for more than `--version` (bin-entry.ts).
import type { JobsApi } from './api/types.js';
import type { CommandContext, GlobalOptions } from './commands/context.js';
import type { Deps } from './deps.js';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes.js';
import { formatError } from './format-error.js';
import { parseCommandLine } from './program.js';
import { colorLevel } from './render/color-level.js';

export async function main(argv: readonly string[], deps: Deps): Promise<ExitCode> {
  let parsed: Awaited<ReturnType<typeof parseCommandLine>>;
  try {
    parsed = await parseCommandLine(argv, deps);
  } catch (error) {
    deps.stderr.write(formatError(error, argv.includes('--debug')));
    return exitCodeFor(error);
  }
  if (typeof parsed === 'number') return parsed;

  const { run, globals, output } = parsed;
  const debug = globals.debug === true;
  let api: JobsApi | undefined;
  const ctx: CommandContext = {
    deps,
    output,
    debug,
    globalArgs: globalArgsOf(globals),
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
  const config = resolveConfig(globals, deps.env, files);
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

/** The settings-changing global options as `--name value` words (debug and colour are the user's to repeat). */
function globalArgsOf(globals: GlobalOptions): string[] {
  const flags = [
    ['--profile', globals.profile], ['--region', globals.region], ['--project-id', globals.projectId],
    ['--endpoint', globals.endpoint], ['--iam-endpoint', globals.iamEndpoint],
  ] as const;
  return flags.flatMap(([flag, value]) => (value === undefined ? [] : [flag, value]));
}
