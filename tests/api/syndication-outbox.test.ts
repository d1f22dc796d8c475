import { policyDocumentData } from '../harness/fixtures';
import { startApp, type TestApp } from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';
const EVENT = 'plugin::disclosure.syndication-event';
const DELIVERY = 'plugin::disclosure.syndication-delivery';
const SUBSCRIBER = 'plugin::disclosure.subscriber';

let app: TestApp;
let office: string;
const subscribers: Record<string, number> = {};

const docs = () => app.strapi.documents(DOC);
const eventsOf = (documentId: string) =>
  app.strapi.db
    .query(EVENT)
    .findMany({ where: { itemDocumentId: documentId }, orderBy: { version: 'asc' } });
const recipientsOf = async (event: any) =>
  (
    await app.strapi.db
      .query(DELIVERY)
      .findMany({ where: { event: event.id }, populate: ['subscriber'] })
  )
    .map((delivery: any) => delivery.subscriber.name)
    .sort();

beforeAll(async () => {
  app = await startApp({ env: { PUBLIC_URL: 'https://www.shandong.gov.cn' } });
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '山东省人民政府办公厅',
        code: '370000001',
        level: 'department',
        regionCode: '370000',
      } as any,
    })
  ).documentId;
  const add = async (name: string, data: Record<string, unknown>) => {
    subscribers[name] = (
      await app.strapi.db.query(SUBSCRIBER).create({
        data: {
          name,
          endpointUrl: `http://127.0.0.1:9/${name}`,
          secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
          ...data,
        },
      })
    ).id;
  };
  await add('county-a', { scope: 'must-syndicate', active: true });
  await add('county-b', { scope: 'categories', categories: ['decision'], active: true });
  await add('county-c', { scope: 'must-syndicate', active: false });
  await add('county-d', { scope: 'categories', categories: ['service'], active: true });
});

afterAll(async () => {
  await app?.stop();
});

describe('syndication outbox (转载发件箱)', () => {
  test('publishing writes one event with both locales, and a delivery for each subscriber that wants it', async () => {
    const doc = await docs().create({
      data: policyDocumentData(office, {
        title: '关于进一步做好政务公开工作的通知',
        mustSyndicate: true,
      }) as any,
      status: 'published',
    });
    const [event] = await eventsOf(doc.documentId);
    expect(event).toMatchObject({ action: 'publish', version: 1, contentType: DOC });
    expect(event.messageId).toMatch(/^msg_/);
    const payload = event.payload;
    expect(payload.versions.map((version: any) => [version.locale, version.title])).toEqual([
      ['zh-Hans', '关于进一步做好政务公开工作的通知'],
      ['zh-Hant', '關於進一步做好政務公開工作的通知'],
    ]);
    expect(payload.versions[0].issuingOrganization).toEqual({
      code: '370000001',
      name: '山东省人民政府办公厅',
    });
    expect(payload.versions[0].indexNumber).toBe(doc.indexNumber);
    expect(payload.source.organization.code).toBe('370000001');
    // Absolute, from PUBLIC_URL: the receiver links its copy to the original.
    expect(payload.source.url).toBe('https://www.shandong.gov.cn');
    expect(payload.source.documentUrl).toBe(
      `https://www.shandong.gov.cn/api/policy-documents/${doc.documentId}`
    );
    // Mandatory reprint: every active subscriber; the inactive one is left out.
    expect(await recipientsOf(event)).toEqual(['county-a', 'county-b', 'county-d']);
  });

  test('scope by category; a change republished is an update; a withdrawal follows to those who had it', async () => {
    const doc = await docs().create({
      data: policyDocumentData(office, { category: 'decision' }) as any,
      status: 'published',
    });
    await docs().update({
      documentId: doc.documentId,
      data: { summary: '修订摘要' } as any,
      status: 'published',
    });
    await docs().update({ documentId: doc.documentId, data: { summary: '草稿中的修改' } as any }); // a draft: no event
    await docs().unpublish({ documentId: doc.documentId });
    const events = await eventsOf(doc.documentId);
    expect(events.map((event: any) => [event.action, event.version])).toEqual([
      ['publish', 1],
      ['update', 2],
      ['unpublish', 3],
    ]);
    for (const event of events) expect(await recipientsOf(event)).toEqual(['county-b']);
    expect(events[2].payload.versions).toEqual([]);
    await docs().publish({ documentId: doc.documentId });
    expect((await eventsOf(doc.documentId)).map((event: any) => event.action)).toEqual([
      'publish',
      'update',
      'unpublish',
      'publish',
    ]);
  });

  test('drafts and refused publications write nothing', async () => {
    const before = await app.strapi.db.query(EVENT).count();
    const draft = await docs().create({
      data: policyDocumentData(office, { mustSyndicate: true }) as any,
    });
    await expect(
      docs().create({
        data: policyDocumentData(office, {
          mustSyndicate: true,
          confidentialityReview: null,
        }) as any,
        status: 'published',
      })
    ).rejects.toThrow();
    await expect(
      docs().publish({
        documentId: (
          await docs().create({
            data: policyDocumentData(office, {
              mustSyndicate: true,
              confidentialityReview: null,
            }) as any,
          })
        ).documentId,
      })
    ).rejects.toThrow();
    expect(await eventsOf(draft.documentId)).toEqual([]);
    expect(await app.strapi.db.query(EVENT).count()).toBe(before);
  });

  test('a change is never without its event: when the event cannot be written, the publication is undone', async () => {
    const draft = await docs().create({
      data: policyDocumentData(office, { mustSyndicate: true }) as any,
    });
    const syndication = app.strapi.plugin('disclosure').service('syndication');
    const recordChange = syndication.recordChange;
    syndication.recordChange = async () => {
      throw new Error('outbox unavailable');
    };
    try {
      await expect(docs().publish({ documentId: draft.documentId })).rejects.toThrow(
        'outbox unavailable'
      );
    } finally {
      syndication.recordChange = recordChange;
    }
    expect(await docs().findOne({ documentId: draft.documentId, status: 'published' })).toBeNull();
    expect(
      await docs().findOne({ documentId: draft.documentId, status: 'published', locale: 'zh-Hant' })
    ).toBeNull();
    expect(await eventsOf(draft.documentId)).toEqual([]);
  });

  test('deleting a document that subscribers had sends them a delete', async () => {
    const doc = await docs().create({
      data: policyDocumentData(office, { mustSyndicate: true }) as any,
      status: 'published',
    });
    await docs().delete({ documentId: doc.documentId });
    const events = await eventsOf(doc.documentId);
    expect(events.map((event: any) => event.action)).toEqual(['publish', 'delete']);
    expect(await recipientsOf(events[1])).toEqual(['county-a', 'county-b', 'county-d']);
  });
});
