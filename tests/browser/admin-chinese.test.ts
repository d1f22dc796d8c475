import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { createAdminUser, createOrganizationTree, PASSWORD } from '../harness/admin-users';
import {
  ARTIFACTS,
  deskTest,
  launchChromium,
  newDesk,
  screenshot,
  signInThroughLoginPage,
  startBrowserApp,
  type BrowserApp,
} from '../harness/browser';
import { approvedReview } from '../harness/fixtures';
import * as sample from '../harness/sample-files';
import { shownSchemas } from '../harness/schemas';
import { enumerationWord, SCHEMA_NAMES } from '../../src/admin/schema-words';
import { strapiStrings } from '../harness/strapi-strings';
import { MESSAGES } from '../../scripts/patch-strapi';
import { strapiPatched } from '../../src/admin/translations/strapi-patched';

/**
 * The editors' admin read in 中文, then in English, as a person reads it: the home page, the list
 * and edit view of every disclosure type the content manager shows (every enumeration select
 * opened, every repeatable component expanded, an enumeration filter applied), the media library
 * with a file's details, and the publish and unpublish dialogs. Everything visible is collected
 * (text, labels, column headers, options, buttons, and the names icon buttons and fields are
 * given) and checked:
 * - 中文: no raw attribute name or enumeration code of the schemas, no type's English display name,
 *   and none of Strapi's English interface strings (its en.json, and the strings Strapi writes
 *   without an id, which scripts/patch-strapi.js gives one), bar a few proper names;
 * - English: no raw attribute name or enumeration code.
 * Each view's screenshot is saved in tests/artifacts/admin-<locale>-<view>.png. One app serves both
 * languages; each desk loads the admin once and opens every further view through its router.
 */
type Locale = 'zh-Hans' | 'en';

const POLICY = 'api::policy-document.policy-document';
const SCHEMAS = shownSchemas();
const CONTENT_TYPES = SCHEMAS.filter(({ kind }) => kind === 'contentType');
const LOCALIZED = new Set([
  'api::policy-document.policy-document',
  'api::interpretation.interpretation',
  'api::consultation.consultation',
  'api::press-release.press-release',
  'api::public-concern.public-concern',
  'api::public-answer.public-answer',
  'api::organization.organization',
]);

/** Strapi's own fields, which the content manager lists and edits under their code names too. */
const STRAPI_FIELDS = [
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
];
const ATTRIBUTE_NAMES = new Set([
  ...SCHEMAS.flatMap(({ attributes }) => Object.keys(attributes)),
  ...STRAPI_FIELDS,
]);
const CODES = new Set(
  SCHEMAS.flatMap(({ attributes }) => Object.values(attributes).flatMap((a) => a.enum ?? []))
);
const DISPLAY_NAMES = new Set(SCHEMAS.map(({ displayName }) => displayName));

/** Proper names and abbreviations that stay in a Chinese interface. */
const ALLOWED = new Set(['Strapi', 'API', 'URL', 'ID', 'UID', 'JSON', 'PDF', 'OFD', 'Markdown']);

/** Strapi's English strings: whole strings, and those with arguments as patterns. */
const english = (() => {
  const exact = new Set<string>();
  const patterns: Array<{ source: string; pattern: RegExp }> = [];
  // With the English of the strings scripts/patch-strapi.js gives an id: what Strapi writes there
  // untranslated ('{clear} date'), and the admin's English for them.
  const sources = [
    ...Object.values(strapiStrings('en')),
    ...Object.values(MESSAGES),
    ...Object.values(strapiPatched.en),
  ];
  for (const text of sources) {
    const plain = text
      .replace(/<\/?\w+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!/[A-Za-z]{2}/.test(plain) || ALLOWED.has(plain)) continue;
    if (!plain.includes('{')) {
      exact.add(plain.toLowerCase());
      continue;
    }
    // Each argument (with its plural or select branches) stands for anything.
    const parts: string[] = [];
    let depth = 0;
    let literal = '';
    for (const char of plain) {
      if (char === '{') {
        if (depth === 0) {
          parts.push(literal);
          literal = '';
        }
        depth += 1;
      } else if (char === '}') depth -= 1;
      else if (depth === 0) literal += char;
    }
    parts.push(literal);
    // Too little literal text to tell English from anything else (`{count} {label}`).
    if (parts.join('').replace(/[^A-Za-z]/g, '').length < 4) continue;
    const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    patterns.push({
      source: text,
      pattern: new RegExp(`^${parts.map(escape).join('.+?')}$`, 'i'),
    });
  }
  return {
    matches: (text: string): string | undefined => {
      if (exact.has(text.toLowerCase())) return text;
      return patterns.find(({ pattern }) => pattern.test(text))?.source;
    },
  };
})();

