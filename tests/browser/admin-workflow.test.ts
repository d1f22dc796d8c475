import type { Browser, Page } from 'playwright-core';
import {
  deskTest,
  launchChromium,
  newDesk,
  screenshot,
  signInThroughLoginPage,
  startBrowserApp,
  type BrowserApp,
} from '../harness/browser';
import {
  createAdminUser,
  createOrganizationTree,
  PASSWORD,
  type OrganizationRef,
} from '../harness/admin-users';
import fs from 'fs';
import path from 'path';
import * as sample from '../harness/sample-files';
import { createFullAccessToken, setClock } from '../harness/strapi';

/**
 * The editors' admin in a real browser: a county office drafts a policy document in the content
 * manager, the publication gate refuses it until a city reviewer has recorded the confidentiality
 * review from the edit view's side panel, then the county publishes it on the day it was issued
 * (the same-day deadline, Zhanjiang 2015 §1(二)2) and its dashboard and side panel show it met.
 */
const DOC = 'api::policy-document.policy-document';
// 10:00 in Beijing on a working Tuesday: the document issued today is due by midnight.
const NOW = '2026-03-10T02:00:00.000Z';
const TODAY = { iso: '2026-03-10', calendarCell: /^2026年3月10日/ };
const TITLE = '沂南县关于春季植树造林的通知';

const editUrl = (documentId: string) =>
  `/admin/content-manager/collection-types/${DOC}/${documentId}?plugins[i18n][locale]=zh-Hans`;

let app: BrowserApp;
let browser: Browser;
const orgs: Record<string, OrganizationRef> = {};
let otherCountyItem: string;
/** The document the county drafts in the browser, once saved. */
let documentId: string;
let county: Page;

const draftRow = () =>
  app.strapi.db.query(DOC).findOne({
    where: { documentId, locale: 'zh-Hans', publishedAt: null },
    populate: ['confidentialityReview'],
  });
const publishedCount = () =>
  app.strapi.db
    .query(DOC)
    .count({ where: { documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } } });
const byTestId = (page: Page, testId: string, attributes: Record<string, string> = {}) =>
  page.locator(
    `[data-testid="${testId}"]${Object.entries(attributes)
      .map(([name, value]) => `[${name}="${value}"]`)
      .join('')}`
  );
const counter = (page: Page, name: string, value: number) =>
  page.getByTestId(`count-${name}`).filter({ hasText: new RegExp(`^\\s*${value}\\s*$`) });

beforeAll(async () => {
  app = await startBrowserApp();
  setClock(app, NOW);
  const tree = await createOrganizationTree(app);
  Object.assign(orgs, { city: tree.city, yinan: tree.countyA, yishui: tree.countyB });

  // A small county office combines drafting and publishing in one account (the Editor role cannot
  // publish); the confidentiality review must still come from someone else, here the city's
  // reviewer: nobody reviews their own draft.
  await createAdminUser(app, {
    email: 'yinan.office@example.gov.cn',
    name: '办公室',
    lastname: '沂南县',
    roles: ['disclosure-editor', 'disclosure-publisher'],
    organization: orgs.yinan,
  });
  await createAdminUser(app, {
    email: 'linyi.reviewer@example.gov.cn',
    name: '审核',
    lastname: '王',
    roles: ['disclosure-reviewer'],
    organization: orgs.city,
  });

  const other: any = await app.strapi.documents(DOC).create({
    data: {
      title: '沂水县关于防汛抗旱的通知',
      issuingOrganization: orgs.yishui.documentId,
      category: 'decision',
      issueDate: TODAY.iso,
    } as any,
  } as any);
  otherCountyItem = other.documentId;

  browser = await launchChromium();
  ({ page: county } = await newDesk(browser, app));
  await signInThroughLoginPage(county, 'yinan.office@example.gov.cn', PASSWORD);
}, 600_000);

/** Files this suite stored under public/uploads, removed at the end. */
const storedFiles: string[] = [];

afterAll(async () => {
  for (const url of storedFiles)
    fs.rmSync(path.join(app.strapi.dirs.static.public, url), { force: true });
  await browser?.close();
  await app?.stop();
});

