// main(argv, deps) → exit code. The only place that decides it: commands and the wait engine return outcomes,
// errors are thrown, and both are mapped here through exit-codes.ts; errors are printed here, through
// render/error.ts as the command line brings it.
//
// Start-up cost matters (pipelines run rdsjob many times) and on Node every ES module file loaded costs ~2 ms, so
// this module imports only what `--version` needs; everything else arrives with the command line (command-line.ts)
// and, behind it, the `import()`s at their call sites.
import type { Deps } from './deps.js';
import { EXIT, exitCodeFor, exitCodeOf, mostImportant, type ExitCode } from './exit-codes.js';
import { ResultOutput } from './render/output.js';
import { VERSION } from './version.js';

/** The parser and the context commands run in: everything beyond `--version` (commander, the definitions). */
const loadCommandLine = () => import('./command-line.js');

export async function main(argv: readonly string[], deps: Deps): Promise<ExitCode> {
  // Every write of the result goes through one writer that knows a closed pipe from a full disk.
  const stdout = new ResultOutput(() => deps.stdout);
  const io: Deps = Object.create(deps, { stdout: { value: stdout, enumerable: true } });
  const code = await run(argv, io);
  const problem = await stdout.finished();
  if (problem === undefined) return code;
  io.stderr.write(await describe(problem, argv.includes('--debug')));
  return mostImportant([code, exitCodeFor(problem)]);
}

async function run(argv: readonly string[], deps: Deps): Promise<ExitCode> {
  // Answered before commander is even loaded: the most frequent call in scripts that check the version.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    deps.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  let commandLine;
  let parsed;
  try {
    commandLine = await loadCommandLine();
    parsed = await commandLine.parseCommandLine(argv, deps, VERSION);
  } catch (error) {
    deps.stderr.write(await describe(error, argv.includes('--debug')));
    return exitCodeFor(error);
  }
  if (parsed.kind === 'answered') return parsed.usage ? EXIT.usage : EXIT.ok;

  const ctx = commandLine.createContext(parsed.globals, parsed.output, deps, VERSION, parsed.query);
  let code: ExitCode = EXIT.internal;
  try {
    code = exitCodeOf(await parsed.run(ctx));
  } catch (error) {
    deps.stderr.write(commandLine.formatError(error, ctx.debug));
    code = exitCodeFor(error);
  } finally {
    // What the run asked to hear the code (GitHub step outputs) hears it here, once decided.
    await ctx.close(code);
  }
  return code;
}

/**
 * Error lines (render/error.ts), which arrive with the command line: `--version` alone never needs them unless its
 * output cannot be written. Should the command line itself fail to load (a broken install), one plain line.
 */
async function describe(error: unknown, debug: boolean): Promise<string> {
  try {
    return (await loadCommandLine()).formatError(error, debug);
  } catch {
    return `error: ${error instanceof Error ? error.message : String(error)}\n`;
  }
}
