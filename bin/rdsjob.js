#!/usr/bin/env node
import { main } from '../dist/cli.js';
import { processDeps } from '../dist/process-deps.js';

process.exitCode = await main(process.argv.slice(2), processDeps());
