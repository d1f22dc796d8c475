import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createAdminSession, startApp, type TestApp } from '../harness/strapi';
import { checkTables } from '../../src/plugins/disclosure/server/src/reports/rules/checks';
import { sumTables } from '../../src/plugins/disclosure/server/src/reports/rules/region';
import { TABLE3_ROWS } from '../../src/plugins/disclosure/server/src/on-request/rules/workflow';
import type { AnnualReportData } from '../../src/plugins/disclosure/shared/contracts/annual-report';

/**
 * 统计与年度报告 (issue 26) on a seeded 2025: cases in every row and column of table 3 (most written
 * directly, two through the on-request routes), carried over across the year boundary, the catalogue's
 * 规章 and 行政规范性文件 (one repealed), result items of each decision kind, entered figures, and
 * reconsideration and litigation in each result; every figure against hand-computed expectations.
 */
const APPLICATION = 'plugin::disclosure.disclosure-application';
const CHALLENGE = 'plugin::disclosure.legal-challenge';
const FIGURE = 'plugin::disclosure.report-figure';
const DOC = 'api::policy-document.policy-document';
const TYPES = [
  'natural-person',
  'commercial-enterprise',
  'research-institution',
  'social-welfare-organization',
  'legal-service-organization',
  'other-organization',
] as const;
const COLUMNS = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'socialWelfareOrganization',
  'legalServiceOrganization',
  'otherOrganization',
] as const;

let app: TestApp;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
type Headers = { Authorization: string };
let superAdmin: Headers;
let auditor: Headers;
let countyEditor: Headers;
let otherCityEditor: Headers;
let unassigned: Headers;

const onDay = (date: string) => {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(`${date}T02:00:00Z`);
};
const report = (query: Record<string, string | number | boolean>, headers: Headers = superAdmin) =>
  app.http().get('/disclosure/annual-report').query(query).set(headers);
const dataOf = async (query: Record<string, string | number | boolean>) => {
  const res = await report(query);
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as AnnualReportData;
};

let caseSequence = 0;
/** A case written directly (the workflow is not the point): received, concluded (an instant), outcome. */
const makeCase = async (
  organization: OrganizationRef,
  fields: {
    applicantType: (typeof TYPES)[number];
    receivedOn: string;
    concludedAt?: string | null;
    outcome?: string | null;
    outcomeReason?: string | null;
    paidOn?: string;
    paidAmount?: number;
  }
) => {
  caseSequence += 1;
  await app.strapi.db.query(APPLICATION).create({
    data: {
      number: `T-${caseSequence}`,
      organization: organization.id,
      year: Number(fields.receivedOn.slice(0, 4)),
      sequence: caseSequence,
      lookupCodeHash: 'x',
      channel: 'in-person',
      applicantName: '申请人',
      idType: '居民身份证',
      idNumber: '0',
      phone: '0',
      address: '地址',
      description: '内容',
      form: 'electronic',
      status: fields.concludedAt ? 'delivered' : 'assigned',
      submittedAt: new Date(`${fields.receivedOn}T01:00:00Z`),
      ...fields,
    },
  });
};

const kebab = (code: string) => code.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const docs = () => app.strapi.documents(DOC as any);
const publishedDocument = (overrides: Record<string, unknown>) =>
  docs().create({
    data: policyDocumentData(orgs.city.documentId, overrides) as any,
    status: 'published',
  });
const step = async (documentId: string, action: string, data: Record<string, unknown> = {}) => {
  const res = await app
    .http()
    .post(`/disclosure/applications/${documentId}/actions/${action}`)
    .set(superAdmin)
    .send({ data });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
};
const registerInPerson = async (date: string, applicantType: string) => {
  onDay(date);
  const res = await app
    .http()
    .post('/disclosure/applications')
    .set(superAdmin)
    .send({
      data: {
        organization: orgs.city.code,
        applicantType,
        name: '张三',
        idType: '居民身份证',
        idNumber: '371300199001011234',
        phone: '13900001234',
        address: '临沂市兰山区测试路1号',
        description: `请公开${date}的道路建设项目招标文件`,
        form: 'electronic',
        channel: 'in-person',
        handedInOn: date,
      },
    });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};

let repealedDocumentId: string;

