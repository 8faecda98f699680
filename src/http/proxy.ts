// Outgoing proxies the way curl picks them for https URLs: https_proxy/HTTPS_PROXY, else all_proxy/ALL_PROXY, lower
// case first; NO_PROXY (either case) lists hosts reached directly. Plain-http (loopback) requests are never proxied.
// The tunnelling itself is hpagent's. TLS verification stays on: custom CAs come from NODE_EXTRA_CA_CERTS.
import { isIP } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { ConfigError, NetworkError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

function first(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * The proxy URL for a request to `url`, or undefined to connect directly. A proxy without a scheme is taken as
 * http:// (as curl does).
 */
export function proxyFor(url: string, env: Env): string | undefined {
  const target = new URL(url);
  // Plain http is only ever allowed to loopback (see checkEndpoint). Through a proxy, the signed request and any
  // token would travel to the proxy in clear, so such requests always go direct (unlike curl).
  if (target.protocol === 'http:') return undefined;
  const proxy = first(env, ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']);
  if (proxy === undefined) return undefined;
  const port = target.port || '443';
  if (bypassed(target.hostname, port, first(env, ['no_proxy', 'NO_PROXY']) ?? '')) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function bare(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** One NO_PROXY entry: `*`, a host or domain (`.example.com` and `example.com` both cover subdomains), optionally
 * with `:port`, an IP address, or an IP range in CIDR notation. */
function matches(host: string, port: string, entry: string): boolean {
  if (entry === '*') return true;
  let name = entry;
  let entryPort: string | undefined;
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
  if (withPort) [, name = entry, entryPort] = withPort;
  if (entryPort !== undefined && entryPort !== port) return false;
  name = bare(name).replace(/^\*?\./, '');
  if (name === '') return false;
  if (name.includes('/')) return inCidr(host, name);
  if (isIP(host) || isIP(name)) return host === name;
  return host === name || host.endsWith(`.${name}`);
}

function inCidr(host: string, cidr: string): boolean {
  const [network = '', bitsText = ''] = cidr.split('/');
  const family = isIP(network);
  const bits = Number(bitsText);
  if (family === 0 || isIP(host) !== family || !/^\d+$/.test(bitsText)) return false;
  const toBits = family === 4 ? ipv4Bits : ipv6Bits;
  return toBits(host).slice(0, bits) === toBits(network).slice(0, bits);
}

function ipv4Bits(ip: string): string {
  return ip
    .split('.')
    .map((part) => Number(part).toString(2).padStart(8, '0'))
    .join('');
}

function ipv6Bits(ip: string): string {
  const [head = '', tail = ''] = ip.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const h = groups(head);
  const t = groups(tail);
  const all = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return all.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}

function bypassed(hostname: string, port: string, noProxy: string): boolean {
  const host = bare(hostname);
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => matches(host, port, entry.toLowerCase()));
}

/** The proxy URL with any user name and password masked, for --debug and error messages. */
export function redactProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.username || url.password) {
      url.username = '****';
      url.password = '';
    }
    return url.href.replace(/\/$/, '');
  } catch {
    return '(unparsable proxy URL)';
  }
}

interface Agents {
  http: http.Agent;
  https: https.Agent;
}

export interface AgentPool {
  /** The agents for a request to `url`: direct, or through the proxy the environment names for it. */
  for(url: string): Agents;
  /** The proxy a request to `url` goes through, credentials masked, for error messages; undefined when direct. */
  shownProxy(url: string): string | undefined;
  destroy(): void;
}

/** Keep-alive agents, one pair per proxy (and one direct pair), so every request to a host shares a pool. */
export function createAgentPool(env: Env, debug?: (line: string) => void): AgentPool {
  const pools = new Map<string, Agents>();
  return {
    for(url) {
      const proxy = proxyFor(url, env);
      const key = proxy ?? '';
      let agents = pools.get(key);
      if (agents === undefined) {
        agents = proxy === undefined ? directAgents() : proxyAgents(proxy);
        if (proxy !== undefined) debug?.(`proxy ${redactProxy(proxy)} for ${new URL(url).host}`);
        pools.set(key, agents);
      }
      return agents;
    },
    shownProxy(url) {
      const proxy = proxyFor(url, env);
      return proxy === undefined ? undefined : redactProxy(proxy);
    },
    destroy() {
      for (const agents of pools.values()) {
        agents.http.destroy();
        agents.https.destroy();
      }
    },
  };
}

function directAgents(): Agents {
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
}

function proxyAgents(proxy: string): Agents {
  let url: URL;
  try {
    url = new URL(proxy);
  } catch {
    throw new ConfigError(`invalid proxy URL ${JSON.stringify(redactProxy(proxy))} in HTTPS_PROXY / ALL_PROXY`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`unsupported proxy ${redactProxy(proxy)}: only http:// and https:// proxies are supported`, {
      hint: 'set HTTPS_PROXY to an HTTP proxy, e.g. http://proxy.example.com:3128',
    });
  }
  return {
    http: new HttpProxyAgent({ keepAlive: true, proxy: url }),
    https: new HttpsProxyAgent({ keepAlive: true, proxy: url }),
  };
}

/** A connection failure names the proxy, since that is often what failed (refused, 407, unknown host). */
export function throughProxy(error: NetworkError, shownProxy: string): NetworkError {
  return new NetworkError(`${error.message} (through proxy ${shownProxy})`, {
    code: error.code,
    hint: 'check HTTPS_PROXY / ALL_PROXY and NO_PROXY; rerun with --debug for details',
    cause: error.cause,
  });
}
