// The global options (README § Usage: valid before or after the command), declared once. program.ts makes
// commander options of them, config resolution names them as sources (`flag --region`), and a suggested command
// (resuming a wait) repeats them.
import { SETTINGS } from './config/settings.js';

/** Options that choose where settings come from; each sets the setting of the same key. */
export const SETTING_FLAGS = [
  {
    key: 'profile',
    flag: '--profile',
    value: '<name>',
    description: 'configuration profile (default: $RDSJOB_PROFILE or "default")',
  },
  {
    key: 'service',
    flag: '--service',
    value: '<name>',
    description: 'database service whose jobs get and wait read (default: rds)',
    choices: SETTINGS.service.choices,
  },
  { key: 'region', flag: '--region', value: '<id>', description: 'region, e.g. cn-north-4' },
  {
    key: 'projectId',
    flag: '--project-id',
    value: '<id>',
    description: 'project id (default: configured, else looked up in IAM)',
  },
  {
    key: 'endpoint',
    flag: '--endpoint',
    value: '<url>',
    description: "the service's endpoint (default: derived from the service and the region)",
  },
  { key: 'iamEndpoint', flag: '--iam-endpoint', value: '<url>', description: 'IAM endpoint for the project id lookup' },
] as const;

/** Options that change how rdsjob talks, not what it asks: the user's to repeat. */
export const DISPLAY_FLAGS = [
  { key: 'debug', flag: '--debug', description: 'trace requests and responses on stderr (secrets masked)' },
  { key: 'color', flag: '--no-color', description: 'no colour, even on a terminal' },
] as const;

export type GlobalFlagKey = (typeof SETTING_FLAGS)[number]['key'];
export type GlobalFlags = { [K in GlobalFlagKey]?: string };

/** The global options as commander parses them. */
export interface GlobalOptions extends GlobalFlags {
  debug?: boolean;
  /** commander's --no-color → false */
  color?: boolean;
}

export function flagOf(key: GlobalFlagKey): string {
  return SETTING_FLAGS.find((f) => f.key === key)!.flag;
}

/** Only the setting flags, from anything that carries them (commander's options, the programmatic API's). */
export function settingFlags(options: Readonly<Partial<Record<GlobalFlagKey, unknown>>>): GlobalFlags {
  const flags: GlobalFlags = {};
  for (const { key } of SETTING_FLAGS) {
    const value = options[key];
    if (typeof value === 'string') flags[key] = value;
  }
  return flags;
}

/** `--profile prod --region eu-west-101`: the setting flags given, as words to repeat in a suggested command. */
export function settingArgs(flags: GlobalFlags): string[] {
  return SETTING_FLAGS.flatMap(({ key, flag }) => (flags[key] === undefined ? [] : [flag, flags[key]!]));
}
