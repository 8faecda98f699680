// Refuses every outgoing TCP connection that is not to a loopback address, in this process.
// Loaded by vitest (setupFiles) and, through NODE_OPTIONS=--import, by every CLI process the tests spawn,
// so a test that forgets to point rdsjob at the emulator fails here instead of reaching Huawei Cloud.
import net from 'node:net';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i;

export function isLoopbackHost(host) {
  return typeof host === 'string' && LOOPBACK.test(host);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  let host;
  if (options !== null && typeof options === 'object') {
    if (options.path !== undefined) return connect.apply(this, args); // unix socket / named pipe
    host = options.host ?? 'localhost';
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    return connect.apply(this, args); // a pipe path
  } else {
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  // RFC 6761: `.invalid` never resolves. Fail as DNS would, without asking a resolver (tests of a mistyped endpoint).
  if (typeof host === 'string' && /\.invalid\.?$/i.test(host)) {
    const error = new Error(`getaddrinfo ENOTFOUND ${host}`);
    error.code = 'ENOTFOUND';
    error.hostname = host;
    process.nextTick(() => this.destroy(error));
    return this;
  }
  if (!isLoopbackHost(host)) {
    const error = new Error(`loopback-guard: refused a connection to ${host} (tests may only talk to loopback)`);
    error.code = 'ELOOPBACKGUARD';
    process.stderr.write(`${error.message}\n`);
    // Fail the socket the way a refused connection fails, so the caller sees an ordinary connection error.
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
