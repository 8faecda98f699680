// `npm run demo`: the real CLI against the bundled emulator, no cloud account needed.
// Starts the emulator with the sample jobs, then runs a few rdsjob commands exactly as a user would type them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO, startDemoEmulator } from '../dist/emulator/demo.js';

const bin = fileURLToPath(new URL('../bin/rdsjob.js', import.meta.url));
const emulator = await startDemoEmulator();
const env = {
  ...process.env,
  HUAWEICLOUD_SDK_AK: DEMO.accessKey,
  HUAWEICLOUD_SDK_SK: DEMO.secretKey,
  HUAWEICLOUD_SDK_REGION: DEMO.region,
  RDSJOB_ENDPOINT: emulator.url,
  HUAWEICLOUD_SDK_IAM_ENDPOINT: emulator.url,
  RDSJOB_CONFIG: fileURLToPath(new URL('../.demo-config.json', import.meta.url)), // keep the user's own config out of it
  XDG_CACHE_HOME: fileURLToPath(new URL('../.demo-cache', import.meta.url)),
};
delete env.HUAWEICLOUD_SDK_PROJECT_ID;
delete env.RDSJOB_PROFILE;

const say = (text) => process.stdout.write(`\n\x1b[1m${text}\x1b[0m\n`);
let failures = 0;
function run(args, expectedCode = 0) {
  say(`$ rdsjob ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], { env, stdio: 'inherit' });
  if (result.status !== expectedCode) {
    failures++;
    process.stderr.write(`demo: expected exit ${expectedCode}, got ${result.status}\n`);
  } else if (expectedCode !== 0) {
    process.stdout.write(`(exit ${result.status}, as documented)\n`);
  }
}

say(`rdsjob demo — emulator on ${emulator.url}, region ${DEMO.region}; the project id is looked up in IAM.`);
for (const step of DEMO.steps) run(step.args, step.exit);
await emulator.close();
process.exitCode = failures === 0 ? 0 : 1;
