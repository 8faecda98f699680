// The `rdsjob config …` command group. Definitions only: each action hands main() a run function.
import { Argument, Command, Option } from 'commander';
import type { GlobalOptions, OutputFormat, SelectAction } from './context.js';
import { CONFIG_KEY_NAMES } from './config-key-names.js';


const keyArgument = () => new Argument('<key>', 'setting name').choices(CONFIG_KEY_NAMES);

export function registerConfigCommands(program: Command, select: SelectAction): void {
  const config = program
    .command('config')
    .description('show and change settings (config file, environment, KooCLI)')
    .addHelpText('after', `
Keys: ${CONFIG_KEY_NAMES.join(', ')}

Examples:
  $ rdsjob config set region cn-north-4
  $ rdsjob config set access-key HPUA…
  $ rdsjob config set secret-key              # prompts without echo; or pipe: printf %s "$SK" | rdsjob config set secret-key
  $ rdsjob config set region eu-west-101 --profile eu
  $ rdsjob config list                        # every setting, where it comes from, secrets masked
  $ rdsjob config get region
  $ rdsjob config path
`);

  config
    .command('set')
    .description('store a value in a profile of the config file (secrets: omit the value, it is read from stdin)')
    .addArgument(keyArgument())
    .argument('[value]', 'the value; read from stdin (hidden prompt on a terminal) when omitted')
    .addHelpText('after', '\nExamples:\n  $ rdsjob config set region cn-north-4\n  $ rdsjob config set secret-key\n  $ printf %s "$SK" | rdsjob config set secret-key --profile ci\n')
    .action(async (key: string, value: string | undefined, _options: object, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      select(async (ctx) => (await import('./config-set.js')).runConfigSet({ key, value, profile: globals.profile }, ctx), globals, 'table');
    });

  config
    .command('unset')
    .description('remove a value from a profile of the config file')
    .addArgument(keyArgument())
    .addHelpText('after', '\nExample:\n  $ rdsjob config unset auth-token --profile ci\n')
    .action(async (key: string, _options: object, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      select(async (ctx) => (await import('./config-set.js')).runConfigUnset({ key, profile: globals.profile }, ctx), globals, 'table');
    });

  config
    .command('get')
    .description('print a value stored in a profile (exit 1 when it is not set)')
    .addArgument(keyArgument())
    .option('--show-secret', 'print a secret in full instead of its first 4 characters')
    .addHelpText('after', '\nExamples:\n  $ rdsjob config get region\n  $ rdsjob config get secret-key --show-secret --profile ci\n')
    .action(async (key: string, options: { showSecret?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      select(
        async (ctx) => (await import('./config-get.js')).runConfigGet({ key, profile: globals.profile, showSecret: options.showSecret }, ctx),
        globals,
        'table',
      );
    });

  config
    .command('list')
    .description('every resolved setting with its source (flag, env, profile, hcloud, derived, iam lookup, cache)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--json', 'same as -o json')
    .option('--no-lookup', 'do not ask IAM for the project id when none is configured')
    .addHelpText('after', '\nExamples:\n  $ rdsjob config list\n  $ rdsjob config list --profile prod --json | jq -r .region.source\n')
    .action(async (options: { output: OutputFormat; json?: boolean; lookup: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { profile, region, projectId, endpoint, iamEndpoint } = globals;
      const flags = { profile, region, projectId, endpoint, iamEndpoint };
      select(
        async (ctx) => (await import('./config-list.js')).runConfigList({ flags, lookup: options.lookup }, ctx),
        globals,
        options.json ? 'json' : options.output,
      );
    });

  config
    .command('path')
    .description("print the config file's path (whether or not it exists)")
    .action(async (_options: object, command: Command) => {
      select(async (ctx) => (await import('./config-path.js')).runConfigPath(ctx), command.optsWithGlobals(), 'table');
    });

  config
    .command('profiles', { hidden: true }) // for shell completion
    .action(async (_options: object, command: Command) => {
      select(async (ctx) => (await import('./config-path.js')).runConfigProfiles(ctx), command.optsWithGlobals(), 'table');
    });
}
