import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { isLoopbackHost } from '../setup/loopback-guard.js';

describe('loopback guard (active in every test process)', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])('allows %s', (h) =>
    expect(isLoopbackHost(h)).toBe(true),
  );
  it.each([
    'rds.cn-north-4.myhuaweicloud.com',
    '10.0.0.1',
    '192.168.1.1',
    '8.8.8.8',
    '128.0.0.1',
    'localhost.evil.com',
  ])('refuses %s', (h) => expect(isLoopbackHost(h)).toBe(false));

  it('makes a connection to a real Huawei endpoint fail before any packet leaves', async () => {
    const err = await new Promise<Error>((resolve) => {
      const socket = net.connect({ host: 'rds.cn-north-4.myhuaweicloud.com', port: 443 });
      socket.on('error', resolve);
      socket.on('connect', () => resolve(new Error('connected')));
    });
    expect((err as NodeJS.ErrnoException).code).toBe('ELOOPBACKGUARD');
  });
});
