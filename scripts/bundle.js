// Bundles the CLI for start-up speed (see README § Performance): one ESM entry holding what every run needs
// (commander and the command definitions), and split chunks for what only some runs need (got for requests,
// ora for the spinner, cli-table3 for tables, the config commands), loaded through the source's dynamic imports.
// The programmatic API and the emulator keep using tsc's output in dist/.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';


const outdir = new URL('../dist/cli/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { rdsjob: new URL('../src/bin-entry.ts', import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // Some dependencies are CommonJS and call require() for Node built-ins; an ES module has no require of its own.
  banner: { js: "import { createRequire as __rdsjobRequire } from 'node:module'; const require = __rdsjobRequire(import.meta.url);" },
  logLevel: 'warning',
});
