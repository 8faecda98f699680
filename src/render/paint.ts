// The few styles rdsjob uses, as an interface chalk satisfies: code that may print in colour takes a Paint, so the
// paths that never colour (plain progress lines, JSON) do not load chalk at all (color.ts does, on demand).
export interface Paint {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  bold(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
}

const same = (text: string) => text;

export const PLAIN: Paint = { green: same, red: same, yellow: same, bold: same, cyan: same, dim: same };
