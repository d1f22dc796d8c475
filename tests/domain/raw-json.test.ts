import {
  rawJsonPlaceholder,
  RawJson,
  serializeWithRawJson,
  storedJsonValue,
} from '../../src/plugins/disclosure/server/src/public-reads/rules/raw-json';

const blocks = [
  { type: 'paragraph', children: [{ type: 'text', text: '政务公开 "引号" \\ 反斜杠 \u2028 😀' }] },
];
const raw = (text: string) => new RawJson(Buffer.from(text));

test('an answer with raw parts is the JSON.stringify of the same answer with their values', () => {
  const answer = {
    data: [
      {
        id: 1,
        documentId: 'a',
        title: '标题',
        body: raw(JSON.stringify(blocks)),
        issueDate: '2026-03-12',
        createdAt: new Date('2026-03-12T01:02:03Z'),
        skipped: undefined,
      },
      { id: 2, documentId: 'b', title: null, body: null, tags: [1, undefined, 'x'] },
      {
        id: 3,
        documentId: 'c',
        title: '第三',
        body: raw(
          JSON.stringify([
            { type: 'paragraph', children: [{ type: 'text', text: '长'.repeat(500) }] },
          ])
        ),
      },
    ],
    meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 3 } },
  };
  const expected = JSON.stringify(answer, (key, value) =>
    value instanceof RawJson ? JSON.parse(value.bytes.toString()) : value
  );
  const bytes = serializeWithRawJson(answer);
  expect(bytes.toString()).toBe(expected);
  expect(bytes.length).toBe(Buffer.byteLength(expected));
});

test('raw bytes are written as they are, whitespace included, also inside arrays and at the top', () => {
  expect(serializeWithRawJson({ a: [raw('{"x": 1}'), 2] }).toString()).toBe('{"a":[{"x": 1},2]}');
  expect(serializeWithRawJson(raw('[1, 2]')).toString()).toBe('[1, 2]');
  expect(serializeWithRawJson({ plain: '没有原始部分' }).toString()).toBe(
    JSON.stringify({ plain: '没有原始部分' })
  );
});

test('outside serializeWithRawJson, a raw part serializes as the value it stands for', () => {
  expect(JSON.stringify({ body: raw(JSON.stringify(blocks)), n: 1 })).toBe(
    JSON.stringify({ body: blocks, n: 1 })
  );
});

test('a value holding a placeholder’s text is still serialized right', () => {
  for (const placeholder of [rawJsonPlaceholder(0), rawJsonPlaceholder(1), rawJsonPlaceholder(7)]) {
    const answer = {
      title: `标题${placeholder}`,
      body: raw('{"x": 1}'),
      tail: placeholder,
      more: raw('[2]'),
    };
    expect(serializeWithRawJson(answer).toString()).toBe(
      JSON.stringify({ ...answer, body: { x: 1 }, more: [2] })
    );
  }
});

test('raw parts a value’s own toJSON moves about are spliced where they end up', () => {
  const x = raw('"X"');
  const y = raw('"Y"');
  // A toJSON that serializes and reorders what it holds: its placeholders come back in another order.
  const swapped = {
    toJSON: () => {
      const copy = JSON.parse(JSON.stringify({ a: x, b: y }));
      return { b: copy.b, a: copy.a };
    },
  };
  expect(serializeWithRawJson({ w: swapped }).toString()).toBe('{"w":{"b":"Y","a":"X"}}');
  // One that keeps a placeholder inside a string: it cannot be spliced, so nothing is.
  const quoted = { toJSON: () => JSON.stringify({ a: x }) };
  expect(serializeWithRawJson({ q: quoted, y }).toString()).toBe(
    JSON.stringify({ q: JSON.stringify({ a: 'X' }), y: 'Y' })
  );
});

test('a raw part in a value’s own toJSON is spliced too, and undefined answers are null', () => {
  const wrapped = { toJSON: () => ({ inner: raw('[1, 2]') }) };
  expect(serializeWithRawJson({ wrapped }).toString()).toBe('{"wrapped":{"inner":[1, 2]}}');
  expect(serializeWithRawJson(undefined).toString()).toBe('null');
});

test('stored text is read as Strapi’s JSON field reads it', () => {
  const read = (text: string) => storedJsonValue(Buffer.from(text));
  // Plain JSON: spliced as it is.
  expect(read(JSON.stringify(blocks))).toBeNull();
  expect(read('  {"a": 1}')).toBeNull();
  // A JSON string holding JSON (early Strapi 5 stored some values twice encoded): parsed twice.
  expect(read(JSON.stringify(JSON.stringify(blocks)))).toEqual({ value: blocks });
  expect(read(` \n${JSON.stringify(JSON.stringify(blocks))}`)).toEqual({ value: blocks });
  // A JSON string holding no JSON: Strapi's second parse fails and it gives the text as stored.
  expect(read('"只是文字"')).toEqual({ value: '"只是文字"' });
  // No JSON at all.
  expect(read('')).toEqual({ value: '' });
  // JSON up to a NUL, which SQLite's json_valid accepts: not JSON to Strapi, answered as the text.
  expect(read('[1]\u0000')).toEqual({ value: '[1]\u0000' });
  expect(read('   ')).toEqual({ value: '   ' });
});
