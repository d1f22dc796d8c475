import { RAW_JSON_PLACEHOLDER, RawJson, serializeWithRawJson, storedJsonValue } from '../../src/plugins/disclosure/server/src/domain/raw-json';

const blocks = [{ type: 'paragraph', children: [{ type: 'text', text: '政务公开 "引号" \\ 反斜杠 \u2028 😀' }] }];
const raw = (text: string) => new RawJson(Buffer.from(text));

test('an answer with raw parts is the JSON.stringify of the same answer with their values', () => {
  const answer = {
    data: [
      { id: 1, documentId: 'a', title: '标题', body: raw(JSON.stringify(blocks)), issueDate: '2026-03-12', createdAt: new Date('2026-03-12T01:02:03Z'), skipped: undefined },
      { id: 2, documentId: 'b', title: null, body: null, tags: [1, undefined, 'x'] },
      { id: 3, documentId: 'c', title: '第三', body: raw(JSON.stringify([{ type: 'paragraph', children: [{ type: 'text', text: '长'.repeat(500) }] }])) },
    ],
    meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 3 } },
  };
  const expected = JSON.stringify(answer, (key, value) => (value instanceof RawJson ? JSON.parse(value.bytes.toString()) : value));
  const bytes = serializeWithRawJson(answer);
  expect(bytes.toString()).toBe(expected);
  expect(bytes.length).toBe(Buffer.byteLength(expected));
});

test('raw bytes are written as they are, whitespace included, also inside arrays and at the top', () => {
  expect(serializeWithRawJson({ a: [raw('{"x": 1}'), 2] }).toString()).toBe('{"a":[{"x": 1},2]}');
  expect(serializeWithRawJson(raw('[1, 2]')).toString()).toBe('[1, 2]');
  expect(serializeWithRawJson({ plain: '没有原始部分' }).toString()).toBe(JSON.stringify({ plain: '没有原始部分' }));
});

test('outside serializeWithRawJson, a raw part serializes as the value it stands for', () => {
  expect(JSON.stringify({ body: raw(JSON.stringify(blocks)), n: 1 })).toBe(JSON.stringify({ body: blocks, n: 1 }));
});

test('a value holding the placeholder’s text is still serialized right', () => {
  const answer = { title: `标题${RAW_JSON_PLACEHOLDER}`, body: raw('{"x": 1}'), tail: RAW_JSON_PLACEHOLDER };
  expect(serializeWithRawJson(answer).toString()).toBe(JSON.stringify({ ...answer, body: { x: 1 } }));
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
  expect(read('   ')).toEqual({ value: '   ' });
});
