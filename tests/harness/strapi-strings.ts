import fs from 'fs';
import path from 'path';

/**
 * Strapi's own interface strings, as its admin looks them up: the admin's unprefixed, each admin
 * plugin's prefixed with its id. Read from the packages' built translation files.
 */
const STRAPI = path.dirname(path.dirname(require.resolve('@strapi/admin/package.json')));

const PACKAGES: Array<[prefix: string | null, dir: string]> = [
  [null, 'admin/dist/admin/admin/src/translations'],
  ['content-manager', 'content-manager/dist/admin/translations'],
  ['upload', 'upload/dist/admin/translations'],
  ['i18n', 'i18n/dist/admin/translations'],
  ['review-workflows', 'review-workflows/dist/admin/translations'],
  ['content-releases', 'content-releases/dist/admin/translations'],
  ['content-type-builder', 'content-type-builder/dist/admin/translations'],
  ['email', 'email/dist/admin/translations'],
  ['users-permissions', 'plugin-users-permissions/dist/admin/translations'],
];

const load = (file: string): Record<string, string> => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Strapi's built translation modules (CommonJS), not exported
    const loaded = require(file);
    return loaded.default ?? loaded;
  } catch {
    return {};
  }
};

/** Strapi's strings in one locale (`en`, `zh-Hans`), by the id the admin looks up. */
export function strapiStrings(locale: string): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [prefix, dir] of PACKAGES)
    for (const [id, text] of Object.entries(load(path.join(STRAPI, dir, `${locale}.json.js`))))
      strings[prefix ? `${prefix}.${id}` : id] = text;
  return strings;
}

const SOURCES = ['admin', 'content-manager', 'upload', 'i18n'];
let sources: string[] | undefined;
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'translations' ? [] : walk(file);
    return entry.name.endsWith('.mjs') ? [file] : [];
  });

/**
 * Whether Strapi's admin code looks a message up by this id: some ids exist only in the code, with
 * an English defaultMessage and no entry in en.json. A plugin's ids are written there without the
 * plugin's prefix (`getTranslation('…')`).
 */
export function strapiCodeUses(id: string): boolean {
  sources ??= SOURCES.flatMap((name) =>
    walk(path.join(STRAPI, name, 'dist', 'admin')).map((file) => fs.readFileSync(file, 'utf8'))
  );
  const [prefix, ...rest] = id.split('.');
  const candidates = [id, ...(SOURCES.includes(prefix) ? [rest.join('.')] : [])];
  return candidates.some((candidate) =>
    ["'", '"', '`'].some((quote) =>
      sources!.some((source) => source.includes(`${quote}${candidate}${quote}`))
    )
  );
}

/**
 * The argument names of an ICU message (`{name}`, `{count, plural, one {…} other {…}}`), sorted and
 * without repeats; the words inside plural and select branches are text, not arguments.
 */
export function messageArguments(message: string): string[] {
  const names = new Set<string>();
  // Reads message text from `start` to the `}` closing it (or the end); returns that brace's index.
  const text = (start: number): number => {
    let i = start;
    while (i < message.length && message[i] !== '}')
      i = message[i] === '{' ? argument(i) + 1 : i + 1;
    return i;
  };
  // Reads the argument opening at `start`; returns the index of its closing brace.
  const argument = (start: number): number => {
    const head = /^\{\s*([^,}\s]+)\s*(?:,\s*(\w+)\s*)?([,}])/.exec(message.slice(start));
    if (!head) return message.length;
    names.add(head[1]);
    let i = start + head[0].length - 1;
    if (head[3] === '}') return i;
    if (!['plural', 'select', 'selectordinal'].includes(head[2] ?? '')) {
      let depth = 1;
      while (++i < message.length && depth > 0)
        depth += message[i] === '{' ? 1 : message[i] === '}' ? -1 : 0;
      return i - 1;
    }
    // Branches: `selector {message}` until the argument's closing brace.
    i += 1;
    while (i < message.length) {
      while (/\s/.test(message[i] ?? '')) i += 1;
      if (message[i] === '}' || i >= message.length) return i;
      while (i < message.length && message[i] !== '{' && message[i] !== '}') i += 1;
      if (message[i] === '{') i = text(i + 1) + 1;
    }
    return i;
  };
  text(0);
  return [...names].sort();
}
