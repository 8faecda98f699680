// `rdsjob completion bash|zsh|fish`: its argument and help; the run prints the script for the shell.
// The run is loaded with `import()` once this command is chosen: parsing and --help need only this definition.
import { Argument, type Command } from 'commander';
import { SHELLS, type Shell } from '../../completion/shells.js';
import type { Select } from '../context.js';

export function defineCompletion(program: Command, select: Select): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      `
Install:
  bash  $ rdsjob completion bash > ~/.local/share/bash-completion/completions/rdsjob
  zsh   $ rdsjob completion zsh > "\${fpath[1]}/_rdsjob"
  fish  $ rdsjob completion fish > ~/.config/fish/completions/rdsjob.fish
`,
    )
    .action((shell: Shell, _options: object, command: Command) => {
      select(command, async (ctx) => (await import('./run.js')).runCompletion(program, shell, ctx));
    });
}
