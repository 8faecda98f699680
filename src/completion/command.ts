// `rdsjob completion bash|zsh|fish`: prints the script for the shell, generated from the program's own commands.
import { Argument, type Command } from 'commander';
import type { SelectAction } from '../commands/context.js';
import { EXIT } from '../exit-codes.js';
import { SHELLS, type Shell } from './shells.js';

/** The generators are loaded only when a script is asked for: defining the command is on every run's start-up. */
export async function completionScript(program: Command, shell: Shell): Promise<string> {
  const [{ completionModel }, generator] = await Promise.all([
    import('./model.js'),
    shell === 'bash'
      ? import('./bash.js').then((m) => m.bashScript)
      : shell === 'zsh'
        ? import('./zsh.js').then((m) => m.zshScript)
        : import('./fish.js').then((m) => m.fishScript),
  ]);
  return generator(completionModel(program));
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
      select(async (ctx) => {
        ctx.deps.stdout.write(await completionScript(program, shell));
        return EXIT.ok;
      }, command.optsWithGlobals(), 'table');
    });
}
