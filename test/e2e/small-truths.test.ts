// The smaller truths of issue 23, each from the built binary: what a refused endpoint echoes, how retry lines of an
// instance wait name it, the hints for a missing id or an id-shaped REF, `help` with an unknown command, the
// maximum duration, a blank --name, and one hint for many ids not found.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleInstances } from '../../emulator/sample-instances.js';
import { ORDERS_DB } from '../../emulator/sample-tasks.js';
import type { Emulator } from '../../emulator/server.js';
import { emulator, rdsjob } from './harness.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await emulator({ tasks: [] });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.reset();
  emu.setTasks([]);
  emu.setInstances(sampleInstances());
});

describe('refused before anything is sent', () => {
  it.each<[string, (url: string) => { args: string[]; env?: Record<string, string> }]>([
    ['--endpoint', (url: string) => ({ args: ['--endpoint', url, 'get', 'x'] })],
    ['RDSJOB_ENDPOINT', (url: string) => ({ args: ['get', 'x'], env: { RDSJOB_ENDPOINT: url } })],
    ['config set endpoint', (url: string) => ({ args: ['config', 'set', 'endpoint', url] })],
  ])('an endpoint with a password (%s): refused, the password not echoed', async (_, how) => {
    const { args, env } = how('https://deploy:Pa55w0rd-not-to-print@rds.example.com');
    const r = await rdsjob(emu, args, { env, secrets: ['Pa55w0rd-not-to-print'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"https://deploy:****@rds.example.com": must not contain a user name or password');
    expect(emu.requests).toEqual([]);
  });

  it('`rdsjob wait` with no argument: the hint shows wait, not get', async () => {
    const r = await rdsjob(emu, ['wait']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: no job id given\nhint: pass one or more job ids, e.g. `rdsjob wait 2d3f…`, or an instance: `rdsjob wait --instance orders-db`\n',
    );
  });

  it('`rdsjob get` with no argument: the same line as wait, with get\'s hint (not commander\'s "missing required argument")', async () => {
    const r = await rdsjob(emu, ['get', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: no job id given\nhint: pass one or more job ids, e.g. `rdsjob get 2d3f…` (`rdsjob list` shows recent tasks)\n',
    );
    expect(r.stdout).toBe('');
    expect(emu.requests).toEqual([]);
  });

  it('`rdsjob help nope`: an unknown command, said so, exit 2 (not the whole help)', async () => {
    const r = await rdsjob(emu, ['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'nope'\nhint: run `rdsjob --help` for the commands\n");
    expect(r.stdout).toBe('');
    const known = await rdsjob(emu, ['help', 'wait']);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^Usage: rdsjob wait /);
  });

  it('--timeout 9000h: too long, naming the maximum', async () => {
    const r = await rdsjob(emu, ['wait', 'x', '--timeout', '9000h']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: invalid --timeout "9000h": too long: at most 8760h \(a year\)\n/);
  });

  it("list --name ' ': refused like an empty name", async () => {
    const r = await rdsjob(emu, ['list', '--name', ' ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: invalid --name " ": give a task name, e.g. ResizeFlavor\n');
    expect(emu.requests).toEqual([]);
  });
});

describe('what an instance wait and a missing instance say', () => {
  it("retry lines of an instance wait name the instance as the user did, with the word 'instance'", async () => {
    emu.failTaskList({ fault: 'status', status: 503 });
    const r = await rdsjob(emu, ['wait', '--instance', 'orders-db', '--interval', '100ms', '--rate-limit', '6000']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Z instance orders-db RDS API error 503 .*; retrying in \d+s\n/);
    expect(r.stderr).not.toContain(ORDERS_DB.id.slice(0, 8));
  });

  it('an id-shaped REF not found: the hint says such refs are looked up by id', async () => {
    const r = await rdsjob(emu, ['list', '--instance', 'a48e43ff268f4c0e879652d65e63d0fbin01']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      'error: instance a48e43ff268f4c0e879652d65e63d0fbin01 not found\n' +
        'hint: a REF shaped like an instance id (32 hex characters and inNN) is looked up by id only; check the id, the region and the project\n',
    );
  });
});

describe('many ids not found: one error line each, the hint once', () => {
  const ids = Array.from({ length: 12 }, (_, i) => `missing-${i}`);

  it.each([
    ['get', ['get', ...ids]],
    ['wait', ['wait', ...ids, '--not-found-grace', '0', '--rate-limit', '6000']],
  ])('%s', async (_, args) => {
    const r = await rdsjob(emu, args);
    expect(r.code).toBe(4);
    expect(r.stderr.match(/^error: job missing-\d+ not found/gm)).toHaveLength(12);
    expect(r.stderr.match(/^hint: /gm)).toHaveLength(1);
  });
});
