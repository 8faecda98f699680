// The `rdsjob config …` command group.
import type { Command } from 'commander';
import { SETTING_NAMES } from '../../config/settings.js';
import type { Select } from '../context.js';
import { defineConfigGet } from './get.js';
import { defineConfigList } from './list.js';
import { defineConfigPath, defineConfigProfiles } from './path.js';
import { defineConfigSet, defineConfigUnset } from './set.js';

export function defineConfig(program: Command, select: Select): void {
  const config = program
    .command('config')
    .description('show and change settings (config file, environment, KooCLI)')
    .addHelpText('after', `
Keys: ${SETTING_NAMES.join(', ')}

Examples:
  $ rdsjob config set region cn-north-4
  $ rdsjob config set access-key HPUA…
  $ rdsjob config set secret-key              # prompts without echo; or pipe: printf %s "$SK" | rdsjob config set secret-key
  $ rdsjob config set region eu-west-101 --profile eu
  $ rdsjob config list                        # every setting, where it comes from, secrets masked
  $ rdsjob config get region
  $ rdsjob config path
`);
  defineConfigSet(config, select);
  defineConfigUnset(config, select);
  defineConfigGet(config, select);
  defineConfigList(config, select);
  defineConfigPath(config, select);
  defineConfigProfiles(config, select);
}
