import {
  asksForDrafts,
  cacheKey,
  entityTag,
  matchesIfNoneMatch,
  ResponseCache,
  splitSimpleUrl,
} from '../../src/plugins/disclosure/server/src/public-reads/rules/response-cache';

const entry = (state: string, text: string) => {
  const body = Buffer.from(text);
  return { state, headers: { 'content-type': 'application/json' }, body, etag: entityTag(body) };
};

describe('the cache of rendered answers', () => {
  test('an answer is served only in the content state it was rendered in', () => {
    const cache = new ResponseCache({ maxEntries: 10, maxBytes: 1_000_000 });
    cache.set('/api/a', entry('1:2026-06-08:5', '{"a":1}'));
    expect(cache.get('/api/a', '1:2026-06-08:5')?.body.toString()).toBe('{"a":1}');
    expect(cache.get('/api/a', '2:2026-06-08:5')).toBeUndefined();
    // Dropped when found stale: not served again even in the old state.
    expect(cache.get('/api/a', '1:2026-06-08:5')).toBeUndefined();
    expect(cache.sizeInBytes).toBe(0);
  });

  test('the least recently used answer goes first, by count and by bytes', () => {
    const cache = new ResponseCache({ maxEntries: 2, maxBytes: 1_000 });
    cache.set('/a', entry('s', 'a'));
    cache.set('/b', entry('s', 'b'));
    cache.get('/a', 's'); // /a is now the most recent
    cache.set('/c', entry('s', 'c'));
    expect(cache.get('/b', 's')).toBeUndefined();
    expect(cache.get('/a', 's')).toBeDefined();
    expect(cache.size).toBe(2);

    const small = new ResponseCache({ maxEntries: 100, maxBytes: 1_000 });
    small.set('/x', entry('s', 'x'.repeat(90)));
    small.set('/y', entry('s', 'y'.repeat(90)));
    expect(small.sizeInBytes).toBe(180);
    // Over a tenth of the budget: not kept at all, rather than pushing out everything else.
    small.set('/big', entry('s', 'z'.repeat(101)));
    expect(small.get('/big', 's')).toBeUndefined();
    expect(small.size).toBe(2);
  });

  test('replacing an answer keeps the byte count right', () => {
    const cache = new ResponseCache({ maxEntries: 10, maxBytes: 1_000 });
    cache.set('/a', entry('s', 'aaaa'));
    cache.set('/a', entry('t', 'aa'));
    expect(cache.sizeInBytes).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.sizeInBytes).toBe(0);
  });
});

describe('validators', () => {
  test('the same bytes get the same strong tag', () => {
    expect(entityTag(Buffer.from('政务公开'))).toBe(entityTag(Buffer.from('政务公开')));
    expect(entityTag(Buffer.from('政务公开'))).not.toBe(entityTag(Buffer.from('政務公開')));
    expect(entityTag(Buffer.from('x'))).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  test('If-None-Match: a list, weak tags and * match; anything else does not', () => {
    const tag = entityTag(Buffer.from('x'));
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });
});

test('requests for drafts are recognized however the parameter is written', () => {
  expect(asksForDrafts('status=draft')).toBe(true);
  expect(asksForDrafts('locale=zh-Hans&status=draft')).toBe(true);
  expect(asksForDrafts('status%5B%5D=draft')).toBe(true);
  expect(asksForDrafts('status[]=draft&locale=zh-Hant')).toBe(true);
  expect(asksForDrafts('status=published')).toBe(false);
  expect(asksForDrafts('filters[status][$eq]=draft')).toBe(false);
});

describe('splitSimpleUrl and cacheKey', () => {
  test('a plain URL splits at its first "?", as Koa reads path and query', () => {
    expect(splitSimpleUrl('/api/policy-documents?locale=zh-Hant&sort=issueDate:desc&a=?b')).toEqual(
      { path: '/api/policy-documents', querystring: 'locale=zh-Hant&sort=issueDate:desc&a=?b' }
    );
    expect(splitSimpleUrl('/api/organizations')).toEqual({
      path: '/api/organizations',
      querystring: '',
    });
    expect(
      splitSimpleUrl('/api/x?filters%5Btitle%5D%5B%24contains%5D=%E9%80%9A%E7%9F%A5')?.querystring
    ).toBe('filters%5Btitle%5D%5B%24contains%5D=%E9%80%9A%E7%9F%A5');
  });

  test('anything a parser could read differently is left to Koa: fragments, spaces, raw non-ASCII, no leading slash', () => {
    for (const url of ['/api/x#top', '/api/x?a=1 2', '/api/通知', 'http://host/api/x', '/api/x\t'])
      expect(splitSimpleUrl(url)).toBeNull();
  });

  test('the key keeps path, query and Origin apart', () => {
    expect(cacheKey('/api/x', 'a=1', 'https://a.gov.cn')).not.toBe(
      cacheKey('/api/x', 'a=1', 'https://b.gov.cn')
    );
    expect(cacheKey('/api/x', 'a=1', '')).not.toBe(cacheKey('/api/x?a=1', '', ''));
  });
});
