// Reads a config value from stdin: a hidden prompt on a terminal (nothing is echoed, so a secret never shows on
// screen or in a recording), else all of stdin minus its trailing newline (`printf %s "$SK" | rdsjob config set …`).
import type { InStream, OutStream } from '../../deps.js';
import { InterruptedError, UsageError } from '../../errors.js';

/** `signal`: a stop signal ends the reading with its reason (what arrived so far may be cut short: not a value). */
export async function readValue(
  stdin: InStream,
  stderr: OutStream,
  prompt: string,
  signal: AbortSignal,
): Promise<string> {
  const reading = stdin.isTTY === true && stdin.setRawMode ? readHidden(stdin, stderr, prompt) : readAll(stdin);
  // Let go of stdin when stopped: a pipe still open would keep the process alive after it is done.
  const value = await untilStopped(reading, signal, () => (stdin as { destroy?(): void }).destroy?.());
  if (value === '')
    throw new UsageError('no value given', { hint: 'pass it as an argument, or type or pipe it on stdin' });
  return value;
}

function untilStopped<T>(work: Promise<T>, signal: AbortSignal, release: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      reject(signal.reason);
      release();
    };
    // Settled once: what the reading does after a stop (a premature close, once stdin is let go of) is ignored.
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
    // Stopped before reading began (Ctrl-C at start-up): stdin must still be let go of, or the process hangs.
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

async function readAll(stdin: InStream): Promise<string> {
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

function readHidden(stdin: InStream, stderr: OutStream, prompt: string): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode!(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string | Buffer) => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new InterruptedError('interrupted'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
