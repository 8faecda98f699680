// proxyFor: which proxy (if any) a request goes through, as curl decides it.
import { describe, expect, it } from 'vitest';
import { proxyFor, redactProxy } from '../../src/http/proxy.js';

const P = 'http://proxy.corp:3128';
const RDS = 'https://rds.cn-north-4.myhuaweicloud.com/v3/p/jobs';
const LOCAL = 'https://127.0.0.1:8080/v3/p/jobs';
const PLAIN = 'http://127.0.0.1:8080/v3/p/jobs';

describe('proxyFor', () => {
  it.each<[string, string, Record<string, string>, string | undefined]>([
    ['no proxy variables', RDS, {}, undefined],
    ['HTTPS_PROXY for https', RDS, { HTTPS_PROXY: P }, P],
    ['https_proxy for https', RDS, { https_proxy: P }, P],
    ['lower case wins over upper case', RDS, { https_proxy: P, HTTPS_PROXY: 'http://other:1' }, P],
    ['HTTP_PROXY is not used for https', RDS, { HTTP_PROXY: P }, undefined],
    ['plain http (loopback only) is never proxied: HTTP_PROXY', PLAIN, { HTTP_PROXY: P }, undefined],
    ['plain http is never proxied: http_proxy', PLAIN, { http_proxy: P }, undefined],
    ['plain http is never proxied: ALL_PROXY', PLAIN, { ALL_PROXY: P, HTTPS_PROXY: P }, undefined],
    ['ALL_PROXY as the fallback', RDS, { ALL_PROXY: P }, P],
    ['all_proxy as the fallback', LOCAL, { all_proxy: P }, P],
    ['empty value counts as unset', RDS, { HTTPS_PROXY: '', ALL_PROXY: P }, P],
    ['a proxy without scheme is http://', RDS, { HTTPS_PROXY: 'proxy.corp:3128' }, P],
    ['https to loopback is not bypassed by default (as in curl)', LOCAL, { HTTPS_PROXY: P }, P],
    ['NO_PROXY=* bypasses everything', RDS, { HTTPS_PROXY: P, NO_PROXY: '*' }, undefined],
    ['no_proxy lower case', RDS, { HTTPS_PROXY: P, no_proxy: 'myhuaweicloud.com' }, undefined],
    ['domain suffix', RDS, { HTTPS_PROXY: P, NO_PROXY: 'myhuaweicloud.com' }, undefined],
    ['leading dot', RDS, { HTTPS_PROXY: P, NO_PROXY: '.myhuaweicloud.com' }, undefined],
    ['leading *.', RDS, { HTTPS_PROXY: P, NO_PROXY: '*.myhuaweicloud.com' }, undefined],
    ['exact host', RDS, { HTTPS_PROXY: P, NO_PROXY: 'rds.cn-north-4.myhuaweicloud.com' }, undefined],
    ['case-insensitive', RDS, { HTTPS_PROXY: P, NO_PROXY: 'MyHuaweiCloud.COM' }, undefined],
    ['suffix must be a whole label', RDS, { HTTPS_PROXY: P, NO_PROXY: 'huaweicloud.com' }, P],
    ['other hosts still proxied', RDS, { HTTPS_PROXY: P, NO_PROXY: 'example.com,localhost' }, P],
    ['comma list with spaces', RDS, { HTTPS_PROXY: P, NO_PROXY: 'example.com, .myhuaweicloud.com' }, undefined],
    ['matching port', RDS, { HTTPS_PROXY: P, NO_PROXY: 'myhuaweicloud.com:443' }, undefined],
    ['other port', RDS, { HTTPS_PROXY: P, NO_PROXY: 'myhuaweicloud.com:8443' }, P],
    ['IP address', LOCAL, { HTTPS_PROXY: P, NO_PROXY: '127.0.0.1' }, undefined],
    ['IP with port', LOCAL, { HTTPS_PROXY: P, NO_PROXY: '127.0.0.1:8080' }, undefined],
    ['IP with other port', LOCAL, { HTTPS_PROXY: P, NO_PROXY: '127.0.0.1:9090' }, P],
    ['IP is not a domain suffix', LOCAL, { HTTPS_PROXY: P, NO_PROXY: '0.0.1' }, P],
    ['CIDR range', LOCAL, { HTTPS_PROXY: P, NO_PROXY: '127.0.0.0/8' }, undefined],
    ['CIDR range elsewhere', LOCAL, { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, P],
    ['localhost does not cover 127.0.0.1 (no DNS, as curl)', LOCAL, { HTTPS_PROXY: P, NO_PROXY: 'localhost' }, P],
    ['IPv6 loopback', 'https://[::1]:8080/x', { HTTPS_PROXY: P, NO_PROXY: '::1' }, undefined],
    ['IPv6 with brackets and port', 'https://[::1]:8080/x', { HTTPS_PROXY: P, NO_PROXY: '[::1]:8080' }, undefined],
    ['IPv6 CIDR', 'https://[fd00::5]:443/x', { HTTPS_PROXY: P, NO_PROXY: 'fd00::/8' }, undefined],
  ])('%s', (_name, url, env, expected) => {
    expect(proxyFor(url, env)).toBe(expected);
  });
});

describe('redactProxy', () => {
  it.each([
    ['http://proxy:3128', 'http://proxy:3128'],
    ['http://user:pa55word@proxy:3128', 'http://****@proxy:3128'],
    ['not a url', '(unparsable proxy URL)'],
  ])('%s → %s', (input, expected) => {
    expect(redactProxy(input)).toBe(expected);
  });
});
