// `node emulator/dist/cli.js [--port N] [--scenario file.json] [--service NAME]`: the emulator on its own, for the
// README demo and for trying rdsjob by hand (`--service taurusdb`: TaurusDB's jobs API instead of RDS's). Prints
// one line with its URL on stdout, stops on SIGINT/SIGTERM.
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoOptions, parseCliArgs, withScenario } from './demo.js';
import { startEmulator, type Emulator } from './server.js';

export { DEMO, demoJobs, demoOptions } from './demo.js';

export async function runEmulatorCli(argv: string[], stdout: NodeJS.WritableStream): Promise<Emulator> {
  const args = parseCliArgs(argv);
  let options = demoOptions(args.service);
  if (args.scenario !== undefined) options = withScenario(options, JSON.parse(await readFile(args.scenario, 'utf8')));
  const emulator = await startEmulator({ ...options, port: args.port });
  const what = emulator.service === 'rds' ? '' : ` (${emulator.service})`;
  stdout.write(`rdsjob emulator${what} listening on ${emulator.url}\n`);
  return emulator;
}

async function main(): Promise<void> {
  try {
    const emulator = await runEmulatorCli(process.argv.slice(2), process.stdout);
    const stop = (): void => {
      void emulator.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    process.stderr.write(`rdsjob emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}

// Importing this module (for DEMO) must not start a server; only running it does.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
