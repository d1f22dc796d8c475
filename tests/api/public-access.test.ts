import { approvedReview } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';
const ORG = 'api::organization.organization';
const PUBLIC_TYPES = [
  'organizations',
  'policy-documents',
  'interpretations',
  'consultations',
  'press-releases',
  'public-concerns',
  'public-answers',
  'annual-reports',
];

let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  const s = app.strapi;
  const office = await s.documents(ORG).create({
    data: {
      name: '济南市人民政府办公厅',
      code: '370100001',
      level: 'department',
      regionCode: '370100',
    } as any,
  });
  const base = {
    issuingOrganization: office.documentId,
    category: 'decision',
    issueDate: '2026-03-10',
    confidentialityReview: approvedReview,
  };

  ids.published = (
    await s
      .documents(DOC)
      .create({ status: 'published', data: { ...base, title: '已发布的主动公开文件' } as any })
  ).documentId;
  ids.draft = (
    await s.documents(DOC).create({ data: { ...base, title: '尚未发布的草稿' } as any })
  ).documentId;
  ids.onRequest = (
    await s.documents(DOC).create({
      data: {
        ...base,
        title: '依申请公开的文件',
        disclosureAttribute: 'on-request',
        nonDisclosureReason: 'process-information',
        nonDisclosureExplanation: '过程性信息',
      } as any,
    })
  ).documentId;
  // Published while proactive, then re-classified below the gate (e.g. by a data import): still hidden.
  ids.reclassified = (
    await s
      .documents(DOC)
      .create({ status: 'published', data: { ...base, title: '事后定为不予公开' } as any })
  ).documentId;
  ids.interpretationOfReclassified = (
    await s.documents('api::interpretation.interpretation').create({
      status: 'published',
      data: {
        title: '已发布的解读',
        sourceDocument: ids.reclassified,
        form: 'text',
        confidentialityReview: approvedReview,
      } as any,
    })
  ).documentId;
  await s.db.query(DOC).updateMany({
    where: { documentId: ids.reclassified },
    data: {
      disclosureAttribute: 'not-disclosed',
      nonDisclosureReason: 'state-secret',
      nonDisclosureExplanation: '涉密',
    },
  });

  const interpretations = s.documents('api::interpretation.interpretation');
  ids.interpretationDraft = (
    await interpretations.create({
      data: { title: '草稿解读', sourceDocument: ids.published, form: 'text' } as any,
    })
  ).documentId;
  ids.interpretationOfPublished = (
    await interpretations.create({
      data: {
        title: '已发布的解读',
        sourceDocument: ids.published,
        form: 'text',
        confidentialityReview: approvedReview,
      } as any,
    })
  ).documentId;
  await interpretations.publish({ documentId: ids.interpretationOfPublished });

  const consultation = await s.documents('api::consultation.consultation').create({
    status: 'published',
    data: {
      title: '公开征求意见',
      confidentialityReview: approvedReview,
      organization: office.documentId,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
    } as any,
  });
  ids.consultation = consultation.documentId;
  await s.documents('api::consultation-feedback.consultation-feedback').create({
    data: {
      consultation: consultation.documentId,
      content: '建议延长办理时限',
      submitterName: '张三丰',
      submitterContact: 'zhangsanfeng@example.com',
    } as any,
  });
});
afterAll(async () => {
  await app?.stop();
});

const titles = (res: { body: any }) => res.body.data.map((doc: any) => doc.title);

