// The fish completion script, generated from the command model.
import { commandPaths, type CommandSpec, type OptionSpec } from './model.js';

function optionLine(name: string, condition: string | undefined, option: OptionSpec): string {
  const parts = [`complete -c ${name}`];
  if (condition) parts.push(`-n '${condition}'`);
  for (const n of option.names) parts.push(n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`);
  if (option.value === 'profile') parts.push(`-x -a '(${name} config profiles 2>/dev/null)'`);
  else if (option.value === 'choices') parts.push(`-x -a '${option.choices!.join(' ')}'`);
  else if (option.value === 'any') parts.push('-r');
  parts.push(`-d '${option.description}'`);
  return parts.join(' ');
}

export function fishScript(root: CommandSpec): string {
  const name = root.name;
  const lines = [
    `# ${name} completion for fish.`,
    `# Install: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -f`,
  ];
  for (const option of root.options) lines.push(optionLine(name, undefined, option));
  for (const { path, spec } of commandPaths(root)) {
    const parts = path === '' ? [] : path.split(' ');
    const below = spec.subcommands.map((s) => s.name).join(' ');
    // At `path` exactly: every word of the path seen, and none of the words that would go deeper.
    const here = [
      parts.length === 0 ? '__fish_use_subcommand' : parts.map((p) => `__fish_seen_subcommand_from ${p}`).join('; and '),
      ...(below && parts.length > 0 ? [`not __fish_seen_subcommand_from ${below}`] : []),
    ].join('; and ');
    for (const sub of spec.subcommands) lines.push(`complete -c ${name} -n '${here}' -a ${sub.name} -d '${sub.description}'`);
    if (parts.length === 0) continue;
    if (spec.argumentChoices.length > 0) lines.push(`complete -c ${name} -n '${here}' -a '${spec.argumentChoices.join(' ')}'`);
    const within = parts.map((p) => `__fish_seen_subcommand_from ${p}`).join('; and ');
    for (const option of spec.options) lines.push(optionLine(name, within, option));
  }
  return `${lines.join('\n')}\n`;
}
