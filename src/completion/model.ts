// What shell completion offers, read from the commander program itself so the scripts never drift from the CLI.
import type { Command, Option } from 'commander';
import { choicesOf, keyNamed } from '../config/settings.js';

export interface OptionSpec {
  /** e.g. ['-o', '--output'] */
  names: string[];
  description: string;
  /** Takes a value: 'profile' completes profile names, 'choices' the listed ones, 'any' nothing. */
  value?: 'profile' | 'choices' | 'any';
  choices?: string[];
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  subcommands: CommandSpec[];
  /** Values for the first positional argument, when it has a fixed set (config keys, shells). */
  argumentChoices: string[];
  /**
   * Values for the second positional argument by the first, where they are a fixed set: `config set service` → the
   * service names. Offered only in that place, as the first argument's choices are only in the first.
   */
  argumentValues: Record<string, string[]>;
}

/** One line, none of the characters that need quoting in any of the three shells. */
function plain(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/['"`$\\]/g, '')
    .trim();
}

function optionSpec(option: Option): OptionSpec {
  const names = [option.short, option.long].filter((n): n is string => n !== undefined);
  const spec: OptionSpec = { names, description: plain(option.description) };
  if (option.required || option.optional) {
    if (option.long === '--profile') spec.value = 'profile';
    else if (option.argChoices) Object.assign(spec, { value: 'choices', choices: [...option.argChoices] });
    else spec.value = 'any';
  }
  return spec;
}

export function completionModel(command: Command): CommandSpec {
  const help = command.createHelp();
  return {
    name: command.name(),
    description: plain(command.description()),
    options: help.visibleOptions(command).map(optionSpec),
    subcommands: help
      .visibleCommands(command)
      .filter((sub) => sub.name() !== 'help')
      .map(completionModel),
    argumentChoices: [...(command.registeredArguments[0]?.argChoices ?? [])],
    argumentValues: valuesByFirstArgument(command),
  };
}

/** A command of a setting and its value (`config set KEY VALUE`): each key's fixed values, from the settings table. */
function valuesByFirstArgument(command: Command): Record<string, string[]> {
  const [first, second] = command.registeredArguments;
  const values: Record<string, string[]> = {};
  if (second === undefined) return values;
  for (const word of first?.argChoices ?? []) {
    const key = keyNamed(word);
    const choices = key === undefined ? [] : choicesOf(key);
    if (choices.length > 0) values[word] = [...choices];
  }
  return values;
}

/** Every command with its path from the root ('' for the root, 'config set' …), depth first. */
export function commandPaths(root: CommandSpec): Array<{ path: string; spec: CommandSpec }> {
  const out: Array<{ path: string; spec: CommandSpec }> = [];
  const walk = (spec: CommandSpec, path: string) => {
    out.push({ path, spec });
    for (const sub of spec.subcommands) walk(sub, path === '' ? sub.name : `${path} ${sub.name}`);
  };
  walk(root, '');
  return out;
}

/** Options that take a value, over the whole tree (their next word is a value, not a command). */
export function valueOptions(root: CommandSpec): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const { spec } of commandPaths(root))
    for (const option of spec.options) if (option.value) seen.set(option.names.join(' '), option);
  return [...seen.values()];
}

/**
 * Options valid at `path`: its own and every ancestor's (global options work after the command too), each once;
 * --version only at the top, where it means something.
 */
export function optionsAt(root: CommandSpec, path: string): OptionSpec[] {
  const parts = path === '' ? [] : path.split(' ');
  const options = [...root.options];
  let spec = root;
  for (const part of parts) {
    spec = spec.subcommands.find((sub) => sub.name === part)!;
    options.push(...spec.options);
  }
  const seen = new Set<string>();
  return options.filter((option) => {
    const key = option.names.join(' ');
    if (seen.has(key) || (parts.length > 0 && option.names.includes('--version'))) return false;
    seen.add(key);
    return true;
  });
}
