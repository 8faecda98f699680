// Options several commands share: the output format.
import { Option, type Command } from 'commander';
import type { OutputFormat } from '../render/result-text.js';

export interface OutputFlags {
  output?: OutputFormat;
  json?: boolean;
}

export function addOutputOptions(command: Command): Command {
  return command
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--json', 'same as -o json');
}

export function formatOf(flags: OutputFlags): OutputFormat {
  return flags.json ? 'json' : (flags.output ?? 'table');
}
