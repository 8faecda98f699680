// The `rdsjob config …` command group: every subcommand's arguments, options and help. The runs (set.ts, get.ts,
// list.ts, path.ts beside this file) are loaded, together through runs.ts, once a subcommand is chosen.
// The run is loaded with `import()` once this command is chosen: parsing and --help need only this definition.
import { Argument, type Command } from 'commander';
import { SETTING_NAMES } from '../../config/settings.js';
import type { GlobalOptions } from '../../flags.js';
import type { Select } from '../context.js';
import { addOutputOptions, formatOf, type OutputFlags } from '../output-flags.js';

/** The `<key>` argument of `config set/unset/get`; commander refuses other names with the list of these. */
const keyArgument = () => new Argument('<key>', 'setting name').choices(SETTING_NAMES);

const profileOf = (command: Command) => command.optsWithGlobals<GlobalOptions>().profile;

export function defineConfig(program: Command, select: Select): void {
  const config = program
    .command('config')
    .description('show and change settings (config file, environment, KooCLI)')
    .addHelpText(
      'after',
      `
Keys: ${SETTING_NAMES.join(', ')}

Examples:
  $ rdsjob config set region cn-north-4
  $ rdsjob config set access-key HPUA…
  $ rdsjob config set secret-key              # prompts without echo; or pipe: printf %s "$SK" | rdsjob config set secret-key
  $ rdsjob config set region eu-west-101 --profile eu
  $ rdsjob config list                        # every setting, where it comes from, secrets masked
  $ rdsjob config get region
  $ rdsjob config path
`,
    );

  config
    .command('set')
    .description('store a value in a profile of the config file (secrets: omit the value, it is read from stdin)')
    .addArgument(keyArgument())
    .argument('[value]', 'the value; read from stdin (hidden prompt on a terminal) when omitted')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rdsjob config set region cn-north-4\n  $ rdsjob config set secret-key\n  $ printf %s "$SK" | rdsjob config set secret-key --profile ci\n',
    )
    .action((key: string, value: string | undefined, _options: object, command: Command) => {
      const profile = profileOf(command);
      select(command, async (ctx) => (await import('./runs.js')).runConfigSet({ key, value, profile }, ctx));
    });

  config
    .command('unset')
    .description('remove a value from a profile of the config file')
    .addArgument(keyArgument())
    .addHelpText('after', '\nExample:\n  $ rdsjob config unset auth-token --profile ci\n')
    .action((key: string, _options: object, command: Command) => {
      const profile = profileOf(command);
      select(command, async (ctx) => (await import('./runs.js')).runConfigUnset({ key, profile }, ctx));
    });

  config
    .command('get')
    .description('print a value stored in a profile (exit 1 when it is not set)')
    .addArgument(keyArgument())
    .option('--show-secret', 'print a secret in full instead of its first 4 characters')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rdsjob config get region\n  $ rdsjob config get secret-key --show-secret --profile ci\n',
    )
    .action((key: string, options: { showSecret?: boolean }, command: Command) => {
      const profile = profileOf(command);
      select(command, async (ctx) =>
        (await import('./runs.js')).runConfigGet({ key, profile, showSecret: options.showSecret }, ctx),
      );
    });

  const list = config
    .command('list')
    .description('every resolved setting with its source (flag, env, profile, hcloud, derived, iam lookup, cache)');
  addOutputOptions(list)
    .option('--no-lookup', 'do not ask IAM for the project id when none is configured')
    .addHelpText(
      'after',
      '\nExamples:\n  $ rdsjob config list\n  $ rdsjob config list --profile prod --json | jq -r .region.source\n',
    )
    .action((options: OutputFlags & { lookup: boolean }, command: Command) => {
      select(
        command,
        async (ctx) => (await import('./runs.js')).runConfigList({ lookup: options.lookup }, ctx),
        formatOf(options),
      );
    });

  config
    .command('path')
    .description("print the config file's path (whether or not it exists)")
    .action((_options: object, command: Command) =>
      select(command, async (ctx) => (await import('./runs.js')).runConfigPath(ctx)),
    );

  config
    .command('profiles', { hidden: true }) // for shell completion
    .action((_options: object, command: Command) =>
      select(command, async (ctx) => (await import('./runs.js')).runConfigProfiles(ctx)),
    );
}
