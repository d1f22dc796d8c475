import { StateMemo } from '../../src/plugins/disclosure/server/src/domain/state-memo';

test('callers in one state share one computation; a new state computes again', async () => {
  let computed = 0;
  const memo = new StateMemo<number>();
  const compute = async () => (computed += 1);
  expect(await Promise.all([memo.get('1:a', compute), memo.get('1:a', compute)])).toEqual([1, 1]);
  expect(await memo.get('2:a', compute)).toBe(2);
  expect(computed).toBe(2);
});

test('a failed computation is not remembered', async () => {
  const memo = new StateMemo<number>();
  await expect(memo.get('1', () => Promise.reject(new Error('database closed')))).rejects.toThrow('database closed');
  expect(await memo.get('1', async () => 5)).toBe(5);
});
