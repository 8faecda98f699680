// The run of `rdsjob completion <shell>`: the script on stdout.
import type { Command } from 'commander';
import type { Shell } from '../../completion/shells.js';
import { OK, type Reported } from '../../outcome.js';
import type { CommandContext } from '../context.js';

export async function runCompletion(program: Command, shell: Shell, ctx: CommandContext): Promise<Reported> {
  // The generators load only for `rdsjob completion`.
  ctx.deps.stdout.write((await import('../../completion/script.js')).completionScript(program, shell));
  return OK;
}
