// Shell completion scripts: valid syntax for each shell, and what bash actually offers at <Tab>.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { fakeDeps, scriptedApi } from '../support/fakes.js';

async function script(shell: string): Promise<string> {
  const deps = fakeDeps(scriptedApi(() => new Error('no requests expected')));
  expect(await main(['completion', shell], deps)).toBe(0);
  expect(deps.stderr.text).toBe('');
  return deps.stdout.text;
}

function installed(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' }).status === 0;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rdsjob-completion-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['bash', ['-n']],
  ['zsh', ['-n']],
  ['fish', ['--no-execute']],
])('rdsjob completion %s', (shell, check) => {
  it.skipIf(!installed(shell))(`passes ${shell} ${check.join(' ')}`, async () => {
    const file = join(dir, `rdsjob.${shell}`);
    writeFileSync(file, await script(shell));
    expect(() => execFileSync(shell, [...check, file], { stdio: 'pipe' })).not.toThrow();
  });

  it('names every command, the config keys, the -o values and the profile lookup', async () => {
    const text = await script(shell);
    for (const word of [
      'get',
      'wait',
      'config',
      'completion',
      'set',
      'list',
      'secret-key',
      'iam-endpoint',
      'json',
      'table',
      'timeout',
    ]) {
      expect(text).toContain(word);
    }
    expect(text).toContain('rdsjob config profiles');
    expect(text).not.toMatch(/\bprofiles\b.*hidden/);
  });
});

it('an unknown shell is a usage error', async () => {
  const deps = fakeDeps(scriptedApi(() => new Error('unused')));
  expect(await main(['completion', 'powershell'], deps)).toBe(2);
  expect(deps.stdout.text).toBe('');
});

const SERVICES = ['rds', 'taurusdb', 'gaussdb', 'dds', 'geminidb'];
/** What `config set <Tab>` offers, in the settings table's order. */
const CONFIG_KEYS = [
  'service',
  'region',
  'project-id',
  'access-key',
  'secret-key',
  'security-token',
  'auth-token',
  'endpoint',
  'iam-endpoint',
];

/** `config set KEY <Tab>` in every shell: the key's values, never the keys again (nothing for a free-form key). */
const VALUE_CASES: Array<[string, string[]]> = [
  ['rdsjob config set ', CONFIG_KEYS],
  ['rdsjob config set service ', SERVICES],
  ['rdsjob --profile ci config set service ', SERVICES],
  ['rdsjob config set region ', []],
  ['rdsjob config set service geminidb ', []],
  ['rdsjob completion ', ['bash', 'zsh', 'fish']],
  ['rdsjob completion bash ', []],
];

describe.skipIf(!installed('fish'))('what fish offers', () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'offers.fish');
    writeFileSync(file, await script('fish'));
  });

  it.each(VALUE_CASES)('%j', (line, expected) => {
    // fish's own `complete -C` answers what <Tab> would offer, sorted; options left out.
    const program = `function rdsjob; end; source ${JSON.stringify(file)}; complete -C ${JSON.stringify(line)}`;
    const got = execFileSync('fish', ['--no-config', '-c', program], { encoding: 'utf8' })
      .split('\n')
      .map((w) => w.split('\t')[0]!)
      .filter((w) => w !== '' && !w.startsWith('-'));
    expect(got).toEqual([...expected].sort());
  });
});

describe.skipIf(!installed('zsh'))('what zsh offers', () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'offers.zsh');
    writeFileSync(file, await script('zsh'));
  });

  it.each(VALUE_CASES)('%j', (line, expected) => {
    // compsys stand-ins that print what the script offers (zsh itself filters by the word typed).
    const program = [
      'compdef() { :; }',
      'compadd() { while [[ $# -gt 0 && $1 != -- ]]; do shift; done; shift; print -l -- "$@"; }',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh's ${(P)…}
      '_describe() { local arr=$4; print -l -- ${${(P)arr}%%:*}; }',
      '_message() { :; }',
      `source ${JSON.stringify(file)}`,
      `words=(\${=LINE}); [[ $LINE == *' ' ]] && words+=('')`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh's ${#words}
      'CURRENT=${#words}',
      '_rdsjob; true',
    ].join('\n');
    const got = execFileSync('zsh', ['-f', '-c', program], { encoding: 'utf8', env: { ...process.env, LINE: line } })
      .split('\n')
      .filter(Boolean);
    expect(got).toEqual(expected);
  });
});

describe.skipIf(!installed('bash'))('what bash offers', () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, 'offers.bash');
    writeFileSync(file, await script('bash'));
  });

  /** COMPREPLY for the command line typed so far (the last word is the one being completed). */
  function offers(line: string): string[] {
    const words = line.split(' ');
    const program = [
      // Stands in for the installed binary: completion asks it for profile names.
      'rdsjob() { [[ "$*" == "config profiles" ]] && printf "default\\nprod\\nstaging\\n"; }',
      `source ${JSON.stringify(file)}`,
      `COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')})`,
      `COMP_CWORD=${words.length - 1}`,
      '_rdsjob_complete',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${COMPREPLY[@]}
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    return execFileSync('bash', ['-c', program], { encoding: 'utf8' }).split('\n').filter(Boolean);
  }

  it.each<[string, string[]]>([
    ['rdsjob ', ['get', 'wait', 'list', 'config', 'completion']],
    ['rdsjob list --status ', ['Running', 'Completed', 'Failed']],
    ['rdsjob list --in', ['--instance']],
    [
      'rdsjob list --instance abc --',
      [
        '--profile',
        '--service',
        '--region',
        '--project-id',
        '--endpoint',
        '--iam-endpoint',
        '--debug',
        '--no-color',
        '--help',
        '--instance',
        '--status',
        '--name',
        '--since',
        '--limit',
        '--output',
        '--json',
        '--query',
      ],
    ],
    ['rdsjob wait --inst', ['--instance']],
    ['rdsjob co', ['config', 'completion']],
    ['rdsjob config ', ['set', 'unset', 'get', 'list', 'path']],
    ['rdsjob config set ', CONFIG_KEYS],
    ['rdsjob config set se', ['service', 'secret-key', 'security-token']],
    ['rdsjob --service ', SERVICES],
    ['rdsjob get abc --service g', ['gaussdb', 'geminidb']],
    ['rdsjob get abc -o ', ['table', 'json']],
    ['rdsjob --profile ', ['default', 'prod', 'staging']],
    ['rdsjob get --profile p', ['prod']],
    ['rdsjob --profile prod config l', ['list']],
    ['rdsjob completion ', ['bash', 'zsh', 'fish']],
    ['rdsjob wait abc --ti', ['--timeout']],
    ['rdsjob --region ', []],
    // The value of the key being set, from the services table; keys only in the key's place.
    ['rdsjob config set service ', SERVICES],
    ['rdsjob config set service g', ['gaussdb', 'geminidb']],
    ['rdsjob --profile ci config set service ', SERVICES],
    ['rdsjob config set region ', []],
    ['rdsjob config set service geminidb ', []],
    ['rdsjob config get region ', []],
    ['rdsjob completion bash ', []],
  ])('%j', (line, expected) => {
    // Options are offered alongside words; compare them only where the case is about options.
    const got = offers(line);
    const compared = expected.some((w) => w.startsWith('-')) ? got : got.filter((w) => !w.startsWith('-'));
    expect(compared).toEqual(expected);
  });
});
