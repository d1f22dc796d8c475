import { approvedReview } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

/**
 * The attack suite for public reads: every public list and item route, under every query trick known
 * to have leaked drafts or private fields from Strapi (status=draft, filters and sorts on private
 * fields, populate through relations, deep populate, fields selection, locale tricks, unknown
 * parameters, huge pages). Every private item carries a marker; no response may contain one, nor a
 * private key, nor be a 500.
 */
const DOC = 'api::policy-document.policy-document';
const INTERPRETATION = 'api::interpretation.interpretation';
const CONSULTATION = 'api::consultation.consultation';
const PRESS = 'api::press-release.press-release';
const ORG = 'api::organization.organization';
const CONCERN = 'api::public-concern.public-concern';

const MARKER = 'LEAKMARK';
const SUBMITTER_CONTACT = '13800138000';
const PRIVATE_KEYS = new Set(['issuerDocumentNumber', 'password', 'resetPasswordToken', 'registrationToken', 'submitterName', 'submitterContact', 'internalNotes', 'createdBy', 'updatedBy']);

const ROUTES: Record<string, string> = {
  [ORG]: 'organizations',
  [DOC]: 'policy-documents',
  [INTERPRETATION]: 'interpretations',
  [CONSULTATION]: 'consultations',
  [PRESS]: 'press-releases',
  [CONCERN]: 'public-concerns',
};

/** Query strings tried against every list route (and, where they apply, every item route). */
const ATTACKS: string[] = [
  '',
  'status=draft',
  'status=draft&locale=zh-Hant',
  'status=draft&hasPublishedVersion=false',
  'locale=all',
  'locale=*',
  'locale[$ne]=x',
  'locale=zh-Hant',
  `filters[title][$contains]=${MARKER}`,
  `filters[$or][0][title][$contains]=${MARKER}&filters[$or][1][title][$null]=false`,
  'filters[disclosureAttribute][$ne]=proactive',
  'filters[nonDisclosureReason][$notNull]=true',
  'filters[confidentialityReview][conclusion][$eq]=approved',
  'filters[publishedAt][$null]=true',
  'filters[createdBy][password][$startsWith]=$2',
  'filters[createdBy][email][$contains]=@',
  'filters[sourceDocument][disclosureAttribute][$eq]=on-request',
  'filters[interpretations][title][$contains]=LEAK',
  'sort=nonDisclosureReason',
  'sort=createdBy.email',
  'populate=*',
  'populate[0]=createdBy',
  'populate[createdBy]=true',
  'populate[updatedBy][populate]=*',
  'populate[interpretations]=true',
  'populate[interpretations][filters][publishedAt][$null]=true',
  'populate[sourceDocument][populate]=*',
  'populate[relatedDocument][populate][interpretations]=true',
  'populate[replacedBy][populate][replacedBy][populate][replacedBy][populate]=*',
  'populate[issuingOrganization][populate][children][populate][parent][populate][children][populate]=*',
  'populate[localizations]=true',
  'fields[0]=nonDisclosureReason&fields[1]=nonDisclosureExplanation',
  'fields[0]=title&fields[1]=createdBy',
  'lookup[title]=x',
  'unknown=1',
  'pagination[limit]=100000',
  'pagination[pageSize]=100000',
  'pagination[start]=-1&pagination[limit]=-1',
  'publicationState=preview',
  '_q=LEAK',
];

let app: TestApp;
const privateItems: Array<{ uid: string; documentId: string }> = [];
const tally = { requests: 0, leaks: [] as string[], serverErrors: [] as string[] };

