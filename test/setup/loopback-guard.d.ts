// Types for loopback-guard.js, which stays JavaScript: spawned CLI processes load it with `node --import`.
export function isLoopbackHost(host: unknown): boolean;