interface Seen {
  kind: string;
  text: string;
  /** The element's last ancestors, to find it by */
  where: string;
}

/**
 * Everything visible on the page: each text node, the text of labels, headers, buttons, options,
 * tabs and menu items, and the names given in aria-label, placeholder and title. A string, not a
 * function: the page runs it as written, with nothing of the test's compiler in it.
 */
const COLLECT = `(() => {
  const seen = [];
  const norm = (text) => (text || '').replace(/\\s+/g, ' ').trim();
  const shown = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const where = (el) => {
    const parts = [];
    let context = '';
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const role = e.getAttribute('role');
      parts.unshift(e.tagName.toLowerCase() + (role ? '[' + role + ']' : ''));
    }
    // The nearest ancestor with more to say than the element itself.
    for (let e = el.parentElement; e && e !== document.body && !context; e = e.parentElement)
      if (norm(e.textContent) !== norm(el.textContent)) context = norm(e.textContent).slice(0, 50);
    return parts.join(' > ') + (context ? ' in "' + context + '"' : '');
  };
  const push = (kind, text, el) => {
    const t = norm(text);
    if (t && /[A-Za-z\\u4e00-\\u9fff]/.test(t)) seen.push({ kind, text: t, where: where(el) });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || !shown(el)) continue;
    push('text', node.textContent, el);
  }
  const kinds = [
    ['label, legend', 'label'],
    ['th, [role=columnheader]', 'column header'],
    ['button, [role=button]', 'button'],
    ['[role=option]', 'option'],
    ['[role=tab]', 'tab'],
    ['[role=menuitem]', 'menu item'],
    ['h1, h2, h3, h4', 'heading'],
  ];
  for (const [selector, kind] of kinds)
    for (const el of document.querySelectorAll(selector)) if (shown(el)) push(kind, el.textContent, el);
  // The names of what a person clicks (an icon button's name is its tooltip); other elements'
  // aria-labels are for screen readers only (Strapi names its status badges by the raw status).
  const clickable = 'button, a, [role=button], [role=link], [role=tab], [role=menuitem], [role=option]';
  for (const el of document.querySelectorAll(clickable))
    if (shown(el)) push('aria-label', el.getAttribute('aria-label'), el);
  for (const el of document.querySelectorAll('[placeholder], [title]')) {
    if (!shown(el)) continue;
    push('placeholder', el.getAttribute('placeholder'), el);
    push('title', el.getAttribute('title'), el);
  }
  return seen;
})()`;

interface Finding extends Seen {
  problem: string;
}

/** Data rather than interface: the super admin role's name as Strapi stores it (renamable in Settings → Roles). */
const DATA = new Set(['Super Admin']);

const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g;
const CJK = /[\u4e00-\u9fff]/;

/**
 * Latin words inside a longer text that stand where Chinese should: not those in parentheses or
 * right after a Chinese term, the English glosses the plugin's messages and the views' descriptions
 * give on purpose ("成文日期 … (date signed)", "审查人 reviewer"); and, in a text with more than two
 * Latin words (an English citation such as "city office 2024 §2(一)"), only those written as code.
 */
