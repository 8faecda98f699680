// `npm run bench`: start-up and polling costs of the built CLI, as ratios to `node -e ''` measured in the same run.
// Each case alternates with the baseline (warm-up first), so machine noise hits both alike. Prints a markdown table.
// NODE_EXTRA_CA_CERTS is removed from the children's environment: on these machines it costs every Node process
// ~80 ms and would drown what we measure.
//
//   NODE=/path/to/node npm run bench        measure that Node.js (the CLI and the baseline both run on it)
//   BENCH_COMPARE=/other/bin/rdsjob.js …    also time another build in the same pairs (before/after a change)
//   BENCH_PAIRS=31 …                         more pairs (default 15); BENCH_STARTUP_ONLY=1 skips wait and the soak
//   BENCH_CPU=1 …                            also the ratio of CPU time (user + system, read by cpu-probe.cjs in every
//                                            timed run, the baseline's too): on a shared, loaded machine wall time
//                                            mostly measures the scheduler, CPU time much less so
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/dist/server.js';
import {
  allSampleJobs,
  createFailed,
  createInstanceCompleted,
  PROJECT_ID,
  resizeVolume,
} from '../../emulator/dist/sample-jobs.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 15);
const NODE = process.env.NODE || process.execPath;
const COMPARE = process.env.BENCH_COMPARE || undefined;
const WARMUP = 3;
const bin = fileURLToPath(new URL('../../bin/rdsjob.js', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));
const CPU = process.env.BENCH_CPU ? fileURLToPath(new URL('./cpu-probe.cjs', import.meta.url)) : undefined;
const home = mkdtempSync(join(tmpdir(), 'rdsjob-bench-'));
const AK = 'HPUABENCH00000000001';
const SK = 'bench-secret-key-local-emulator-only';

const waitJobs = (n) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `bench-wait-${i}`,
      {
        steps: [
          { id: `bench-wait-${i}`, name: 'CreateMysqlSingleHAInstance', status: 'Running', process: '30%' },
          { id: `bench-wait-${i}`, name: 'CreateMysqlSingleHAInstance', status: 'Running', process: '70%' },
          { id: `bench-wait-${i}`, name: 'CreateMysqlSingleHAInstance', status: 'Completed', process: '' },
        ],
      },
    ]),
  );

const emulator = await startEmulator({
  credentials: [{ accessKey: AK, secretKey: SK }],
  projects: [{ id: PROJECT_ID, name: 'cn-north-4' }],
  jobs: { ...Object.fromEntries(allSampleJobs.map((j) => [j.id, { steps: [j] }])), ...waitJobs(100) },
});

const env = {
  PATH: process.env.PATH,
  HOME: home,
  TZ: 'UTC',
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_SDK_REGION: 'cn-north-4',
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
  RDSJOB_ENDPOINT: emulator.url,
  HUAWEICLOUD_SDK_IAM_ENDPOINT: emulator.url,
};

