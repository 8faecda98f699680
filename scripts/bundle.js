// Bundles the CLI for start-up speed (see docs/performance.md): one ESM entry holding what every run needs
// (commander and the command definitions), and split chunks for what only some runs need (got for requests,
// log-update for the live view, cli-table3 for tables, the config commands), loaded through the source's dynamic imports.
// The programmatic API and the emulator keep using tsc's output in dist/.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// commander loads child_process at import for executable subcommands, which rdsjob has none of; loading it on
// first use instead makes every run ~4 ms faster (5% of `--help`, measured A/B). Fails the build if commander's
// source no longer has the line, rather than silently keeping the slow path.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager))
        throw new Error(`scripts/bundle.js: ${path} changed; review the lazy-child-process plugin`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

// got imports its HTTP/2, HTTP-cache, DNS-cache, decompression and form-body support up front, although they only
// run when a request asks for them (options `http2`, `cache`, `dnsCache`, `decompress`, a FormData body), which
// rdsjob never does (src/http/client.ts sets decompress: false). Loading them costs ~45 ms per run (node:http2,
// zlib, and a TLS socket built at import time that loads the CA store), more than a whole `node -e ''`.
// The bundle replaces them with stand-ins that say so if they are ever used; the end-to-end tests run the bundle.
const UNUSED_GOT_FEATURES = {
  'http2-wrapper': "export default { get globalAgent() { unused('HTTP/2'); }, get auto() { unused('HTTP/2'); } };",
  'cacheable-request':
    "export default class CacheableRequest { constructor() { unused('the HTTP cache'); } }\nexport class CacheError extends Error {}",
  'cacheable-lookup': "export default class CacheableLookup { constructor() { unused('the DNS cache'); } }",
  'decompress-response': "export default function decompressResponse() { unused('response decompression'); }",
  'form-data-encoder':
    "export class FormDataEncoder { constructor() { unused('form bodies'); } }\nexport function isFormData() { return false; }",
};
const leaveOutUnusedGotFeatures = {
  name: 'leave-out-unused-got-features',
  setup(b) {
    const names = Object.keys(UNUSED_GOT_FEATURES).join('|');
    b.onResolve({ filter: new RegExp(`^(${names})$`) }, ({ path, importer }) => {
      if (!/[\\/]got[\\/]/.test(importer))
        throw new Error(`scripts/bundle.js: ${path} is imported by ${importer}, not only by got`);
      return { path, namespace: 'unused-got-feature' };
    });
    b.onLoad({ filter: /.*/, namespace: 'unused-got-feature' }, ({ path }) => ({
      contents:
        `function unused(what) { throw new Error("rdsjob is built without got's " + what + " support (${path})"); }\n` +
        UNUSED_GOT_FEATURES[path],
      loader: 'js',
    }));
  },
};

// got's type checks (@sindresorhus/is) build two Intl.ListFormat objects at import, only to word the message of a
// failed assertion; the first Intl object loads ICU data (~10 ms per run). Build them when a message needs them.
const lazyListFormat = {
  name: 'lazy-list-format',
  setup(b) {
    b.onLoad({ filter: /@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const eager = /const (andFormatter|orFormatter) = new Intl\.ListFormat\(('en', \{[^}]*\})\);/g;
      const lazy = source.replace(
        eager,
        (_all, name, args) => `const ${name} = { format: (list) => new Intl.ListFormat(${args}).format(list) };`,
      );
      if ((lazy.match(/format: \(list\) => new Intl\.ListFormat/g) ?? []).length !== 2) {
        throw new Error(`scripts/bundle.js: ${path} changed; review the lazy-list-format plugin`);
      }
      return { contents: lazy, loader: 'js' };
    });
  },
};

const binEntry = {
  name: 'bin-entry',
  setup(b) {
    b.onResolve({ filter: /^rdsjob-entry$/ }, () => ({ path: 'rdsjob-entry', namespace: 'bin-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'bin-entry' }, () => ({
      contents: "export { main } from './src/main.ts';\nexport { processDeps } from './src/process-deps.ts';\n",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    }));
  },
};

/** Builds the CLI bundle into `outdir`; with `metafile`, returns esbuild's account of what went where. */
export async function bundle({ outdir, metafile = false }) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    // One entry for bin/rdsjob.js (main and the real-world deps it is called with): a second entry would be a
    // second file to load on every run, and its shared modules more chunks.
    entryPoints: [{ in: 'rdsjob-entry', out: 'rdsjob' }],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    // Names are not kept (~5 ms a run): errors.ts sets each class's name itself, and `--debug` stack traces map back
    // to src/ through the source maps that bin/rdsjob.js turns on only under --debug.
    keepNames: false,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    metafile,
    // Some dependencies are CommonJS and call require() for Node built-ins; an ES module has no require of its own.
    banner: {
      js: "import { createRequire as __rdsjobRequire } from 'node:module'; const require = __rdsjobRequire(import.meta.url);",
    },
    plugins: [binEntry, leaveOutUnusedGotFeatures, lazyChildProcess, lazyListFormat],
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle({ outdir: fileURLToPath(new URL('../dist/cli/', import.meta.url)) });
}