function embeddedTokens(text: string): string[] {
  const matches = [...text.matchAll(LATIN_TOKEN)];
  return matches
    .filter(({ index }) => {
      const before = text.slice(0, index);
      const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'));
      const close = Math.max(before.lastIndexOf(')'), before.lastIndexOf('）'));
      return open <= close && !CJK.test(before.trimEnd().slice(-1));
    })
    .map(([token]) => token)
    .filter((token) => matches.length <= 2 || /[A-Z]|-/.test(token.slice(1)));
}

/** What a person reading the admin in this language should not meet. */
function check(locale: Locale, seen: Seen[]): Finding[] {
  const findings = new Map<string, Finding>();
  const add = (problem: string, item: Seen) =>
    findings.set(`${problem}\u0000${item.text}`, { problem, ...item });
  // In Chinese any case counts (a column header may be shown upper-cased); in English, an
  // identifier is shown as it is written, and the words for it are capitalised.
  const same = (set: Set<string>, text: string) =>
    locale === 'en'
      ? set.has(text)
      : [...set].some((name) => name.toLowerCase() === text.toLowerCase());
  for (const item of seen) {
    const { text } = item;
    if (ALLOWED.has(text) || DATA.has(text)) continue;
    if (same(ATTRIBUTE_NAMES, text)) add('raw attribute name', item);
    else if (same(CODES, text)) add('enumeration code', item);
    else if (locale === 'zh-Hans' && same(DISPLAY_NAMES, text)) add('type name in English', item);
    else if (locale === 'zh-Hans') {
      const source = english.matches(text);
      if (source) add(`Strapi's English${source === text ? '' : ` ("${source}")`}`, item);
      // An identifier inside a longer text: a filter's tag ("category 等于 execution"), a label
      // ("title*", "organization (1)").
      for (const token of embeddedTokens(text)) {
        if (token === text || ALLOWED.has(token)) continue;
        if (same(ATTRIBUTE_NAMES, token)) add(`raw attribute name "${token}" in`, item);
        else if (same(CODES, token)) add(`enumeration code "${token}" in`, item);
      }
    }
  }
  return [...findings.values()];
}

const report = (findings: Finding[]) =>
  findings
    .map(({ problem, kind, text, where }) => `  ${problem}: "${text}" (${kind}, ${where})`)
    .join('\n');

let app: BrowserApp;
let browser: Browser;
const uploaded: number[] = [];
/** The items whose edit views are opened, by type. */
const items: Record<string, string> = {};
/** A draft press release related to a draft document: publishing it asks what to do about that. */
let relatedToDraft: string;
/** A published policy document with changes not yet published: its unpublish asks what to keep. */
let modifiedDocument: string;

const listUrl = (uid: string) =>
  `/admin/content-manager/collection-types/${uid}${LOCALIZED.has(uid) ? '?plugins[i18n][locale]=zh-Hans' : ''}`;
