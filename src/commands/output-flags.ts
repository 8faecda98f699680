// Options several commands share: the output format, and --query over the JSON (get, wait and list).
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { OutputFormat } from '../render/result-text.js';

export interface OutputFlags {
  output?: OutputFormat;
  json?: boolean;
  /** --query EXPR: JMESPath over the JSON --json prints (compiled by the command line, src/query.ts). */
  query?: string;
}

export function addOutputOptions(command: Command): Command {
  return (
    command
      // No default value: `--json -o table` must be told from `--json` alone (help still says the default).
      .addOption(new Option('-o, --output <format>', 'output format (default: "table")').choices(['table', 'json']))
      .option('--json', 'same as -o json')
  );
}

/** --query EXPR, for the commands whose JSON it can query. */
export function addQueryOption(command: Command): Command {
  return command.option('--query <expr>', 'print only this JMESPath expression over the JSON, e.g. status');
}

/** The format asked for; two different ones (`--json -o table`) are a usage error, not a silent choice. */
export function formatOf(flags: OutputFlags): OutputFormat {
  if (flags.json && flags.output !== undefined && flags.output !== 'json') {
    throw new UsageError(`--json and -o ${flags.output} ask for two output formats`, { hint: 'give one of them' });
  }
  // --query reads the JSON: a table cannot be queried.
  if (flags.query !== undefined && flags.output === 'table') {
    throw new UsageError('--query and -o table ask for two output formats', {
      hint: '--query prints from the JSON: drop -o table',
    });
  }
  return flags.json || flags.query !== undefined ? 'json' : (flags.output ?? 'table');
}
