import { seedDemoContent, seedDemoContentOnFirstRun } from '../../src/seed';
import { DEMO_ORGANIZATIONS } from '../../src/seed/organizations';
import { createAdminSession, pinSystemTime, startApp, type TestApp } from '../harness/strapi';

const UIDS = [
  'api::organization.organization',
  'api::policy-document.policy-document',
  'api::interpretation.interpretation',
  'api::consultation.consultation',
  'api::consultation-feedback.consultation-feedback',
  'api::press-release.press-release',
  'plugin::disclosure.disclosure-application',
  'plugin::disclosure.application-step',
  'api::annual-report.annual-report',
  'plugin::disclosure.legal-challenge',
  'plugin::disclosure.report-figure',
  'plugin::disclosure.mailbox',
  'plugin::disclosure.public-message',
  'plugin::disclosure.message-step',
  'api::public-answer.public-answer',
] as const;

let app: TestApp;
beforeAll(async () => {
  // The demo's cases are placed around the day of seeding: a fixed day, so their clocks read the same
  // whatever today is (a Tuesday with a full holiday schedule ahead).
  pinSystemTime('2026-06-16T02:00:00.000Z');
  app = await startApp({ seed: true });
});
afterAll(async () => {
  await app?.stop();
});

const countAll = async () => {
  const counts: Record<string, number> = {};
  for (const uid of UIDS) counts[uid] = await app.strapi.db.query(uid).count();
  return counts;
};

describe('demo catalogue', () => {
  test('the first start of an empty database seeds the catalogue from the real policies', async () => {
    const res = await app
      .http()
      .get('/api/policy-documents')
      .query({ 'pagination[pageSize]': 100, sort: 'indexNumber' });
    expect(res.status).toBe(200);
    const byNumber = Object.fromEntries(
      res.body.data.map((d: any) => [d.documentNumber ?? d.title, d])
    );
    expect(res.body.data).toHaveLength(7);

    const shandong = byNumber['鲁政办发〔2014〕8号'];
    expect(shandong.title).toBe(
      '山东省人民政府办公厅印发关于进一步加强政府信息公开工作实施方案的通知'
    );
    expect(shandong.writtenDate).toBe('2014-02-19');
    expect(shandong.issueDate).toBe('2014-02-20');
    expect(shandong.indexNumber).toBe('370000001/2014-00001');
    expect(shandong.genre).toBe('notice');
    expect(shandong.body.length).toBeGreaterThan(10);
    expect(byNumber['辽政办发〔2013〕61号'].writtenDate).toBe('2013-11-30');
    expect(byNumber['国办发〔2013〕100号'].indexNumber).toBe('000014349/2013-00001');
  });

  test('the demo catalogue is in the search index (seeded through the document service)', async () => {
    const res = await app
      .http()
      .get('/api/disclosure/search')
      .query({ q: '鲁政办发［２０１４］８号' });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      type: 'policy-document',
      documentNumber: '鲁政办发〔2014〕8号',
      title: '山东省人民政府办公厅印发关于进一步加强政府信息公开工作实施方案的通知',
    });
    const words = await app.http().get('/api/disclosure/search').query({ q: '政府信息公开' });
    expect(words.body.meta.facets.type['policy-document']).toBeGreaterThan(1);
    const hant = await app
      .http()
      .get('/api/disclosure/search')
      .query({ q: '政府信息公開', locale: 'zh-Hant' });
    expect(hant.body.meta.pagination.total).toBe(words.body.meta.pagination.total);
  });

  test('documents cite what they implement; interpretations and press are tied to them', async () => {
    const res = await app.http().get('/api/policy-documents').query({
      'filters[documentNumber][$eq]': '鲁政办发〔2014〕8号',
      populate: 'implements,interpretations,issuingOrganization',
    });
    const shandong = res.body.data[0];
    expect(shandong.implements.map((d: any) => d.documentNumber)).toEqual(['国办发〔2013〕100号']);
    expect(shandong.interpretations.map((i: any) => i.title)).toEqual([
      '《关于进一步加强政府信息公开工作实施方案》解读',
    ]);
    expect(shandong.issuingOrganization.name).toBe('山东省人民政府办公厅');

    const press = await app
      .http()
      .get('/api/press-releases')
      .query({ populate: 'relatedDocuments' });
    expect(press.body.data[0].relatedDocuments[0].documentNumber).toBe('鲁政办发〔2014〕8号');
  });

  test('one consultation is open around the day of seeding, one is closed with its results', async () => {
    const res = await app
      .http()
      .get('/api/consultations')
      .query({ populate: 'result', sort: 'startDate:desc' });
    expect(res.body.data).toHaveLength(2);
    const [open, closed] = res.body.data;
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(open.startDate, open.endDate)).toBe(33);
    expect(open.result).toBeNull();
    expect(closed.endDate).toBe('2024-08-31');
    // Counted from the feedback: adopted and partly adopted.
    expect(closed.result).toMatchObject({ receivedCount: 3, adoptedCount: 2 });
    expect(JSON.stringify(res.body)).not.toMatch(/市民1|1380000000/);
  });

  test('organizations form the hierarchy province → city → county', async () => {
    const res = await app
      .http()
      .get('/api/organizations')
      .query({ 'filters[code][$eq]': '370124000', populate: { parent: { populate: 'parent' } } });
    const county = res.body.data[0];
    expect(county.level).toBe('county');
    expect(county.parent.name).toBe('济南市人民政府');
    expect(county.parent.parent.name).toBe('山东省人民政府');
  });

  test('a second start, or `npm run seed`, adds nothing', async () => {
    const before = await countAll();
    expect(before['api::organization.organization']).toBe(DEMO_ORGANIZATIONS.length * 2); // zh-Hans and zh-Hant
    await seedDemoContentOnFirstRun(app.strapi);
    const report = await seedDemoContent(app.strapi, '2026-03-10');
    expect(report.created).toEqual({});
    expect(await countAll()).toEqual(before);
  });
});

