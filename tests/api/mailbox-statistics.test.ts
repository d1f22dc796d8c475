import ExcelJS from 'exceljs';
import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { usingPostgres } from '../harness/database';
import { createAdminSession, startApp, type TestApp } from '../harness/strapi';

/**
 * 意见箱 monthly statistics on a seeded month (March 2026, Beijing days) with messages in every state,
 * replies sent on time and late (by the reply date the deadline engine set), rated and not; the
 * plugin's clock pinned. The figures per organization and in total, the account's scope, the refusals
 * naming the parameter, the .xlsx opened and its cells read, and the month in the compliance report.
 */
const MESSAGE = 'plugin::disclosure.public-message';

let app: TestApp;
let orgs: Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>;
type Headers = { Authorization: string };
let superAdmin: Headers;
let countyManager: Headers;
let editor: Headers;

const at = (instant: string) => {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(instant);
};

let sequence = 0;
const writeIn = async (instant: string, kind: string, organization: OrganizationRef) => {
  at(instant);
  sequence += 1;
  const res = await app
    .http()
    .post('/api/disclosure/messages')
    .send({
      data: {
        organization: organization.code,
        kind,
        subject: `来信第${sequence}件`,
        content: `第${sequence}件来信的内容，请予办理。`,
        name: `李来信${sequence}`,
        contact: `1380000${String(1000 + sequence)}`,
        consentToPublish: false,
      },
    })
    .set('X-Forwarded-For', `10.1.0.${sequence}`);
  if (res.status !== 201) throw new Error(`write: ${res.status} ${JSON.stringify(res.body)}`);
  const row = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { number: res.body.data.number } });
  return {
    number: res.body.data.number as string,
    code: res.body.data.code as string,
    documentId: row.documentId as string,
    replyDueOn: row.replyDueOn as string,
  };
};

const act = async (documentId: string, action: string, data: Record<string, unknown> = {}) => {
  const res = await app
    .http()
    .post(`/disclosure/messages/${documentId}/actions/${action}`)
    .set(superAdmin)
    .send({ data });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
};
/** Accepted, assigned, drafted, approved and sent, all at `instant`. */
const reply = async (documentId: string, instant: string) => {
  at(instant);
  await act(documentId, 'accept');
  await act(documentId, 'assign', { responsibleOffice: '办公室' });
  await act(documentId, 'draft-reply', { text: '已办理，特此答复。' });
  await act(documentId, 'approve');
  await act(documentId, 'send');
};
const rate = async (message: { number: string; code: string }, satisfied: boolean) => {
  sequence += 1;
  const res = await app
    .http()
    .post(`/api/disclosure/messages/${message.number}/rating`)
    .set('X-Forwarded-For', `10.2.0.${sequence}`)
    .send({ data: { code: message.code, satisfied } });
  if (res.status !== 200) throw new Error(`rate: ${res.status} ${JSON.stringify(res.body)}`);
};
const statistics = (query: Record<string, string>, headers: Headers = superAdmin) =>
  app.http().get('/disclosure/messages/statistics').query(query).set(headers);

const CITY = {
  received: 6,
  byKind: { suggestion: 2, question: 1, help: 2, complaint: 1 },
  routed: 1,
  repliedOnTime: 2,
  repliedLate: 1,
  open: 2,
  openOverdue: 2,
  satisfaction: { satisfied: 1, rated: 2, notRated: 1 },
};
const COUNTY = {
  received: 1,
  byKind: { suggestion: 0, question: 1, help: 0, complaint: 0 },
  routed: 0,
  repliedOnTime: 1,
  repliedLate: 0,
  open: 0,
  openOverdue: 0,
  satisfaction: { satisfied: 1, rated: 1, notRated: 0 },
};

