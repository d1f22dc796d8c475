import {
  ADMIN_LOCALES,
  ENUMERATION_WORDS,
  SCHEMA_NAMES,
  enumerationWord,
  wordsOfEnumeration,
  type EnumerationWords,
} from '../../src/admin/schema-words';
import { shownEnumerations, shownSchemas } from '../harness/schemas';

/**
 * The admin's words for the schemas (src/admin/schema-words.ts) against the schemas themselves:
 * every enumeration the content manager shows, and every type and component, is worded in both
 * admin languages, and the table holds nothing the schemas no longer have.
 */
const CJK = /[\u4e00-\u9fff]/;
const table = ENUMERATION_WORDS as Readonly<
  Record<string, Readonly<Record<string, EnumerationWords>>>
>;

test('every enumeration of every shown type and component has its codes worded, in the schema’s order', () => {
  const enumerations = shownEnumerations();
  expect(enumerations.length).toBeGreaterThan(10);
  for (const { uid, attribute, codes } of enumerations)
    expect({ uid, attribute, codes: Object.keys(table[uid]?.[attribute] ?? {}) }).toEqual({
      uid,
      attribute,
      codes,
    });
});

test('the table words no enumeration the schemas do not have', () => {
  const shown = new Set(shownEnumerations().map(({ uid, attribute }) => `${uid}#${attribute}`));
  const worded = Object.entries(table).flatMap(([uid, attributes]) =>
    Object.keys(attributes).map((attribute) => `${uid}#${attribute}`)
  );
  expect(worded.filter((key) => !shown.has(key))).toEqual([]);
});

test('each word is there in Chinese and English, and neither is the stored code', () => {
  for (const [uid, attributes] of Object.entries(table))
    for (const [attribute, words] of Object.entries(attributes))
      for (const [code, word] of Object.entries(words)) {
        const where = `${uid} ${attribute} ${code}`;
        expect(`${where}: ${CJK.test(word['zh-Hans'])}`).toBe(`${where}: true`);
        expect(`${where}: ${word.en.trim().length > 0 && word.en !== code}`).toBe(`${where}: true`);
        for (const locale of ADMIN_LOCALES) expect(word[locale]).toBe(word[locale].trim());
      }
});

test('no two shown enumerations have the same codes, so the codes identify an enumeration’s words', () => {
  const sets = shownEnumerations().map(({ codes }) => [...codes].sort().join(' '));
  expect(sets.length).toBe(new Set(sets).size);
});

test('a code shared by two enumerations is worded by the enumeration it belongs to', () => {
  const categories = Object.keys(
    ENUMERATION_WORDS['api::policy-document.policy-document'].category
  );
  const genres = Object.keys(ENUMERATION_WORDS['api::policy-document.policy-document'].genre);
  expect(enumerationWord(categories, 'decision', 'zh-Hans')).toBe('决策公开');
  expect(enumerationWord(genres, 'decision', 'zh-Hans')).toBe('决定');
  expect(enumerationWord(genres, 'decision', 'en')).toBe('Decision');
  const pressKinds = Object.keys(ENUMERATION_WORDS['api::press-release.press-release'].kind);
  const forms = Object.keys(ENUMERATION_WORDS['api::interpretation.interpretation'].form);
  expect(enumerationWord(pressKinds, 'interview', 'zh-Hans')).toBe('访谈');
  expect(enumerationWord(forms, 'interview', 'zh-Hans')).toBe('访谈解读');
  // In another order, as a filter may list them; an enumeration not in the table keeps its codes.
  expect(wordsOfEnumeration([...genres].reverse())).toBe(wordsOfEnumeration(genres));
  expect(enumerationWord(['draft', 'published'], 'draft', 'zh-Hans')).toBe('draft');
});

test('the eight grounds of table 3 read as the annual report words them', () => {
  const grounds = ENUMERATION_WORDS['api::policy-document.policy-document'].nonDisclosureReason;
  expect(Object.values(grounds).map((word) => word['zh-Hans'])).toEqual([
    '属于国家秘密',
    '其他法律行政法规禁止公开',
    '危及“三安全一稳定”',
    '保护第三方合法权益',
    '属于三类内部事务信息',
    '属于四类过程性信息',
    '属于行政执法案卷',
    '属于行政查询事项',
  ]);
});

test('every shown type and component has a Chinese name, under the display name Strapi translates it by', () => {
  const names = SCHEMA_NAMES as Readonly<Record<string, { displayName: string; zh: string }>>;
  for (const { uid, displayName } of shownSchemas()) {
    expect({ uid, displayName: names[uid]?.displayName }).toEqual({ uid, displayName });
    expect(`${uid}: ${CJK.test(names[uid].zh)}`).toBe(`${uid}: true`);
  }
  const shown = new Set(shownSchemas().map(({ uid }) => uid));
  expect(Object.keys(names).filter((uid) => !shown.has(uid))).toEqual([]);
});
