// The run of `rdsjob completion <shell>`: the script on stdout.
import type { Command } from 'commander';
import type { Shell } from '../../completion/shells.js';
import { loadCompletion } from '../../lazy.js';
import { OK, type Reported } from '../../outcome.js';
import type { CommandContext } from '../context.js';

export async function runCompletion(program: Command, shell: Shell, ctx: CommandContext): Promise<Reported> {
  ctx.deps.stdout.write((await loadCompletion()).completionScript(program, shell));
  return OK;
}
