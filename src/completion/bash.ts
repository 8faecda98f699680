// The bash completion script, generated from the command model.
import { commandPaths, optionsAt, valueOptions, type CommandSpec } from './model.js';

export function bashScript(root: CommandSpec): string {
  const name = root.name;
  const fn = `_${name}_complete`;
  const paths = commandPaths(root);
  const commandWords = paths
    .filter(({ path }) => path !== '')
    .map(({ path }) => {
      const parent = path.includes(' ') ? path.slice(0, path.lastIndexOf(' ')) : '';
      const word = path.slice(path.lastIndexOf(' ') + 1);
      return `      "${parent}:${word}") cmdpath="\${cmdpath:+$cmdpath }${word}" ;;`;
    });
  const takesValue = valueOptions(root).flatMap((o) => o.names);
  const valueCases = valueOptions(root).map((o) => {
    const words =
      o.value === 'profile'
        ? `$(${name} config profiles 2>/dev/null)`
        : o.value === 'choices'
          ? o.choices!.join(' ')
          : '';
    return `    ${o.names.join('|')}) COMPREPLY=($(compgen -W "${words}" -- "$cur")); return 0 ;;`;
  });
  const wordCases = paths.map(({ path, spec }) => {
    const options = optionsAt(root, path).flatMap((o) => o.names.filter((n) => n.startsWith('--')));
    const lines = [`    "${path}")`, `      words="${spec.subcommands.map((s) => s.name).join(' ')}"`];
    // A positional argument's values only in its own place: the keys first, then the chosen key's values.
    if (spec.argumentChoices.length > 0)
      lines.push(`      ((nargs == 0)) && words+=" ${spec.argumentChoices.join(' ')}"`);
    const values = Object.entries(spec.argumentValues);
    if (values.length > 0) {
      lines.push('      if ((nargs == 1)); then case "$first" in');
      for (const [first, choices] of values) lines.push(`        ${first}) words+=" ${choices.join(' ')}" ;;`);
      lines.push('      esac; fi');
    }
    lines.push(`      words+=" ${options.join(' ')}" ;;`);
    return lines.join('\n');
  });
  return `# ${name} completion for bash.
# Install: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
#      or: echo 'source <(${name} completion bash)' >> ~/.bashrc
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmdpath="" word="" skip="" words="" first="" nargs=0 i
  ((COMP_CWORD > 0)) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
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
  case "$prev" in
${valueCases.join('\n')}
  esac
  case "$cmdpath" in
${wordCases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F ${fn} ${name}
`;
}