describe('the public reads published, proactive items only', () => {
  test('the list shows the published proactive document and nothing else', async () => {
    const res = await app.http().get('/api/policy-documents');
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['已发布的主动公开文件']);
  });

  test('?status=draft from the public changes nothing', async () => {
    const res = await app.http().get('/api/policy-documents').query({ status: 'draft' });
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['已发布的主动公开文件']);

    const interpretations = await app.http().get('/api/interpretations').query({ status: 'draft' });
    expect(interpretations.status).toBe(200);
    expect(titles(interpretations)).not.toContain('草稿解读');
    expect(titles(interpretations).length).toBeGreaterThan(0);
  });

  test.each([
    { populate: '*' },
    { populate: 'sourceDocument' },
    { 'populate[0]': 'sourceDocument' },
    { 'populate[sourceDocument][fields][0]': 'title' },
    { 'populate[sourceDocument][populate][0]': 'implementedBy' },
  ])('a populated relation does not reach a document that is not proactive (%o)', async (query) => {
    const res = await app
      .http()
      .get(`/api/interpretations/${ids.interpretationOfReclassified}`)
      .query(query);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('已发布的解读');
    expect(res.body.data.sourceDocument).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('事后定为不予公开');

    const visible = await app
      .http()
      .get(`/api/interpretations/${ids.interpretationOfPublished}`)
      .query(query);
    expect(visible.body.data.sourceDocument.title).toBe('已发布的主动公开文件');
  });

  test.each(['draft', 'onRequest', 'reclassified'])(
    'the %s document cannot be fetched by id',
    async (key) => {
      for (const query of [{}, { status: 'draft' }]) {
        const res = await app.http().get(`/api/policy-documents/${ids[key]}`).query(query);
        expect(res.status).toBe(404);
      }
    }
  );

  test('unknown query parameters and filters on private fields are refused', async () => {
    expect((await app.http().get('/api/policy-documents').query({ debug: 'true' })).status).toBe(
      400
    );
    const oracle = await app
      .http()
      .get('/api/policy-documents')
      .query({ 'filters[createdBy][password][$startsWith]': '$2' });
    expect(oracle.status).toBe(400);
    expect(JSON.stringify(oracle.body)).not.toMatch(/已发布的主动公开文件/);
  });

  test('filtering on the disclosure attribute reveals nothing', async () => {
    for (const attribute of ['on-request', 'not-disclosed']) {
      const res = await app
        .http()
        .get('/api/policy-documents')
        .query({ 'filters[disclosureAttribute][$eq]': attribute });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
  });

  test('a trusted API token still sees drafts when it asks', async () => {
    const res = await app
      .http()
      .get('/api/policy-documents')
      .query({ status: 'draft', 'pagination[pageSize]': 100 })
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(expect.arrayContaining(['尚未发布的草稿', '依申请公开的文件']));
  });
});

describe('consultation feedback is never public', () => {
  test('there is no content-API route for feedback', async () => {
    expect((await app.http().get('/api/consultation-feedbacks')).status).toBe(404);
    expect(
      (await app.http().get('/api/consultation-feedbacks').set('Authorization', `Bearer ${token}`))
        .status
    ).toBe(404);
  });

  test('no populate reaches the feedback or its submitter', async () => {
    const res = await app
      .http()
      .get(`/api/consultations/${ids.consultation}`)
      .query({ populate: '*' });
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/张三丰|zhangsanfeng|建议延长办理时限/);
  });

  test('submitter fields are private in the schema', async () => {
    const schema = app.strapi.getModel('api::consultation-feedback.consultation-feedback');
    expect((schema.attributes as any).submitterName.private).toBe(true);
    expect((schema.attributes as any).submitterContact.private).toBe(true);
  });
});

describe('the Public role may read and nothing else', () => {
  test('its permissions are exactly find and findOne on the catalogue types', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((p: any) => p.action).sort();
    const expected = PUBLIC_TYPES.flatMap((plural) => {
      const singular = plural.replace(/s$/, '').replace(/ies$/, 'y');
      return [`api::${singular}.${singular}.find`, `api::${singular}.${singular}.findOne`];
    }).sort();
    expect(actions).toEqual(expected);
  });

  test.each(PUBLIC_TYPES)('/api/%s: reads 200, writes 403', async (plural) => {
    expect((await app.http().get(`/api/${plural}`)).status).toBe(200);
    expect(
      (
        await app
          .http()
          .post(`/api/${plural}`)
          .send({ data: { title: 'x', name: 'x' } })
      ).status
    ).toBe(403);
  });

  test('a permission granted by mistake does not survive the next start', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await app.strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::policy-document.policy-document.create', role: role.id } });
    await app.strapi.plugin('disclosure').service('public-access').enforcePublicPermissions();
    const permissions = await app.strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { role: role.id, action: 'api::policy-document.policy-document.create' },
    });
    expect(permissions).toEqual([]);
  });
});
