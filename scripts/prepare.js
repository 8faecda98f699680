// `prepare`: npm runs it after `npm ci` or `npm install` in a checkout and when a user installs from git
// (`npm install -g github:OWNER/rdsjob`, `npx github:OWNER/rdsjob`), so a bare clone builds what the package ships:
// tsc's dist/ for the programmatic API and the CLI bundle (dist/cli/). Not the emulator (`npm run build` builds it).
//
// A global install from git meets npm/cli#8440: npm prepares its clone of the repository with `npm install` under
// the user's --global, so the clone's devDependencies (tsc, esbuild) are not installed, and the clone itself is
// linked into the global prefix, where npm then unpacks the package through that link into the clone it deletes.
// In that case only (a clone in npm's cache, global), the devDependencies are installed into the clone here, and
// the link is replaced by the empty directory npm expects to unpack into.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const node = (args, options = {}) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });

const inNpmCache =
  env.npm_config_cache !== undefined &&
  resolve(root).startsWith(join(resolve(env.npm_config_cache), '_cacache', 'tmp') + sep);
if (inNpmCache && env.npm_config_global === 'true' && env.npm_execpath !== undefined) {
  const link = join(env.npm_config_prefix ?? '', process.platform === 'win32' ? '' : 'lib', 'node_modules', 'rdsjob');
  if (env.npm_config_prefix !== undefined && lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) {
    rmSync(link);
    mkdirSync(link);
  }
  const local = Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^npm_config_(global|prefix|location|allow_scripts)$/i.test(name)),
  );
  node([env.npm_execpath, 'install', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'], {
    env: local,
  });
}
node([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
node([join(root, 'scripts', 'bundle.js')]);
