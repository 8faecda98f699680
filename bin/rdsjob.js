#!/usr/bin/env node
// Source maps make --debug stack traces point into src/; reading them costs start-up time, so only then.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main, processDeps } = await import('../dist/cli/rdsjob.js');

process.exitCode = await main(process.argv.slice(2), processDeps());
