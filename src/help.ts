// The part of `rdsjob --help` that pipelines and new users look for: exit codes and environment variables, each
// rendered from its one table (exit-meanings.ts, SETTINGS, the bound's variable), never written out a second time.
import { CONFIG_ENV, PROFILE_ENV, SETTING_KEYS, SETTINGS } from './config/settings.js';
import { EXIT_ROWS } from './exit-meanings.js';
import { API_BOUND_ENV, API_BOUND_MS } from './limits.js';
import { formatDuration } from './duration.js';

/** Variables rdsjob reads that are not settings of a profile. */
const OTHER_ENV: ReadonlyArray<readonly [string, string]> = [
  [`${PROFILE_ENV}, ${CONFIG_ENV}`, 'profile name, config file path'],
  [API_BOUND_ENV, `what get, list and config list may spend on the API (default ${formatDuration(API_BOUND_MS)})`],
  ['HTTPS_PROXY, ALL_PROXY, NO_PROXY', 'proxy for https endpoints, as curl reads them (lower-case too)'],
  ['NODE_EXTRA_CA_CERTS', "extra CA certificates (e.g. a TLS-inspecting proxy's)"],
  ['NO_COLOR, FORCE_COLOR', 'colour off / on'],
  ['COLUMNS', 'the width result tables fit on a terminal (else its own)'],
  ['GITHUB_ACTIONS, GITHUB_STEP_SUMMARY', 'GitHub Actions: ::error annotations, the run summary table'],
];

/** Two columns, the second aligned one space past the widest first one. */
function aligned(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}

/** The README's wording, less the Markdown: help is read in a terminal. */
const plain = (text: string) => text.replace(/`/g, '');

/** Codes with the same meaning but for the signal (130, 143, 129) share a line. */
function exitRows(): Array<[string, string]> {
  const signals = [130, 143, 129];
  const rows: Array<[string, string]> = EXIT_ROWS.filter(([code]) => !signals.includes(code)).map(([code, meaning]) => [
    String(code),
    plain(meaning),
  ]);
  rows.push([signals.join(', '), 'stopped by SIGINT (Ctrl-C), SIGTERM, SIGHUP']);
  return rows;
}

export function helpEpilog(): string {
  const settings = SETTING_KEYS.map((key): [string, string] => [SETTINGS[key].env.join(', '), SETTINGS[key].help]);
  return `
Exit codes:
${aligned(exitRows())}

Environment:
${aligned([...settings, ...OTHER_ENV])}

Examples:
  $ rdsjob get a9767ede-fe0f-4888-9003-e843a4c90514
  $ rdsjob get $JOB --json | jq -r .status
  $ rdsjob wait $JOB --timeout 30m
  $ rdsjob list --instance $INSTANCE --status running
  $ rdsjob wait --instance $INSTANCE && terraform apply
  $ rdsjob config set region cn-north-4 && rdsjob config set secret-key
  $ rdsjob config list
`;
}
