// Test tooling, preloaded (like loopback-guard.js) into every CLI the end-to-end tests spawn: appends the name of each
// stop signal the process starts handling to the file $RDSJOB_TEST_SIGNALS. A test that sends a signal waits for that
// line instead of sleeping: sent before the handler exists, the signal would kill the process by its default action.
// (/proc/PID/status SigCgt cannot tell: Node itself catches SIGINT and SIGTERM from its first instruction.)
import { appendFileSync } from 'node:fs';

const file = process.env.RDSJOB_TEST_SIGNALS;
const STOP_SIGNALS = new Set(['SIGINT', 'SIGTERM', 'SIGHUP']);

if (file) {
  const on = process.on;
  process.on = process.addListener = function announcedOn(event, listener) {
    const result = on.call(this, event, listener);
    try {
      if (STOP_SIGNALS.has(event)) appendFileSync(file, `${event}\n`);
    } catch {
      // a run as another user (the unreadable-config test) may not write there; no test signals it
    }
    return result;
  };
}
