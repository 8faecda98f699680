import { describe, expect, it } from 'vitest';
import type { ExitCode } from '../../src/exit-codes.js';
import { oneLine, outputEntry, stepOutcome, stepOutputs } from '../../src/wait/step-outputs.js';
import type { WaitOutcome } from '../../src/wait/result.js';

const DELIMITER = 'ghadelimiter_0d9c2f4e-1111-4222-8333-944445555666';
const result = (id: string, outcome: WaitOutcome) => ({ id, outcome });

describe('the step outputs GITHUB_OUTPUT gets', () => {
  it('a wait with a Failed job: the exact file text, the JSON on one line in the heredoc form', () => {
    const text = stepOutputs(
      {
        exitCode: 1,
        results: [result('a1', 'completed'), result('b2', 'failed'), result('c3', 'failed')],
        json: '[\n  {\n    "id": "a1",\n    "n": 12345678901234567890,\n    "s": "x  y\\n\\u00e9"\n  }\n]\n',
        instance: false,
      },
      DELIMITER,
    );
    expect(text).toBe(
      'outcome=failed\n' +
        'exit-code=1\n' +
        'failed=b2,c3\n' +
        `result<<${DELIMITER}\n` +
        '[{"id":"a1","n":12345678901234567890,"s":"x  y\\n\\u00e9"}]\n' +
        `${DELIMITER}\n`,
    );
  });

  it('nothing printed (a refused request, a job never found): result null, failed empty', () => {
    expect(stepOutputs({ exitCode: 3, results: [], instance: false }, DELIMITER)).toBe(
      'outcome=error\nexit-code=3\nfailed=\nresult=null\n',
    );
  });

  it.each([
    [0, [], false, 'completed'],
    [0, [], true, 'free'],
    [1, [result('i', 'failed')], true, 'failed'], // a task Failed, or the instance FROZEN / FAILED / STORAGE FULL
    [4, [result('a', 'not-found')], false, 'not-found'],
    [6, [result('a', 'timeout')], false, 'timed-out'],
    [5, [result('a', 'timeout')], false, 'timed-out'], // its last attempt failed: still a timeout
    [5, [result('a', 'timeout'), result('b', 'error')], false, 'error'],
    [5, [], false, 'error'],
    [130, [result('a', 'interrupted')], false, 'interrupted'],
    [143, [], false, 'interrupted'],
    [129, [], true, 'interrupted'],
    [3, [], false, 'error'],
    [70, [], false, 'error'],
  ] as [ExitCode, { id: string; outcome: WaitOutcome }[], boolean, string][])(
    'exit %i (%j, instance %s) → outcome %s',
    (exitCode, results, instance, outcome) => {
      expect(stepOutcome({ exitCode, results, instance })).toBe(outcome);
    },
  );

  it('wait --instance: a timeout with no task, whose last look failed (exit 5), is timed out; an outage is an error', () => {
    // BACKING UP until --timeout, or a --since window still empty: the instance's own watch ended, no task did.
    expect(stepOutcome({ exitCode: 5, results: [], instance: true, own: { outcome: 'timeout' } })).toBe('timed-out');
    expect(stepOutcome({ exitCode: 5, results: [], instance: true, own: { outcome: 'error' } })).toBe('error');
    expect(stepOutcome({ exitCode: 6, results: [], instance: true, own: { outcome: 'timeout' } })).toBe('timed-out');
  });

  it('a value with a line break takes the heredoc form; a plain word does not', () => {
    expect(outputEntry('failed', 'a-1,b_2', DELIMITER)).toBe('failed=a-1,b_2\n');
    expect(outputEntry('x', 'one\ntwo', 'EOF')).toBe('x<<EOF\none\ntwo\nEOF\n');
    expect(() => outputEntry('x', 'a\nEOF\nb', 'EOF')).toThrow(/delimiter/);
  });

  it('oneLine keeps every token, spaces inside strings and escaped quotes included', () => {
    expect(oneLine('{\n  "a b": "c \\" d",\n  "e": [\n    1.0,\n    true\n  ]\n}\n')).toBe(
      '{"a b":"c \\" d","e":[1.0,true]}',
    );
  });
});
