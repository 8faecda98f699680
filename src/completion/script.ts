// The completion script for a shell, generated from the program's own commands so it never drifts from the CLI.
import type { Command } from 'commander';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { completionModel } from './model.js';
import type { Shell } from './shells.js';
import { zshScript } from './zsh.js';

const GENERATORS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export function completionScript(program: Command, shell: Shell): string {
  return GENERATORS[shell](completionModel(program));
}
