import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import {
  TABLE3_COLUMNS,
  type AnnualReportData,
  type Table3Row,
} from '../../src/plugins/disclosure/shared/contracts/annual-report';
import { TABLE3_ROWS } from '../../src/plugins/disclosure/server/src/on-request/rules/workflow';
import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createAdminSession, setClock, startApp, type TestApp } from '../harness/strapi';

/**
 * The annual report as a published document: created with its sections pre-filled from the records'
 * figures, given its zh-Hant version, published only with an approved confidentiality review and
 * tables that add up (the snapshot stored with it), public once published and never as a draft; and
 * its downloads, the national .docx (read back from word/document.xml) and the .xlsx of the tables
 * (read back with exceljs), held to the account's organizations.
 *
 * The tables come from the `annual-report` service; here its `compute` answers a report built by hand
 * (each table-3 cell a figure of its own), so what the documents print can be checked figure by
 * figure, and a failing check can be asked for.
 */
const REPORT = 'api::annual-report.annual-report';

let app: TestApp;
let superAdmin: { Authorization: string };
let countyEditor: { Authorization: string };
let organizations: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
/** When set, the stand-in's checks fail with this message. */
let failingCheck: string | null = null;
/** The stand-in's 行政事业性收费 (万元): changed to tell a fresh computation from a stored snapshot. */
let fees = 12.5;
const computed: Array<{ organization: string; year: number; half?: 1 | 2 }> = [];

const row = (base: number): Table3Row =>
  Object.fromEntries(TABLE3_COLUMNS.map((column, index) => [column, base + index])) as Table3Row;

/** The stand-in computed report: figures that name their place (see report-text.test.ts). */
function standIn(params: { organization: string; year: number; half?: 1 | 2 }): AnnualReportData {
  computed.push(params);
  return {
    organization: { documentId: params.organization, code: '371300000', name: '临沂市人民政府' },
    year: params.year,
    ...(params.half ? { half: params.half } : {}),
    period: { from: `${params.year}-01-01`, to: `${params.year}-12-31` },
    tables: {
      table2: {
        regulations: { issued: 2, repealed: 1, valid: 30 },
        normativeDocuments: { issued: 12, repealed: 3, valid: 88 },
        administrativeLicensing: { decisions: 451, source: 'entered' },
        administrativePenalty: { decisions: 67, source: 'catalogue' },
        administrativeEnforcement: { decisions: 5, source: 'entered' },
        administrativeFees: { amount: fees, source: 'entered' },
      },
      table3: {
        columns: [...TABLE3_COLUMNS],
        rows: {
          new: row(100),
          carriedOver: row(200),
          total: row(300),
          carriedForward: row(400),
          ...Object.fromEntries(TABLE3_ROWS.map((key, index) => [key, row(1000 + index * 10)])),
        },
      },
      table4: {
        reconsideration: { upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 },
        litigationDirect: { upheld: 5, corrected: 6, other: 7, pending: 8, total: 26 },
        litigationAfterReconsideration: {
          upheld: 9,
          corrected: 10,
          other: 11,
          pending: 12,
          total: 42,
        },
      },
    },
    checks: failingCheck
      ? [
          { ok: true, message: '表四：总计等于各项之和' },
          { ok: false, message: failingCheck },
        ]
      : [{ ok: true, message: '表三：新收 + 上年结转 = 总计 + 结转下年度' }],
    figures: {
      itemsPublished: 1234,
      interpretations: 56,
      pressConferences: 7,
      consultations: 8,
      repliesOnTime: 19,
      repliesDue: 20,
      feesCollected: 300,
    },
  };
}

beforeAll(async () => {
  app = await startApp();
  setClock(app, '2027-01-20T02:00:00.000Z');
  organizations = await createOrganizationTree(app);
  // The stand-in answers for the service, except for 日照 (otherCity), whose report is computed from
  // the records by the real service (see 'computed from the records' below).
  const service = app.strapi.plugin('disclosure').service('annual-report') as {
    compute: (params: Parameters<typeof standIn>[0]) => Promise<AnnualReportData>;
  };
  const real = service.compute.bind(service);
  service.compute = async (params) =>
    params.organization === organizations.otherCity.documentId ? real(params) : standIn(params);
  superAdmin = { Authorization: `Bearer ${await createAdminSession(app, 'chief@example.gov.cn')}` };
  ({ headers: countyEditor } = await createAdminAccount(app, {
    name: 'countyeditor',
    roles: ['disclosure-editor'],
    organization: organizations.countyA,
  }));
});

