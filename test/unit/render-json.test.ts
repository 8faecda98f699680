import { describe, expect, it } from 'vitest';
import * as samples from '../../emulator/sample-jobs.js';
import { renderJson } from '../../src/render/json.js';

describe('renderJson', () => {
  it('prints the job exactly as received, unknown fields and key order kept', () => {
    const received = JSON.parse(
      '{"status":"Completed","zeta":1,"id":"x","future_field":{"kept":true},"fail_reason":null}',
    );
    const text = renderJson(received);
    expect(text).toBe(
      '{\n  "status": "Completed",\n  "zeta": 1,\n  "id": "x",\n  "future_field": {\n    "kept": true\n  },\n  "fail_reason": null\n}\n',
    );
    expect(JSON.parse(text)).toEqual(received);
  });
  it('keeps the quirks of the sample jobs', () => {
    const back = JSON.parse(renderJson(samples.quirkyId));
    expect(back.id).toBe('a9767ede fe0f 4888 9003 e843a4c90514 ');
    expect(back.future_field).toEqual({ kept: true });
    expect(JSON.parse(renderJson(samples.createReplicaRunning)).name).toBe(' CreateMysqlReplicaInstance');
  });
  it('prints an array in the given order', () => {
    const text = renderJson([samples.bindEip, samples.switchover]);
    expect(JSON.parse(text).map((j: { id: string }) => j.id)).toEqual([samples.bindEip.id, samples.switchover.id]);
    expect(text.startsWith('[\n  {\n    "id"')).toBe(true);
  });
  it('ends with exactly one newline', () => expect(renderJson({ a: 1 })).toMatch(/}\n$/));
  it('prints null for undefined so stdout stays valid JSON', () => expect(renderJson(undefined)).toBe('null\n'));
});
