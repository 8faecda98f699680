import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup/loopback-only.ts'],
    // Rebuilds dist/ when it is older than its sources, so the end-to-end tests never run a stale bundle.
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 20_000,
    // Most of the suite's time is end-to-end runs waiting on a child process or the emulator, not CPU: four files at
    // a time halve the wall time on a 2-core machine (vitest's default is one fewer than the cores, here one).
    maxWorkers: 4,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      {
        // In-process tests share one module graph per worker thread instead of a fresh process per file, which
        // re-imported src/ and its libraries for each of ~70 files: a third of the CPU time they took. They may
        // do so because none of them leaves state behind (no module mocks, stubbed globals or environment
        // changes; spies and fake timers are restored after each test), and src/ keeps no state between runs.
        extends: true,
        test: {
          name: 'in-process',
          include: ['test/{unit,fuzz,oracle,emulator}/**/*.test.ts'],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        // Each end-to-end file in its own process: they start emulators, spawn the CLI and send signals.
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] },
      },
    ],
  },
});
