// `npm run demo`: the real CLI against the bundled emulator, no cloud account needed.
// Starts the emulator with the sample jobs, then runs a few rdsjob commands exactly as a user would type them.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DEMO, demoOptions, RELEASE, SIBLING_DEMO } from '../emulator/dist/demo.js';
import { startEmulator } from '../emulator/dist/server.js';
import {
  bindEip,
  createFailed,
  createInstanceCompleted,
  createReplicaRunning,
  resizeVolume,
} from '../emulator/dist/sample-jobs.js';
import { ANALYTICS_DB, ORDERS_DB } from '../emulator/dist/sample-tasks.js';

const bin = fileURLToPath(new URL('../bin/rdsjob.js', import.meta.url));
const emulator = await startEmulator(demoOptions());
// RDS's siblings each answer on their own host, as in the cloud: one emulator each.
const taurusdb = await startEmulator(demoOptions('taurusdb'));
const geminidb = await startEmulator(demoOptions('geminidb'));
// Each service's endpoint through the official SDKs' per-service override, so `--service` alone picks the host.
const region = DEMO.region.toUpperCase().replace(/-/g, '_');
const env = {
  ...process.env,
  HUAWEICLOUD_SDK_AK: DEMO.accessKey,
  HUAWEICLOUD_SDK_SK: DEMO.secretKey,
  HUAWEICLOUD_SDK_REGION: DEMO.region,
  [`HUAWEICLOUD_SDK_REGION_RDS_${region}`]: emulator.url,
  [`HUAWEICLOUD_SDK_REGION_GAUSSDB_${region}`]: taurusdb.url,
  [`HUAWEICLOUD_SDK_REGION_GAUSSDBFORNOSQL_${region}`]: geminidb.url,
  HUAWEICLOUD_SDK_IAM_ENDPOINT: emulator.url,
  RDSJOB_CONFIG: fileURLToPath(new URL('../.demo-config.json', import.meta.url)), // keep the user's own config out of it
  XDG_CACHE_HOME: fileURLToPath(new URL('../.demo-cache', import.meta.url)),
};
delete env.HUAWEICLOUD_SDK_PROJECT_ID;
delete env.RDSJOB_PROFILE;
delete env.RDSJOB_ENDPOINT;
delete env.RDSJOB_SERVICE;

const say = (text) => process.stdout.write(`\n\x1b[1m${text}\x1b[0m\n`);
let failures = 0;
// Asynchronous on purpose: the emulator answers from this very process.
async function run(args, expectedCode = 0) {
  say(`$ rdsjob ${args.join(' ')}`);
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: 'inherit' });
  const [status] = await once(child, 'exit');
  if (status !== expectedCode) {
    failures++;
    process.stderr.write(`demo: expected exit ${expectedCode}, got ${status}\n`);
  } else if (expectedCode !== 0) {
    process.stdout.write(`(exit ${status}, as documented)\n`);
  }
}

say(
  `rdsjob demo — emulators for RDS on ${emulator.url}, TaurusDB on ${taurusdb.url} and GeminiDB on ${geminidb.url}, ` +
    `region ${DEMO.region}; the project id is looked up in IAM.`,
);
await run(['get', createInstanceCompleted.id]);
await run(['get', createFailed.id]);
await run(['get', createInstanceCompleted.id, resizeVolume.id, bindEip.id, createFailed.id]);
await run(['get', bindEip.id, '--json']);
await run(['wait', createReplicaRunning.id, '--interval', '1s']);
// Three jobs at once: on a terminal, the live view (one line per job); piped, one plain line per change.
await run(['wait', RELEASE.resize, RELEASE.replica, RELEASE.eip, '--interval', '1s'], 1);
await run(['get', 'no-such-job'], 4);
await run(['list']);
await run(['list', '--instance', ANALYTICS_DB.name, '--status', 'failed', '--json']);
// By name: until no task runs on it and it is ACTIVE again (it is BACKING UP for a moment after the resize).
await run(['wait', '--instance', ORDERS_DB.name, '--interval', '1s']);
// The same waits for RDS's siblings: a TaurusDB job, and a GeminiDB job not listed at first (then it is).
await run(['--service', 'taurusdb', 'wait', SIBLING_DEMO.taurusdb, '--interval', '1s']);
await run(['--service', 'geminidb', 'wait', SIBLING_DEMO.geminidb, '--interval', '1s']);
await run(['--service', 'geminidb', 'get', SIBLING_DEMO.geminidb, '--json']);
await Promise.all([emulator.close(), taurusdb.close(), geminidb.close()]);
process.exitCode = failures === 0 ? 0 : 1;
