// --query EXPR end to end (docs/output.md): JMESPath over exactly the JSON --json prints, on one job, several ids,
// a task list and a wait; a string raw, anything else indented JSON; bad expressions refused before any request.
// The binary runs the first case, as a script would; the others run main() in-process against the same emulator
// (what --query prints and exits with does not depend on the process around it).
import { describe, expect, it } from 'vitest';
import { createFailed, createInstanceCompleted, resizeVolume } from '../../emulator/sample-jobs.js';
import { ORDERS_DB } from '../../emulator/sample-tasks.js';
import { emulatorPerFile, inProcess, rdsjob } from './harness.js';
import { job } from '../support/jobs.js';

const FAST = ['--interval', '100ms', '--rate-limit', '6000'];
const ONE = createInstanceCompleted.id!;
const RESIZE = resizeVolume.id!;
const FAILED = createFailed.id!;

const emu = emulatorPerFile();

const query = async (args: string[]) => {
  const r = await inProcess(emu, args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('get --query on one job', () => {
  it('a string field prints raw, one line: STATUS=$(rdsjob get $ID --query status)', async () => {
    const r = await rdsjob(emu, ['get', ONE, '--query', 'status']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'Completed\n', '']);
    expect(await query(['get', ONE, '--query', 'entities.instance.datastore.version'])).toBe('8.0\n');
  });

  it('an object or a list prints as two-space indented JSON; a missing field is null', async () => {
    expect(await query(['get', ONE, '--query', 'entities.instance.datastore'])).toBe(
      '{\n  "type": "mysql",\n  "version": "8.0"\n}\n',
    );
    expect(await query(['get', ONE, '--query', 'entities.resource_ids[1]'])).toBe(
      'a48e43ff268f4c0e879652d65e63d0fbin01.volume\n',
    );
    expect(await query(['get', ONE, '--query', 'fail_reason'])).toBe('null\n');
    expect(await query(['get', ONE, '--query', 'no_such_field'])).toBe('null\n');
  });

  it('multi-select and functions', async () => {
    expect(JSON.parse(await query(['get', ONE, '--query', '{id: id, db: instance.name}']))).toEqual({
      id: ONE,
      db: 'DO-NOT-TOUCH-mgr2-mysql',
    });
    expect(await query(['get', ONE, '--query', '[status, name]'])).toBe(
      '[\n  "Completed",\n  "CreateMysqlSingleHAInstance"\n]\n',
    );
    expect(await query(['get', ONE, '--query', 'length(entities.resource_ids)'])).toBe('2\n');
    expect(await query(['get', ONE, '--query', "starts_with(name, 'Create')"])).toBe('true\n');
  });
});

describe('get --query on several ids (the JSON array --json prints, in argument order)', () => {
  const ids = [ONE, RESIZE, FAILED];

  it('indexes, projections, filters and functions', async () => {
    expect(await query(['get', ...ids, '--query', '[1].name'])).toBe('MysqlResizeVolume\n');
    expect(JSON.parse(await query(['get', ...ids, '--query', '[].status']))).toEqual([
      'Completed',
      'Completed',
      'Failed',
    ]);
    expect(await query(['get', ...ids, '--query', "[?status=='Failed'].fail_reason | [0]"])).toBe(
      `${createFailed.fail_reason}\n`,
    );
    // aws's spelling of a string literal, a bare word between backticks, is accepted too.
    expect(JSON.parse(await query(['get', ...ids, '--query', '[?status==`Completed`].id']))).toEqual([ONE, RESIZE]);
    expect(await query(['get', ...ids, '--query', 'length([?status==`Completed`])'])).toBe('2\n');
    expect(await query(['get', ...ids, '--query', "join(',', [].name)"])).toBe(
      'CreateMysqlSingleHAInstance,MysqlResizeVolume,CreateMysqlSingleHAInstance\n',
    );
  });

  it('the exit code stays the outcome: one id not found still exits 4 with its error line', async () => {
    const r = await inProcess(emu, ['get', ONE, 'no-such-job', '--query', '[].id']);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toEqual([ONE]);
    expect(r.stderr).toContain('no-such-job');
  });
});

describe('list --query (a task list)', () => {
  it('projections and filters over the tasks', async () => {
    const names = JSON.parse(await query(['list', '--query', '[].name']));
    expect(names).toEqual(['ResizeFlavor', 'CreateManualBackup', 'MysqlBindEIP', 'RestartInstance']);
    expect(await query(['list', '--instance', ORDERS_DB.name, '--query', "[?status=='Running'] | [0].id"])).toBe(
      '1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6\n',
    );
    expect(await query(['list', '--status', 'failed', '--query', '[0].{task: name, why: fail_reason}'])).toBe(
      '{\n  "task": "MysqlBindEIP",\n  "why": "The EIP is already bound to another resource."\n}\n',
    );
  });

  it('an empty list is queried too ([] in, 0 out), with nothing on stderr', async () => {
    expect(await query(['list', '--name', 'NoSuchTask', '--query', 'length(@)'])).toBe('0\n');
  });
});

describe('wait --query', () => {
  it('the exit code is the wait’s: a Failed job exits 1 and the query answers from its final state', async () => {
    emu.setJob('fails', {
      steps: [
        job({ id: 'fails', status: 'Running', process: '40%' }),
        job({ id: 'fails', status: 'Failed', fail_reason: 'createVM failed.' }),
      ],
    });
    const r = await inProcess(emu, ['wait', 'fails', ...FAST, '--quiet', '--query', 'fail_reason']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('createVM failed.\n');
  });

  it('get --wait takes it too, and a timed-out wait’s resume command repeats the query', async () => {
    emu.setJob('forever', { steps: [job({ id: 'forever', status: 'Running', process: '40%' })] });
    const r = await inProcess(emu, ['get', 'forever', '--wait', '--timeout', '1s', ...FAST, '--query', 'process']);
    expect(r.code).toBe(6);
    expect(r.stdout).toBe('40%\n');
    expect(r.stderr).toContain('--query process');
  });

  it('wait --instance: over the array of the wait’s tasks', async () => {
    const r = await inProcess(emu, ['wait', '--instance', ORDERS_DB.name, ...FAST, '--quiet', '--query', '[].status']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['Completed']);
  });
});

describe('bad --query: exit 2 before any request', () => {
  it.each([
    ['a syntax error, with the parser’s message', ['get', ONE, '--query', 'status['], /Syntax error/],
    ['an unclosed filter', ['list', '--query', '[?status==']],
    ['an unknown function', ['get', ONE, '--query', 'lenght(name)'], /unknown function lenght\(\)/],
    ['an empty expression', ['wait', ONE, '--query', '']],
    ['-o table', ['get', ONE, '--query', 'status', '-o', 'table'], /--query and -o table/],
  ] as [string, string[], RegExp?][])('%s', async (_what, args, message) => {
    const r = await inProcess(emu, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /);
    if (message !== undefined) expect(r.stderr).toMatch(message);
    expect(emu.requests).toEqual([]);
  });

  it('--json and --query together are one format (JSON): accepted', async () => {
    expect(await query(['get', ONE, '--json', '--query', 'status'])).toBe('Completed\n');
  });

  it('a function given the wrong type for this data: exit 2 naming the expression, after the request', async () => {
    const bad = await inProcess(emu, ['get', ONE, '--query', 'abs(name)']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: --query "abs\(name\)": .*type/);
    expect(emu.requests.filter((r) => r.api === 'ListJobInfo')).toHaveLength(1);
  });
});
