// The files GitHub Actions hands a step: appended to when the runner names them, and never worth failing a wait
// over — a file that cannot be written is a warning; the wait's own outcome and exit code stand.
import { sanitize } from '../../render/text.js';
import { errorText } from '../../wait/item-text.js';
import type { StepOutputFacts } from '../../wait/step-outputs.js';
import type { CommandContext } from '../context.js';

/** The file the runner named in `variable`, when running in GitHub Actions; undefined otherwise. */
export function githubFile(ctx: CommandContext, variable: 'GITHUB_STEP_SUMMARY' | 'GITHUB_OUTPUT'): string | undefined {
  const { env } = ctx.deps;
  const file = env[variable];
  return env.GITHUB_ACTIONS === 'true' && file !== undefined && file !== '' ? file : undefined;
}

export async function appendGithubFile(ctx: CommandContext, file: string, text: string, what: string): Promise<void> {
  try {
    await (await import('node:fs/promises')).appendFile(file, text, 'utf8');
  } catch (error) {
    ctx.deps.stderr.write(`warning: cannot write the ${what} ${sanitize(file)}: ${errorText(error)}\n`);
  }
}

/** What a wait knows of itself when it ends: the run fills it in as it goes; a wait that threw leaves it empty. */
export type StepOutputRecord = Omit<StepOutputFacts, 'exitCode'>;

/**
 * In GitHub Actions with GITHUB_OUTPUT set: the step outputs (wait/step-outputs.ts) are appended once main() has
 * decided the exit code, however the run ended — returned, thrown, interrupted. The run fills in the record.
 */
export function recordStepOutputs(ctx: CommandContext, instance: boolean): StepOutputRecord {
  const record: StepOutputRecord = { results: [], instance };
  const file = githubFile(ctx, 'GITHUB_OUTPUT');
  if (file === undefined) return record;
  ctx.atEnd(async (exitCode) => {
    const { stepOutputs } = await import('../../wait/step-outputs.js');
    const { randomUUID } = await import('node:crypto');
    await appendGithubFile(
      ctx,
      file,
      stepOutputs({ ...record, exitCode }, `ghadelimiter_${randomUUID()}`),
      'step outputs',
    );
  });
  return record;
}