beforeAll(async () => {
  app = await startApp();
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  orgs = await createOrganizationTree(app);
  superAdmin = { Authorization: `Bearer ${await createAdminSession(app)}` };
  auditor = (
    await createAdminAccount(app, {
      name: 'auditor',
      roles: ['disclosure-auditor'],
      organization: null,
    })
  ).headers;
  countyEditor = (
    await createAdminAccount(app, {
      name: 'yinan',
      roles: ['disclosure-editor'],
      organization: orgs.countyA,
    })
  ).headers;
  otherCityEditor = (
    await createAdminAccount(app, {
      name: 'rizhao',
      roles: ['disclosure-editor'],
      organization: orgs.otherCity,
    })
  ).headers;
  unassigned = (
    await createAdminAccount(app, {
      name: 'nobody',
      roles: ['disclosure-editor'],
      organization: null,
    })
  ).headers;

  // ---- table 3, the city. Every outcome row in every column: received 1 March, concluded 1 April.
  for (const row of TABLE3_ROWS) {
    const [outcome, reason] = row.split('.');
    for (const applicantType of TYPES) {
      const paid =
        row === 'disclosed' && applicantType === 'natural-person'
          ? { paidOn: '2025-05-01', paidAmount: 100 }
          : row === 'disclosed' && applicantType === 'other-organization'
            ? { paidOn: '2026-01-10', paidAmount: 50 }
            : {};
      await makeCase(orgs.city, {
        applicantType,
        receivedOn: '2025-03-01',
        concludedAt: '2025-04-01T02:00:00Z',
        outcome: kebab(outcome),
        outcomeReason: reason ? kebab(reason) : null,
        ...paid,
      });
    }
  }
  // Across the year boundary: concluded 23:30 on 31 December Beijing time (last year's)…
  await makeCase(orgs.city, {
    applicantType: 'natural-person',
    receivedOn: '2024-12-20',
    concludedAt: '2024-12-31T15:30:00Z',
    outcome: 'disclosed',
  });
  // …and 00:30 on 1 January (this year's): carried over, 部分公开.
  await makeCase(orgs.city, {
    applicantType: 'natural-person',
    receivedOn: '2024-12-20',
    concludedAt: '2024-12-31T16:30:00Z',
    outcome: 'partially-disclosed',
  });
  // Received in 2024, still open: carried over and carried forward.
  await makeCase(orgs.city, { applicantType: 'commercial-enterprise', receivedOn: '2024-11-15' });
  // Received in late December, concluded in January: new, carried forward.
  await makeCase(orgs.city, {
    applicantType: 'research-institution',
    receivedOn: '2025-12-30',
    concludedAt: '2026-01-05T02:00:00Z',
    outcome: 'disclosed',
  });
  // Received in 2026: not in 2025.
  await makeCase(orgs.city, { applicantType: 'natural-person', receivedOn: '2026-01-02' });
  // Through the routes: one answered in June (its reply on time), one still open at the year's end.
  const answered = await registerInPerson('2025-06-02', 'natural-person');
  await step(answered, 'assign', { responsibleOffice: '市交通运输局' });
  await step(answered, 'draft-reply', {
    outcome: 'disclosed',
    legalBasis: '第三十六条第（二）项',
    text: '现将招标文件提供给您。',
  });
  await step(answered, 'approve-reply');
  await step(answered, 'deliver', { method: 'electronic', deliveredOn: '2025-06-03' });
  await registerInPerson('2025-12-29', 'legal-service-organization');
  // The counties and another city.
  await makeCase(orgs.countyA, {
    applicantType: 'natural-person',
    receivedOn: '2025-02-01',
    concludedAt: '2025-02-10T02:00:00Z',
    outcome: 'disclosed',
  });
  await makeCase(orgs.countyA, { applicantType: 'other-organization', receivedOn: '2025-10-01' });
  await makeCase(orgs.otherCity, { applicantType: 'natural-person', receivedOn: '2025-05-01' });

  // ---- table 2, the city's catalogue.
  const gate = app.strapi.config.get('plugin::disclosure') as {
    publicationGate: { requireInterpretationForNormative: boolean };
  };
  gate.publicationGate.requireInterpretationForNormative = false;
  onDay('2025-01-15');
  await publishedDocument({ normativeKind: 'regulation', genre: 'order', issueDate: '2025-02-01' });
  await publishedDocument({ normativeKind: 'regulation', genre: 'order', issueDate: '2023-05-01' });
  await docs().create({
    data: policyDocumentData(orgs.city.documentId, {
      normativeKind: 'regulation',
      issueDate: '2025-03-03',
    }) as any,
  }); // a draft: not counted
  const normative = { isNormative: true, normativeKind: 'normative-document' };
  await publishedDocument({ ...normative, issueDate: '2025-03-01' });
  const repealed = await publishedDocument({ ...normative, issueDate: '2022-01-01' });
  repealedDocumentId = repealed.documentId;
  onDay('2025-08-15');
  await docs().update({ documentId: repealed.documentId, data: { validity: 'repealed' } as any });
  await docs().publish({ documentId: repealed.documentId });
  // A normative document marked so only by isNormative, repealed after the year, dated by the editor.
  await publishedDocument({
    isNormative: true,
    issueDate: '2024-06-01',
    validity: 'repealed',
    repealedOn: '2026-02-01',
  });
  const result = (decisionKind: string, issueDate: string) =>
    publishedDocument({ category: 'result', decisionKind, issueDate });
  await result('administrative-licensing', '2025-04-01');
  await result('administrative-licensing', '2025-09-01');
  await result('administrative-licensing', '2024-09-01');
  await result('administrative-penalty', '2025-05-05');
  await result('administrative-enforcement', '2025-07-07');
  const decision = await publishedDocument({ category: 'decision', issueDate: '2025-06-01' });
  // The sections' figures: a press conference held in 2025 (a press release and a 2024 conference
  // are not counted), a consultation started in 2025, an interpretation (published now).
  const press = (kind: string, heldAt: string) =>
    app.strapi.documents('api::press-release.press-release').create({
      status: 'published',
      data: {
        title: `新闻发布${heldAt}`,
        kind,
        organization: orgs.city.documentId,
        heldAt,
        confidentialityReview: approvedReview,
      } as any,
    });
  await press('press-conference', '2025-09-10T02:00:00Z');
  await press('press-release', '2025-09-11T02:00:00Z');
  await press('press-conference', '2024-09-10T02:00:00Z');
  await app.strapi.documents('api::consultation.consultation').create({
    status: 'published',
    data: {
      title: '关于《临沂市政务公开办法（征求意见稿）》公开征求意见的公告',
      organization: orgs.city.documentId,
      startDate: '2025-05-01',
      endDate: '2025-06-05',
      confidentialityReview: approvedReview,
    } as any,
  });
  await app.strapi.documents('api::interpretation.interpretation').create({
    status: 'published',
    data: {
      title: '政策解读',
      form: 'text',
      sourceDocument: decision.documentId,
      interpreter: orgs.city.documentId,
      confidentialityReview: approvedReview,
    } as any,
  });
  const figure = (kind: string, value: number, half: number | null = null) =>
    app.strapi.db
      .query(FIGURE)
      .create({ data: { organization: orgs.city.id, year: 2025, half, kind, value } });
  await figure('administrative-penalty', 12);
  await figure('administrative-penalty', 5, 1);
  await figure('administrative-fees', 3.5);

  // ---- table 4.
  const challenge = (organization: OrganizationRef, fields: Record<string, unknown>) =>
    app.strapi.db.query(CHALLENGE).create({ data: { organization: organization.id, ...fields } });
  await challenge(orgs.city, {
    kind: 'reconsideration',
    filedOn: '2025-02-01',
    result: 'upheld',
    decidedOn: '2025-03-01',
    caseNumber: '临复决字〔2025〕1号',
  });
  await challenge(orgs.city, {
    kind: 'reconsideration',
    filedOn: '2025-03-01',
    result: 'corrected',
    decidedOn: '2025-05-01',
  });
  await challenge(orgs.city, {
    kind: 'reconsideration',
    filedOn: '2024-12-01',
    result: 'other',
    decidedOn: '2025-01-20',
  });
  await challenge(orgs.city, { kind: 'reconsideration', filedOn: '2025-11-01', result: 'pending' });
  await challenge(orgs.city, {
    kind: 'reconsideration',
    filedOn: '2024-01-05',
    result: 'upheld',
    decidedOn: '2024-02-01',
  });
  await challenge(orgs.city, {
    kind: 'litigation-direct',
    filedOn: '2025-04-01',
    result: 'upheld',
    decidedOn: '2025-08-01',
  });
  await challenge(orgs.city, {
    kind: 'litigation-after-reconsideration',
    filedOn: '2025-06-01',
    result: 'pending',
  });
  await challenge(orgs.countyB, {
    kind: 'reconsideration',
    filedOn: '2025-01-10',
    result: 'corrected',
    decidedOn: '2025-02-10',
  });
});

