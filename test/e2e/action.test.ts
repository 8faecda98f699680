// The repository as a GitHub Action (docs/ci.md): action.yml's steps run as the runner runs a composite action —
// `${{ … }}` expressions resolved from the inputs (defaults included), each step a `bash --noprofile --norc -eo
// pipefail` script with its own GITHUB_OUTPUT file, GITHUB_STEP_SUMMARY shared, the action's outputs evaluated from
// the steps' — against the emulator. The action path is this checkout, whose dist/ the global setup built.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resizeRunning } from '../../emulator/sample-tasks.js';
import { readGithubOutput } from '../support/github-output.js';
import { emulatorPerFile, rdsjob, type RunResult } from './harness.js';
import { job } from '../support/jobs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Step {
  id?: string;
  name?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;

const emu = emulatorPerFile();
let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rdsjob-action-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  emu.setJob('fine', { steps: [job({ id: 'fine', status: 'Completed' })] });
  emu.setJob('broken', { steps: [job({ id: 'broken', status: 'Failed', fail_reason: 'createVM failed.' })] });
  emu.setJob('slow', { steps: [job({ id: 'slow', status: 'Running', process: '40%' })] });
  // A resize started a minute ago (inside `since: 5m`), Completed at the second look.
  const started = {
    ...resizeRunning,
    create_time: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, '+0000'),
  };
  emu.setTasks([{ steps: [started, { ...started, status: 'Completed', process: '', instance_status: 'ACTIVE' }] }]);
});

