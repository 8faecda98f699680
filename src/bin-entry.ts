// What bin/rdsjob.js needs, as one entry point for the bundle (scripts/bundle.js).
export { main } from './cli.js';
export { processDeps } from './process-deps.js';
