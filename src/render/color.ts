// A chalk bound to the colour level decided in color-level.ts.
import { Chalk, type ChalkInstance } from 'chalk';
import type { ColorLevel } from './color-level.js';

/** A chalk bound to one level, so rendering never consults the process's own colour detection. */
export function paint(color: boolean | ColorLevel): ChalkInstance {
  const level: ColorLevel = color === true ? 1 : color === false ? 0 : color;
  return new Chalk({ level });
}
