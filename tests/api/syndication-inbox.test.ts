import { randomUUID } from 'crypto';
import { signedHeaders } from '../../src/plugins/disclosure/server/src/domain/webhook-signature';
import { setClock, startApp, type TestApp } from '../harness/strapi';

/** The receiving side (转载): messages signed as a source instance signs them, over real HTTP. */
const DOC = 'api::policy-document.policy-document';
const SOURCE = 'plugin::disclosure.syndication-source';
const RECORD = 'plugin::disclosure.syndication-record';
const INBOX = 'plugin::disclosure.inbox-message';
const PROVINCE_SECRET = 'whsec_cHJvdmluY2Utc2VjcmV0LWZvci1pbmJveA==';
const OLD_SECRET = 'whsec_b2xkLXByb3ZpbmNlLXNlY3JldA==';
const CITY_SECRET = 'whsec_Y2l0eS1zZWNyZXQtZm9yLWluYm94';
const NOW = '2026-05-11T02:00:00Z';
const nowSeconds = () => Math.floor(new Date(NOW).getTime() / 1000);

let app: TestApp;

const version = (overrides: Record<string, unknown> = {}) => ({
  locale: 'zh-Hans',
  title: '山东省人民政府关于加强政务公开的意见',
  documentNumber: '鲁政发〔2026〕3号',
  indexNumber: '370000000/2026-00003',
  category: 'decision',
  topic: null,
  genre: 'opinion',
  isNormative: true,
  validity: 'effective',
  writtenDate: '2026-05-08',
  issueDate: '2026-05-10',
  effectiveDate: null,
  expiryDate: null,
  summary: '意见全文',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '各市人民政府：' }] }],
  urgent: false,
  mustSyndicate: true,
  publishedAt: '2026-05-10T02:00:00.000Z',
  issuingOrganization: { code: '370000000', name: '山东省人民政府' },
  coIssuers: [],
  draftingDepartment: null,
  replacedBy: null,
  implements: [],
  attachments: [],
  ...overrides,
});

const message = (documentId: string, action: string, versionNumber: number, versions: unknown[] = [version()]) => ({
  documentId,
  contentType: DOC,
  action,
  version: versionNumber,
  occurredAt: '2026-05-11T01:59:00.000Z',
  source: { organization: { code: '370000000', name: '山东省人民政府' }, url: 'https://www.shandong.gov.cn' },
  versions,
});

const send = (body: string, secrets = [PROVINCE_SECRET], id = `msg_${randomUUID()}`, timestamp = nowSeconds()) =>
  app.http().post('/api/disclosure/inbox').set(signedHeaders(secrets, id, body, timestamp) as any).set('Content-Type', 'application/json').send(body);

const counts = async () => ({
  documents: await app.strapi.db.query(DOC).count(),
  records: await app.strapi.db.query(RECORD).count(),
  messages: await app.strapi.db.query(INBOX).count(),
});

