// The zsh completion script (#compdef), generated from the command model; same word logic as the bash one.
import { commandPaths, optionsAt, valueOptions, type CommandSpec, type OptionSpec } from './model.js';

function described(names: string[], description: string): string[] {
  return names.map((n) => `'${n.replace(/:/g, '\\:')}:${description}'`);
}

export function zshScript(root: CommandSpec): string {
  const name = root.name;
  const paths = commandPaths(root);
  const takesValue = valueOptions(root).flatMap((o) => o.names);
  const commandWords = paths
    .filter(({ path }) => path !== '')
    .map(({ path }) => {
      const parent = path.includes(' ') ? path.slice(0, path.lastIndexOf(' ')) : '';
      const word = path.slice(path.lastIndexOf(' ') + 1);
      return `        "${parent}:${word}") cmdpath="\${cmdpath:+$cmdpath }${word}" ;;`;
    });
  const valueCases = valueOptions(root).map((o: OptionSpec) => {
    const action =
      o.value === 'profile'
        ? `compadd -- \${(f)"$(${name} config profiles 2>/dev/null)"}`
        : o.value === 'choices'
          ? `compadd -- ${o.choices!.join(' ')}`
          : '_message value';
    return `    ${o.names.join('|')}) ${action}; return ;;`;
  });
  const pathCases = paths.map(({ path, spec }) => {
    const commands = spec.subcommands.flatMap((s) => described([s.name], s.description));
    const options = optionsAt(root, path).flatMap((o) =>
      described(
        o.names.filter((n) => n.startsWith('--')),
        o.description,
      ),
    );
    // A positional argument's values only in its own place: the keys first, then the chosen key's values.
    const values = Object.entries(spec.argumentValues).map(
      ([first, choices]) => `        ${first}) values=(${choices.join(' ')}) ;;`,
    );
    return [
      `    "${path}")`,
      `      commands=(${commands.join(' ')})`,
      spec.argumentChoices.length > 0 ? `      ((nargs == 0)) && values=(${spec.argumentChoices.join(' ')})` : '',
      values.length > 0 ? ['      ((nargs == 1)) && case "$first" in', ...values, '      esac'].join('\n') : '',
      `      options=(${options.join(' ')}) ;;`,
    ]
      .filter(Boolean)
      .join('\n');
  });
  return `#compdef ${name}
# ${name} completion for zsh.
# Install: ${name} completion zsh > "\${fpath[1]}/_${name}"   (then restart zsh)
#      or: echo 'source <(${name} completion zsh)' >> ~/.zshrc   (after compinit)
_${name}() {
  local cmdpath="" word="" skip="" first="" i
  integer nargs=0
  local -a commands values options
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    if [[ -n $skip ]]; then skip=""; continue; fi
    case "$word" in
      ${takesValue.join('|')}) skip=1 ;;
      -*) ;;
      *)
        case "$cmdpath:$word" in
${commandWords.join('\n')}
          *) ((nargs++ == 0)) && first="$word" ;;
        esac ;;
    esac
  done
  case "\${words[CURRENT-1]}" in
${valueCases.join('\n')}
  esac
  case "$cmdpath" in
${pathCases.join('\n')}
  esac
  if [[ "\${words[CURRENT]}" == -* ]]; then
    _describe -t options option options
  else
    (( \${#commands} )) && _describe -t commands command commands
    (( \${#values} )) && compadd -- "\${values[@]}"
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _${name} "$@"
else
  compdef _${name} ${name}
fi
`;
}