describe('demo on-request cases (依申请公开)', () => {
  const APPLICATION = 'plugin::disclosure.disclosure-application';
  let admin: { Authorization: string };
  let cases: any[];
  beforeAll(async () => {
    admin = { Authorization: `Bearer ${await createAdminSession(app)}` };
    const res = await app
      .http()
      .get('/disclosure/applications')
      .query({ pageSize: 100 })
      .set(admin);
    expect(res.status).toBe(200);
    cases = res.body.data;
  });
  const byDescription = (text: string) => cases.find((c) => c.description.includes(text));
  const detail = async (documentId: string) =>
    (await app.http().get(`/disclosure/applications/${documentId}`).set(admin)).body.data;

  test('one case for each path, across the demo organizations, marked （演示）', async () => {
    expect(cases).toHaveLength(12);
    const statuses: Record<string, number> = {};
    for (const c of cases) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
    expect(statuses).toEqual({
      submitted: 1,
      registered: 1,
      'correction-requested': 1,
      closed: 1,
      assigned: 2,
      'awaiting-fee': 1,
      drafted: 1,
      delivered: 3,
      archived: 1,
    });
    expect(new Set(cases.map((c) => c.organization.code)).size).toBeGreaterThanOrEqual(4);
    for (const c of cases) {
      expect(c.description).toMatch(/（演示）$/);
      expect(c.applicantName).toMatch(/（演示）$/);
    }
    expect(byDescription('那件事情')).toMatchObject({
      status: 'closed',
      outcome: 'other',
      outcomeReason: 'no-correction',
    });
    expect(
      cases
        .filter((c) => c.status === 'delivered' || c.status === 'archived')
        .map((c) => [c.outcome, c.outcomeReason])
        .sort()
    ).toEqual([
      ['disclosed', null],
      ['not-disclosed', 'process-information'],
      ['not-processed', 'petition-complaint'],
      ['partially-disclosed', null],
    ]);
  });

  test('their clocks read as a live register: one overdue, one due within days', async () => {
    expect(byDescription('撤并村庄')).toMatchObject({ status: 'drafted', urgency: 'overdue' });
    expect(byDescription('政务云')).toMatchObject({ status: 'assigned', urgency: 'due-soon' });
    expect(byDescription('老旧小区').clocks.receivedOn).toBeNull();
    const extended = byDescription('道路挖掘');
    expect(extended.clocks.extendedWorkingDays).toBe(15);
    expect(extended.urgency).toBe('on-track');
    expect(byDescription('城市规划').clocks.paymentDueOn).not.toBeNull();
  });

  test('steps carry the demo staff and the days they happened; a reply points to the catalogue', async () => {
    const complex = await detail(byDescription('政务云').documentId);
    expect(complex.steps.map((s: any) => s.kind)).toEqual([
      'register',
      'assign',
      'joint-review',
      'start-consultation',
      'end-consultation',
    ]);
    expect(complex.steps[2].actor.name).toBe('王承办（演示）');
    const days = complex.steps.map((s: any) => s.at.slice(0, 10));
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(5);

    const disclosed = await detail(byDescription('实施方案').documentId);
    const plan = await app.strapi.db
      .query('api::policy-document.policy-document')
      .findOne({ where: { documentNumber: '鲁政办发〔2014〕8号' } });
    expect(disclosed.publicDocuments).toEqual([plan.documentId]);
    expect(disclosed.publicDocumentTitles).toEqual([`《${plan.title}》（鲁政办发〔2014〕8号）`]);
    expect(disclosed.steps.map((s: any) => s.actor?.name)).toEqual([
      '李登记（演示）',
      '李登记（演示）',
      '王承办（演示）',
      '赵审批（演示）',
      '李登记（演示）',
    ]);
    // The sweep's move is no one's.
    const withdrawn = await detail(byDescription('那件事情').documentId);
    expect(withdrawn.steps.at(-1)).toMatchObject({ kind: 'treat-as-withdrawn', actor: null });
  });

  test('no personal data of the demo cases through any public route', async () => {
    const rows = await app.strapi.db.query(APPLICATION).findMany();
    const secrets = rows.flatMap((row: any) => [
      row.applicantName,
      row.idNumber,
      row.phone,
      row.address,
      ...(row.email ? [row.email] : []),
    ]);
    expect(secrets.length).toBeGreaterThan(40);
    const paths = [
      '/api/disclosure-applications',
      '/api/application-steps',
      '/api/disclosure/applications',
      '/api/organizations?populate=*',
      '/api/policy-documents?populate=*',
      '/api/consultations?populate=*',
      '/api/press-releases?populate=*',
      '/api/interpretations?populate=*',
      // A few lookups (they are rate limited): no code, a wrong one.
      ...rows
        .slice(0, 4)
        .flatMap((row: any) => [
          `/api/disclosure/applications/${row.number}`,
          `/api/disclosure/applications/${row.number}?code=0000000000000000000000`,
        ]),
    ];
    for (const path of paths) {
      const answer = await app.http().get(path);
      expect(answer.status).toBeLessThan(500);
      for (const secret of secrets) expect(answer.text).not.toContain(secret);
    }
    // The lookup without its code is the 404 of a case that does not exist.
    const planted = await app.http().get(`/api/disclosure/applications/${rows[0].number}`);
    const absent = await app.http().get(`/api/disclosure/applications/370100001-2020-0999`);
    expect(planted.status).toBe(404);
    expect(planted.body).toEqual(absent.body);
  });

  test('a second run adds no case', async () => {
    const before = await app.strapi.db.query(APPLICATION).count();
    const report = await seedDemoContent(app.strapi);
    expect(report.created).toEqual({});
    expect(await app.strapi.db.query(APPLICATION).count()).toBe(before);
  });
});

