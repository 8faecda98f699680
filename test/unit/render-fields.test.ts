import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { fieldList } from '../../src/render/fields.js';
import { columns } from '../../src/render/table.js';

const red = new Chalk({ level: 1 }).red;

describe('fieldList: the one-job view, laid out exactly as cli-table3 lays out the same rows', () => {
  it.each([
    ['one row', [['ID', 'a9767ede-fe0f-4888-9003-e843a4c90514']]],
    [
      'labels of different widths',
      [
        ['ID', 'x'],
        ['Fail reason', 'createVM failed.'],
        ['Name', 'CreateMysqlSingleHAInstance'],
      ],
    ],
    [
      'a multi-line value',
      [
        ['Endpoint', '192.168.1.203:3306'],
        ['Resource IDs', 'a.vm\nb.volume\nc.disk'],
        ['Type', 'Ha'],
      ],
    ],
    [
      'coloured values',
      [
        ['Status', red('Failed')],
        ['Fail reason', red('createVM failed.')],
      ],
    ],
    [
      'values with trailing blanks and inner spacing',
      [
        ['Name', ' CreateMysqlReplicaInstance  '],
        ['Note', 'a  b'],
      ],
    ],
    [
      'unicode values',
      [
        ['Name', '数据库实例'],
        ['Volume', 'ULTRAHIGH, 100 GB → 200 GB'],
      ],
    ],
  ] as const)('%s', (_name, rows) => {
    expect(fieldList(rows)).toBe(columns(rows));
  });

  it('prints nothing for no rows', () => expect(fieldList([])).toBe(''));
});
