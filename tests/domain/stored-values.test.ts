import { fromStored } from '../../src/plugins/disclosure/server/src/public-reads/rules/stored-values';

// Strapi's own conversions, to hold the mirror to: @strapi/database's field classes.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Strapi does not export its field classes; read from its dist
const { createField } = require('@strapi/database/dist/fields');

/** What a database driver may hand over for a column of each type (never null: Strapi keeps null as null). */
const STORED: Record<string, unknown[]> = {
  increments: [1, 42, '7'],
  string: ['标题', '', ' 空格 ', 12, true, -0],
  text: ['长文本\n第二行', '0'],
  richtext: ['**粗体**'],
  enumeration: ['service', 'decision'],
  uid: ['policy-1'],
  email: ['office@example.gov.cn'],
  integer: [0, 12, -3, '12', ' 7 ', '', '0x1f', 'abc'],
  float: [1.5, '2.25', '-0.5e3'],
  decimal: ['12.50', 3.25, '1e2'],
  boolean: [true, false, 1, 0, '1', '0', 't', 'true', 2],
  date: ['2026-03-12'],
  time: ['08:30:00.000'],
  datetime: [
    new Date('2026-03-12T01:02:03.456Z'),
    '2026-03-12 01:02:03.456+00',
    '2026-03-12T01:02:03Z',
    1773277323456,
    'not a date',
  ],
  timestamp: [new Date('2026-03-12T01:02:03.456Z'), '2026-03-12T01:02:03Z', 'not a date'],
  json: [
    '{"a":1}',
    JSON.stringify(JSON.stringify({ a: 1 })),
    '"只是文字"',
    'not json',
    { a: 1 },
    Buffer.from('{"a": 1}'),
  ],
  blocks: [
    JSON.stringify([{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }]),
    [{ type: 'paragraph' }],
    Buffer.from('[]'),
  ],
};

test.each(Object.entries(STORED))(
  'a stored %s reads as Strapi’s query engine reads it',
  (type, values) => {
    const convert = fromStored(type);
    expect(convert).not.toBeNull();
    const field = createField({ type });
    for (const value of values) expect(convert!(value)).toEqual(field.fromDB(value));
  }
);

test('types not mirrored have no conversion, so their lists are read through Strapi', () => {
  for (const type of [
    'biginteger',
    'relation',
    'media',
    'component',
    'password',
    'constructor',
    'toString',
  ])
    expect(fromStored(type)).toBeNull();
});
