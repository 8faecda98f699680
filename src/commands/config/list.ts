// `rdsjob config list`: every setting as the other commands would resolve it, with where it came from.
// Credentials show their first 4 characters only. The project id is looked up in IAM (or read from the cache)
// when nothing configures it, as `get` would do, unless --no-lookup.
import { authFrom } from '../../config/auth.js';
import { describeSource, maskSecret } from '../../config/describe.js';
import { isCredential, nameOf, SETTING_KEYS } from '../../config/settings.js';
import type { ResolvedConfig } from '../../config/types.js';
import { API_BOUND_ENV } from '../../limits.js';
import { OK, type Reported } from '../../outcome.js';
import { renderJson } from '../../render/json.js';
import type { SettingRow } from '../../render/settings-table.js';
import type { CommandContext } from '../context.js';

/** Pure: the rows `config list` prints, in the contract's order, unset settings included. */
export function listRows(config: ResolvedConfig, notes: { projectId?: string } = {}): SettingRow[] {
  const rows: SettingRow[] = [
    { setting: 'profile', value: config.profile.value, source: describeSource(config.profile.source) },
  ];
  for (const key of SETTING_KEYS) {
    const setting = config[key];
    const name = nameOf(key);
    if (setting === undefined) {
      const note = key === 'projectId' ? notes.projectId : undefined;
      rows.push(
        note === undefined
          ? { setting: name, value: null, source: null }
          : { setting: name, value: null, source: null, note },
      );
      continue;
    }
    const value = isCredential(key) ? maskSecret(setting.value) : setting.value;
    rows.push({ setting: name, value, source: describeSource(setting.source) });
  }
  return rows;
}

export async function runConfigList(args: { lookup: boolean }, ctx: CommandContext): Promise<Reported> {
  const { deps } = ctx;
  let config = await ctx.config();
  let projectNote: string | undefined;
  if (config.projectId === undefined) {
    if (!args.lookup) projectNote = 'not set (looked up in IAM when needed)';
    else if (config.region === undefined || !hasCredentials(config))
      projectNote = 'not set (needs a region and credentials to look it up)';
    else {
      try {
        ctx.limit(ctx.apiBoundMs(), API_BOUND_ENV, { wholeRun: true });
        config = (await ctx.api()).config;
      } catch (error) {
        // The listing still succeeds (exit 0), so what went wrong is a warning: a success prints no `error:` line.
        deps.stderr.write(ctx.errorLines(error).replace(/^error: /, 'warning: project id lookup failed: '));
        projectNote = 'not set (IAM lookup failed)';
      }
    }
  }
  const rows = listRows(config, { projectId: projectNote });
  if (ctx.output === 'json') {
    deps.stdout.write(renderJson(Object.fromEntries(rows.map(({ setting, ...rest }) => [setting, rest]))));
  } else {
    // cli-table3 only here, for the columns.
    deps.stdout.write((await import('../../render/settings-table.js')).renderSettingRows(rows));
  }
  return OK;
}

function hasCredentials(config: ResolvedConfig): boolean {
  try {
    authFrom(config);
    return true;
  } catch {
    return false;
  }
}