afterAll(async () => {
  await app?.stop();
});

/** A table-3 row from its applicant columns (the total column their sum). */
const row = (...values: number[]) => {
  const cells = Object.fromEntries(COLUMNS.map((column, index) => [column, values[index] ?? 0]));
  return { ...cells, total: values.reduce((sum, value) => sum + value, 0) };
};

describe('the city’s 2025 annual report', () => {
  let data: AnnualReportData;
  beforeAll(async () => {
    data = await dataOf({ organization: orgs.city.code, year: 2025 });
  });

  test('the organization and the period', () => {
    expect(data.organization).toEqual({
      documentId: orgs.city.documentId,
      code: '371300000',
      name: '临沂市人民政府',
    });
    expect(data.year).toBe(2025);
    expect(data.half).toBeUndefined();
    expect(data.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  test('table 3: every row and column, by hand', () => {
    const { columns, rows } = data.tables.table3;
    expect(columns).toEqual([...COLUMNS, 'total']);
    expect(Object.keys(rows)).toEqual([
      'new',
      'carriedOver',
      ...TABLE3_ROWS,
      'total',
      'carriedForward',
    ]);
    // 21 per column from the grid (one per outcome row); +1 natural person (the routes, June), +1 research institution
    // (30 December), +1 legal service organization (the routes, 29 December).
    expect(rows.new).toEqual(row(22, 21, 22, 21, 22, 21));
    // Concluded 00:30 on 1 January (natural person); open since November (enterprise).
    expect(rows.carriedOver).toEqual(row(1, 1));
    expect(rows.disclosed).toEqual(row(2, 1, 1, 1, 1, 1));
    expect(rows.partiallyDisclosed).toEqual(row(2, 1, 1, 1, 1, 1));
    for (const key of TABLE3_ROWS.filter((k) => k !== 'disclosed' && k !== 'partiallyDisclosed'))
      expect([key, rows[key]]).toEqual([key, row(1, 1, 1, 1, 1, 1)]);
    expect(rows.total).toEqual(row(23, 21, 21, 21, 21, 21));
    expect(rows.carriedForward).toEqual(row(0, 1, 1, 0, 1, 0));
  });

  test('table 2: the catalogue’s counts, entered figures marked so', () => {
    expect(data.tables.table2).toEqual({
      regulations: { issued: 1, repealed: 0, valid: 2 },
      normativeDocuments: { issued: 1, repealed: 1, valid: 2 },
      administrativeLicensing: { decisions: 2, source: 'catalogue' },
      administrativePenalty: { decisions: 12, source: 'entered' },
      administrativeEnforcement: { decisions: 1, source: 'catalogue' },
      administrativeFees: { amount: 3.5, source: 'entered' },
    });
  });

  test('a document whose validity becomes 已废止 is dated that day', async () => {
    const stored = await app.strapi.db
      .query(DOC)
      .findOne({ where: { documentId: repealedDocumentId, publishedAt: { $notNull: true } } });
    expect(stored).toMatchObject({ validity: 'repealed', repealedOn: '2025-08-15' });
  });

  test('table 4: each result of reconsideration, litigation of both kinds', () => {
    expect(data.tables.table4).toEqual({
      reconsideration: { upheld: 1, corrected: 1, other: 1, pending: 1, total: 4 },
      litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
    });
  });

  test('the checks pass, carried over against 2024’s carried forward included', () => {
    expect(data.checks.length).toBe(5);
    expect(data.checks.filter((check) => !check.ok)).toEqual([]);
    expect(data.checks[4].message).toMatch(/^表三：上年结转 = 上期报告结转下年度/);
  });

  test('a tampered figure fails the checks, naming table, row and column', () => {
    const table3 = structuredClone(data.tables.table3);
    table3.rows['notProcessed.repeated'].researchInstitution += 1;
    const failed = checkTables({ table3, table4: data.tables.table4 }).filter((c) => !c.ok);
    expect(failed.map((check) => check.message)).toEqual([
      expect.stringMatching(
        /^表三“三、（七）总计”行“法人或其他组织·科研机构”列：21 ≠ 各办理结果行之和 22/
      ),
      expect.stringMatching(/^表三“（五）不予处理 2\.重复申请”行“总计”列：6 ≠ 各申请人列之和 7/),
    ]);
  });

  test('the sections’ figures from the records', () => {
    expect(data.figures).toEqual({
      // 规章, 规范性文件, four result items and one decision dated 2025
      itemsPublished: 7,
      // published today, not in 2025 (below)
      interpretations: 0,
      pressConferences: 1,
      consultations: 1,
      // the reply of the case answered through the routes, due in June, met
      repliesOnTime: 1,
      repliesDue: 1,
      // paid in May 2025 (¥100); the ¥50 paid in January 2026 is next year's
      feesCollected: 100,
    });
  });
});

test('an interpretation counts in the year it was published', async () => {
  const year = Number(new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 4));
  const data = await dataOf({ organization: orgs.city.code, year });
  expect(data.figures?.interpretations).toBe(1);
});

describe('half-year statistics', () => {
  test('the first half: up to 30 June', async () => {
    const data = await dataOf({ organization: orgs.city.code, year: 2025, half: 1 });
    expect(data.half).toBe(1);
    expect(data.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    const { rows } = data.tables.table3;
    expect(rows.new).toEqual(row(22, 21, 21, 21, 21, 21));
    expect(rows.carriedOver).toEqual(row(1, 1));
    expect(rows.total).toEqual(row(23, 21, 21, 21, 21, 21));
    expect(rows.carriedForward).toEqual(row(0, 1));
    expect(data.tables.table2).toEqual({
      regulations: { issued: 1, repealed: 0, valid: 2 },
      // repealed in August: still valid on 30 June
      normativeDocuments: { issued: 1, repealed: 0, valid: 3 },
      administrativeLicensing: { decisions: 1, source: 'catalogue' },
      administrativePenalty: { decisions: 5, source: 'entered' },
      administrativeEnforcement: { decisions: 0, source: 'catalogue' },
      administrativeFees: { amount: 0, source: 'catalogue' },
    });
    expect(data.tables.table4.reconsideration).toEqual({
      upheld: 1,
      corrected: 1,
      other: 1,
      pending: 0,
      total: 3,
    });
    expect(data.checks.every((check) => check.ok)).toBe(true);
  });

  test('the second half carries over the first half’s carried forward', async () => {
    const data = await dataOf({ organization: orgs.city.code, year: 2025, half: '2' as never });
    const { rows } = data.tables.table3;
    expect(rows.carriedOver).toEqual(row(0, 1));
    expect(rows.new).toEqual(row(0, 0, 1, 0, 1, 0));
    expect(rows.total).toEqual(row());
    expect(rows.carriedForward).toEqual(row(0, 1, 1, 0, 1, 0));
    expect(data.checks.every((check) => check.ok)).toBe(true);
  });
});

describe('a region', () => {
  test('the city and the counties below it, the summary the sum of its parts', async () => {
    const data = await dataOf({ organization: orgs.city.code, year: 2025, region: true });
    const parts = data.region!.organizations;
    expect(parts.map((part) => part.organization.code)).toEqual([
      '371300000',
      '371321000',
      '371323000',
    ]);
    const alone = await dataOf({ organization: orgs.city.code, year: 2025 });
    expect(parts[0].tables).toEqual(alone.tables);
    expect(parts[1].tables.table3.rows.new).toEqual(row(1, 0, 0, 0, 0, 1));
    expect(parts[1].tables.table3.rows.carriedForward).toEqual(row(0, 0, 0, 0, 0, 1));
    expect(parts[2].tables.table4.reconsideration.corrected).toBe(1);
    expect(data.tables).toEqual(sumTables(parts.map((part) => part.tables)));
    expect(data.tables.table3.rows.new.total).toBe(129 + 2);
    expect(data.tables.table4.reconsideration.total).toBe(5);
    expect(data.checks.every((check) => check.ok)).toBe(true);
  });
});

describe('a region whose organization’s figures do not add up', () => {
  test('the checks run on the sum, and name the county whose cases fail them', async () => {
    // A case concluded without an outcome (data from before the outcome rules): in no outcome row.
    await makeCase(orgs.countyA, {
      applicantType: 'commercial-enterprise',
      receivedOn: '2025-05-05',
      concludedAt: '2025-05-20T02:00:00Z',
      outcome: null,
    });
    try {
      const data = await dataOf({ organization: orgs.city.code, year: 2025, region: true });
      const failed = data.checks.filter((check) => !check.ok).map((check) => check.message);
      // The sum: one more new than the outcome rows and the carried forward account for.
      expect(failed).toContainEqual(
        expect.stringMatching(/^表三“法人或其他组织·商业企业”列：新收 22 \+ 上年结转 1 ≠ 总计 21/)
      );
      expect(failed).toContainEqual(
        expect.stringMatching(/^表三“三、本年度办理结果”：1 件已办结申请没有可归入的办理结果/)
      );
      // The county, named; the city and the other county add up.
      const named = failed.filter((message) => message.startsWith('沂南县人民政府（371321000）：'));
      expect(named).toContainEqual(
        expect.stringMatching(/：表三“法人或其他组织·商业企业”列：新收 1 \+ 上年结转 0 ≠ 总计 0/)
      );
      expect(named).toContainEqual(expect.stringMatching(/：表三“三、本年度办理结果”：1 件/));
      expect(failed.filter((message) => /临沂市人民政府|沂水县人民政府/.test(message))).toEqual([]);
      // The county's own report fails the same way; the city's alone still adds up.
      const city = await dataOf({ organization: orgs.city.code, year: 2025 });
      expect(city.checks.every((check) => check.ok)).toBe(true);
    } finally {
      await app.strapi.db
        .query(APPLICATION)
        .deleteMany({ where: { receivedOn: '2025-05-05', outcome: null } });
    }
  });
});

describe('the office’s records in the content manager', () => {
  const record = (uid: string, organization: OrganizationRef, fields: Record<string, unknown>) =>
    app
      .http()
      .post(`/content-manager/collection-types/${uid}`)
      .set(countyEditor)
      .send({
        organization: { connect: [{ documentId: organization.documentId, locale: 'zh-Hans' }] },
        ...fields,
      });

  test('a challenge names its case by number: no relation lists or links another county’s cases', async () => {
    const attributes = app.strapi.getModel(CHALLENGE as any).attributes as Record<string, any>;
    expect(attributes.caseNumber).toMatchObject({ type: 'string' });
    expect(
      Object.values(attributes).filter((attribute) => attribute.target === APPLICATION)
    ).toEqual([]);
    const cases: Array<{ documentId: string }> = await app.strapi.db
      .query(APPLICATION)
      .findMany({ select: ['documentId'] });
    expect(cases.length).toBeGreaterThan(0);
    const picker = await app
      .http()
      .get(`/content-manager/relations/${CHALLENGE}/application`)
      .set(countyEditor);
    expect(picker.status).toBeGreaterThanOrEqual(400);
    expect(picker.status).toBeLessThan(500);
    for (const { documentId } of cases)
      expect(JSON.stringify(picker.body)).not.toContain(documentId);
  });

  test('an editor records its own organization’s challenges and figures, not another’s', async () => {
    const challenge = { kind: 'reconsideration', filedOn: '2025-03-03', result: 'pending' };
    expect((await record(CHALLENGE, orgs.countyA, challenge)).status).toBe(201);
    expect((await record(CHALLENGE, orgs.countyB, challenge)).status).toBe(403);
    const figure = { year: 2025, kind: 'administrative-fees', value: 0.8 };
    expect((await record(FIGURE, orgs.countyA, figure)).status).toBe(201);
    expect((await record(FIGURE, orgs.otherCity, figure)).status).toBe(403);
    const data = await dataOf({ organization: orgs.countyA.code, year: 2025 });
    expect(data.tables.table4.reconsideration).toMatchObject({ pending: 1, total: 1 });
    expect(data.tables.table2.administrativeFees).toEqual({ amount: 0.8, source: 'entered' });
  });
});

describe('who may read it', () => {
  test('the auditor: any organization', async () => {
    expect((await report({ organization: orgs.otherCity.code, year: 2025 }, auditor)).status).toBe(
      200
    );
    expect((await report({ organization: orgs.city.code, year: 2025 }, auditor)).status).toBe(200);
  });

  test('an organization’s admin: its own and those below; not above it or elsewhere', async () => {
    const own = await report({ organization: orgs.countyA.code, year: 2025 }, countyEditor);
    expect(own.status).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect((await report({ organization: orgs.city.code, year: 2025 }, countyEditor)).status).toBe(
      403
    );
    expect(
      (await report({ organization: orgs.city.code, year: 2025 }, otherCityEditor)).status
    ).toBe(403);
    expect((await report({ organization: orgs.city.code, year: 2025 }, unassigned)).status).toBe(
      403
    );
  });

  test('by the role’s own scope and its permission to read annual reports', async () => {
    const account = async (name: string, role: string, organization: OrganizationRef) =>
      (await createAdminAccount(app, { name, roles: [role], organization })).headers;
    const cityEditor = await account('linyieditor', 'disclosure-editor', orgs.city);
    const registrar = await account(
      'yinanregistrar',
      'disclosure-application-registrar',
      orgs.countyA
    );
    const cityReviewer = await account('linyireviewer', 'disclosure-reviewer', orgs.city);
    const county = { organization: orgs.countyA.code, year: 2025 };
    // 'same': the city's own report, not its county's.
    expect((await report({ organization: orgs.city.code, year: 2025 }, cityEditor)).status).toBe(
      200
    );
    const sameScope = await report(county, cityEditor);
    expect(sameScope.status).toBe(403);
    expect(sameScope.body.error.message).toMatch(/^无权查看该机构的年度报告 \(/);
    // No permission to read annual reports: not even its own organization's.
    expect((await report(county, registrar)).status).toBe(403);
    // 'below': the county's.
    expect((await report(county, cityReviewer)).status).toBe(200);
    expect(
      (await app.http().get('/disclosure/annual-report').query({ organization: 'x', year: 2025 }))
        .status
    ).toBe(401);
  });

  test('the organizations an account may pick: those whose reports it may read, its own first', async () => {
    const codes = async (headers: Headers) => {
      const res = await app.http().get('/disclosure/annual-report/organizations').set(headers);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      return (res.body.data as Array<{ code: string; name: string }>).map(({ code }) => code);
    };
    const all = [orgs.otherCity, orgs.city, orgs.countyA, orgs.countyB].map(({ code }) => code);
    expect(await codes(auditor)).toEqual(all);
    expect(await codes(superAdmin)).toEqual(all);
    expect(await codes(countyEditor)).toEqual([orgs.countyA.code]);
    expect(await codes(unassigned)).toEqual([]);
    // 'below': its own first, then those under it by code; a super admin assigned to a county, that county first.
    const reviewer = (
      await createAdminAccount(app, {
        name: 'linyireviewer2',
        roles: ['disclosure-reviewer'],
        organization: orgs.city,
      })
    ).headers;
    expect(await codes(reviewer)).toEqual([orgs.city.code, orgs.countyA.code, orgs.countyB.code]);
    const countyAdmin = (
      await createAdminAccount(app, {
        name: 'yinanadmin',
        roles: ['strapi-super-admin'],
        organization: orgs.countyA,
      })
    ).headers;
    expect(await codes(countyAdmin)).toEqual([
      orgs.countyA.code,
      orgs.otherCity.code,
      orgs.city.code,
      orgs.countyB.code,
    ]);
    expect((await app.http().get('/disclosure/annual-report/organizations')).status).toBe(401);
  });

  test('a bad query: 400, in Chinese first, naming the parameter', async () => {
    const cases: Array<[Record<string, string | number>, string]> = [
      [{ year: 2025 }, 'organization'],
      [{ organization: orgs.city.code }, 'year'],
      [{ organization: orgs.city.code, year: '25' }, 'year'],
      [{ organization: orgs.city.code, year: 2025, half: 3 }, 'half'],
      [{ organization: orgs.city.code, year: 2025, region: 'yes' }, 'region'],
      [{ organization: 'no-such-office', year: 2025 }, 'organization'],
    ];
    for (const [query, parameter] of cases) {
      const res = await report(query);
      expect([parameter, res.status]).toEqual([parameter, 400]);
      expect(res.body.error.details.errors[0].path).toEqual([parameter]);
      expect(res.body.error.message).toMatch(/^[\u4e00-\u9fff]/);
    }
  });
});
