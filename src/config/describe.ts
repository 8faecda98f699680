// How settings and their sources are shown to the user (`config list`, error messages).
import type { Source } from './types.js';

/** `flag --region`, `env HUAWEICLOUD_SDK_AK`, `profile default (/path)`, `hcloud default (/path)`, `derived`, … */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'flag':
    case 'env':
      return `${source.kind} ${source.name}`;
    case 'profile':
    case 'hcloud':
      return `${source.kind} ${source.name} (${source.path})`;
    case 'cache':
      return `cache (${source.path})`;
    default:
      return source.kind;
  }
}

/**
 * The first 4 characters then `****`. Values shorter than 8 characters are masked entirely, since 4 of them would
 * give most of the value away.
 */
export function maskSecret(value: string): string {
  return value.length < 8 ? '****' : `${value.slice(0, 4)}****`;
}
