// The command line as commander sees it, assembled from the commands' own definitions and the global options'
// table (flags.ts). Each action checks its input (so bad input is refused before anything is sent) and selects a
// run for main(); nothing here writes output or decides exit codes.
import { Command, CommanderError, Option } from 'commander';
import { defineCompletion } from './commands/completion/define.js';
import { defineConfig } from './commands/config/define.js';
import type { OutputFormat, Run } from './commands/context.js';
import { defineGet } from './commands/get/define.js';
import { defineList } from './commands/list/define.js';
import { defineWait } from './commands/wait/define.js';
import type { Deps } from './deps.js';
import { DISPLAY_FLAGS, SETTING_FLAGS, type GlobalOptions } from './flags.js';
import { helpEpilog } from './help.js';
import type { Query } from './query.js';

export type Parsed =
  | { kind: 'run'; run: Run; globals: GlobalOptions; output: OutputFormat; query?: Query }
  /** commander answered itself: help or version (`usage: false`), or a usage error it already printed. */
  | { kind: 'answered'; usage: boolean };

export async function parseCommandLine(argv: readonly string[], deps: Deps, version: string): Promise<Parsed> {
  let selected: Extract<Parsed, { kind: 'run' }> | undefined;
  let expression: string | undefined;
  const program = buildProgram(deps, version, (command, run, output = 'table') => {
    selected = { kind: 'run', run, globals: command.optsWithGlobals<GlobalOptions>(), output };
    expression = command.opts<{ query?: string }>().query;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { kind: 'answered', usage: error.exitCode !== 0 };
    throw error;
  }
  if (selected === undefined) return { kind: 'answered', usage: false };
  // Parsed like every other input, before anything is sent; the JMESPath library loads only for --query.
  if (expression !== undefined) return { ...selected, query: (await import('./query.js')).compileQuery(expression) };
  return selected;
}

function buildProgram(
  deps: Deps,
  version: string,
  select: (command: Command, run: Run, output?: OutputFormat) => void,
): Command {
  const program = new Command('rdsjob')
    .description(
      'Show and wait for Huawei Cloud RDS jobs (ListJobInfo) and the task center (ListTasks); TaurusDB, GaussDB, ' +
        'DDS and GeminiDB jobs with --service.',
    )
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void deps.stdout.write(text),
      writeErr: (text) => void deps.stderr.write(text),
      outputError: (text, write) => write(usageErrorText(text)),
    })
    .showSuggestionAfterError();
  for (const setting of SETTING_FLAGS) {
    const option = new Option(`${setting.flag} ${setting.value}`, setting.description);
    // Offered by completion and --help; the value is checked with the same words whether it came from the flag,
    // the environment or a profile (config/resolve.ts).
    if ('choices' in setting) option.choices([...setting.choices]).argParser((value) => value);
    program.addOption(option);
  }
  for (const { flag, description } of DISPLAY_FLAGS) program.option(flag, description);
  program.addHelpText('after', helpEpilog());

  defineGet(program, select);
  defineWait(program, select);
  defineList(program, select);
  defineConfig(program, select);
  defineCompletion(program, select);
  defineHelp(program);
  return program;
}

/**
 * commander's usage errors in rdsjob's two lines (README § Exit codes): its `(Did you mean --json?)` becomes
 * `hint: did you mean --json?`, and an unknown command with no near name says where the commands are.
 */
function usageErrorText(text: string): string {
  const lines = text.trimEnd().split('\n');
  const hinted = lines.map((line) => line.replace(/^\(Did you mean (.*)\)$/, 'hint: did you mean $1'));
  if (/^error: unknown command /.test(hinted[0] ?? '') && !hinted.some((line) => line.startsWith('hint: ')))
    hinted.push('hint: run `rdsjob --help` for the commands');
  return `${hinted.join('\n')}\n`;
}

/**
 * `rdsjob help [command]`, as commander's own but for a name it does not know: that is an unknown command (exit 2,
 * saying so, as `rdsjob nope` does), not the whole help on stderr with nothing said.
 */
function defineHelp(program: Command): void {
  program.helpCommand(false);
  program
    .command('help [command]')
    .description('show help for a command')
    .action((name: string | undefined) => {
      if (name === undefined) program.help();
      const command = program.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (command === undefined || command.name() === 'help') {
        program.error(`error: unknown command '${name}'`);
      }
      command.help();
    });
}
