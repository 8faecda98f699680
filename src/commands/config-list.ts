// `rdsjob config list`: every setting as the other commands would resolve it, with where it came from.
// Secrets (and the access key) show their first 4 characters only. The project id is looked up in IAM (or read
// from the cache) when nothing configures it, as `get` would do, unless --no-lookup.
import { authFrom } from '../config/auth.js';
import { describeSource, maskSecret } from '../config/describe.js';
import { loadConfigFiles } from '../config/files.js';
import { resolveConfig } from '../config/resolve.js';
import type { GlobalFlags, ResolvedConfig, SettingKey } from '../config/types.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { formatError } from '../format-error.js';
import { renderJson } from '../render/json.js';
import { columns } from '../render/table.js';
import type { CommandContext } from './context.js';
import { CONFIG_KEY_NAMES, CONFIG_KEYS, isSecret } from './config-keys.js';
import { warnIfReadable } from './config-warn.js';

export interface ConfigListArgs {
  flags: GlobalFlags;
  lookup: boolean;
}

export interface ListRow {
  setting: string;
  value: string | null;
  source: string | null;
  /** Why an unset setting is unset, when that is worth saying (the project id). */
  note?: string;
}

const MASKED: ReadonlySet<SettingKey> = new Set(['accessKey']);

/** Pure: the rows `config list` prints, in the contract's order, unset settings included. */
export function listRows(config: ResolvedConfig, notes: { projectId?: string } = {}): ListRow[] {
  const rows: ListRow[] = [{ setting: 'profile', value: config.profile.value, source: describeSource(config.profile.source) }];
  for (const name of CONFIG_KEY_NAMES) {
    const key = CONFIG_KEYS[name];
    const setting = config[key];
    if (setting === undefined) {
      const note = key === 'projectId' ? notes.projectId : undefined;
      rows.push(note === undefined ? { setting: name, value: null, source: null } : { setting: name, value: null, source: null, note });
      continue;
    }
    const value = isSecret(key) || MASKED.has(key) ? maskSecret(setting.value) : setting.value;
    rows.push({ setting: name, value, source: describeSource(setting.source) });
  }
  return rows;
}

export function renderRows(rows: readonly ListRow[]): string {
  return columns([
    ['SETTING', 'VALUE', 'SOURCE'],
    ...rows.map((row) => [row.setting, row.value ?? '-', row.source ?? row.note ?? 'not set']),
  ]);
}

export async function runConfigList(args: ConfigListArgs, ctx: CommandContext): Promise<ExitCode> {
  const { deps } = ctx;
  const files = await loadConfigFiles(deps.env, deps.homedir);
  await warnIfReadable(files.rdsjob.path, deps.stderr);
  let config = resolveConfig(args.flags, deps.env, files);
  let projectNote: string | undefined;
  if (config.projectId === undefined) {
    if (!args.lookup) projectNote = 'not set (looked up in IAM when needed)';
    else if (config.region === undefined || !hasCredentials(config)) projectNote = 'not set (needs a region and credentials to look it up)';
    else {
      try {
        config = await lookUp(config, ctx);
      } catch (error) {
        deps.stderr.write(`warning: project id lookup failed\n${formatError(error, ctx.debug)}`);
        projectNote = 'not set (IAM lookup failed)';
      }
    }
  }
  const rows = listRows(config, { projectId: projectNote });
  if (ctx.output === 'json') {
    deps.stdout.write(renderJson(Object.fromEntries(rows.map(({ setting, ...rest }) => [setting, rest]))));
  } else {
    deps.stdout.write(renderRows(rows));
  }
  return EXIT.ok;
}

function hasCredentials(config: ResolvedConfig): boolean {
  try {
    authFrom(config);
    return true;
  } catch {
    return false;
  }
}

async function lookUp(config: ResolvedConfig, ctx: CommandContext): Promise<ResolvedConfig> {
  const { deps } = ctx;
  const [{ resolveProjectId }, { createHttpClient }] = await Promise.all([
    import('../api/project-id.js'),
    import('../http/client.js'),
  ]);
  const debug = ctx.debug ? (line: string) => void deps.stderr.write(`debug: ${line}\n`) : undefined;
  const http = createHttpClient({ auth: authFrom(config), now: deps.now, debug, proxyEnv: deps.env });
  try {
    return await resolveProjectId(config, { env: deps.env, homedir: deps.homedir, now: deps.now, debug, signal: deps.signal, http });
  } finally {
    http.close();
  }
}
