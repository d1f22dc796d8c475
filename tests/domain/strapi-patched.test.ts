import { strapiPatched } from '../../src/admin/translations/strapi-patched';
import { strapiZhHans } from '../../src/admin/translations/strapi-zh-Hans';
import { MESSAGES, patchStrapi } from '../../scripts/patch-strapi';
import { strapiStrings } from '../harness/strapi-strings';

/**
 * The strings Strapi 5.54 writes without a message id, given one by scripts/patch-strapi.js at
 * install time and translated in src/admin/translations/strapi-patched.ts.
 */
test('the installed Strapi is patched (`npm install` runs scripts/patch-strapi.js)', () => {
  expect(() => patchStrapi({ check: true })).not.toThrow();
});

test('every id the patch gives is translated in zh-Hans and in English, and nothing else', () => {
  const ids = Object.keys(MESSAGES).sort();
  expect(Object.keys(strapiPatched['zh-Hans']).sort()).toEqual(ids);
  expect(Object.keys(strapiPatched.en).sort()).toEqual(ids);
});

test('the Chinese is Chinese, and the English is words, not identifiers', () => {
  for (const text of Object.values(strapiPatched['zh-Hans'])) {
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text.replace(/\bID\b/g, '')).not.toMatch(/[A-Za-z]/);
  }
  for (const text of Object.values(strapiPatched.en)) expect(text).toMatch(/^[A-Z][a-z]* ?/);
});

test('the locale picker’s statuses are worded by the content manager’s ids, translated', () => {
  const zh = { ...strapiStrings('zh-Hans'), ...strapiZhHans };
  expect(
    ['draft', 'published', 'modified'].map(
      (status) => zh[`content-manager.containers.List.${status}`]
    )
  ).toEqual(['草稿', '已发布', '已修改']);
});
