import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/loopback-only.ts'],
    // Rebuilds dist/ when it is older than its sources, so the end-to-end tests never run a stale bundle.
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 20_000,
    // Most of the suite's time is end-to-end runs waiting on a child process or the emulator, not CPU: four files at
    // a time halve the wall time on a 2-core machine (vitest's default is one fewer than the cores, here one).
    maxWorkers: 4,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
