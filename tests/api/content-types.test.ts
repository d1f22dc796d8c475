import { approvedReview } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

const ORG = 'api::organization.organization';
const DOC = 'api::policy-document.policy-document';
const FEEDBACK = 'api::consultation-feedback.consultation-feedback';

let app: TestApp;
let token: string;
let office: string;
let department: string;
let source: string;

const post = (path: string, data: Record<string, unknown>, query: Record<string, string> = {}) =>
  app.http().post(path).query(query).set('Authorization', `Bearer ${token}`).send({ data });
const fieldsOf = (res: { body: any }) =>
  (res.body.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  const orgs = app.strapi.documents(ORG);
  office = (
    await orgs.create({
      data: {
        name: '平阴县人民政府办公室',
        code: '370124001',
        level: 'department',
        regionCode: '370124',
      } as any,
    })
  ).documentId;
  department = (
    await orgs.create({
      data: {
        name: '平阴县司法局',
        code: '370124010',
        level: 'department',
        regionCode: '370124',
      } as any,
    })
  ).documentId;
  source = (
    await app.strapi.documents(DOC).create({
      status: 'published',
      data: {
        title: '平阴县行政规范性文件管理办法',
        issuingOrganization: office,
        draftingDepartment: department,
        category: 'decision',
        issueDate: '2026-03-10',
        confidentialityReview: approvedReview,
      } as any,
    })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('organizations', () => {
  test('created through REST, with parent relation', async () => {
    const res = await post('/api/organizations', {
      name: '平阴县教育和体育局',
      shortName: '县教体局',
      code: '370124020',
      level: 'department',
      parent: office,
      regionCode: '370124',
      portalUrl: 'http://www.pingyin.gov.cn',
    });
    expect(res.status).toBe(201);
    const stored = await app.strapi
      .documents(ORG)
      .findOne({ documentId: res.body.data.documentId, populate: ['parent'] });
    expect(stored?.parent?.documentId).toBe(office);
  });

  test('schema messages reach the editor in Chinese first, English beside', async () => {
    const res = await post('/api/organizations', { code: 'X-0', level: 'county' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('名称（name）为必填项 (name must be defined.)');
    expect(res.body.error.details.errors[0].message).toBe(
      '名称（name）为必填项 (name must be defined.)'
    );
  });

  test('code is unique; level, region code and portal URL are checked', async () => {
    expect(
      fieldsOf(
        await post('/api/organizations', { name: '重复', code: '370124001', level: 'department' })
      )
    ).toEqual(['code']);
    expect(
      fieldsOf(await post('/api/organizations', { name: '级别', code: 'X-1', level: 'village' }))
    ).toEqual(['level']);
    expect(
      fieldsOf(
        await post('/api/organizations', {
          name: '区划',
          code: 'X-2',
          level: 'county',
          regionCode: '37012',
        })
      )
    ).toEqual(['regionCode']);
    expect(
      fieldsOf(
        await post('/api/organizations', {
          name: '网址',
          code: 'X-3',
          level: 'county',
          portalUrl: 'javascript:alert(1)',
        })
      )
    ).toEqual(['portalUrl']);
  });
});

describe('interpretations (政策解读)', () => {
  test('must name the document they explain', async () => {
    const res = await post('/api/interpretations', { title: '无所属文件的解读', form: 'text' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['sourceDocument']);
    expect(res.body.error.message).toMatch(/关联所解读的文件/);

    const unknown = await post('/api/interpretations', {
      title: '文件不存在',
      form: 'text',
      sourceDocument: 'nosuchdocument0000000000',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['sourceDocument']);
  });

  test('the drafting department interprets unless another organ is named (谁起草谁解读)', async () => {
    const res = await post('/api/interpretations', {
      title: '《平阴县行政规范性文件管理办法》解读',
      confidentialityReview: approvedReview,
      form: 'qa',
      sourceDocument: source,
      questions: [
        {
          question: '办法适用于哪些文件？',
          answer: [
            {
              type: 'paragraph',
              children: [{ type: 'text', text: '县政府及其部门制定的行政规范性文件。' }],
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(201);
    const stored = await app.strapi.documents('api::interpretation.interpretation').findOne({
      documentId: res.body.data.documentId,
      populate: ['interpreter', 'sourceDocument', 'questions'],
    });
    expect(stored?.interpreter?.documentId).toBe(department);
    expect(stored?.sourceDocument?.documentId).toBe(source);
    expect(stored?.questions).toHaveLength(1);

    const document = await app
      .http()
      .get(`/api/policy-documents/${source}`)
      .query({ populate: 'interpretations' });
    expect(document.body.data.interpretations.map((i: any) => i.title)).toContain(
      '《平阴县行政规范性文件管理办法》解读'
    );
  });

  test('an unknown form is refused', async () => {
    const res = await post('/api/interpretations', {
      title: '未知形式',
      form: 'poem',
      sourceDocument: source,
      confidentialityReview: approvedReview,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['form']);
  });
});

describe('consultations (意见征集)', () => {
  const consultation = (overrides: Record<string, unknown>) => ({
    title: '关于《平阴县政务公开工作规范（征求意见稿）》公开征求意见的公告',
    organization: office,
    relatedDocument: source,
    confidentialityReview: approvedReview,
    channels: [{ kind: 'email', address: 'zwgk@example.gov.cn' }],
    ...overrides,
  });

  test('a 30-day period is accepted and published', async () => {
    const res = await post(
      '/api/consultations',
      consultation({ startDate: '2026-09-01', endDate: '2026-09-30' })
    );
    expect(res.status).toBe(201);
    expect(res.body.data.publishedAt).toBeTruthy();
  });

  test('a shorter period needs a reason; the message says the limit', async () => {
    const short = await post(
      '/api/consultations',
      consultation({ startDate: '2026-09-01', endDate: '2026-09-29' })
    );
    expect(short.status).toBe(400);
    expect(fieldsOf(short)).toEqual(['shortPeriodReason']);
    expect(short.body.error.message).toMatch(/29 天，少于 30 天/);

    const withReason = await post(
      '/api/consultations',
      consultation({
        startDate: '2026-09-01',
        endDate: '2026-09-10',
        shortPeriodReason: '防汛应急需要，经县政府同意缩短征集期',
      })
    );
    expect(withReason.status).toBe(201);
  });

  test('the end cannot come before the start, also when only one date is changed', async () => {
    const res = await post(
      '/api/consultations',
      consultation({ startDate: '2026-09-30', endDate: '2026-09-01' })
    );
    expect(fieldsOf(res)).toEqual(['endDate']);

    const created = await post(
      '/api/consultations',
      consultation({ startDate: '2026-10-01', endDate: '2026-10-31' }),
      { status: 'draft' }
    );
    const moved = await app
      .http()
      .put(`/api/consultations/${created.body.data.documentId}`)
      .query({ status: 'draft' })
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { endDate: '2026-10-15' } });
    expect(moved.status).toBe(400);
    expect(fieldsOf(moved)).toEqual(['shortPeriodReason']);
  });

  test('dates are required', async () => {
    const res = await post('/api/consultations', consultation({}));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/startDate|endDate/);
  });
});

describe('consultation feedback', () => {
  test('stored through the document service, content required, submitter kept private', async () => {
    const consultation = await app.strapi.documents('api::consultation.consultation').create({
      data: {
        title: '征求意见',
        organization: office,
        startDate: '2026-09-01',
        endDate: '2026-09-30',
      } as any,
    });
    await expect(
      app.strapi
        .documents(FEEDBACK)
        .create({ data: { consultation: consultation.documentId } as any })
    ).rejects.toThrow(/content/);
    const stored = await app.strapi.documents(FEEDBACK).create({
      data: {
        consultation: consultation.documentId,
        content: '建议增加夜间受理',
        submitterName: '李四',
        submitterContact: '13800000000',
      } as any,
    });
    expect(stored.decision).toBe('pending');
    expect(stored.submitterName).toBe('李四');
  });
});

describe('press releases (新闻发布)', () => {
  test('created and published through REST with speakers and related documents', async () => {
    const res = await post('/api/press-releases', {
      title: '平阴县政府新闻发布会',
      confidentialityReview: approvedReview,
      kind: 'press-conference',
      organization: office,
      heldAt: '2026-03-12T02:00:00.000Z',
      speakers: [{ name: '白宛松', position: '县政府办公室主任' }],
      relatedDocuments: [source],
    });
    expect(res.status).toBe(201);
    const read = await app
      .http()
      .get(`/api/press-releases/${res.body.data.documentId}`)
      .query({ populate: '*' });
    expect(read.status).toBe(200);
    expect(read.body.data.speakers[0].name).toBe('白宛松');
    expect(read.body.data.relatedDocuments.map((d: any) => d.documentId)).toEqual([source]);
  });

  test('an unknown kind is refused', async () => {
    const res = await post('/api/press-releases', {
      title: '未知',
      kind: 'rumour',
      confidentialityReview: approvedReview,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['kind']);
  });
});

describe('policy documents through the document service', () => {
  test('created, published, unpublished', async () => {
    const docs = app.strapi.documents(DOC);
    const draft = await docs.create({
      data: {
        title: '关于做好2026年政务公开工作的通知',
        documentNumber: '平政办发〔2026〕3号',
        issuingOrganization: office,
        coIssuers: [department],
        category: 'execution',
        genre: 'notice',
        issueDate: '2026-03-10',
        writtenDate: '2026-03-09',
        confidentialityReview: approvedReview,
        implements: [source],
        body: [{ type: 'paragraph', children: [{ type: 'text', text: '各乡镇人民政府：' }] }],
      } as any,
    });
    expect(draft.indexNumber).toBe('370124001/2026-00002');
    await docs.publish({ documentId: draft.documentId });
    const published = await docs.findOne({
      documentId: draft.documentId,
      status: 'published',
      populate: ['implements', 'coIssuers', 'confidentialityReview'],
    });
    expect(published?.publishedAt).toBeTruthy();
    expect(published?.implements.map((d: any) => d.documentId)).toEqual([source]);
    expect(published?.confidentialityReview?.conclusion).toBe('approved');
    await docs.unpublish({ documentId: draft.documentId });
    expect(await docs.findOne({ documentId: draft.documentId, status: 'published' })).toBeNull();
  });
});