const editUrl = (uid: string, documentId: string) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}${LOCALIZED.has(uid) ? '?plugins[i18n][locale]=zh-Hans' : ''}`;
const shortName = (uid: string) => uid.split('.').pop()!;

/** Each desk's requests under way, and when one last started or ended. */
const traffic = new WeakMap<Page, { open: number; last: number }>();

function watchTraffic(page: Page): void {
  const state = { open: 0, last: Date.now() };
  traffic.set(page, state);
  const started = () => {
    state.open += 1;
    state.last = Date.now();
  };
  const ended = () => {
    state.open = Math.max(0, state.open - 1);
    state.last = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

/**
 * No request under way for half a second, as Playwright's `networkidle` (which only follows a
 * document's load, not a navigation inside the admin).
 */
async function networkQuiet(page: Page, timeout = 15_000): Promise<void> {
  const state = traffic.get(page);
  if (!state) return;
  const until = Date.now() + timeout;
  while (Date.now() < until && (state.open > 0 || Date.now() - state.last < 500))
    await page.waitForTimeout(50);
}

/**
 * Opens an address of the admin as its own links do, through its router: loading the whole admin
 * again for each of the test's views (page.goto) costs seconds each on a busy machine. A page not
 * in the admin yet loads it.
 */
async function visit(page: Page, url: string): Promise<void> {
  const { pathname } = new URL(page.url());
  if (!pathname.startsWith('/admin') || pathname.startsWith('/admin/auth')) {
    await page.goto(url);
    return;
  }
  // Another view's heading is marked as the old one: the new view's is waited for below. (Within
  // one view, a list filtered, the heading stays; the caller waits for what changes.)
  const otherView = new URL(url, page.url()).pathname !== pathname;
  // React Router follows the browser's history: a new entry, then the event a back button sends.
  await page.evaluate(
    ({ target, mark }) => {
      if (mark) document.querySelector('main h1')?.setAttribute('data-view-left', '');
      const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
      const state = { usr: null, key: Math.random().toString(36).slice(2, 10), idx: index + 1 };
      window.history.pushState(state, '', target);
      window.dispatchEvent(new PopStateEvent('popstate', { state }));
    },
    { target: url, mark: otherView }
  );
  if (otherView) await page.locator('main h1:not([data-view-left])').first().waitFor();
  await networkQuiet(page);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await networkQuiet(page);
  // Strapi's loaders, then a moment for lazy panels and widgets to paint.
  await page
    .locator('[aria-busy="true"], [data-testid="loader"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(500);
}

/** The page's visible text now, plus what each of the given comboboxes offers when opened. */
async function collect(page: Page, openSelects: boolean): Promise<Seen[]> {
  const seen: Seen[] = await page.evaluate(COLLECT);
  if (!openSelects) return seen;
  const comboboxes = page.getByRole('main').getByRole('combobox');
  const count = await comboboxes.count();
  for (let index = 0; index < count; index += 1) {
    const combobox = comboboxes.nth(index);
    if (!(await combobox.isVisible()) || !(await combobox.isEnabled())) continue;
    await combobox.scrollIntoViewIfNeeded();
    await combobox.click();
    // Options, or a date picker's calendar, or a relation's search results.
    await page
      .locator('[role=option], [role=dialog], [role=listbox]')
      .first()
      .waitFor({ timeout: 3_000 })
      .catch(() => undefined);
    await page.waitForTimeout(300);
    seen.push(...(await page.evaluate(COLLECT)));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
  }
  return seen;
}

/** Opens every repeatable component's entries (collapsed accordions), so their fields show. */
async function expandComponents(page: Page): Promise<void> {
  const triggers = page
    .getByRole('main')
    .locator('[data-state="closed"] button[aria-expanded="false"]');
  for (let round = 0; round < 20 && (await triggers.count()) > 0; round += 1) {
    await triggers.first().click();
    await page.waitForTimeout(200);
  }
}

const viewResults: Record<Locale, Array<{ view: string; findings: Finding[] }>> = {
  'zh-Hans': [],
  en: [],
};

async function look(
  page: Page,
  locale: Locale,
  view: string,
  options: { openSelects?: boolean } = {}
): Promise<Finding[]> {
  await settle(page);
  // The screenshot as the view opens, before its selects are opened one by one.
  await screenshot(page, `admin-${locale}-${view}`);
  const seen = await collect(page, options.openSelects ?? false);
  const findings = check(locale, seen);
  viewResults[locale].push({ view, findings });
  return findings;
}

function expectClean(view: string, findings: Finding[]): void {
  expect(`${view}:\n${report(findings)}`).toBe(`${view}:\n`);
}

beforeAll(async () => {
  app = await startBrowserApp({ seed: true });
  const orgs = await createOrganizationTree(app);
  const documents = (uid: string) => app.strapi.documents(uid as any) as any;

  // A draft it implements, also a draft: publishing asks whether to go without the relation.
  const higher = await documents('api::policy-document.policy-document').create({
    locale: 'zh-Hans',
    data: {
      title: '临沂市关于政务公开示例工作的意见（演示）',
      issuingOrganization: orgs.city.documentId,
      category: 'decision',
      genre: 'opinion',
      issueDate: '2026-03-02',
    },
  });
  // A draft with every enumeration of a policy document set, the review sent back for changes.
  const draft = await documents('api::policy-document.policy-document').create({
    locale: 'zh-Hans',
    data: {
      implements: [higher.documentId],
      title: '沂南县关于印发政务公开示例文件的决定（演示）',
      issuingOrganization: orgs.countyA.documentId,
      category: 'execution',
      genre: 'decision',
      disclosureAttribute: 'not-disclosed',
      nonDisclosureReason: 'third-party-rights',
      nonDisclosureExplanation: '涉及第三方商业秘密',
      validity: 'amended',
      issueDate: '2026-03-10',
      confidentialityReview: { ...approvedReview, conclusion: 'needs-changes' },
    },
  });
  items[POLICY] = draft.documentId;

  // A press release about that draft: publishing it asks whether to go without the relation.
  const release = await documents('api::press-release.press-release').create({
    locale: 'zh-Hans',
    data: {
      title: '沂南县政务公开示例新闻发布会（演示）',
      kind: 'briefing',
      organization: orgs.countyA.documentId,
      heldAt: '2026-03-10T02:00:00.000Z',
      relatedDocuments: [higher.documentId],
    },
  });
  relatedToDraft = release.documentId;

  // A seeded, published document edited since: the unpublish dialog asks whether to keep the draft.
  const published = await app.strapi.db.query('api::policy-document.policy-document').findOne({
    where: { locale: 'zh-Hans', publishedAt: { $notNull: true } },
  });
  modifiedDocument = published.documentId;
  await documents('api::policy-document.policy-document').update({
    documentId: modifiedDocument,
    locale: 'zh-Hans',
    data: { summary: '（演示）发布后修改的摘要' },
  });

  const concern = await documents('api::public-concern.public-concern').create({
    locale: 'zh-Hans',
    data: {
      topic: '沂南县城区供水管网改造停水（演示）',
      summary: '群众关心停水时间和临时供水安排。',
      detectedAt: '2026-03-09T08:00:00.000Z',
      severity: 'major-emergency',
      organization: orgs.countyA.documentId,
    },
  });
  items['api::public-concern.public-concern'] = concern.documentId;
  await documents('plugin::disclosure.calendar-day').create({
    data: { date: '2026-06-01', kind: 'holiday', name: '防汛应急休息日（演示）' },
  });
  await documents('plugin::disclosure.conversion-term').create({
    data: { kind: 'protected', simplified: '沂南', note: '地名' },
  });

  const zhAdmin = await createAdminUser(app, {
    email: 'zh.admin@example.gov.cn',
    name: '管理员',
    lastname: '沂南县',
    roles: ['strapi-super-admin'],
    organization: orgs.countyA,
  });
  const enAdmin = await createAdminUser(app, {
    email: 'en.admin@example.gov.cn',
    name: 'Admin',
    lastname: 'Yinan',
    roles: ['strapi-super-admin'],
    organization: orgs.countyA,
  });
  await app.strapi.db
    .query('admin::user')
    .update({ where: { id: enAdmin.userId }, data: { preferedLanguage: 'en' } });
  expect(
    (await app.strapi.db.query('admin::user').findOne({ where: { id: zhAdmin.userId } }))
      .preferedLanguage
  ).toBe('zh-Hans');

  // The first item of every other type, as its list shows it.
  for (const { uid } of CONTENT_TYPES) {
    if (items[uid]) continue;
    const row = await app.strapi.db
      .query(uid)
      .findOne({ where: LOCALIZED.has(uid) ? { locale: 'zh-Hans' } : {}, orderBy: { id: 'asc' } });
    if (row?.documentId) items[uid] = row.documentId;
  }

  // A picture and a document in the media library, at its top level (through the REST API they
  // would go to Strapi's "API Uploads" folder).
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-chinese-'));
  for (const [name, content, mimetype] of [
    ['沂南县政务公开图解.png', await sample.png(), 'image/png'],
    ['沂南县政府信息公开工作年度报告.pdf', sample.pdf(), 'application/pdf'],
  ] as const) {
    const filepath = path.join(workspace, name);
    fs.writeFileSync(filepath, content);
    const [file] = await app.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, caption: null, alternativeText: null } },
        files: { filepath, originalFilename: name, mimetype, size: content.length },
      });
    uploaded.push(file.id);
  }
  fs.rmSync(workspace, { recursive: true, force: true });

  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  // Everything found, view by view: what the labels and translations still lack.
  const lines = Object.entries(viewResults).flatMap(([locale, views]) =>
    views
      .filter(({ findings }) => findings.length > 0)
      .map(({ view, findings }) => `${locale} ${view}:\n${report(findings)}`)
  );
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(
    path.join(ARTIFACTS, 'admin-chinese-findings.txt'),
    `${lines.length ? lines.join('\n') : 'nothing found'}\n`
  );
  await browser?.close();
  for (const id of uploaded) {
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    if (file) await app.strapi.plugin('upload').service('upload').remove(file);
  }
  await app?.stop();
});

describe.each([
  ['zh-Hans', 'zh.admin@example.gov.cn'],
  ['en', 'en.admin@example.gov.cn'],
] as const)('the admin in %s', (locale, email) => {
  let page: Page;

  beforeAll(async () => {
    ({ page } = await newDesk(browser, app));
    watchTraffic(page);
    // A browser last used in the other language: the account's own language wins at sign-in.
    await page.evaluate(
      (other) => window.localStorage.setItem('strapi-admin-language', other),
      locale === 'en' ? 'zh-Hans' : 'en'
    );
    await page.reload();
    await signInThroughLoginPage(page, email, PASSWORD);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
  });

  deskTest(
    'the home page',
    async () => {
      await visit(page, '/admin');
      const findings = await look(page, locale, 'home');
      // The guided tour is skipped and the Media Library banner dismissed before first render.
      expect(
        await page.evaluate(() => JSON.parse(localStorage.getItem('STRAPI_GUIDED_TOUR') ?? '{}'))
      ).toMatchObject({ enabled: false });
      await expect(page.getByText(/Introducing the new Media Library/).count()).resolves.toBe(0);
      expectClean('home', findings);
    },
    120_000
  );

  for (const { uid, displayName } of CONTENT_TYPES) {
    deskTest(
      `${displayName}: the list view (with an enumeration filter) and the edit view`,
      async () => {
        const name = shortName(uid);
        const names = (SCHEMA_NAMES as Record<string, { displayName: string; zh: string }>)[uid];
        const heading = names ? (locale === 'en' ? names.displayName : names.zh) : undefined;
        await visit(page, listUrl(uid));
        // The type's own list, not the view before it.
        await page.getByRole('main').getByRole('heading', { level: 1, name: heading }).waitFor();
        const findings = await look(page, locale, `${name}-list`);

        // The first enumeration, filtered on the edited item's value: the chip and the options.
        const schema = SCHEMAS.find((candidate) => candidate.uid === uid)!;
        const enumeration = Object.entries(schema.attributes).find(
          ([, attribute]) => attribute.type === 'enumeration'
        );
        if (enumeration && items[uid]) {
          const [attribute] = enumeration;
          const item = await app.strapi.db
            .query(uid)
            .findOne({ where: { documentId: items[uid] } });
          const value = item?.[attribute] ?? enumeration[1].enum![0];
          const separator = LOCALIZED.has(uid) ? '&' : '?';
          await visit(
            page,
            `${listUrl(uid)}${separator}filters[$and][0][${attribute}][$eq]=${encodeURIComponent(value)}`
          );
          await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
          findings.push(...(await look(page, locale, `${name}-list-filtered`)));
          // The filter's tag above the list names the value in words.
          const word = enumerationWord(enumeration[1].enum!, value, locale);
          await page
            .getByRole('main')
            .getByText(new RegExp(` ${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
            .first()
            .waitFor({ timeout: 10_000 });
          // The list keeps its last filters in the browser; the next visit starts unfiltered.
          await page.evaluate(() => {
            for (const key of Object.keys(localStorage))
              if (key.startsWith('STRAPI_LIST_VIEW_SETTINGS')) localStorage.removeItem(key);
          });
        }

        if (items[uid]) {
          await visit(page, editUrl(uid, items[uid]));
          await page.getByRole('main').locator('form').first().waitFor();
          await settle(page);
          await expandComponents(page);
          findings.push(...(await look(page, locale, `${name}-edit`, { openSelects: true })));
        }
        expectClean(name, findings);
      },
      240_000
    );
  }

  deskTest(
    '依申请公开: the list of cases (filters opened) and a delivered case',
    async () => {
      const words = await import('../../src/plugins/disclosure/shared/contracts/on-request');
      await page.goto('/admin/plugins/disclosure/applications');
      await page.getByTestId('application-row').first().waitFor();
      const findings = await look(page, locale, 'applications-list', { openSelects: true });
      // The seeded 予以公开 case: its outcome, the catalogue item it points to, timeline, letters.
      const shown = await app.strapi.db
        .query('plugin::disclosure.disclosure-application')
        .findOne({ where: { outcome: 'disclosed' } });
      await page.goto(`/admin/plugins/disclosure/applications/${shown.documentId}`);
      await page.getByTestId('application-steps').waitFor();
      findings.push(...(await look(page, locale, 'application-case')));
      // The case's own codes (not in the content manager's schemas), and the ids it stores.
      const codes = new Set<string>([
        ...words.APPLICATION_STATUSES,
        ...words.APPLICATION_CHANNELS,
        ...words.APPLICANT_TYPES,
        ...words.DELIVERY_FORMS,
        ...words.OUTCOMES,
        ...words.ALL_OUTCOME_REASONS,
        ...words.APPLICATION_ACTIONS,
        ...words.LETTER_KINDS,
        'register',
        'consultation-lapsed',
        ...shown.publicDocuments,
      ]);
      // In 中文 (English words may be spelt as codes are: "disclosed", "other").
      const seen: Seen[] = locale === 'zh-Hans' ? await page.evaluate(COLLECT) : [];
      for (const item of seen)
        if ([...codes].some((code) => item.text.split(/[\s、：:，,]+/).includes(code)))
          findings.push({ problem: 'on-request code', ...item });
      expectClean('on-request', findings);
    },
    180_000
  );

  deskTest(
    '意见箱 / 领导信箱: the list (filters opened), the mailboxes, a sent message and the statistics',
    async () => {
      const words = await import('../../src/plugins/disclosure/shared/contracts/mailbox');
      await page.goto('/admin/plugins/disclosure/messages');
      await page.getByTestId('message-row').first().waitFor();
      await page.getByTestId('mailbox-row').first().waitFor();
      const findings = await look(page, locale, 'messages-list', { openSelects: true });
      // The seeded message answered and rated: its reply, timeline and writer.
      const shown = await app.strapi.db
        .query('plugin::disclosure.public-message')
        .findOne({ where: { status: 'sent' } });
      await page.goto(`/admin/plugins/disclosure/messages/${shown.documentId}`);
      await page.getByTestId('message-steps').waitFor();
      findings.push(...(await look(page, locale, 'message-case')));
      const codes = new Set<string>([
        ...words.MESSAGE_STATUSES,
        ...words.MESSAGE_KINDS,
        ...words.MESSAGE_ACTIONS,
        ...words.MESSAGE_FLAGS,
        'receive',
        'satisfied',
        'dissatisfied',
      ]);
      const seen: Seen[] = locale === 'zh-Hans' ? await page.evaluate(COLLECT) : [];
      for (const item of seen)
        if ([...codes].some((code) => item.text.split(/[\s、：:，,]+/).includes(code)))
          findings.push({ problem: 'mailbox code', ...item });
      // The month's statistics (the organization and month selects opened).
      await page.goto('/admin/plugins/disclosure/messages/statistics');
      await page.getByTestId('message-statistics-table').waitFor();
      findings.push(...(await look(page, locale, 'message-statistics', { openSelects: true })));
      expectClean('mailbox', findings);
    },
    180_000
  );

  deskTest(
    '年度报告 / 统计: the tables, the checks (selects opened) and the region summary',
    async () => {
      await visit(page, '/admin/plugins/disclosure/annual-report');
      await page.getByTestId('report-table3').waitFor();
      const findings = await look(page, locale, 'annual-report', { openSelects: true });
      await page.getByRole('main').getByRole('switch').click();
      await page.getByTestId('report-region').waitFor();
      findings.push(...(await look(page, locale, 'annual-report-region')));
      expectClean('annual report', findings);
    },
    180_000
  );

  deskTest(
    'the media library, and a file’s details',
    async () => {
      await visit(page, '/admin/plugins/upload');
      await page.getByText('沂南县政务公开图解').first().waitFor();
      const findings = await look(page, locale, 'media-library');
      await page.getByText('沂南县政务公开图解').first().click();
      await page.getByRole('dialog').waitFor();
      findings.push(...(await look(page, locale, 'media-library-file')));
      await page.keyboard.press('Escape');
      expectClean('media library', findings);
    },
    120_000
  );

  deskTest(
    'the publish dialog for entries chosen in the list',
    async () => {
      await visit(page, listUrl('api::policy-document.policy-document'));
      const rows = page.getByRole('main').locator('tbody tr');
      await rows.first().waitFor();
      await rows.nth(0).getByRole('checkbox').check();
      await rows.nth(1).getByRole('checkbox').check();
      await page
        .getByRole('main')
        .getByRole('button', { name: locale === 'en' ? /^Publish$/ : /^发布$/ })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.locator('tbody tr').first().waitFor();
      const findings = await look(page, locale, 'publish-dialog');
      await page.keyboard.press('Escape');
      expectClean('publish dialog', findings);
    },
    120_000
  );

  deskTest(
    'the publish dialog of an entry related to drafts',
    async () => {
      await visit(page, editUrl('api::press-release.press-release', relatedToDraft));
      await page.getByRole('main').locator('form').first().waitFor();
      await settle(page);
      await page
        .getByRole('main')
        .getByRole('button', { name: locale === 'en' ? /^Publish$/ : /^发布$/ })
        .click();
      await page.getByRole('alertdialog').or(page.getByRole('dialog')).first().waitFor();
      const findings = await look(page, locale, 'publish-confirm');
      await page.keyboard.press('Escape');
      expectClean('publish confirmation', findings);
    },
    120_000
  );

  deskTest(
    'the unpublish dialog of a document changed since it was published',
    async () => {
      await visit(page, editUrl('api::policy-document.policy-document', modifiedDocument));
      await page.getByRole('main').locator('form').first().waitFor();
      await settle(page);
      await page
        .getByRole('button', { name: locale === 'en' ? 'More document actions' : '更多条目操作' })
        .click();
      const menu = await look(page, locale, 'edit-more-actions');
      await page
        .getByRole('menuitem', { name: locale === 'en' ? /^Unpublish$/ : /^取消发布$/ })
        .click();
      await page.getByRole('alertdialog').or(page.getByRole('dialog')).first().waitFor();
      const findings = [...menu, ...(await look(page, locale, 'unpublish-dialog'))];
      await page.keyboard.press('Escape');
      expectClean('unpublish dialog', findings);
    },
    120_000
  );
});

deskTest(
  'a browser new to the admin opens it in 中文',
  async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto('/admin/auth/login');
      await page.locator('button[type="submit"]').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('strapi-admin-language'))).toBe(
        'zh-Hans'
      );
      expect(await page.locator('button[type="submit"]').innerText()).toMatch(/登录/);
    } finally {
      await context.close();
    }
  },
  60_000
);