afterAll(async () => {
  await app?.stop();
});

const reports = () => app.strapi.documents(REPORT as any);
const textOf = (blocks: unknown): string => JSON.stringify(blocks ?? null).replace(/\\"/g, '"');

describe('the report as a catalogue item', () => {
  let documentId: string;

  test('created without its sections: title, 一 and 六 pre-filled from the figures; zh-Hant made too', async () => {
    const created: any = await reports().create({
      data: { organization: organizations.city.documentId, year: 2026 } as any,
    });
    documentId = created.documentId;
    expect(created.title).toBe('临沂市人民政府2026年政府信息公开工作年度报告');
    expect(textOf(created.overview)).toContain(
      '本年度共主动公开政府信息1234条，发布政策解读56篇，召开新闻发布会7场，开展意见征集8次；依申请公开答复按时19件（应答复20件）；收取信息处理费300元。'
    );
    expect(textOf(created.otherMatters)).toContain('收取信息处理费300元');
    expect(created.problems ?? null).toBeNull();
    expect(computed.at(-1)).toMatchObject({
      organization: organizations.city.documentId,
      year: 2026,
    });
    const traditional: any = await reports().findOne({ documentId, locale: 'zh-Hant' } as any);
    expect(traditional.title).toBe('臨沂市人民政府2026年政府信息公開工作年度報告');
    expect(textOf(traditional.overview)).toContain('本年度共主動公開政府信息1234條');
  });

  test('the office’s own text is kept as written', async () => {
    const own: any = await reports().create({
      data: {
        organization: organizations.countyB.documentId,
        year: 2026,
        title: '沂水县2026年年报',
        overview: [
          { type: 'paragraph', children: [{ type: 'text', text: '本县自行撰写的总体情况。' }] },
        ],
        otherMatters: [{ type: 'paragraph', children: [{ type: 'text', text: '无。' }] }],
      } as any,
    });
    expect(own.title).toBe('沂水县2026年年报');
    expect(textOf(own.overview)).toContain('本县自行撰写的总体情况。');
    expect(textOf(own.otherMatters)).not.toContain('信息处理费');
  });

  test('published only with an approved review, and only while the tables add up', async () => {
    await expect(reports().publish({ documentId } as any)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('保密审查'),
    });
    await reports().update({
      documentId,
      data: { confidentialityReview: approvedReview } as any,
    });
    failingCheck = '表三（七）总计 自然人列：100 + 200 ≠ 301 + 400';
    const refused = reports().publish({ documentId } as any);
    await expect(refused).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(refused).rejects.toThrow(
      /统计表数据不能通过核对.*表三（七）总计 自然人列.*\(the tables do not add up/
    );
    expect(
      await app.strapi.db
        .query(REPORT as any)
        .count({ where: { documentId, publishedAt: { $notNull: true } } })
    ).toBe(0);
    const ledger = await app.strapi.db.query('plugin::disclosure.ledger-entry').findMany({
      where: { itemDocumentId: documentId, outcome: 'refused' },
    });
    expect(
      ledger.some((entry: any) => String(entry.message).includes('统计表数据不能通过核对'))
    ).toBe(true);

    failingCheck = null;
    await reports().publish({ documentId } as any);
    const published: any = await app.strapi.db.query(REPORT as any).findOne({
      where: { documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } },
    });
    expect(published.publishedOn).toBe('2027-01-20');
    // The field holds the tables themselves, as computed when published.
    expect(Object.keys(published.tables).sort()).toEqual(['table2', 'table3', 'table4']);
    expect(published.tables.table3.rows.new.naturalPerson).toBe(100);
    const traditional: any = await app.strapi.db.query(REPORT as any).findOne({
      where: { documentId, locale: 'zh-Hant', publishedAt: { $notNull: true } },
    });
    expect(traditional?.tables.table4.reconsideration.total).toBe(10);
  });

  test('readable on the public content API once published, never as a draft', async () => {
    const draft: any = await reports().create({
      data: {
        organization: organizations.countyA.documentId,
        year: 2026,
        title: '尚未发布的年报',
      } as any,
    });
    const list = await app.http().get('/api/annual-reports').query({ locale: 'zh-Hans' });
    expect(list.status).toBe(200);
    expect(list.body.data.map((report: any) => report.documentId)).toEqual([documentId]);
    expect(JSON.stringify(list.body)).not.toMatch(/confidentialityReview|王审查|尚未发布/);
    const one = await app.http().get(`/api/annual-reports/${documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.tables.table3.rows.total.total).toBe(306);
    const traditional = await app.http().get('/api/annual-reports').query({ locale: 'zh-Hant' });
    expect(traditional.body.data[0].title).toBe('臨沂市人民政府2026年政府信息公開工作年度報告');
    for (const query of [{}, { status: 'draft' }])
      expect(
        (await app.http().get(`/api/annual-reports/${draft.documentId}`).query(query)).status
      ).toBe(404);
    const drafts = await app.http().get('/api/annual-reports').query({ status: 'draft' });
    expect(JSON.stringify(drafts.body)).not.toContain('尚未发布的年报');
  });
});

describe('one report per organization, year and half', () => {
  const drafts = (organization: OrganizationRef, year: number) =>
    app.strapi.db.query(REPORT as any).count({
      where: {
        organization: { documentId: organization.documentId },
        year,
        locale: 'zh-Hans',
        publishedAt: null,
      },
    });

  test('a second report for the same period is refused, naming the first, in Chinese and English', async () => {
    const [first]: any[] = await app.strapi.db.query(REPORT as any).findMany({
      where: {
        organization: { documentId: organizations.city.documentId },
        year: 2026,
        half: null,
        locale: 'zh-Hans',
        publishedAt: null,
      },
    });
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${REPORT}`)
      .query({ locale: 'zh-Hans' })
      .set(superAdmin)
      .send({
        title: '重复的年报',
        year: 2026,
        organization: {
          connect: [{ documentId: organizations.city.documentId, locale: 'zh-Hans' }],
        },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^临沂市人民政府2026年的年度报告已存在：《临沂市人民政府2026年政府信息公开工作年度报告》/
    );
    expect(res.body.error.message).toContain(first.documentId);
    expect(res.body.error.message).toContain('(the 2026 annual report of this organization');
    expect(await drafts(organizations.city, 2026)).toBe(1);
    // The half-year statistics of the same year are reports of their own.
    const half: any = await reports().create({
      data: { organization: organizations.city.documentId, year: 2026, half: 1 } as any,
    });
    expect(half.title).toBe('临沂市人民政府2026年上半年政府信息公开工作统计报告');
    await expect(
      reports().create({
        data: { organization: organizations.city.documentId, year: 2026, half: 1 } as any,
      })
    ).rejects.toThrow(/2026年上半年的统计报告已存在/);
  });

  test('moved onto a period that has its report: refused too', async () => {
    const [countyA]: any[] = await app.strapi.db.query(REPORT as any).findMany({
      where: {
        organization: { documentId: organizations.countyA.documentId },
        year: 2026,
        locale: 'zh-Hans',
        publishedAt: null,
      },
    });
    await expect(
      reports().update({
        documentId: countyA.documentId,
        data: { organization: organizations.countyB.documentId } as any,
      } as any)
    ).rejects.toThrow(/沂水县人民政府2026年的年度报告已存在/);
    expect(await drafts(organizations.countyA, 2026)).toBe(1);
  });

  test('two creates at once: one report', async () => {
    const create = (title: string) =>
      reports().create({
        data: { organization: organizations.countyA.documentId, year: 2024, title } as any,
      });
    const results = await Promise.allSettled([
      create('同时一'),
      create('同时二'),
      create('同时三'),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected'))
      expect(String((result as PromiseRejectedResult).reason.message)).toMatch(
        /^沂南县人民政府2024年的年度报告已存在/
      );
    expect(await drafts(organizations.countyA, 2024)).toBe(1);
  });
});

describe('the downloads', () => {
  const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  };
  const download = (headers: { Authorization: string }, query: Record<string, string>) =>
    app
      .http()
      .get('/disclosure/annual-report/document')
      .query(query)
      .set(headers)
      .buffer(true)
      .parse(binary);
  /** word/document.xml's paragraphs as text (a table cell's text is a paragraph of its own). */
  const paragraphsOf = (buffer: Buffer): string[] =>
    strFromU8(unzipSync(new Uint8Array(buffer))['word/document.xml'])
      .split('</w:p>')
      .map((paragraph) =>
        [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join('')
      )
      .filter(Boolean);

  test('.docx: the stored report’s title and text, the six sections, tables 2–4 in the national layout', async () => {
    const res = await download(superAdmin, { organization: '371300000', year: '2026' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toContain('371300000-2026-annual-report.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(res.body))['word/document.xml']);
    const paragraphs = paragraphsOf(res.body);
    expect(paragraphs[0]).toBe('临沂市人民政府2026年政府信息公开工作年度报告');
    const headings = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    expect(headings.map((heading) => paragraphs.indexOf(heading))).toEqual(
      [...headings.map((heading) => paragraphs.indexOf(heading))].sort((a, b) => a - b)
    );
    for (const heading of headings) expect(paragraphs).toContain(heading);
    expect(paragraphs[paragraphs.indexOf('一、总体情况') + 1]).toMatch(
      /^本年度共主动公开政府信息1234条/
    );
    for (const label of [
      '自然人',
      '法人或其他组织',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '申请人情况',
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（三）不予公开',
      '1.属于国家秘密',
      '（五）不予处理',
      '5.要求行政机关确认或重新出具已获取信息',
      '（七）总计',
      '四、结转下年度继续办理',
      '第二十条第（一）项',
      '行政规范性文件',
      '行政事业性收费',
      '行政复议',
      '未经复议直接起诉',
      '复议后起诉',
    ])
      expect(paragraphs).toContain(label);
    // 一、本年新收: its seven figures follow its label, in the columns' order.
    const start = paragraphs.indexOf('一、本年新收政府信息公开申请数量');
    expect(paragraphs.slice(start + 1, start + 8)).toEqual([
      '100',
      '101',
      '102',
      '103',
      '104',
      '105',
      '106',
    ]);
    expect(paragraphs).toContain('451');
    expect(paragraphs).toContain('12.5');
    // Merged cells, as Word merges them: 申请人情况 across seven columns, 三、本年度办理结果 down its rows.
    expect(xml).toMatch(/<w:gridSpan w:val="7"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(3);
  });

  test('.docx without a stored report: the sections pre-filled, 五 left for the office', async () => {
    const res = await download(superAdmin, {
      organization: organizations.city.documentId,
      year: '2025',
      half: '1',
    });
    expect(res.status).toBe(200);
    const paragraphs = paragraphsOf(res.body);
    expect(paragraphs[0]).toBe('临沂市人民政府2025年上半年政府信息公开工作统计报告');
    expect(paragraphs[paragraphs.indexOf('一、总体情况') + 1]).toMatch(
      /^本年上半年共主动公开政府信息1234条/
    );
    expect(paragraphs[paragraphs.indexOf('五、存在的主要问题及改进情况') + 1]).toBe('（无）');
    expect(paragraphs[paragraphs.indexOf('六、其他需要报告的事项') + 1]).toContain(
      '收取信息处理费300元'
    );
    expect(computed.at(-1)).toMatchObject({
      organization: organizations.city.documentId,
      year: 2025,
      half: 1,
    });
  });

  test('.xlsx: one sheet per table, the same headings merged, figures as numbers', async () => {
    const res = await download(superAdmin, {
      organization: '371300000',
      year: '2026',
      format: 'xlsx',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as any);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '表二 主动公开',
      '表三 依申请公开',
      '表四 复议诉讼',
    ]);
    const [table2, table3, table4] = workbook.worksheets;
    expect(table2.getCell('A1').value).toBe(
      '临沂市人民政府2026年政府信息公开工作年度报告 二、主动公开政府信息情况'
    );
    expect(table2.getCell('A3').value).toBe('第二十条第（一）项');
    expect(table2.getCell('B4').value).toBe('本年制发件数');
    expect(table2.getCell('A6').value).toBe('行政规范性文件');
    expect(table2.getCell('B6').value).toBe(12);
    expect(table2.getCell('D6').value).toBe(88);
    expect(table2.getCell('A16').value).toBe('行政事业性收费');
    expect(table2.getCell('B16').value).toBe(12.5);

    expect(table3.getCell('D3').value).toBe('申请人情况');
    expect(table3.getCell('J3').isMerged).toBe(true);
    expect(table3.getCell('D4').value).toBe('自然人');
    expect(table3.getCell('E4').value).toBe('法人或其他组织');
    expect(['E5', 'F5', 'G5', 'H5', 'I5'].map((cell) => table3.getCell(cell).value)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(table3.getCell('J4').value).toBe('总计');
    expect(table3.getCell('A6').value).toBe('一、本年新收政府信息公开申请数量');
    expect(table3.getCell('D6').value).toBe(100);
    expect(table3.getCell('J6').value).toBe(106);
    expect(table3.getCell('A8').value).toBe('三、本年度办理结果');
    expect(table3.getCell('B10').value).toBe('（三）不予公开');
    expect(table3.getCell('C10').value).toBe('1.属于国家秘密');
    expect(table3.getCell('B29').value).toBe('（七）总计');
    expect(table3.getCell('D29').value).toBe(300);
    expect(table3.getCell('A30').value).toBe('四、结转下年度继续办理');
    expect(table3.getCell('J30').value).toBe(406);

    expect(table4.getCell('A3').value).toBe('行政复议');
    expect(table4.getCell('F3').value).toBe('行政诉讼');
    expect(table4.getCell('F4').value).toBe('未经复议直接起诉');
    expect(table4.getCell('K4').value).toBe('复议后起诉');
    expect(table4.getCell('A6').value).toBe(1);
    expect(table4.getCell('O6').value).toBe(42);
  });

  test('a published report’s files are what was published; a draft’s are computed afresh, and each says so', async () => {
    const description = (res: any) =>
      strFromU8(unzipSync(new Uint8Array(res.body))['docProps/core.xml']).match(
        /<dc:description>([^<]*)<\/dc:description>/
      )?.[1];
    fees = 99.5; // the records have changed since the city's 2026 report was published
    try {
      const published = await download(superAdmin, { organization: '371300000', year: '2026' });
      expect(paragraphsOf(published.body)).toContain('12.5');
      expect(paragraphsOf(published.body)).not.toContain('99.5');
      expect(description(published)).toMatch(/^已发布版本（2027-01-20发布）/);
      const workbook = new ExcelJS.Workbook();
      const sheet = await download(superAdmin, {
        organization: '371300000',
        year: '2026',
        format: 'xlsx',
      });
      await workbook.xlsx.load(sheet.body as any);
      expect(workbook.worksheets[0].getCell('B16').value).toBe(12.5);
      expect(workbook.description).toMatch(/^已发布版本/);
      // 沂水县's 2026 report is a draft: its own text, the tables as the records stand now.
      const draft = await download(superAdmin, { organization: '371323000', year: '2026' });
      expect(paragraphsOf(draft.body)).toContain('99.5');
      expect(paragraphsOf(draft.body)).toContain('本县自行撰写的总体情况。');
      expect(description(draft)).toMatch(/^草稿：统计表按当前记录重新统计/);
    } finally {
      fees = 12.5;
    }
  });

  test('held to the account’s organizations: 403 outside them; bad parameters 400; unknown 404', async () => {
    const outside = await download(countyEditor, { organization: '371300000', year: '2026' });
    expect(outside.status).toBe(403);
    const own = await download(countyEditor, { organization: '371321000', year: '2026' });
    expect(own.status).toBe(200);
    const body = (res: any) => JSON.parse(res.body.toString('utf8'));
    // By the role's own scope and permission to read annual reports, not the organization tree alone:
    // a city's editor ('same') does not get its county's draft text, a registrar (no annual-report
    // permission) not even its own; the city's reviewer ('below') gets the county's.
    const account = async (name: string, role: string, organization: OrganizationRef) =>
      (await createAdminAccount(app, { name, roles: [role], organization })).headers;
    const cityEditor = await account('docscityeditor', 'disclosure-editor', organizations.city);
    const registrar = await account(
      'docsregistrar',
      'disclosure-application-registrar',
      organizations.countyA
    );
    const cityReviewer = await account(
      'docscityreviewer',
      'disclosure-reviewer',
      organizations.city
    );
    const county = { organization: '371321000', year: '2026' };
    const sameScope = await download(cityEditor, county);
    expect(sameScope.status).toBe(403);
    expect(body(sameScope).error.message).toMatch(/^无权查看该机构的年度报告 \(/);
    expect((await download(cityEditor, { organization: '371300000', year: '2026' })).status).toBe(
      200
    );
    expect((await download(registrar, county)).status).toBe(403);
    expect((await download(cityReviewer, county)).status).toBe(200);
    const badFormat = await download(superAdmin, {
      organization: '371300000',
      year: '2026',
      format: 'pdf',
    });
    expect(badFormat.status).toBe(400);
    expect(body(badFormat).error.message).toContain('format');
    expect(
      (await download(superAdmin, { organization: '371300000', year: '2026', half: '3' })).status
    ).toBe(400);
    expect((await download(superAdmin, { organization: '371300000' })).status).toBe(400);
    expect((await download(superAdmin, { organization: '999999999', year: '2026' })).status).toBe(
      404
    );
    expect(
      (
        await app
          .http()
          .get('/disclosure/annual-report/document')
          .query({ organization: '371300000', year: '2026' })
      ).status
    ).toBe(401);
  });
});

describe('computed from the records (the annual-report service)', () => {
  const rizhao = () => organizations.otherCity.documentId;

  test('the sections count what the office published; a report that adds up is published', async () => {
    for (const title of ['日照市文件一', '日照市文件二'])
      await app.strapi.documents('api::policy-document.policy-document').create({
        data: policyDocumentData(rizhao(), { title, issueDate: '2025-05-10' }) as any,
        status: 'published',
      } as any);
    await app.strapi.documents('api::press-release.press-release').create({
      data: {
        title: '日照市新闻发布会',
        kind: 'press-conference',
        organization: rizhao(),
        heldAt: '2025-06-01T02:00:00.000Z',
        confidentialityReview: approvedReview,
      } as any,
      status: 'published',
    } as any);
    const created: any = await reports().create({
      data: { organization: rizhao(), year: 2025, confidentialityReview: approvedReview } as any,
    });
    expect(textOf(created.overview)).toContain(
      '本年度共主动公开政府信息2条，发布政策解读0篇，召开新闻发布会1场'
    );
    await reports().publish({ documentId: created.documentId } as any);
    const published: any = await app.strapi.db.query(REPORT as any).findOne({
      where: { documentId: created.documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } },
    });
    expect(Object.keys(published.tables).sort()).toEqual(['table2', 'table3', 'table4']);
    expect(published.tables.table3.rows.total.total).toBe(0);
  });

  test('a tampered figure in last year’s published report: this year’s is refused, naming the check', async () => {
    const [lastYear] = await app.strapi.db.query(REPORT as any).findMany({
      where: {
        organization: { documentId: rizhao() },
        year: 2025,
        publishedAt: { $notNull: true },
      },
    });
    const tables = lastYear.tables;
    tables.table3.rows.carriedForward.naturalPerson = 3;
    tables.table3.rows.carriedForward.total = 3;
    await app.strapi.db
      .query(REPORT as any)
      .updateMany({ where: { documentId: lastYear.documentId }, data: { tables } });
    const created: any = await reports().create({
      data: { organization: rizhao(), year: 2026, confidentialityReview: approvedReview } as any,
    });
    const refused = reports().publish({ documentId: created.documentId } as any);
    await expect(refused).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(refused).rejects.toThrow(/统计表数据不能通过核对.*结转/);
    expect(
      await app.strapi.db
        .query(REPORT as any)
        .count({ where: { documentId: created.documentId, publishedAt: { $notNull: true } } })
    ).toBe(0);
  });
});