describe('demo messages (意见箱 and 领导信箱)', () => {
  const MESSAGE = 'plugin::disclosure.public-message';
  let admin: { Authorization: string };
  let messages: any[];
  beforeAll(async () => {
    admin = { Authorization: `Bearer ${await createAdminSession(app)}` };
    const res = await app.http().get('/disclosure/messages').query({ pageSize: 100 }).set(admin);
    expect(res.status).toBe(200);
    messages = res.body.data;
  });
  const bySubject = (text: string) => messages.find((m) => m.subject.includes(text));
  const detail = async (documentId: string) =>
    (await app.http().get(`/disclosure/messages/${documentId}`).set(admin)).body.data;

  test('two leaders’ mailboxes, open', async () => {
    const res = await app.http().get('/disclosure/mailboxes').set(admin);
    expect(res.status).toBe(200);
    expect(
      res.body.data.map((m: any) => [m.organization.code, m.leaderTitle, m.active]).sort()
    ).toEqual([
      ['370100000', '市长信箱（演示）', true],
      ['370124000', '县长信箱（演示）', true],
    ]);
  });

  test('one message for each state, across the demo organizations, marked （演示）', async () => {
    expect(messages).toHaveLength(8);
    const statuses: Record<string, number> = {};
    for (const m of messages) statuses[m.status] = (statuses[m.status] ?? 0) + 1;
    expect(statuses).toEqual({
      received: 2,
      accepted: 1,
      routed: 1,
      assigned: 2,
      drafted: 1,
      sent: 1,
    });
    expect(new Set(messages.map((m) => m.organization.code)).size).toBeGreaterThanOrEqual(6);
    for (const m of messages) expect(m.subject).toMatch(/（演示）$/);
    expect(bySubject('图书馆').mailbox.leaderTitle).toBe('市长信箱（演示）');
    expect(bySubject('充电桩').mailbox.leaderTitle).toBe('县长信箱（演示）');
    expect(bySubject('图解').mailbox).toBeNull();
  });

  test('their clocks: one past its acceptance date, one past its reply date, the rest on time', async () => {
    expect(bySubject('危房改造')).toMatchObject({ status: 'received', overdue: true });
    expect(bySubject('社保补贴')).toMatchObject({ status: 'assigned', overdue: true });
    expect(messages.filter((m) => m.overdue)).toHaveLength(2);
    expect(messages.filter((m) => m.urgency === 'overdue')).toHaveLength(2);
    expect(bySubject('物业').urgency).toBe('concluded');
    // Received today: accepted by the second working day after, due within days.
    expect(bySubject('图解').urgency).toBe('due-soon');
    expect(bySubject('图解').receivedOn).toBe('2026-06-16');
    expect(bySubject('午间')).toMatchObject({ status: 'sent', rating: 'satisfied' });
  });

  test('steps carry the demo staff and the days they happened; the route says where', async () => {
    const sent = await detail(bySubject('午间').documentId);
    expect(sent.steps.map((s: any) => [s.kind, s.actor?.name ?? null])).toEqual([
      ['receive', null],
      ['accept', '李信箱（演示）'],
      ['assign', '李信箱（演示）'],
      ['draft-reply', '王承办（演示）'],
      ['approve', '赵审批（演示）'],
      ['send', '李信箱（演示）'],
      ['public-answer', '赵审批（演示）'],
    ]);
    const at = sent.steps.map((s: any) => s.at);
    expect([...at].sort()).toEqual(at);
    expect(sent.replyText).toContain('午间不间断服务');
    expect(sent.writer).toEqual({ name: '周七（演示）', contact: '13800010007' });

    const routed = await detail(bySubject('物业').documentId);
    expect(routed).toMatchObject({ status: 'routed', routedTo: expect.stringContaining('信访') });
  });

  test('no writer’s data through any public route', async () => {
    const rows = await app.strapi.db.query(MESSAGE).findMany();
    const secrets = rows.flatMap((row: any) => [row.writerName, row.writerContact]);
    expect(secrets).toHaveLength(16);
    const paths = [
      '/api/public-messages',
      '/api/message-steps',
      '/api/mailboxes?populate=*',
      '/api/disclosure/mailboxes?organization=370100000',
      '/api/organizations?populate=*',
      '/api/public-answers?populate=*',
      '/api/public-answers?locale=zh-Hant&populate=*',
      `/api/disclosure/messages/${rows[0].number}`,
      `/api/disclosure/messages/${rows[0].number}?code=0000000000000000000000`,
    ];
    for (const path of paths) {
      const answer = await app.http().get(path);
      expect(answer.status).toBeLessThan(500);
      for (const secret of secrets) expect(answer.text).not.toContain(secret);
    }
  });

  test('the consented, answered message is a published answer (公众问答), in both scripts', async () => {
    const list = await app.http().get('/api/public-answers');
    expect(list.body.data).toEqual([
      expect.objectContaining({
        subject: '政务服务大厅午间是否办理业务（演示）',
        kind: 'question',
        reply: expect.stringContaining('午间不间断服务'),
      }),
    ]);
    const traditional = await app.http().get('/api/public-answers').query({ locale: 'zh-Hant' });
    expect(traditional.body.data.map((answer: any) => answer.subject)).toEqual([
      '政務服務大廳午間是否辦理業務（演示）',
    ]);
    expect((await detail(bySubject('午间').documentId)).publicAnswer).toEqual({
      documentId: list.body.data[0].documentId,
      published: true,
    });
  });

  test('a second run adds no mailbox and no message', async () => {
    const before = [
      await app.strapi.db.query(MESSAGE).count(),
      await app.strapi.db.query('plugin::disclosure.mailbox').count(),
    ];
    const report = await seedDemoContent(app.strapi);
    expect(report.created).toEqual({});
    expect([
      await app.strapi.db.query(MESSAGE).count(),
      await app.strapi.db.query('plugin::disclosure.mailbox').count(),
    ]).toEqual(before);
  });
});

