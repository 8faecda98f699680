// Fakes for the wait tests: the controlled clock (clock.ts), a scripted JobsApi, in-memory streams, and the job builder.
import type { Api } from '../../src/api/types.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { CommandContext, OutputFormat } from '../../src/commands/context.js';
import type { Deps, InStream } from '../../src/deps.js';
import type { GlobalFlags } from '../../src/flags.js';
import type { Job } from '../../src/job.js';
import { FakeClock, T0 } from './clock.js';
import { MemoryStream } from './fakes.js';

export { MemoryStream };

export { FakeClock, T0 };

/** The one job builder (jobs.ts), beside the fakes the wait tests use it with. */
export { job } from './jobs.js';

export type Step = Job | Error | ((call: { at: number; n: number }) => Job | Error);

/** Each id answers its script in order; the last step repeats. Unscripted ids answer like the `*` script. */
export class ScriptedApi implements Api {
  readonly config = {
    profile: { value: 'default', source: { kind: 'default' } },
    configPath: '/nonexistent',
  } as ResolvedConfig;
  readonly calls: { id: string; at: number }[] = [];
  closed = false;

  constructor(
    private readonly clock: FakeClock,
    private readonly scripts: Record<string, Step[]>,
  ) {}

  async getJob(id: string): Promise<Job> {
    const script = this.scripts[id] ?? this.scripts['*'];
    if (!script || script.length === 0) throw new Error(`no script for ${id}`);
    const n = this.calls.filter((c) => c.id === id).length;
    this.calls.push({ id, at: this.clock.now() });
    let step = script[Math.min(n, script.length - 1)] as Step;
    if (typeof step === 'function') step = step({ at: this.clock.now(), n });
    if (step instanceof Error) throw step;
    return structuredClone(step);
  }

  async listTasks(): Promise<never> {
    throw new Error('ScriptedApi: ListTasks is not scripted');
  }

  async listInstances(): Promise<never> {
    throw new Error('ScriptedApi: ListInstances is not scripted');
  }

  callTimes(id: string): number[] {
    return this.calls.filter((c) => c.id === id).map((c) => c.at - T0);
  }

  close(): void {
    this.closed = true;
  }
}

export interface Harness {
  clock: FakeClock;
  api: ScriptedApi;
  stdout: MemoryStream;
  stderr: MemoryStream;
  interrupt: AbortController;
  ctx: CommandContext;
}

export function harness(
  scripts: Record<string, Step[]>,
  options: {
    output?: OutputFormat;
    /** stderr is a terminal (colour allowed on it unless `stderrColor: false`), of `size` (default 100×30). */
    tty?: boolean;
    stderrColor?: boolean;
    size?: { columns: number; rows: number };
    debug?: boolean;
    env?: Record<string, string>;
    flags?: GlobalFlags;
  } = {},
): Harness {
  const clock = new FakeClock();
  const api = new ScriptedApi(clock, scripts);
  const stdout = new MemoryStream(false);
  const stderr = new MemoryStream(options.tty ?? false, options.size?.columns, options.size?.rows);
  const interrupt = new AbortController();
  const exitHooks = new Set<() => void>();
  const deps: Deps = {
    env: options.env ?? {},
    stdout,
    stderr,
    stdin: undefined as unknown as InStream,
    now: clock.now,
    sleep: clock.sleep,
    homedir: '/nonexistent',
    signal: interrupt.signal,
    random: () => 0.5,
    onExit: (hook) => {
      exitHooks.add(hook);
      return () => exitHooks.delete(hook);
    },
  };
  const ctx: CommandContext = {
    deps,
    output: options.output ?? 'table',
    printResult: (text) => void stdout.write(text),
    color: false,
    stderrColor: options.stderrColor ?? options.tty ?? false,
    debug: options.debug ?? false,
    flags: options.flags ?? {},
    signal: interrupt.signal,
    limit: () => undefined,
    apiBoundMs: () => 60_000,
    errorLines: (error) => `error: ${(error as Error).message}\n`,
    config: async () => api.config,
    api: async () => api,
    atEnd: () => undefined,
  };
  return { clock, api, stdout, stderr, interrupt, ctx };
}
