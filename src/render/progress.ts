// The job's `process` field: "60%" while running, sometimes "60% ", often "", and in practice anything at all.

/** A percentage 0..100, or undefined when `process` carries none. */
export function parseProgress(process: unknown): number | undefined {
  let n: number;
  if (typeof process === 'number') {
    n = process;
  } else if (typeof process === 'string') {
    const m = /^\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*%?\s*$/.exec(process);
    if (!m) return undefined;
    n = Number(m[1]);
  } else {
    return undefined;
  }
  if (!Number.isFinite(n)) return undefined;
  return Math.min(100, Math.max(0, n));
}

/** `60%`. Rounded down, so a job at 99.6% never shows as 100% before it is done. */
export function formatProgress(percent: number): string {
  return `${Math.floor(percent)}%`;
}
