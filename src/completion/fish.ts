// The fish completion script, generated from the command model. A helper checks the command path typed so far
// (`config get`), since fish's __fish_seen_subcommand_from cannot tell `rdsjob get` from `rdsjob config get`.
// Written for fish 3.0+: no "$(…)" substitutions.
import { commandPaths, valueOptions, type CommandSpec, type OptionSpec } from './model.js';

function optionLine(name: string, condition: string | undefined, option: OptionSpec): string {
  const parts = [`complete -c ${name}`];
  if (condition) parts.push(`-n '${condition}'`);
  for (const n of option.names) parts.push(n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`);
  if (option.value === 'profile') parts.push(`-x -a '(${name} config profiles 2>/dev/null)'`);
  else if (option.value === 'choices') parts.push(`-x -a '${option.choices!.join(' ')}'`);
  else if (option.value === 'any') parts.push('-x');
  parts.push(`-d '${option.description}'`);
  return parts.join(' ');
}

export function fishScript(root: CommandSpec): string {
  const name = root.name;
  const helper = `__${name}_at`;
  const paths = commandPaths(root);
  const steps = paths
    .filter(({ path }) => path !== '')
    .map(({ path }) => {
      const parent = path.includes(' ') ? path.slice(0, path.lastIndexOf(' ')) : '';
      return `'${parent}:${path.slice(path.lastIndexOf(' ') + 1)}'`;
    });
  const lines = [
    `# ${name} completion for fish.`,
    `# Install: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `function ${helper} --description 'true when the command path typed so far is $argv[1] (then $argv[2] arguments, the first $argv[3])'`,
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    '    set -l path',
    '    set -l args',
    '    set -l skip 0',
    '    for word in $words',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch $word',
    `            case ${valueOptions(root)
      .flatMap((o) => o.names)
      .join(' ')}`,
    '                set skip 1',
    "            case '-*'",
    "            case '*'",
    "                set -l joined (string join ' ' $path)",
    '                switch "$joined:$word"',
    `                    case ${steps.join(' ')}`,
    '                        set -a path $word',
    "                    case '*'",
    '                        set -a args $word',
    '                end',
    '        end',
    '    end',
    "    set -l joined (string join ' ' $path)",
    '    test "$joined" = "$argv[1]"; or return 1',
    '    if set -q argv[2]; and test (count $args) -ne $argv[2]',
    '        return 1',
    '    end',
    '    if set -q argv[3]; and test "$args[1]" != "$argv[3]"',
    '        return 1',
    '    end',
    'end',
    `complete -c ${name} -f`,
  ];
  for (const option of root.options) lines.push(optionLine(name, undefined, option));
  for (const { path, spec } of paths) {
    const here = `${helper} "${path}"`;
    for (const sub of spec.subcommands)
      lines.push(`complete -c ${name} -n '${here}' -a ${sub.name} -d '${sub.description}'`);
    if (path === '') continue;
    // A positional argument's values only in its own place: the keys first, then the chosen key's values.
    if (spec.argumentChoices.length > 0)
      lines.push(`complete -c ${name} -n '${here} 0' -a '${spec.argumentChoices.join(' ')}'`);
    for (const [first, choices] of Object.entries(spec.argumentValues))
      lines.push(`complete -c ${name} -n '${here} 1 ${first}' -a '${choices.join(' ')}'`);
    for (const option of spec.options) {
      if (option.names.includes('--help')) continue; // already offered everywhere by the top level
      lines.push(optionLine(name, here, option));
    }
  }
  return `${lines.join('\n')}\n`;
}
