#!/usr/bin/env node
import { main, processDeps } from '../dist/cli/rdsjob.js';

process.exitCode = await main(process.argv.slice(2), processDeps());
