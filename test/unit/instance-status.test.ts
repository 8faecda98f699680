// What an instance's status means for the next change (status.ts): one table gives the broken statuses and their
// hints, so a broken status never goes without a hint, and "free" is decided in one place.
import { describe, expect, it } from 'vitest';
import { brokenHint, instanceStateOf } from '../../src/status.js';

describe('instanceStateOf and brokenHint', () => {
  it.each([
    ['ACTIVE', 'free'],
    [' ACTIVE ', 'free'],
    ['FAILED', 'broken'],
    ['FROZEN', 'broken'],
    ['STORAGE FULL', 'broken'],
    ['BACKING UP', 'busy'],
    ['REBOOTING', 'busy'],
    ['SOMETHING NEW', 'busy'],
    [undefined, 'busy'],
    ['constructor', 'busy'],
  ] as const)('%j → %s, with a hint exactly when broken', (status, state) => {
    expect(instanceStateOf(status)).toBe(state);
    if (state === 'broken') expect(brokenHint(status)).toMatch(/\S/);
    else expect(brokenHint(status)).toBeUndefined();
  });
});
