// The package version, compiled in so `--version` reads no file (test/unit/version.test.ts keeps it equal to
// package.json's).
export const VERSION = '0.1.0';