beforeAll(async () => {
  app = await startApp({ env: { IS_PROXIED: 'true' } });
  expect(app.strapi.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');
  orgs = await createOrganizationTree(app);
  superAdmin = { Authorization: `Bearer ${await createAdminSession(app)}` };
  countyManager = (
    await createAdminAccount(app, {
      name: 'countykeeper',
      roles: ['disclosure-mailbox-manager'],
      organization: orgs.countyA,
    })
  ).headers;
  editor = (
    await createAdminAccount(app, {
      name: 'editor',
      roles: ['disclosure-editor'],
      organization: orgs.city,
    })
  ).headers;

  // The city, March 2026 (Beijing days).
  const onTime = await writeIn('2026-03-02T02:00:00Z', 'help', orgs.city);
  const late = await writeIn('2026-03-03T02:00:00Z', 'question', orgs.city);
  const lastMinute = await writeIn('2026-03-04T02:00:00Z', 'suggestion', orgs.city);
  const routed = await writeIn('2026-03-05T02:00:00Z', 'complaint', orgs.city);
  const accepted = await writeIn('2026-03-06T02:00:00Z', 'suggestion', orgs.city);
  // 1 March 01:00 Beijing time: in March although still February in UTC.
  await writeIn('2026-02-28T17:00:00Z', 'help', orgs.city);
  // 1 April 01:00 Beijing time, and 27 February: not March's.
  await writeIn('2026-03-31T17:00:00Z', 'help', orgs.city);
  await writeIn('2026-02-27T02:00:00Z', 'question', orgs.city);
  const county = await writeIn('2026-03-10T02:00:00Z', 'question', orgs.countyA);

  await reply(onTime.documentId, '2026-03-10T02:00:00Z');
  // 08:30 Beijing time the day after the reply date: late.
  const dayAfter = new Date(`${late.replyDueOn}T00:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  await reply(late.documentId, `${dayAfter.toISOString().slice(0, 10)}T00:30:00Z`);
  // 23:30 Beijing time on the reply date: on time.
  await reply(lastMinute.documentId, `${lastMinute.replyDueOn}T15:30:00Z`);
  at('2026-03-06T02:00:00Z');
  await act(routed.documentId, 'route', { routedTo: '市信访局', reason: '投诉请向信访渠道反映。' });
  await act(accepted.documentId, 'accept');
  await reply(county.documentId, '2026-03-12T02:00:00Z');
  await rate(onTime, true);
  await rate(late, false);
  await rate(county, true);
  // Read on 25 April: the open ones are past their reply dates.
  at('2026-04-25T02:00:00Z');
});
afterAll(async () => {
  await app?.stop();
});

test('the month per organization and in total: received, by kind, on time, late, open, satisfaction', async () => {
  const res = await statistics({ month: '2026-03' });
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('private, no-store');
  const { data } = res.body;
  expect(data).toMatchObject({ month: '2026-03', from: '2026-03-01', to: '2026-03-31' });
  expect(data.organizations).toEqual([
    {
      organization: {
        documentId: orgs.city.documentId,
        code: orgs.city.code,
        name: '临沂市人民政府',
      },
      ...CITY,
    },
    {
      organization: {
        documentId: orgs.countyA.documentId,
        code: orgs.countyA.code,
        name: '沂南县人民政府',
      },
      ...COUNTY,
    },
  ]);
  expect(data.total).toEqual({
    received: 7,
    byKind: { suggestion: 2, question: 2, help: 2, complaint: 1 },
    routed: 1,
    repliedOnTime: 3,
    repliedLate: 1,
    open: 2,
    openOverdue: 2,
    satisfaction: { satisfied: 2, rated: 3, notRated: 1 },
  });

  const one = await statistics({ month: '2026-03', organization: orgs.city.code });
  expect(one.body.data.organizations).toHaveLength(1);
  expect(one.body.data.total).toEqual(CITY);
  // April holds the one written on 1 April, Beijing time; a month without messages lists the organization with zeros.
  const april = await statistics({ month: '2026-04', organization: orgs.city.code });
  // Its reply date (15 working days) passed before 25 April.
  expect(april.body.data.total).toMatchObject({ received: 1, open: 1, openOverdue: 1 });
  const empty = await statistics({ month: '2025-12', organization: orgs.countyB.documentId });
  expect(empty.body.data.organizations).toEqual([
    expect.objectContaining({
      received: 0,
      organization: expect.objectContaining({ code: orgs.countyB.code }),
    }),
  ]);
});

test('held to the account: its organizations only; no messages.* permission, a 403', async () => {
  const own = await statistics({ month: '2026-03' }, countyManager);
  expect(own.status).toBe(200);
  expect(
    own.body.data.organizations.map(
      (row: { organization: { code: string } }) => row.organization.code
    )
  ).toEqual([orgs.countyA.code]);
  expect(own.body.data.total).toEqual(COUNTY);
  const above = await statistics({ month: '2026-03', organization: orgs.city.code }, countyManager);
  expect(above.status).toBe(403);
  const plain = await statistics({ month: '2026-03' }, editor);
  expect(plain.status).toBe(403);
  expect(plain.body.error.message).toMatch(/^没有意见箱的权限/);
});

test("the statistics page's organizations: the account's own and those below, its own first; none without a messages.* permission", async () => {
  const organizations = (headers: Headers) =>
    app.http().get('/disclosure/messages/organizations').set(headers);
  const county = await organizations(countyManager);
  expect(county.status).toBe(200);
  expect(county.headers['cache-control']).toBe('private, no-store');
  expect(county.body.data).toEqual([
    {
      documentId: orgs.countyA.documentId,
      code: orgs.countyA.code,
      name: expect.any(String),
      parent: orgs.city.documentId,
    },
  ]);
  const all = await organizations(superAdmin);
  expect(all.body.data.map((row: { code: string }) => row.code)).toEqual(
    expect.arrayContaining([orgs.city.code, orgs.countyA.code, orgs.countyB.code])
  );
  const plain = await organizations(editor);
  expect(plain.status).toBe(403);
  expect(plain.body.error.message).toMatch(/^没有意见箱的权限/);
});

test('a missing or malformed month, an unknown organization or format: a 400 naming the parameter', async () => {
  for (const month of [undefined, '2026-3', '2026-13', '2026-03-01', '9999-12', '0000-01']) {
    const res = await statistics(month === undefined ? {} : { month });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '参数 month 必填，格式为 YYYY-MM，年份 1949 至 2999，如 2026-03 (month is required, as YYYY-MM from 1949 to 2999, e.g. 2026-03)'
    );
    expect(res.body.error.details.errors[0].path).toEqual(['month']);
  }
  const unknown = await statistics({ month: '2026-03', organization: '999999999' });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.details.errors[0].path).toEqual(['organization']);
  expect(unknown.body.error.message).toMatch(/^找不到机构 999999999/);
  const format = await statistics({ month: '2026-03', format: 'pdf' });
  expect(format.status).toBe(400);
  expect(format.body.error.message).toBe(
    '参数 format 只能取：json、xlsx (format must be json or xlsx)'
  );
});

test('the .xlsx: Chinese file name and headings, one row per organization and the total', async () => {
  const res = await statistics({ month: '2026-03', organization: orgs.city.code, format: 'xlsx' })
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  );
  expect(res.headers['content-disposition']).toBe(
    `attachment; filename="${orgs.city.code}-2026-03-message-statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(`${orgs.city.code}-2026年3月意见箱来信统计.xlsx`)}`
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as Buffer);
  const sheet = workbook.getWorksheet('来信统计')!;
  expect(sheet.getCell('A1').value).toBe('2026年3月意见箱来信统计（2026-03-01 至 2026-03-31）');
  const row = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
  expect(row(3)).toEqual([
    '机构代码',
    '机构名称',
    '收信数',
    '建议',
    '咨询',
    '求助',
    '投诉',
    '按时答复',
    '逾期答复',
    '按时答复率',
    '转办',
    '未办结',
    '其中已逾期',
    '满意',
    '已评价',
    '未评价',
    '满意率',
  ]);
  expect(row(4)).toEqual([
    orgs.city.code,
    '临沂市人民政府',
    6,
    2,
    1,
    2,
    1,
    2,
    1,
    '66.7%',
    1,
    2,
    2,
    1,
    2,
    1,
    '50.0%',
  ]);
  expect(row(5)).toEqual(['', '合计', 6, 2, 1, 2, 1, 2, 1, '66.7%', 1, 2, 2, 1, 2, 1, '50.0%']);
});

test('the compliance report carries the month the period ends in', async () => {
  const res = await app
    .http()
    .get('/disclosure/compliance')
    .query({ from: '2026-03-01', to: '2026-03-31' })
    .set(superAdmin);
  expect(res.status).toBe(200);
  expect(res.body.data.mailbox.month).toBe('2026-03');
  expect(res.body.data.mailbox.total).toMatchObject({
    received: 7,
    repliedOnTime: 3,
    repliedLate: 1,
  });
  const city = await app
    .http()
    .get('/disclosure/compliance')
    .query({ organization: orgs.countyA.code, to: '2026-03-31' })
    .set(superAdmin);
  expect(city.body.data.mailbox.total).toEqual(COUNTY);
});
