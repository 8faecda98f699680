// The run of `rdsjob wait <id...>` and `rdsjob get --wait`: progress on stderr, the final jobs on stdout.
import type { Reported } from '../../outcome.js';
import { renderJobsResult, renderTasksResult } from '../../render/result-text.js';
import { sanitize } from '../../render/text.js';
import { settingArgs } from '../../flags.js';
import { serviceOf, serviceTitle } from '../../services/names.js';
import { brokenHint } from '../../status.js';
import { type CoreWorld, reportedOf, runWaitCore } from '../../wait/core.js';
import { brokenStatus, type InstanceEnd, instanceEndLines, instanceEnding } from '../../wait/instance-ending.js';
import { instanceFailure, withGithubAnnotations } from '../../wait/reporter-github.js';
import { plainReporter } from '../../wait/reporter-plain.js';
import { canDrawLive, quietReporter, type WaitReporter } from '../../wait/reporter.js';
import { summaryLines } from '../../wait/summary.js';
// Imported, not loaded with import() for GitHub runs only: pure text, and as a lazily loaded part of its own it split
// the modules it shares with this run into files of their own (docs/performance.md).
import { instanceStepSummary, stepSummary } from '../../wait/step-summary.js';
import { Estimates } from '../../wait/estimate.js';
import type { CommandContext } from '../context.js';
import { appendGithubFile, githubFile, recordStepOutputs } from './github-files.js';
import type { WaitCommandOptions } from './define.js';

export type { WaitCommandOptions };

/**
 * The live view needs a terminal with a size and colour allowed (NO_COLOR, --no-color, TERM=dumb ask for plain
 * text); --debug writes its own lines to stderr, which would tear frames drawn in place: plain lines then too.
 */
async function reporterFor(
  options: WaitCommandOptions,
  ctx: CommandContext,
  estimates: Estimates,
  instance?: string,
): Promise<WaitReporter> {
  const { stderr, env } = ctx.deps;
  const base = options.quiet
    ? quietReporter
    : canDrawLive(stderr) && ctx.stderrColor && !ctx.debug
      ? // log-update and string-width load only on a terminal
        (await import('../../wait/reporter-live.js')).liveReporter({
          stream: stderr,
          color: ctx.stderrColor,
          instance,
          estimates,
          onExit: ctx.deps.onExit,
        })
      : // FORCE_COLOR colours these lines too (colour only: no cursor movement off a terminal).
        plainReporter({
          stream: stderr,
          instance,
          estimates,
          // chalk loads only when the lines are coloured
          chalk: ctx.stderrColor ? (await import('../../render/color.js')).paint(true) : undefined,
        });
  // Every observation feeds the estimates first, whatever shows them (and --quiet's timeout summary too).
  const fed: WaitReporter = {
    ...base,
    observed(id, item, at) {
      estimates.observe(id, item, at);
      base.observed(id, item, at);
    },
  };
  // Annotations are read by the runner, not people, so they survive --quiet.
  if (env.GITHUB_ACTIONS !== 'true') return fed;
  // A configuration that cannot be read ends the wait in the core, which reports it (and no job fails to annotate).
  const service = await ctx.config().then(
    (config) => serviceTitle(serviceOf(config)),
    () => undefined,
  );
  return withGithubAnnotations(fed, stderr, instance === undefined ? 'job' : 'task', service);
}

/**
 * The core's world from the command's: its clock starts with the process (--timeout bounds the whole run, the IAM
 * lookup included), its bound is the command's (ctx.limit), its API the command's.
 */
function coreWorld(ctx: CommandContext, reporter: WaitReporter, taskCenter = false): CoreWorld {
  const { deps } = ctx;
  return {
    now: deps.now,
    sleep: deps.sleep,
    random: deps.random ?? Math.random,
    reporter,
    startedAt: deps.startedAt ?? deps.now(),
    signal: ctx.signal,
    limit: (boundMs, what, from) => {
      ctx.limit(boundMs, what, { from });
      return ctx.signal;
    },
    api: () => ctx.api({ taskCenter }),
  };
}

/**
 * In GitHub Actions, the final state of every item on the run's summary page (GITHUB_STEP_SUMMARY), however the
 * wait ended. A file that cannot be written is a warning: the wait's own outcome stands.
 */
async function appendStepSummary(ctx: CommandContext, summary: () => Promise<string>) {
  const file = githubFile(ctx, 'GITHUB_STEP_SUMMARY');
  if (file === undefined) return;
  await appendGithubFile(ctx, file, await summary(), 'step summary');
}

function resumeOptions(options: WaitCommandOptions, ctx: CommandContext, estimates: Estimates, instance?: string) {
  const now = ctx.deps.now();
  const leftMs = (id: string) => estimates.leftMs(id, now);
  return {
    ...options,
    json: ctx.output === 'json',
    query: ctx.query?.expression,
    globalArgs: settingArgs(ctx.flags),
    instance,
    leftMs,
  };
}

