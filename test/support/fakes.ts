// In-memory stand-ins for the outside world, so commands run in-process in milliseconds.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Api, ApiFactory, CallOptions } from '../../src/api/types.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { Deps, InStream, OutStream } from '../../src/deps.js';
import type { Job } from '../../src/job.js';
import { FakeClock } from './wait-fakes.js';

// main() loads each command's run, the renderers and the API opener with import(). A first import() is real I/O the
// controlled clock cannot see (the test runner fetches and transforms the module), and the command's time bound
// would fire meanwhile; so every module src/ loads lazily is loaded once, before any test runs main() on the clock.
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
await Promise.all(
  readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .flatMap((path) =>
      [...readFileSync(join(SRC, path), 'utf8').matchAll(/\bimport\('([^']+)'\)/g)].map(([, specifier]) =>
        specifier!.startsWith('.')
          ? pathToFileURL(join(SRC, dirname(path), specifier!.replace(/\.js$/, '.ts'))).href
          : specifier!,
      ),
    )
    .map((module) => import(module)),
);

/** A stream that keeps what is written, with the size and resize events of a terminal when it is one. */
export class MemoryStream implements OutStream {
  chunks: string[] = [];
  private resizeListeners = new Set<() => void>();
  constructor(
    public isTTY = false,
    public columns = 100,
    public rows = 30,
  ) {}
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'resize', listener: () => void): this;
  on(event: string, listener: (...args: never[]) => void): this {
    if (event === 'resize') this.resizeListeners.add(listener as () => void);
    return this;
  }
  off(event: string, listener: () => void): this {
    if (event === 'resize') this.resizeListeners.delete(listener);
    return this;
  }
  /** The terminal changed size, as a SIGWINCH tells Node's tty streams. */
  resize(columns: number, rows = this.rows): void {
    this.columns = columns;
    this.rows = rows;
    for (const listener of this.resizeListeners) listener();
  }
  get listening(): number {
    return this.resizeListeners.size;
  }
  write(chunk: string, callback?: (error?: Error | null) => void): boolean {
    this.chunks.push(String(chunk));
    callback?.();
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
  // A terminal's cursor moves (tty.WriteStream), which a spinner redrawing its line uses: nothing to record.
  cursorTo(): boolean {
    return true;
  }
  moveCursor(): boolean {
    return true;
  }
  clearLine(): boolean {
    return true;
  }
}

const notScripted = async (): Promise<never> => {
  throw new Error('ListTasks and ListInstances are not scripted in this test');
};

/** An API client whose ListJobInfo answers are scripted per call: a Job, or an Error to throw. */
export function scriptedApi(
  script: (id: string, call: number) => Job | Error,
): Api & { calls: string[]; closed: boolean } {
  const counts = new Map<string, number>();
  const api: Api & { calls: string[]; closed: boolean } = {
    config: undefined as unknown as ResolvedConfig,
    calls: [] as string[],
    closed: false,
    async getJob(id: string, options?: CallOptions) {
      // A request sent under an aborted signal fails, as got's does: a fake that ignored it would hide a bound
      // that fired too early.
      options?.signal?.throwIfAborted();
      api.calls.push(id);
      const n = counts.get(id) ?? 0;
      counts.set(id, n + 1);
      const answer = script(id, n);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    listTasks: notScripted,
    listInstances: notScripted,
    close() {
      api.closed = true;
    },
  };
  return api;
}

export interface FakeDeps extends Deps {
  stdout: MemoryStream;
  stderr: MemoryStream;
  /** The configs the API factory was called with. */
  configs: ResolvedConfig[];
  controller: AbortController;
}

/** `api`: what the command calls (ListTasks, unless given, is not scripted). */
export function fakeDeps(
  api: Pick<Api, 'getJob' | 'close'> & Partial<Pick<Api, 'listTasks'>>,
  overrides: Partial<Deps> = {},
): FakeDeps {
  const clock = new FakeClock(Date.parse('2026-11-27T10:00:00Z'));
  const configs: ResolvedConfig[] = [];
  const controller = new AbortController();
  const factory: ApiFactory = async (config) => {
    configs.push(config);
    return {
      config,
      getJob: api.getJob.bind(api),
      listTasks: api.listTasks?.bind(api) ?? notScripted,
      listInstances: notScripted,
      close: api.close.bind(api),
    };
  };
  return {
    env: {},
    stdout: new MemoryStream(),
    stderr: new MemoryStream(),
    stdin: Readable.from([]) as unknown as InStream,
    now: clock.now,
    sleep: clock.sleep,
    homedir: '/nonexistent-home-for-tests',
    signal: controller.signal,
    openApi: factory,
    configs,
    controller,
    ...overrides,
  } as FakeDeps;
}
