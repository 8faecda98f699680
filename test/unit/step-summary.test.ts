import { describe, expect, it } from 'vitest';
import { stepSummary } from '../../src/wait/step-summary.js';
import { job } from '../support/jobs.js';

describe('the GitHub step summary', () => {
  it('a Completed and a Failed job: the exact Markdown', () => {
    const markdown = stepSummary(
      [
        {
          id: 'a9767ede-fe0f-4888-9003-e843a4c90514',
          outcome: 'completed',
          item: job({ status: 'Completed', ended: '2026-11-27T09:52:30+0000' }),
          elapsedMs: 60_000,
        },
        {
          id: 'c41f0b2e',
          outcome: 'failed',
          item: job({
            id: 'c41f0b2e',
            name: 'BindEIP',
            status: 'Failed',
            created: undefined,
            fail_reason: 'EIP 1.2.3.4 | bound\nelsewhere <b>',
          }),
          elapsedMs: 12_000,
        },
      ],
      'job',
    );
    expect(markdown).toBe(
      '### rdsjob wait: 1 Completed, 1 Failed\n\n' +
        '| Job | Name | Status | Took | Reason |\n' +
        '| --- | --- | --- | --- | --- |\n' +
        '| a9767ede-fe0f-4888-9003-e843a4c90514 | CreateMysqlSingleHAInstance | Completed | 12m30s | - |\n' +
        '| c41f0b2e | BindEIP | Failed | 12s | EIP 1.2.3.4 \\| bound\\\\nelsewhere \\<b\\> |\n\n',
    );
  });

  it("tasks, and an unfinished one with the wait's time", () => {
    const markdown = stepSummary(
      [{ id: 't1', outcome: 'timeout', item: { name: 'ResizeFlavor' } as never, elapsedMs: 90_000 }],
      'task',
    );
    expect(markdown).toContain('| Task | Name | Status | Took | Reason |');
    expect(markdown).toContain('| t1 | ResizeFlavor | timed out | 1m30s | - |');
  });
});
