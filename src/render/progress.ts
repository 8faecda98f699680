// How a percentage from the status model (status.ts) is shown.

/** `60%`. Rounded down, so a job at 99.6% never shows as 100% before it is done. */
export function formatProgress(percent: number): string {
  return `${Math.floor(percent)}%`;
}