beforeAll(async () => {
  app = await startApp();
  setClock(app, NOW);
  await app.strapi.db.query(SOURCE).create({
    data: { name: '山东省政府门户网站', organizationCode: '370000000', secrets: [PROVINCE_SECRET, OLD_SECRET], policy: 'publish', active: true },
  });
  await app.strapi.db.query(SOURCE).create({
    data: { name: '济南市政府门户网站', organizationCode: '370100000', secrets: [CITY_SECRET], policy: 'hold', active: true },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('POST /api/disclosure/inbox', () => {
  test('a publication is reprinted at once, naming its source, and the receipt says where', async () => {
    const response = await send(JSON.stringify(message('src-doc-1', 'publish', 1)));
    expect(response.status).toBe(200);
    const receipt = response.body.data;
    expect(receipt).toMatchObject({ status: 'published', version: 1 });
    expect(receipt.url).toContain(`/api/policy-documents/${receipt.documentId}`);

    const copy: any = await app.strapi.documents(DOC).findOne({ documentId: receipt.documentId, status: 'published', populate: ['issuingOrganization'] });
    expect(copy).toMatchObject({ title: '山东省人民政府关于加强政务公开的意见', documentNumber: '鲁政发〔2026〕3号', isNormative: true });
    expect(copy.issuingOrganization.code).toBe('370000000');
    const traditional: any = await app.strapi.documents(DOC).findOne({ documentId: receipt.documentId, status: 'published', locale: 'zh-Hant' });
    expect(traditional.title).toBe('山東省人民政府關於加強政務公開的意見');
    const record = await app.strapi.db.query(RECORD).findOne({ where: { sourceDocumentId: 'src-doc-1' } });
    expect(record).toMatchObject({ version: 1, state: 'published', localDocumentId: receipt.documentId, sourceUrl: 'https://www.shandong.gov.cn', sourceOrganizationCode: '370000000' });
    // Public readers see the reprint.
    expect((await app.http().get(`/api/policy-documents/${receipt.documentId}`)).status).toBe(200);
  });

  test('the same message three times: one copy, the same receipt', async () => {
    const body = JSON.stringify(message('src-doc-2', 'publish', 1, [version({ title: '重复投递的文件', documentNumber: '鲁政发〔2026〕4号', indexNumber: '370000000/2026-00004' })]));
    const id = `msg_${randomUUID()}`;
    const receipts = [];
    for (let i = 0; i < 3; i += 1) receipts.push(await send(body, [PROVINCE_SECRET], id));
    expect(receipts.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(receipts.map((response) => response.body.meta.duplicate)).toEqual([false, true, true]);
    expect(new Set(receipts.map((response) => response.body.data.documentId)).size).toBe(1);
    expect(await app.strapi.db.query(RECORD).count({ where: { sourceDocumentId: 'src-doc-2' } })).toBe(1);
  });

  test('an update replaces the copy; an older version arriving late is ignored; a withdrawal follows', async () => {
    const first = await send(JSON.stringify(message('src-doc-3', 'publish', 1, [version({ title: '原标题', documentNumber: '鲁政发〔2026〕5号', indexNumber: '370000000/2026-00005' })])));
    const local = first.body.data.documentId;
    const updated = await send(JSON.stringify(message('src-doc-3', 'update', 3, [version({ title: '更正后的标题', documentNumber: '鲁政发〔2026〕5号', indexNumber: '370000000/2026-00005' })])), [OLD_SECRET]);
    expect(updated.body.data).toMatchObject({ documentId: local, status: 'published', version: 3 });
    const late = await send(JSON.stringify(message('src-doc-3', 'update', 2, [version({ title: '过时的标题', documentNumber: '鲁政发〔2026〕5号', indexNumber: '370000000/2026-00005' })])));
    expect(late.body.data).toMatchObject({ status: 'ignored', reason: 'older-version', version: 3 });
    expect(((await app.strapi.documents(DOC).findOne({ documentId: local, status: 'published' })) as any).title).toBe('更正后的标题');

    const withdrawn = await send(JSON.stringify(message('src-doc-3', 'unpublish', 4, [])));
    expect(withdrawn.body.data).toMatchObject({ status: 'withdrawn', version: 4 });
    expect(await app.strapi.documents(DOC).findOne({ documentId: local, status: 'published' })).toBeNull();
    expect((await app.http().get(`/api/policy-documents/${local}`)).status).toBe(404);
  });

  test('a re-send of the version held is applied only if the copy has gone missing here', async () => {
    const body = JSON.stringify(message('src-doc-4', 'publish', 1, [version({ title: '需要重发的文件', documentNumber: '鲁政发〔2026〕6号', indexNumber: '370000000/2026-00006' })]));
    const first = (await send(body)).body.data;
    expect((await send(body)).body.data).toMatchObject({ status: 'ignored', documentId: first.documentId });
    await app.strapi.documents(DOC).delete({ documentId: first.documentId });
    const again = (await send(body)).body.data;
    expect(again).toMatchObject({ status: 'published', version: 1 });
    expect(again.documentId).not.toBe(first.documentId);
    expect(await app.strapi.documents(DOC).findOne({ documentId: again.documentId, status: 'published' })).not.toBeNull();
  });

  test("a source whose policy is to hold: the copy waits as a draft for an editor (转载审核)", async () => {
    const response = await send(
      JSON.stringify({ ...message('city-doc-1', 'publish', 1, [version({ title: '济南市转发的通知', documentNumber: '济政发〔2026〕1号', indexNumber: '370100000/2026-00001', issuingOrganization: { code: '370100000', name: '济南市人民政府' } })]) }),
      [CITY_SECRET]
    );
    expect(response.body.data).toMatchObject({ status: 'held' });
    const local = response.body.data.documentId;
    expect(await app.strapi.documents(DOC).findOne({ documentId: local, status: 'draft' })).not.toBeNull();
    expect(await app.strapi.documents(DOC).findOne({ documentId: local, status: 'published' })).toBeNull();
  });

  test.each([
    ['a bad signature', (body: string) => send(body, ['whsec_bm90LXRoZS1yaWdodC1zZWNyZXQ=']), 'unknown-source'],
    ['a flipped body byte', async (body: string) => {
      const id = `msg_${randomUUID()}`;
      const headers = signedHeaders([PROVINCE_SECRET], id, body, nowSeconds());
      return app.http().post('/api/disclosure/inbox').set(headers as any).set('Content-Type', 'application/json').send(body.replace('被篡改', '被篡政'));
    }, 'unknown-source'],
    ['an old timestamp', (body: string) => send(body, [PROVINCE_SECRET], `msg_${randomUUID()}`, nowSeconds() - 301), 'timestamp-too-old'],
    ['no signature at all', (body: string) => app.http().post('/api/disclosure/inbox').set('Content-Type', 'application/json').send(body), 'missing-headers'],
  ])('%s: 401 with the reason, nothing stored', async (_what, deliver, reason) => {
    const before = await counts();
    const body = JSON.stringify(message('src-doc-attack', 'publish', 1, [version({ title: '被篡改的文件', documentNumber: '鲁政发〔2026〕9号', indexNumber: '370000000/2026-00009' })]));
    const response = await deliver(body);
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/^转载消息验证失败：/);
    expect(response.body.error.details.reason).toBe(reason);
    expect(await counts()).toEqual(before);
  });

  test.each([
    ['not JSON', 'not json at all'],
    ['no documentId', JSON.stringify({ ...message('x', 'publish', 1), documentId: undefined })],
    ['an unknown action', JSON.stringify(message('src-doc-bad', 'explode', 1))],
    ['a version of zero', JSON.stringify(message('src-doc-bad', 'publish', 0))],
    ['a publication without a zh-Hans title', JSON.stringify(message('src-doc-bad', 'publish', 1, [version({ locale: 'zh-Hant' })]))],
  ])('a signed body with %s: 400 with the reason, nothing stored', async (_what, body) => {
    const before = await counts();
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^(转载消息无效：|请求内容不是有效的 JSON)/);
    expect(await counts()).toEqual(before);
  });
});
