import fs from 'fs';
import path from 'path';
import { strapiZhHans } from '../../src/admin/translations/strapi-zh-Hans';
import { messageArguments, strapiCodeUses, strapiStrings } from '../harness/strapi-strings';

/**
 * The admin's Simplified Chinese for Strapi's own strings (src/admin/translations/strapi-zh-Hans.ts)
 * against the installed Strapi: each id is one Strapi looks up, each translation keeps the English
 * message's arguments and is Chinese.
 */
const english = strapiStrings('en');
const shipped = strapiStrings('zh-Hans');

/** Strapi's own content types, translated by their display names: read from their built schemas. */
const STRAPI_TYPE_NAMES = ['user'].map((type) => {
  const schema = fs.readFileSync(
    path.join(
      path.dirname(require.resolve('@strapi/plugin-users-permissions/package.json')),
      'dist/server/content-types',
      type,
      'index.js'
    ),
    'utf8'
  );
  return /displayName: '([^']+)'/.exec(schema)?.[1];
});

test('every id is one of Strapi’s: in its en.json, looked up by its code, or a type’s name', () => {
  expect(
    Object.keys(strapiZhHans).filter(
      (id) => !(id in english) && !STRAPI_TYPE_NAMES.includes(id) && !strapiCodeUses(id)
    )
  ).toEqual([]);
});

test('every translation keeps the English message’s arguments', () => {
  // Those without an English entry are checked in the browser test, against what Strapi shows.
  const differing = Object.entries(strapiZhHans)
    .filter(([id]) => id in english)
    .map(([id, text]) => ({
      id,
      english: messageArguments(english[id]),
      chinese: messageArguments(text),
    }))
    .filter(({ english: en, chinese }) => en.join() !== chinese.join());
  expect(differing).toEqual([]);
});

/** Words that stay as they are in a Chinese interface: keys, and names of formats and standards. */
const KEPT = new Set([
  'Ctrl',
  'Cmd',
  'Shift',
  'Esc',
  'Strapi',
  'Enter',
  'Command',
  'Control',
  'ID',
  'API',
  'JSON',
  'rel',
]);
const ICU = new Set([
  'plural',
  'select',
  'selectordinal',
  'undefined',
  'number',
  'other',
  'one',
  'true',
  'false',
]);

test('every translation is Chinese: no English word is left but the arguments and key names', () => {
  const english = Object.entries(strapiZhHans)
    .map(([id, text]) => {
      const kept = new Set([...messageArguments(text), ...ICU, ...KEPT]);
      const words = (text.replace(/<\/?\w+>/g, '').match(/[A-Za-z]+/g) ?? []).filter(
        (word) => !kept.has(word)
      );
      return { id, words };
    })
    .filter(({ words }) => words.length > 0);
  expect(english).toEqual([]);
});

test('the strings the issue names are translated: Draft / Published tabs, Entry, Set up preview', () => {
  const zh = { ...shipped, ...strapiZhHans };
  expect(zh['content-manager.containers.edit.tabs.draft']).toBe('草稿');
  expect(zh['content-manager.containers.edit.tabs.published']).toBe('已发布');
  expect(zh['content-manager.containers.edit.panels.default.title']).toBe('条目');
  expect(zh['content-manager.preview.panel.button-configuration']).toBe('设置预览');
  expect(zh['content-manager.header.name']).toBe('内容管理器');
});
