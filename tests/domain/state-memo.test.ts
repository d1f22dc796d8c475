import {
  jsonKey,
  StateMemo,
} from '../../src/plugins/disclosure/server/src/public-reads/rules/state-memo';

test('callers in one state share one computation per key; a new state computes again', async () => {
  let computed = 0;
  const memo = new StateMemo();
  const compute = async () => (computed += 1);
  expect(await Promise.all([memo.get('1:a', 'k', compute), memo.get('1:a', 'k', compute)])).toEqual(
    [1, 1]
  );
  expect(await memo.get('1:a', 'other', compute)).toBe(2);
  expect(await memo.get('1:a', 'k', compute)).toBe(1);
  expect(await memo.get('2:a', 'k', compute)).toBe(3);
  expect(memo.size).toBe(1); // the old state's values are gone
  expect(computed).toBe(3);
});

test('a failed computation is not remembered', async () => {
  const memo = new StateMemo();
  await expect(
    memo.get('1', 'k', () => Promise.reject(new Error('database closed')))
  ).rejects.toThrow('database closed');
  expect(await memo.get('1', 'k', async () => 5)).toBe(5);
});

test('beyond its limit of keys in one state, values are computed and not kept', async () => {
  const memo = new StateMemo(2);
  let computed = 0;
  const compute = async () => (computed += 1);
  await memo.get('1', 'a', compute);
  await memo.get('1', 'b', compute);
  expect(await memo.get('1', 'c', compute)).toBe(3);
  expect(await memo.get('1', 'c', compute)).toBe(4);
  expect(await memo.get('1', 'a', compute)).toBe(1);
  expect(memo.size).toBe(2);
});

test('JSON data has a key, and equal data the same key; anything that could pass for other data has none', () => {
  const filters = {
    $and: [{ category: { $eq: 'service' } }, { disclosureAttribute: 'proactive' }],
  };
  expect(
    jsonKey([
      'api::policy-document.policy-document',
      { filters, locale: 'zh-Hans', status: 'published' },
    ])
  ).toBe(
    jsonKey([
      'api::policy-document.policy-document',
      {
        filters: structuredClone(filters),
        locale: 'zh-Hans',
        status: 'published',
        unset: undefined,
      },
    ])
  );
  expect(jsonKey({ locale: 'zh-Hans' })).not.toBe(jsonKey({ locale: 'zh-Hant' }));
  expect(jsonKey(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}');
  // A Date serializes as its string, a RegExp as {}, NaN as null: each could collide with real data.
  expect(jsonKey({ issueDate: { $gt: new Date('2026-01-01') } })).toBeNull();
  expect(jsonKey({ title: { $regex: /通知/ } })).toBeNull();
  expect(jsonKey({ id: Number.NaN })).toBeNull();
  expect(jsonKey([undefined])).toBeNull(); // [undefined] would read as [null]
  expect(jsonKey({ run: () => 1 })).toBeNull();
});