const shellWord = (w) => `'${w.replace(/'/g, `'\\''`)}'`;

/**
 * `pty`: under a pseudo-terminal of 100×30 (util-linux `script`), stderr a terminal: the live view of `wait`.
 * Returns the wall time in ms; with BENCH_CPU, `cpu` is called with the process's own CPU time in ms.
 */
async function run(args, extraEnv = {}, pty = false, cpu = undefined) {
  const cpuFile = join(home, 'cpu');
  if (cpu) {
    args = ['--require', CPU, ...args];
    extraEnv = { ...extraEnv, RDSJOB_BENCH_CPU_FILE: cpuFile };
  }
  const start = performance.now();
  const argv = pty
    ? ['script', ['-qfec', `stty cols 100 rows 30; exec ${[NODE, ...args].map(shellWord).join(' ')}`, '/dev/null']]
    : [NODE, args];
  const child = spawn(argv[0], argv[1], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = await once(child, 'exit');
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`${args.slice(1).join(' ')} exited ${code}: ${stderr}`);
  if (cpu) cpu(Number(readFileSync(cpuFile, 'utf8')) / 1000);
  return ms;
}

async function peakRssMiB(args, pty = false) {
  const file = join(home, 'rss');
  await run(['--require', probe, ...args], { RDSJOB_BENCH_RSS_FILE: file }, pty);
  return Number(readFileSync(file, 'utf8')) / 1024;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const baseline = ['-e', ''];

/** On a terminal (`pty`), the baseline runs under the same `script` too, so the ratio is of what rdsjob adds. */
async function startupCase(label, cliArgs, pty = false) {
  const args = [bin, ...cliArgs];
  const other = COMPARE === undefined ? undefined : [COMPARE, ...cliArgs];
  let cpuMs = 0;
  const go = (a) => run(a, {}, pty, CPU && ((ms) => (cpuMs = ms)));
  for (let i = 0; i < WARMUP; i++) {
    await go(baseline);
    await go(args);
    if (other) await go(other);
  }
  const times = [],
    ratios = [],
    bases = [],
    otherRatios = [],
    cpuRatios = [],
    otherCpuRatios = [];
  for (let i = 0; i < PAIRS; i++) {
    const b = await go(baseline);
    const bCpu = cpuMs;
    const t = await go(args);
    cpuRatios.push(cpuMs / bCpu);
    bases.push(b);
    times.push(t);
    ratios.push(t / b);
    if (other) {
      otherRatios.push((await go(other)) / b);
      otherCpuRatios.push(cpuMs / bCpu);
    }
  }
  const compared = other ? median(otherRatios) : undefined;
  return {
    label,
    median: median(times),
    base: median(bases),
    ratio: median(ratios),
    compared,
    cpu: CPU ? median(cpuRatios) : undefined,
    comparedCpu: CPU && other ? median(otherCpuRatios) : undefined,
    rss: await peakRssMiB(args, pty),
  };
}

async function waitCase(n) {
  const ids = Object.keys(waitJobs(n));
  emulator.reset();
  const ms = await run([bin, 'wait', ...ids, '--interval', '100ms', '--rate-limit', '6000', '--quiet']);
  const requests = emulator.requests.length;
  return { n, ms, requests, perJob: requests / n };
}

/** RSS of a `wait` that polls one job `polls` times (1 ms interval): is memory flat over a long wait? */
async function soak(polls) {
  const id = 'bench-soak';
  const running = { id, name: 'CreateMysqlSingleHAInstance', status: 'Running', process: '50%' };
  emulator.setJob(id, { steps: [...Array(polls - 1).fill(running), { ...running, status: 'Completed', process: '' }] });
  emulator.reset();
  const child = spawn(NODE, [bin, 'wait', id, '--interval', '1ms', '--rate-limit', '600000', '--quiet'], {
    env,
    stdio: 'ignore',
  });
  const samples = new Map(); // polls so far (rounded down to 1000) → RSS in MiB
  const timer = setInterval(() => {
    try {
      const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
      const at = Math.floor(emulator.requests.length / 1000) * 1000;
      if (at > 0 && !samples.has(at)) samples.set(at, kib / 1024);
    } catch {
      /* the process has ended */
    }
  }, 20);
  const start = performance.now();
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  const at = [...samples.keys()].sort((a, b) => a - b);
  const first = samples.get(at[0]);
  const last = samples.get(at.at(-1));
  return [
    `Long wait: one job polled ${emulator.requests.length} times (1 ms interval) in ${((performance.now() - start) / 1000).toFixed(1)} s, exit ${code}; ` +
      `RSS ${first?.toFixed(1)} MiB after ${at[0]} polls, ${last?.toFixed(1)} MiB after ${at.at(-1)} polls.`,
  ].join('\n');
}

const rows = [];
rows.push(await startupCase('`--version`', ['--version']));
rows.push(await startupCase('`--help`', ['--help']));
rows.push(await startupCase('`get <id>` (table)', ['get', createInstanceCompleted.id]));
rows.push(await startupCase('`get <id> --json`', ['get', createInstanceCompleted.id, '--json']));
rows.push(
  await startupCase('`get <3 ids>` (rows, one Failed)', [
    'get',
    createInstanceCompleted.id,
    resizeVolume.id,
    createFailed.id,
  ]),
);
// A job already Completed: one poll, so what is timed is start-up plus the progress display's own loading.
rows.push(await startupCase('`wait <done id>` (stderr piped)', ['wait', createInstanceCompleted.id]));
rows.push(await startupCase('`wait <done id>` on a terminal (live view)', ['wait', createInstanceCompleted.id], true));

const out = [];
const version = (await import('node:child_process')).execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
out.push(`Node ${version}, ${PAIRS} pairs after ${WARMUP} warm-up pairs, NODE_EXTRA_CA_CERTS unset.`, '');
const extra =
  (COMPARE ? ` ${COMPARE} ratio |` : '') + (CPU ? ' CPU ratio |' : '') + (CPU && COMPARE ? ' its CPU ratio |' : '');
out.push(
  `| case | median wall | \`node -e ''\` median | median per-pair ratio | peak RSS |${extra}`,
  `|---|---|---|---|---|${'---|'.repeat(extra.split('|').length - 1)}`,
);
const times = (x) => (x === undefined ? '' : ` ${x.toFixed(2)}× |`);
for (const r of rows) {
  out.push(
    `| ${r.label} | ${r.median.toFixed(1)} ms | ${r.base.toFixed(1)} ms | ${r.ratio.toFixed(2)}× | ${r.rss.toFixed(1)} MiB |` +
      `${times(r.compared)}${times(r.cpu)}${times(r.comparedCpu)}`,
  );
}
if (process.env.BENCH_STARTUP_ONLY) {
  process.stdout.write(`${out.join('\n')}\n`);
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
  process.exit(0);
}
out.push(
  '',
  '| `wait` (jobs complete on the 3rd poll, 100 ms interval) | wall | requests | requests per job |',
  '|---|---|---|---|',
);
for (const n of [1, 10, 100]) {
  const w = await waitCase(n);
  out.push(`| ${n} job${n > 1 ? 's' : ''} | ${w.ms.toFixed(0)} ms | ${w.requests} | ${w.perJob.toFixed(2)} |`);
}
out.push('', await soak(10_000));
process.stdout.write(`${out.join('\n')}\n`);
await emulator.close();
rmSync(home, { recursive: true, force: true });