/** Every key in a JSON body, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

async function probe(path: string, token?: string) {
  const request = app.http().get(path);
  const response = await (token ? request.set('Authorization', `Bearer ${token}`) : request);
  tally.requests += 1;
  if (response.status >= 500) tally.serverErrors.push(`${response.status} ${path}`);
  const text = JSON.stringify(response.body ?? '');
  if (text.includes(MARKER) || text.includes(SUBMITTER_CONTACT)) tally.leaks.push(`marker in ${path}`);
  if (response.status < 400) {
    const leakedKeys = [...keysOf(response.body?.data)].filter((key) => PRIVATE_KEYS.has(key));
    if (leakedKeys.length) tally.leaks.push(`${leakedKeys.join(',')} in ${path}`);
  }
  return response;
}

beforeAll(async () => {
  app = await startApp();
  const s = app.strapi;
  const office = await s.documents(ORG).create({
    data: { name: '济南市人民政府办公厅', code: '370100001', level: 'department', regionCode: '370100' } as any,
  });
  const base = { issuingOrganization: office.documentId, category: 'decision', issueDate: '2026-03-10', confidentialityReview: approvedReview };
  const create = async (uid: string, data: Record<string, unknown>, published: boolean) => {
    const created = await s.documents(uid as any).create({ data: data as any, ...(published ? { status: 'published' } : {}) });
    if (!published) privateItems.push({ uid, documentId: created.documentId });
    return created.documentId;
  };

  const publicDocument = await create(DOC, { ...base, title: '已发布的主动公开文件' }, true);
  await create(DOC, { ...base, title: `${MARKER} 草稿文件` }, false);
  await create(
    DOC,
    { ...base, title: `${MARKER} 依申请公开`, disclosureAttribute: 'on-request', nonDisclosureReason: 'process-information', nonDisclosureExplanation: `${MARKER} 过程性信息` },
    false
  );
  await create(
    DOC,
    { ...base, title: `${MARKER} 不予公开`, disclosureAttribute: 'not-disclosed', nonDisclosureReason: 'state-secret', nonDisclosureExplanation: `${MARKER} 涉密` },
    false
  );
  // A published document whose newer draft is not yet public.
  await s.documents(DOC).update({ documentId: publicDocument, data: { summary: `${MARKER} 未发布的修改` } as any });

  await create(INTERPRETATION, { title: '已发布的解读', sourceDocument: publicDocument, form: 'text', confidentialityReview: approvedReview }, true);
  await create(INTERPRETATION, { title: `${MARKER} 草稿解读`, sourceDocument: publicDocument, form: 'text' }, false);

  const consultation = await create(
    CONSULTATION,
    { title: '公开征求意见', organization: office.documentId, startDate: '2026-03-01', endDate: '2026-03-31', relatedDocument: publicDocument, confidentialityReview: approvedReview },
    true
  );
  await create(CONSULTATION, { title: `${MARKER} 草稿征求意见`, organization: office.documentId, startDate: '2026-04-01', endDate: '2026-04-30' }, false);
  await s.documents('api::consultation-feedback.consultation-feedback').create({
    data: { consultation, content: `${MARKER} 意见内容`, submitterName: `${MARKER} 张三`, submitterContact: SUBMITTER_CONTACT } as any,
  });

  await create(PRESS, { title: '已发布的新闻稿', kind: 'press-release', organization: office.documentId, heldAt: '2026-03-09T01:00:00Z', confidentialityReview: approvedReview }, true);
  await create(PRESS, { title: `${MARKER} 草稿新闻稿`, kind: 'press-release', organization: office.documentId, heldAt: '2026-03-09T01:00:00Z' }, false);

  await create(CONCERN, { topic: '已回应的舆情', detectedAt: '2026-03-09T01:00:00Z', organization: office.documentId, internalNotes: `${MARKER} 内部研判`, documents: [publicDocument] }, true);
  await create(CONCERN, { topic: `${MARKER} 核实中的舆情`, detectedAt: '2026-03-09T01:00:00Z', organization: office.documentId }, false);

  // An admin author on every row: populating createdBy must never reach a password hash.
  const admin = await s.service('admin::user').create({
    email: `${MARKER.toLowerCase()}-author@example.gov.cn`,
    firstname: MARKER,
    password: 'Author-2026-pass',
    isActive: true,
  });
  for (const uid of Object.keys(ROUTES)) {
    await s.db.query(uid as any).updateMany({ where: {}, data: { createdBy: admin.id, updatedBy: admin.id } });
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('public reads under attack', () => {
  test.each(Object.entries(ROUTES))('%s: every attack on the list route', async (_uid, route) => {
    for (const attack of ATTACKS) await probe(`/api/${route}${attack ? `?${attack}` : ''}`);
    // The published item is there: the attacks were aimed at a live route.
    expect((await probe(`/api/${route}`)).body.data.length).toBeGreaterThan(0);
  });

  test('a read-only API token sees what the public sees, under every attack', async () => {
    const { accessKey } = await app.strapi.service('admin::api-token').create({ name: 'municipal-site', type: 'read-only', lifespan: null });
    for (const route of Object.values(ROUTES)) {
      for (const attack of ATTACKS) await probe(`/api/${route}${attack ? `?${attack}` : ''}`, accessKey);
    }
    for (const { uid, documentId } of privateItems) {
      expect([400, 404]).toContain((await probe(`/api/${ROUTES[uid]}/${documentId}?status=draft`, accessKey)).status);
    }
  });

  test('every private item, by its id, under every attack', async () => {
    for (const { uid, documentId } of privateItems) {
      for (const attack of ATTACKS) {
        const response = await probe(`/api/${ROUTES[uid]}/${documentId}${attack ? `?${attack}` : ''}`);
        expect([400, 404]).toContain(response.status);
      }
    }
  });

  test('control: a full-access token asking for drafts does see the markers, so the probe can see a leak', async () => {
    const token = await createFullAccessToken(app.strapi);
    const response = await app.http().get('/api/policy-documents?status=draft').set('Authorization', `Bearer ${token}`);
    expect(JSON.stringify(response.body)).toContain(MARKER);
  });

  test('populate is bounded to 3 levels for the public, with the limit in the message', async () => {
    const within = await probe('/api/policy-documents?populate[interpretations][populate][sourceDocument][populate]=*');
    expect(within.status).toBe(200);
    const deep = await probe('/api/policy-documents?populate[interpretations][populate][sourceDocument][populate][interpretations][populate]=*');
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toMatch(/^关联展开层级过深：公开接口最多展开 3 层/);
  });

  test('no feedback route exists, whatever the path', async () => {
    for (const path of ['/api/consultation-feedbacks', '/api/consultation-feedback', '/api/consultations/feedbacks']) {
      expect([403, 404]).toContain((await probe(path)).status);
    }
  });

  test('summary: no leak, no 500', () => {
    const routes = Object.keys(ROUTES).length * 2;
    // (list and item routes; each attack also tried with a read-only API token)
    console.log(
      `security: ${routes} routes × ${ATTACKS.length} attacks tried (${tally.requests} requests), leaks ${tally.leaks.length}, 500s ${tally.serverErrors.length}`
    );
    expect(tally.leaks).toEqual([]);
    expect(tally.serverErrors).toEqual([]);
  });
});