/** `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ steps.id.outputs.x }}`: all an action may use here. */
function evaluate(
  text: string,
  context: { inputs: Record<string, string>; steps: Record<string, Record<string, string>> },
) {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_all, expression: string) => {
    let m: RegExpExecArray | null;
    if (expression === 'github.action_path') return root;
    if ((m = /^inputs\.([\w-]+)$/.exec(expression))) {
      if (!(m[1]! in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${expression}`);
      return context.inputs[m[1]!] ?? '';
    }
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression))) return context.steps[m[1]!]?.[m[2]!] ?? '';
    throw new Error(`an expression this runner does not know: ${expression}`);
  });
}

interface ActionRun {
  /** The failing step's exit code, else 0: the action's outcome as the job sees it. */
  code: number;
  outputs: Record<string, string>;
  summary: string;
  steps: RunResult[];
}

/** Runs the action's steps in order, as the runner does, until one fails. */
async function runAction(given: Record<string, string>): Promise<ActionRun> {
  const defaults = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? '']),
  );
  const context = { inputs: { ...defaults, ...given }, steps: {} as Record<string, Record<string, string>> };
  const summary = join(dir, `summary-${++n}.md`);
  writeFileSync(summary, '');
  const results: RunResult[] = [];
  let code = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    expect(step.shell).toBe('bash');
    const script = join(dir, `step-${n}-${i}.sh`);
    const output = join(dir, `output-${n}-${i}`);
    writeFileSync(script, evaluate(step.run, context));
    writeFileSync(output, '');
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(value, context)]),
    );
    const r = await rdsjob(emu, [], {
      shell: `bash --noprofile --norc -eo pipefail ${script}`,
      env: {
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: root,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
      },
      cwd: dir,
      // The action has no --rate-limit input: an instance's looks (two requests each) are a second apart.
      timeoutMs: 60_000,
    });
    results.push(r);
    // A failed step's outputs are kept too: a later `if: failure()` step reads why.
    if (step.id !== undefined) context.steps[step.id] = readGithubOutput(readFileSync(output, 'utf8'));
    if (r.code !== 0) {
      code = r.code ?? 1;
      break;
    }
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [name, evaluate(output.value, context)]),
  );
  return { code, outputs, summary: readFileSync(summary, 'utf8'), steps: results };
}

describe('action.yml, run as the runner runs a composite action', () => {
  it('job ids (commas and line breaks): exit 1 when one Failed; outputs, summary and the log', async () => {
    const a = await runAction({ 'job-ids': 'fine,\nbroken', interval: '100ms' });
    expect(a.code).toBe(1);
    expect(a.outputs).toMatchObject({ outcome: 'failed', 'exit-code': '1', failed: 'broken' });
    expect(JSON.parse(a.outputs.result!).map((job: { id: string }) => job.id)).toEqual(['fine', 'broken']);
    expect(a.summary).toContain('| broken | CreateMysqlSingleHAInstance | Failed |');
    expect(a.steps.at(-1)!.stderr).toContain(
      '::error title=RDS job CreateMysqlSingleHAInstance failed::createVM failed.',
    );
  });

  it('instance and since: free once its task Completed, exit 0', async () => {
    const a = await runAction({ instance: 'orders-db', since: '5m', interval: '100ms' });
    expect(a.code).toBe(0);
    expect(a.outputs).toMatchObject({ outcome: 'free', 'exit-code': '0', failed: '' });
    expect(JSON.parse(a.outputs.result!)).toMatchObject([{ name: 'ResizeFlavor', status: 'Completed' }]);
  });

  it('timeout: exit 6 and outcome timed-out; fail-fast stops at the first Failed', async () => {
    const late = await runAction({ 'job-ids': 'slow', timeout: '1s', interval: '100ms' });
    expect(late.code).toBe(6);
    expect(late.outputs).toMatchObject({ outcome: 'timed-out', 'exit-code': '6' });
    const fast = await runAction({ 'job-ids': 'broken slow', 'fail-fast': 'true', interval: '100ms' });
    expect(fast.code).toBe(1);
    expect(fast.outputs).toMatchObject({ outcome: 'failed', failed: 'broken' });
    expect(fast.steps.at(-1)!.stderr).toContain('--fail-fast');
  });

  it('service, region and project-id inputs become the flags (a project the emulator does not know: exit 3 or 4, not 0)', async () => {
    const a = await runAction({ 'job-ids': 'fine', region: 'cn-north-4', 'project-id': 'f'.repeat(32) });
    expect(a.code).not.toBe(0);
    expect(a.outputs['exit-code']).toBe(String(a.code));
    const good = await runAction({ 'job-ids': 'fine', region: 'cn-north-4', service: 'rds' });
    expect(good.code).toBe(0);
    expect(good.outputs.outcome).toBe('completed');
    const unknown = await runAction({ 'job-ids': 'fine', service: 'no-such-service' });
    expect(unknown.code).toBe(2);
    expect(unknown.steps.at(-1)!.stderr).toMatch(/no-such-service/);
  });

  it('inputs are data, never code: shell syntax in them runs nothing and reaches rdsjob as a (bad) value', async () => {
    const pwned = join(dir, 'pwned');
    const attempts: Record<string, string>[] = [
      { 'job-ids': `$(touch ${pwned}) \`touch ${pwned}\`` },
      { instance: `x"; touch ${pwned}; echo "` },
      { 'job-ids': 'fine', timeout: `1s; touch ${pwned}` },
      { 'job-ids': '*' },
    ];
    for (const inputs of attempts) {
      const a = await runAction(inputs);
      expect(a.code).toBe(2);
      expect(a.steps.at(-1)!.stderr).toMatch(/^error: invalid/m);
    }
    const odd = await runAction({ 'job-ids': 'fine', 'fail-fast': 'yes\n::warning::injected' });
    expect(odd.code).toBe(2);
    expect(odd.steps.at(-1)!.stdout).not.toMatch(/^::warning::/m);
    expect(existsSync(pwned)).toBe(false);
  });

  it('no input reaches a script except through env (no expression inside run:), and every input is used', () => {
    const scripts = action.runs.steps.map((step) => step.run).join('\n');
    expect(scripts).not.toContain('${{');
    expect(action.runs.using).toBe('composite');
    const envs = action.runs.steps.flatMap((step) => Object.values(step.env ?? {})).join('\n');
    for (const name of Object.keys(action.inputs)) expect(envs).toContain(`\${{ inputs.${name} }}`);
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['fail-fast', 'instance', 'interval', 'job-ids', 'project-id', 'region', 'service', 'since', 'timeout'].sort(),
    );
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'failed', 'outcome', 'result']);
  });
});