/** An error that ends the whole wait (401/403, configuration) is thrown so main() reports it once, like any other. */
export async function runWait(
  ids: readonly string[],
  options: WaitCommandOptions,
  ctx: CommandContext,
): Promise<Reported[]> {
  const { deps } = ctx;
  const outputs = recordStepOutputs(ctx, false);
  const estimates = new Estimates();
  const reporter = await reporterFor(options, ctx, estimates);
  const result = await runWaitCore({ jobs: ids }, options, coreWorld(ctx, reporter));
  // On the run's summary page however the wait ended, a refused request included.
  await appendStepSummary(ctx, async () => stepSummary(result.results, 'job'));
  outputs.results = result.results;
  if (result.fatal !== undefined) throw result.fatal;

  // Every job seen is printed as last seen (Failed and unfinished ones too), in argument order like `get` (an id
  // given twice is polled once, printed twice); a job never seen is said on stderr (null in the JSON array).
  const lastSeen = new Map(result.results.map((r) => [r.id, r.item]));
  const seen = ids.map((id) => lastSeen.get(id));
  const several = ids.length > 1;
  if (several || seen[0] !== undefined) {
    const renderOptions = { color: ctx.color, now: deps.now(), width: ctx.width };
    // The step outputs' `result` is what --json prints, whatever the format asked for.
    outputs.json = await renderJobsResult(seen, several, 'json', renderOptions);
    ctx.printResult(await renderJobsResult(seen, several, ctx.output, renderOptions));
  }

  const summary = summaryLines(result, resumeOptions(options, ctx, estimates));
  if (summary.length > 0) deps.stderr.write(`${summary.join('\n')}\n`);
  return reportedOf(result);
}

/**
 * `wait --instance REF`: until the instance is free (no Running task, ACTIVE). REF is resolved once (an id or a
 * name). Prints the final state of every task of the wait, in the order first seen; exit 0 when all Completed, 1
 * when any Failed or the instance is broken, 4 when it is gone or no task started in the `--since` window.
 */
export async function runWaitInstance(
  ref: string,
  options: WaitCommandOptions,
  ctx: CommandContext,
): Promise<Reported[]> {
  const { deps } = ctx;
  const outputs = recordStepOutputs(ctx, true);
  const estimates = new Estimates();
  const reporter = await reporterFor(options, ctx, estimates, ref);
  const waited = await runWaitCore(
    { instance: ref, sinceMs: options.sinceMs },
    options,
    coreWorld(ctx, reporter, true),
  );
  if (waited.fatal !== undefined) throw waited.fatal;
  const { instance: end, results: taskResults } = waited;
  const tasks = taskResults.map((r) => r.item!);
  const instanceEnd: InstanceEnd = {
    ref,
    outcome: end.outcome,
    error: end.error,
    facts: waited.facts,
    tasks: taskResults,
    failFast: options.failFast === true,
    timeoutMs: options.timeoutMs,
    sinceMs: options.sinceMs,
  };
  const ending = instanceEnding(instanceEnd);
  const broken = brokenStatus(instanceEnd);
  // The instance's own failure (not a task's): a refused request, a wrong endpoint, gone, no task in the window.
  if (end.outcome === 'error' || end.outcome === 'not-found') deps.stderr.write(ctx.errorLines(end.error));
  if (broken !== undefined) {
    deps.stderr.write(`error: instance ${sanitize(ref)} is ${ending.sentence}\nhint: ${brokenHint(broken)}\n`);
  }
  if (deps.env.GITHUB_ACTIONS === 'true') {
    const failure = instanceFailure(ref, instanceEnd, ending);
    if (failure !== undefined) deps.stderr.write(failure);
  }
  if (tasks.length === 0 && end.outcome === 'completed' && !options.quiet) {
    deps.stderr.write(`instance ${sanitize(ref)} is ${ending.sentence}\n`);
  }
  const renderOptions = { color: ctx.color, now: deps.now(), width: ctx.width };
  outputs.results = taskResults;
  outputs.own = { outcome: end.outcome };
  // The step outputs' `result` is what --json prints, whatever the format asked for.
  outputs.json = await renderTasksResult(tasks, 'json', renderOptions, taskResults);
  ctx.printResult(await renderTasksResult(tasks, ctx.output, renderOptions, taskResults));
  await appendStepSummary(ctx, async () =>
    instanceStepSummary({
      ref,
      id: instanceEnd.facts.id,
      status: instanceEnd.facts.status,
      ending,
      tasks: taskResults,
    }),
  );
  const lines = instanceEndLines(instanceEnd, resumeOptions(options, ctx, estimates, ref));
  if (lines.length > 0) deps.stderr.write(`${lines.join('\n')}\n`);
  return reportedOf(waited);
}
