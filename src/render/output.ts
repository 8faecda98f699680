// The one writer of the result (stdout). Pipelines truncate and redirect it, and the exit code must still tell the
// truth (docs/reliability.md § What a pipeline can rely on): a reader that goes away (`| head -1`) ends the writing quietly, while any other
// failure (a full disk, a closed descriptor) is kept so main() reports it once and exits 5 — a result that was not
// written is never reported as success.
import type { OutStream } from '../deps.js';
import { OutputError } from '../errors.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EBADF: 'stdout is closed',
  EIO: 'input/output error',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export class ResultOutput implements OutStream {
  #stream?: OutStream;
  #stopped = false;
  #problem?: OutputError;
  #pending = 0;
  #idle: (() => void)[] = [];

  /** `open` is called on first use: creating process.stdout costs a few ms, and some runs never touch it. */
  constructor(private readonly open: () => OutStream) {}

  #target(): OutStream {
    if (this.#stream === undefined) {
      this.#stream = this.open();
      // Without a listener an 'error' event is an uncaught exception: a stack trace and exit 1 ("job Failed").
      this.#stream.on?.('error', (error: unknown) => this.#fail(error));
    }
    return this.#stream;
  }

  get isTTY(): boolean | undefined {
    return this.#target().isTTY;
  }

  get columns(): number | undefined {
    return this.#target().columns;
  }

  write(chunk: string): boolean {
    if (this.#stopped) return true;
    const stream = this.#target();
    this.#pending += 1;
    try {
      stream.write(chunk, (error) => this.#landed(error));
    } catch (error) {
      this.#landed(error);
    }
    return true;
  }

  #landed(error: unknown): void {
    this.#pending -= 1;
    if (error) this.#fail(error);
    if (this.#pending === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }

  #fail(error: unknown): void {
    if (this.#stopped) return;
    this.#stopped = true;
    const code = codeOf(error);
    if (code === 'EPIPE') return; // the reader has all it wanted
    const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
    this.#problem = new OutputError(`cannot write the output: ${reason}${code && REASONS[code] ? ` (${code})` : ''}`, {
      cause: error,
    });
  }

  /** Once every write has landed or failed: why the result could not be written, if it could not. */
  async finished(): Promise<OutputError | undefined> {
    if (this.#pending > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    return this.#problem;
  }
}
