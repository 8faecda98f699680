// What bin/rdsjob.js runs, as the bundle's entry (scripts/bundle.js). It holds as little as possible, so that
// `rdsjob --version` loads nothing more; every other command goes to cli.ts's main(), which decides exit codes.
import type { Deps } from './deps.js';
import type { ExitCode } from './exit-codes.js';
import { VERSION } from './version.js';

export { processDeps } from './process-deps.js';

export async function main(argv: readonly string[], deps: Deps): Promise<ExitCode> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    deps.stdout.write(`${VERSION}\n`);
    return 0;
  }
  return (await import('./cli.js')).main(argv, deps);
}
