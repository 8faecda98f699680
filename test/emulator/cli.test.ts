import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, runEmulatorCli } from '../../emulator/cli.js';
import { demoJobs, parseCliArgs, SIBLING_DEMO, withScenario, demoOptions } from '../../emulator/demo.js';
import { allSampleJobs, createReplicaRunning } from '../../emulator/sample-jobs.js';
import { signedCall } from './client.js';

const demoCall = (url: string, jobId: string) => signedCall(url, jobId, { credentials: DEMO, time: Date.now() });

describe('the demo emulator', () => {
  it('serves every sample job, the Running one advancing 10% → 60% → Completed', async () => {
    const stdout = new PassThrough();
    const emulator = await runEmulatorCli([], stdout);
    try {
      expect(String(stdout.read())).toBe(`rdsjob emulator listening on ${emulator.url}\n`);
      for (const job of allSampleJobs.filter((j) => j !== createReplicaRunning)) {
        expect((await demoCall(emulator.url, job.id!)).body).toBe(JSON.stringify({ job }));
      }
      const seen = [];
      for (let i = 0; i < 4; i++) {
        const { job } = (await demoCall(emulator.url, createReplicaRunning.id!)).json();
        seen.push(`${job.status} ${job.process}`);
      }
      expect(seen).toEqual(['Running 10%', 'Running 60% ', 'Completed ', 'Completed ']);
    } finally {
      await emulator.close();
    }
  });

  it('--service: that service’s demo job, in its shape (GeminiDB: not listed at first, then running)', async () => {
    const stdout = new PassThrough();
    const emulator = await runEmulatorCli(['--service', 'geminidb'], stdout);
    try {
      expect(String(stdout.read())).toBe(`rdsjob emulator (geminidb) listening on ${emulator.url}\n`);
      const seen = [];
      for (let i = 0; i < 3; i++) {
        const { jobs } = (await demoCall(emulator.url, SIBLING_DEMO.geminidb)).json();
        seen.push(jobs.map((job: { status: string; progress: string }) => `${job.status} ${job.progress}`));
      }
      expect(seen).toEqual([[], ['Running 50%'], ['Completed ']]);
    } finally {
      await emulator.close();
    }
  });

  it('has one project, for the demo region', () => {
    expect(demoOptions().projects).toEqual([{ id: DEMO.projectId, name: DEMO.region }]);
    expect(Object.keys(demoJobs())).toHaveLength(allSampleJobs.length);
  });

  it('takes a scenario: its credentials and projects replace the demo ones, its jobs are added', () => {
    const options = withScenario(demoOptions(), {
      credentials: [{ accessKey: 'K', secretKey: 'S' }],
      jobs: { extra: { steps: [{ status: 'Failed' }] } },
    });
    expect(options.credentials).toEqual([{ accessKey: 'K', secretKey: 'S' }]);
    expect(options.projects).toEqual(demoOptions().projects);
    expect(Object.keys(options.jobs!)).toContain('extra');
    expect(Object.keys(options.jobs!)).toContain(createReplicaRunning.id);
  });

  it.each([[null], [[]], ['x']])('refuses a scenario that is not an object: %j', (scenario) => {
    expect(() => withScenario(demoOptions(), scenario)).toThrow(/JSON object/);
  });

  it.each<[string[], ReturnType<typeof parseCliArgs> | RegExp]>([
    [[], { port: 0 }],
    [['--port', '8080'], { port: 8080 }],
    [['--scenario', 's.json'], { port: 0, scenario: 's.json' }],
    [['--port', '70000'], /invalid --port/],
    [['--port', 'x'], /invalid --port/],
    [['--service', 'geminidb'], { port: 0, service: 'geminidb' }],
    [['--service', 'mysql'], /invalid --service: mysql \(one of rds, taurusdb, gaussdb, dds, geminidb\)/],
    [['--verbose'], /Unknown option/],
  ])('parses %j', (argv, expected) => {
    if (expected instanceof RegExp) expect(() => parseCliArgs(argv)).toThrow(expected);
    else expect(parseCliArgs(argv)).toEqual(expected);
  });
});

describe('node cli.js', () => {
  let dir: string;
  let script: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rdsjob-emulator-'));
    script = join(dir, 'cli.mjs');
    await build({
      entryPoints: ['emulator/cli.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints its URL, serves a scenario, and stops cleanly on SIGTERM', async () => {
    const scenario = join(dir, 'scenario.json');
    await writeFile(
      scenario,
      JSON.stringify({ jobs: { 'from-file': { steps: [{ id: 'from-file', status: 'Completed' }] } } }),
    );
    const child = spawn(process.execPath, [script, '--scenario', scenario], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const [line] = await createInterface({ input: child.stdout })
      [Symbol.asyncIterator]()
      .next()
      .then((r) => [r.value as string]);
    const url = /^rdsjob emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line!)?.[1];
    expect(url).toBeDefined();
    expect((await demoCall(url!, 'from-file')).json()).toEqual({ job: { id: 'from-file', status: 'Completed' } });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 with a message on a bad option', async () => {
    const child = spawn(process.execPath, [script, '--port', 'nope'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid --port/);
  });
});
