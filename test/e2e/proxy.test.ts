// Requests through a proxy: a local CONNECT/forward proxy that counts what passes through it, in front of the
// emulator. Plain http to the loopback emulator (HTTP_PROXY), and https through a CONNECT tunnel to a TLS front
// whose self-signed CA is trusted only through NODE_EXTRA_CA_CERTS.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server.js';
import { createInstanceCompleted } from '../../emulator/sample-jobs.js';
import { AUTH_TOKEN, emulator, rdsjob } from './harness.js';

interface Proxy {
  url: string;
  /** CONNECT targets and absolute-URI requests, in order. */
  seen: string[];
  close(): Promise<void>;
}

async function startProxy(): Promise<Proxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    // Forward proxying: the request line carries the absolute URI.
    seen.push(`GET ${req.url}`);
    const upstream = http.request(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(':');
    const upstream = net.connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let emu: Emulator;
let proxy: Proxy;
beforeAll(async () => {
  emu = await emulator();
  proxy = await startProxy();
});
afterAll(async () => {
  await proxy.close();
  await emu.close();
});
beforeEach(() => {
  emu.reset();
  proxy.seen.length = 0;
});

const ok = createInstanceCompleted.id!;
const _emuHost = () => new URL(emu.url).host;

describe('plain-http (loopback) endpoints', () => {
  it.each([
    ['HTTP_PROXY', { HTTP_PROXY: 'PROXY' }],
    ['http_proxy', { http_proxy: 'PROXY' }],
    ['ALL_PROXY', { ALL_PROXY: 'PROXY' }],
    ['HTTPS_PROXY', { HTTPS_PROXY: 'PROXY' }],
  ])('are never sent through a proxy (%s): the proxy would see credentials in clear', async (_name, env) => {
    const withProxy = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === 'PROXY' ? proxy.url : v]));
    const r = await rdsjob(emu, ['get', ok, '--json'], { env: { ...withProxy, RDSJOB_AUTH_TOKEN: AUTH_TOKEN } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe(ok);
    expect(proxy.seen).toEqual([]);
    expect(emu.requests).toHaveLength(1);
  });
});

function haveOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!haveOpenssl())('HTTPS_PROXY: a CONNECT tunnel to a TLS endpoint', () => {
  let dir: string;
  let front: tls.Server;
  let iamFront: tls.Server;
  let endpoint: string;
  let iamEndpoint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdsjob-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    // TLS in front of the emulator: decrypts and passes the bytes on, so the emulator sees the signed request as sent.
    // Two of them, so that the RDS and the IAM endpoint are told apart at the proxy.
    const startFront = async (): Promise<[tls.Server, string]> => {
      const server = tls.createServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (socket) => {
          const upstream = net.connect(Number(new URL(emu.url).port), '127.0.0.1');
          socket.pipe(upstream).pipe(socket);
          socket.on('error', () => upstream.destroy());
          upstream.on('error', () => socket.destroy());
        },
      );
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return [server, `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`];
    };
    [front, endpoint] = await startFront();
    [iamFront, iamEndpoint] = await startFront();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => front.close(() => resolve()));
    await new Promise<void>((resolve) => iamFront.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes through the tunnel and trusts a CA from NODE_EXTRA_CA_CERTS', async () => {
    const r = await rdsjob(emu, ['get', ok, '--json'], {
      env: { RDSJOB_ENDPOINT: endpoint, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe(ok);
    expect(proxy.seen).toEqual([`CONNECT ${new URL(endpoint).host}`]);
    expect(emu.requests[0]!.accepted).toBe(true);
  });

  const tlsEnv = (extra: Record<string, string | undefined> = {}) => ({
    RDSJOB_ENDPOINT: endpoint,
    HUAWEICLOUD_SDK_IAM_ENDPOINT: endpoint,
    NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
    ...extra,
  });

  it.each([
    ['NO_PROXY with the IP', { HTTPS_PROXY: 'PROXY', NO_PROXY: '127.0.0.1' }],
    ['no_proxy with a CIDR range', { https_proxy: 'PROXY', no_proxy: '127.0.0.0/8' }],
    ['NO_PROXY=*', { HTTPS_PROXY: 'PROXY', NO_PROXY: '*' }],
    ['HTTP_PROXY does not apply to https://', { HTTP_PROXY: 'PROXY' }],
  ])('%s → direct', async (_name, env) => {
    const withProxy = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === 'PROXY' ? proxy.url : v]));
    const r = await rdsjob(emu, ['get', ok], { env: tlsEnv(withProxy) });
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([]);
    expect(emu.requests).toHaveLength(1);
  });

  it('ALL_PROXY is the fallback', async () => {
    const r = await rdsjob(emu, ['get', ok], { env: tlsEnv({ ALL_PROXY: proxy.url }) });
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([`CONNECT ${new URL(endpoint).host}`]);
  });

  it('the IAM project lookup goes through the proxy too', async () => {
    const r = await rdsjob(emu, ['get', ok], {
      env: tlsEnv({
        HTTPS_PROXY: proxy.url,
        HUAWEICLOUD_SDK_PROJECT_ID: undefined,
        HUAWEICLOUD_SDK_IAM_ENDPOINT: iamEndpoint,
      }),
    });
    expect(r.code).toBe(0);
    expect(emu.requests.map((q) => q.path)).toEqual(['/v3/projects', expect.stringMatching(/\/jobs$/)]);
    expect(proxy.seen).toEqual([`CONNECT ${new URL(iamEndpoint).host}`, `CONNECT ${new URL(endpoint).host}`]);
  });

  it('an unreachable proxy is a network failure (exit 5), with the proxy credentials kept out of the output', async () => {
    const dead = 'http://user:proxyPassw0rd-secret@127.0.0.1:9';
    const r = await rdsjob(emu, ['get', ok, '--debug'], {
      env: tlsEnv({ HTTPS_PROXY: dead }),
      secrets: ['proxyPassw0rd-secret'],
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('proxy http://****@127.0.0.1:9'); // the --debug line
    expect(r.stderr).toMatch(
      /error: cannot reach 127\.0\.0\.1:\d+: .* \(through proxy http:\/\/\*\*\*\*@127\.0\.0\.1:9\)/,
    );
    expect(emu.requests).toHaveLength(0);
  });

  it('a SOCKS proxy is refused with a configuration error', async () => {
    const r = await rdsjob(emu, ['get', ok], { env: tlsEnv({ HTTPS_PROXY: 'socks5://127.0.0.1:1080' }) });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/only http:\/\/ and https:\/\/ proxies/);
  });

  it('never skips certificate verification: an untrusted certificate fails (exit 5)', async () => {
    const r = await rdsjob(emu, ['get', ok], { env: { RDSJOB_ENDPOINT: endpoint, HTTPS_PROXY: proxy.url } });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/certificate|self.signed/i);
    expect(emu.requests).toHaveLength(0);
  });
});