deskTest(
  'the county drafts a policy document in the content manager; publishing it is refused for want of a confidentiality review',
  async () => {
    await county.goto(
      `/admin/content-manager/collection-types/${DOC}/create?plugins[i18n][locale]=zh-Hans`
    );
    const form = county.getByRole('tabpanel', { name: '草稿' });
    await form.getByRole('textbox', { name: /^(title|标题)/ }).fill(TITLE);
    await form.getByRole('combobox', { name: /^(issuingOrganization|发布机构)/ }).click();
    await county.getByRole('option', { name: '沂南县人民政府' }).click();
    await form.getByRole('combobox', { name: /^(category|五公开)/ }).click();
    await county.getByRole('option', { name: '决策公开' }).click();
    // The date picker opens on the page's today, which is the pinned Beijing day.
    await form.getByRole('combobox', { name: /^(issueDate|印发日期)/ }).click();
    await county.getByRole('dialog').getByRole('gridcell', { name: TODAY.calendarCell }).click();
    await county.getByRole('button', { name: '保存' }).click();
    await county.waitForURL(new RegExp(`${DOC.replace(/\./g, '\\.')}/(?!create)[a-z0-9]+`));
    documentId = new URL(county.url()).pathname.split('/').pop()!;

    const stored = await draftRow();
    expect(stored).toMatchObject({
      title: TITLE,
      category: 'decision',
      issueDate: TODAY.iso,
      confidentialityReview: null,
    });

    await county.getByRole('button', { name: '发布' }).click();
    const refusal = county.getByRole('alert').filter({ hasText: '保密审查' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(
      /^发布前须完成保密审查，缺少：审查人 reviewer、审查时间 reviewedAt、审查结论为同意/
    );
    expect(await publishedCount()).toBe(0);
  }
);

deskTest(
  'before the review, the side panel shows the missing review and the deadline pending; the dashboard counts it due today',
  async () => {
    await county.goto(editUrl(documentId));
    const panel = county.getByTestId('disclosure-panel');
    await panel.waitFor();
    await byTestId(county, 'gate-check-confidentiality-review', {
      'data-passed': 'false',
    }).waitFor();
    await byTestId(county, 'panel-deadline', { 'data-status': 'pending' }).waitFor();
    expect(await county.getByTestId('preview-title-hant').innerText()).toContain(
      '沂南縣關於春季植樹造林的通知'
    );
    // The author is not a reviewer: the panel offers no way to record the review.
    expect(await county.getByTestId('review-approve').count()).toBe(0);

    await county.goto('/admin');
    await county.getByTestId('due-today-widget').filter({ hasText: TITLE }).waitFor();

    await county.goto('/admin/plugins/disclosure');
    await counter(county, 'due-today', 1).waitFor();
    await counter(county, 'met', 0).waitFor();
    // Listed under today's items (and among those at risk); each row links to the item's edit view.
    const rows = county.getByTestId('dashboard-item').filter({ hasText: TITLE });
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    await rows.first().getByRole('link', { name: TITLE }).click();
    await county.waitForURL((url) => url.pathname.endsWith(`/${documentId}`));
    await county.getByTestId('disclosure-panel').waitFor();
  }
);

deskTest(
  'the city reviewer records the review from the side panel, under its own name and the pinned time',
  async () => {
    const { context, page: reviewer } = await newDesk(browser, app);
    try {
      await signInThroughLoginPage(reviewer, 'linyi.reviewer@example.gov.cn', PASSWORD);
      await reviewer.goto(editUrl(documentId));
      await byTestId(reviewer, 'gate-check-confidentiality-review', {
        'data-passed': 'false',
      }).waitFor();
      await reviewer.getByTestId('review-note').fill('不涉及国家秘密，同意公开');
      await reviewer.getByTestId('review-approve').click();
      // The panel refreshes itself from the recorded review.
      await byTestId(reviewer, 'gate-check-confidentiality-review', {
        'data-passed': 'true',
      }).waitFor();
    } finally {
      await context.close();
    }
    const stored = await draftRow();
    expect(stored.confidentialityReview).toMatchObject({
      reviewer: '王审核',
      conclusion: 'approved',
      note: '不涉及国家秘密，同意公开',
    });
    expect(
      new Date(stored.confidentialityReview.reviewedAt).getTime() - new Date(NOW).getTime()
    ).toBeGreaterThanOrEqual(0);
    expect(
      new Date(stored.confidentialityReview.reviewedAt).getTime() - new Date(NOW).getTime()
    ).toBeLessThan(10 * 60_000);
  }
);

deskTest(
  'the county publishes on the day of issue; the side panel and the dashboard show the deadline met',
  async () => {
    await county.goto(editUrl(documentId));
    await byTestId(county, 'gate-check-confidentiality-review', {
      'data-passed': 'true',
    }).waitFor();
    await county.getByRole('button', { name: '发布' }).click();
    await county.getByRole('status', { name: 'published' }).waitFor();
    expect(await publishedCount()).toBe(1);

    await byTestId(county, 'panel-deadline', { 'data-status': 'met' }).waitFor();
    await screenshot(county, 'side-panel');

    await county.goto('/admin/plugins/disclosure');
    await counter(county, 'met', 1).waitFor();
    await counter(county, 'due-today', 0).waitFor();
    await counter(county, 'overdue', 0).waitFor();
    // Met items leave the lists; the county's on-time rate shows the one it published.
    expect(await county.getByTestId('dashboard-item').filter({ hasText: TITLE }).count()).toBe(0);
    const chart = county.getByTestId('on-time-chart');
    await chart.filter({ hasText: '沂南县人民政府' }).waitFor();
    // An SVG: its text, not innerText.
    expect(await chart.textContent()).toMatch(/100%\s*·\s*1\/1/);
    await screenshot(county, 'dashboard');
  }
);

deskTest('a county office cannot open another county’s item', async () => {
  const answer = county.waitForResponse(
    (response) =>
      response.request().method() === 'GET' &&
      new URL(response.url()).pathname ===
        `/content-manager/collection-types/${DOC}/${otherCountyItem}`
  );
  await county.goto(editUrl(otherCountyItem));
  expect((await answer).status()).toBe(403);
  // Strapi's edit view answers a refused read with its generic error page (“Something went wrong”),
  // not a no-permission page: the refusal comes from the organization condition on the item, and
  // the editor does hold the read permission for the type.
  await county.getByRole('main').getByText('出错了!发生了一些问题,请重试。').waitFor();
  expect(await county.getByRole('main').innerText()).not.toContain('沂水县关于防汛抗旱的通知');
  // Nor does the list offer it.
  await county.goto(`/admin/content-manager/collection-types/${DOC}?plugins[i18n][locale]=zh-Hans`);
  await county.getByRole('main').getByText(TITLE).waitFor();
  expect(await county.getByRole('main').innerText()).not.toContain('沂水县关于防汛抗旱的通知');
});

deskTest(
  "a draft's image loads in the signed-in admin's browser (as the media library shows it), and in no other",
  async () => {
    const token = await createFullAccessToken(app.strapi);
    const uploaded = await app
      .http()
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', await sample.png(), { filename: '草稿配图.png', contentType: 'image/png' });
    expect(uploaded.status).toBe(201);
    const image = uploaded.body[0] as {
      id: number;
      url: string;
      formats: Record<string, { url: string }>;
    };
    // A small image's derivative: its WebP copy.
    const thumbnail = Object.values(image.formats)[0].url;
    storedFiles.push(image.url, ...Object.values(image.formats).map((format) => format.url));
    await app.strapi.documents(DOC).create({
      data: {
        title: '沂南县植树造林图解（草稿）',
        issuingOrganization: orgs.yinan.documentId,
        category: 'decision',
        issueDate: TODAY.iso,
        attachments: [image.id],
      } as any,
    } as any);

    // An <img>, as the media library and the editor's preview load it: cookies, no Authorization.
    const loads = (page: Page, url: string) =>
      page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        return img.decode().then(
          () => img.naturalWidth,
          () => 0
        );
      }, url);
    await county.goto('/admin');
    expect(await loads(county, image.url)).toBeGreaterThan(0);
    expect(await loads(county, thumbnail)).toBeGreaterThan(0);

    const { context, page: visitor } = await newDesk(browser, app);
    try {
      const response = await visitor.goto(image.url);
      expect(response?.status()).toBe(404);
      expect(await loads(visitor, thumbnail)).toBe(0);
    } finally {
      await context.close();
    }
  }
);
