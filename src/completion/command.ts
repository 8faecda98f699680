// `rdsjob completion bash|zsh|fish`: prints the script for the shell, generated from the program's own commands.
import { Argument, type Command } from 'commander';
import type { SelectAction } from '../commands/context.js';
import { EXIT } from '../exit-codes.js';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { completionModel, SHELLS, type Shell } from './model.js';
import { zshScript } from './zsh.js';

const GENERATORS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export function completionScript(program: Command, shell: Shell): string {
  return GENERATORS[shell](completionModel(program));
}

export function registerCompletionCommand(program: Command, select: SelectAction): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText('after', `
Install:
  bash  $ rdsjob completion bash > ~/.local/share/bash-completion/completions/rdsjob
  zsh   $ rdsjob completion zsh > "\${fpath[1]}/_rdsjob"
  fish  $ rdsjob completion fish > ~/.config/fish/completions/rdsjob.fish
`)
    .action((shell: Shell, _options: object, command: Command) => {
      const script = completionScript(program, shell);
      select(async (ctx) => {
        ctx.deps.stdout.write(script);
        return EXIT.ok;
      }, command.optsWithGlobals(), 'table');
    });
}