describe('demo annual reports (统计与年度报告)', () => {
  let admin: { Authorization: string };
  const report = async (organization: string, year: number) => {
    const res = await app
      .http()
      .get('/disclosure/annual-report')
      .query({ organization, year })
      .set(admin);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const caseOf = (code: string, outcome: string) =>
    app.strapi.db.query('plugin::disclosure.disclosure-application').findOne({
      where: { organization: { code }, outcome },
      select: ['number'],
    });
  beforeAll(async () => {
    admin = { Authorization: `Bearer ${await createAdminSession(app)}` };
  });

  test('two offices’ draft reports for last year, their sections pre-filled, not public', async () => {
    const drafts = await app.strapi.db.query('api::annual-report.annual-report').findMany({
      where: { locale: 'zh-Hans', publishedAt: null },
      populate: { organization: { select: ['code'] } },
      orderBy: { id: 'asc' },
    });
    expect(
      drafts.map((draft: any) => [draft.organization.code, draft.year, draft.half, draft.title])
    ).toEqual([
      ['370100002', 2025, null, '济南市政务服务管理办公室2025年政府信息公开工作年度报告'],
      ['211100001', 2025, null, '盘锦市人民政府办公室2025年政府信息公开工作年度报告'],
    ]);
    expect(JSON.stringify(drafts[0].overview)).toContain('本年度共主动公开政府信息');
    expect(drafts.every((draft: any) => draft.dueOn === '2026-01-31')).toBe(true);
    const list = await app.http().get('/api/annual-reports');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    // Last year's reports of these departments were due on 31 January: overdue on the dashboard.
    const owed = await app.strapi.db.query('plugin::disclosure.deadline').findMany({
      where: { rule: 'annual-report', title: { $contains: '2025年' } },
    });
    expect(owed).toHaveLength(2);
    expect(owed.every((record: any) => record.status === 'overdue')).toBe(true);
  });

  test('the figures offices entered, and last year’s tables adding up', async () => {
    const office = await report('370100002', 2025);
    expect(office.tables.table2.administrativeFees).toEqual({ amount: 12.35, source: 'entered' });
    expect(office.tables.table2.administrativeLicensing).toEqual({
      decisions: 1520,
      source: 'entered',
    });
    expect(office.checks.length).toBeGreaterThan(0);
    expect(office.checks.filter((check: any) => !check.ok)).toEqual([]);
    const panjin = await report('211100001', 2025);
    expect(panjin.tables.table2.administrativeFees).toEqual({ amount: 0.8, source: 'entered' });
    expect(panjin.checks.filter((check: any) => !check.ok)).toEqual([]);
  });

  test('a reconsideration upheld and a litigation pending, naming the demo cases they challenge', async () => {
    const challenges = await app.strapi.db.query('plugin::disclosure.legal-challenge').findMany({
      populate: { organization: { select: ['code'] } },
      orderBy: { kind: 'desc' },
    });
    const refused = await caseOf('370100002', 'not-disclosed');
    const partly = await caseOf('211100001', 'partially-disclosed');
    expect(
      challenges.map((c: any) => [c.organization.code, c.kind, c.result, c.caseNumber])
    ).toEqual([
      ['370100002', 'reconsideration', 'upheld', refused.number],
      ['211100001', 'litigation-direct', 'pending', partly.number],
    ]);
    expect(challenges[0].decidedOn > challenges[0].filedOn).toBe(true);
    expect(challenges[1].decidedOn).toBeNull();
    // This year's tables count them (the cases were answered this year), and add up.
    const office = await report('370100002', 2026);
    expect(office.tables.table4.reconsideration).toMatchObject({ upheld: 1, total: 1 });
    expect(office.checks.filter((check: any) => !check.ok)).toEqual([]);
    const panjin = await report('211100001', 2026);
    expect(panjin.tables.table4.litigationDirect).toMatchObject({ pending: 1, total: 1 });
    expect(panjin.checks.filter((check: any) => !check.ok)).toEqual([]);
  });
});
