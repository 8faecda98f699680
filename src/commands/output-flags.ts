// Options several commands share: the output format.
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { OutputFormat } from '../render/result-text.js';

export interface OutputFlags {
  output?: OutputFormat;
  json?: boolean;
}

export function addOutputOptions(command: Command): Command {
  return (
    command
      // No default value: `--json -o table` must be told from `--json` alone (help still says the default).
      .addOption(new Option('-o, --output <format>', 'output format (default: "table")').choices(['table', 'json']))
      .option('--json', 'same as -o json')
  );
}

/** The format asked for; two different ones (`--json -o table`) are a usage error, not a silent choice. */
export function formatOf(flags: OutputFlags): OutputFormat {
  if (flags.json && flags.output !== undefined && flags.output !== 'json') {
    throw new UsageError(`--json and -o ${flags.output} ask for two output formats`, { hint: 'give one of them' });
  }
  return flags.json ? 'json' : (flags.output ?? 'table');
}
