import { RecentlyUsed } from '../../src/plugins/disclosure/server/src/public-reads/rules/recently-used';

test('beyond its size, the least recently used key is forgotten first', () => {
  const kept = new RecentlyUsed<number | null>(3);
  kept.set('a', 1);
  kept.set('b', null);
  kept.set('c', 3);
  // Using a and b makes c the least recently used.
  expect(kept.get('a')).toBe(1);
  expect(kept.get('b')).toBeNull();
  kept.set('d', 4);
  expect(kept.size).toBe(3);
  expect(kept.get('c')).toBeUndefined();
  expect([kept.get('a'), kept.get('b'), kept.get('d')]).toEqual([1, null, 4]);
  // Setting a kept key again moves it to the end too, and keeps the size.
  kept.set('a', 10);
  kept.set('e', 5);
  expect(kept.get('b')).toBeUndefined();
  expect([kept.get('d'), kept.get('a'), kept.get('e'), kept.size]).toEqual([4, 10, 5, 3]);
});
