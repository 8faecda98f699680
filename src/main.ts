// main(argv, deps) → exit code. The only place that decides it: commands and the wait engine return outcomes,
// errors are thrown, and both are mapped here through exit-codes.ts; errors are printed here through
// render/error.ts. Start-up cost matters (pipelines run rdsjob many times), so commander, got, chalk, ora and
// cli-table3 load only on the paths that use them (lazy.ts).
import type { Api } from './api/types.js';
import type { CommandContext, OutputFormat } from './commands/context.js';
import type { ResolvedConfig } from './config/types.js';
import type { Deps } from './deps.js';
import { EXIT, exitCodeFor, exitCodeOf, type ExitCode } from './exit-codes.js';
import { settingFlags, type GlobalOptions } from './flags.js';
import { loadApiOpener, loadConfigLoader, loadProgram } from './lazy.js';
import { colorLevel } from './render/color-level.js';
import { formatError } from './render/error.js';
import { VERSION } from './version.js';

export async function main(argv: readonly string[], deps: Deps): Promise<ExitCode> {
  // Answered before commander is even loaded: the most frequent call in scripts that check the version.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    deps.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = await (await loadProgram()).parseCommandLine(argv, deps);
  } catch (error) {
    deps.stderr.write(formatError(error, argv.includes('--debug')));
    return exitCodeFor(error);
  }
  if (parsed.kind === 'answered') return parsed.usage ? EXIT.usage : EXIT.ok;

  const ctx = commandContext(parsed.globals, parsed.output, deps);
  try {
    return exitCodeOf(await parsed.run(ctx));
  } catch (error) {
    deps.stderr.write(formatError(error, ctx.debug));
    return exitCodeFor(error);
  } finally {
    await ctx.close();
  }
}

function commandContext(globals: GlobalOptions, output: OutputFormat, deps: Deps): CommandContext & { close(): Promise<void> } {
  const debug = globals.debug === true;
  const noColorFlag = globals.color === false;
  const flags = settingFlags(globals);
  let config: Promise<ResolvedConfig> | undefined;
  let api: Promise<Api> | undefined;

  const readConfig = async () => {
    const loaded = await (await loadConfigLoader()).loadConfig(flags, deps.env, deps.homedir);
    for (const warning of loaded.warnings) deps.stderr.write(warning);
    return loaded.config;
  };
  const openApi = async () => {
    const resolved = await (config ??= readConfig());
    const open = deps.openApi ?? (await loadApiOpener()).openApi;
    return open(resolved, {
      debug: debug ? (line) => deps.stderr.write(`debug: ${line}\n`) : undefined,
      now: deps.now,
      homedir: deps.homedir,
      env: deps.env,
      signal: deps.signal,
    });
  };

  return {
    deps,
    output,
    debug,
    flags,
    color: colorLevel({ isTTY: deps.stdout.isTTY === true, env: deps.env, noColorFlag }) > 0,
    stderrColor: colorLevel({ isTTY: deps.stderr.isTTY === true, env: deps.env, noColorFlag }) > 0,
    // Promises, not values, are cached: two callers at once still share one configuration and one client.
    config: () => (config ??= readConfig()),
    api: () => (api ??= openApi()),
    close: async () => {
      (await api?.catch(() => undefined))?.close();
    },
  };
}
