// vitest globalSetup: the end-to-end tests spawn bin/rdsjob.js, which runs the bundle in dist/cli/, and the API
// tests import dist/index.js. Either is rebuilt here when anything it is built from is newer, so `npx vitest`
// after an edit never tests yesterday's code (and `npm test` does not build twice).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newest(paths: readonly string[]): number {
  let latest = 0;
  for (const path of paths.map((p) => join(root, p))) {
    if (!existsSync(path)) continue;
    const info = statSync(path);
    if (!info.isDirectory()) latest = Math.max(latest, info.mtimeMs);
    else
      for (const entry of readdirSync(path, { recursive: true, encoding: 'utf8' }))
        latest = Math.max(latest, statSync(join(path, entry)).mtimeMs);
  }
  return latest;
}

function stale(output: string, inputs: readonly string[]): boolean {
  const built = join(root, output);
  return !existsSync(built) || statSync(built).mtimeMs < newest(inputs);
}

const build = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

export default function setup(): void {
  const sources = ['src', 'package.json', 'package-lock.json'];
  if (stale('dist/index.js', [...sources, 'tsconfig.json']))
    build(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  if (stale('dist/cli/rdsjob.js', [...sources, 'scripts/bundle.js']))
    build(process.execPath, [join(root, 'scripts/bundle.js')]);
}
