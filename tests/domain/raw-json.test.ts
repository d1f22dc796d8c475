import { RawJson, serializeWithRawJson, storedJsonValue } from '../../src/plugins/disclosure/server/src/domain/raw-json';

const blocks = [{ type: 'paragraph', children: [{ type: 'text', text: '政务公开 "引号" \\ 反斜杠 \u2028 😀' }] }];

test('an answer with raw parts is the JSON.stringify of the same answer with their values', () => {
  const answer = {
    data: [
      { id: 1, documentId: 'a', title: '标题', body: new RawJson(Buffer.from(JSON.stringify(blocks))), issueDate: '2026-03-12', createdAt: new Date('2026-03-12T01:02:03Z'), skipped: undefined },
      { id: 2, documentId: 'b', title: null, body: null, tags: [1, undefined, 'x'] },
    ],
    meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 2 } },
  };
  const expected = { ...answer, data: [{ ...answer.data[0], body: blocks }, answer.data[1]] };
  const bytes = serializeWithRawJson(answer);
  expect(bytes.toString()).toBe(JSON.stringify(expected));
  expect(JSON.parse(bytes.toString())).toEqual(JSON.parse(JSON.stringify(expected)));
});

test('raw bytes are written as they are, whitespace included, also inside arrays and at the top', () => {
  expect(serializeWithRawJson({ a: [new RawJson(Buffer.from('{"x": 1}')), 2] }).toString()).toBe('{"a":[{"x": 1},2]}');
  expect(serializeWithRawJson(new RawJson(Buffer.from('[1, 2]'))).toString()).toBe('[1, 2]');
  expect(serializeWithRawJson({ plain: '没有原始部分' }).toString()).toBe(JSON.stringify({ plain: '没有原始部分' }));
});

test('stored text is read as Strapi’s JSON field reads it', () => {
  // Plain JSON: spliced as it is.
  expect(storedJsonValue(Buffer.from(JSON.stringify(blocks)))).toBeNull();
  expect(storedJsonValue(Buffer.from('  {"a": 1}'))).toBeNull();
  // A JSON string holding JSON (early Strapi 5 stored some values twice encoded): parsed twice.
  expect(storedJsonValue(Buffer.from(JSON.stringify(JSON.stringify(blocks))))).toEqual({ value: blocks });
  // A JSON string holding no JSON: Strapi's second parse fails and it gives the text as stored.
  expect(storedJsonValue(Buffer.from('"只是文字"'))).toEqual({ value: '"只是文字"' });
  // No JSON at all.
  expect(storedJsonValue(Buffer.from(''))).toEqual({ value: '' });
});
