import { policyDocumentData } from '../harness/fixtures';
import { setClock, startApp, type TestApp } from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';
const DEADLINE = 'plugin::disclosure.deadline';

let app: TestApp;
let office: string;

const docs = () => app.strapi.documents(DOC);
const deadlinesOf = (documentId: string) =>
  app.strapi.db
    .query(DEADLINE)
    .findMany({ where: { itemDocumentId: documentId }, populate: ['organization'] });
const deadlineOf = async (documentId: string) => {
  const records = await deadlinesOf(documentId);
  expect(records).toHaveLength(1);
  return records[0];
};
const newDocument = (overrides: Record<string, unknown> = {}) =>
  docs().create({ data: policyDocumentData(office, overrides) as any });

beforeAll(async () => {
  app = await startApp();
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '平阴县人民政府办公室',
        code: '370124001',
        level: 'department',
        regionCode: '370124',
      } as any,
    })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('same-day publication of issued documents', () => {
  test('a draft issued today is pending, due at midnight Beijing time, and at risk', async () => {
    setClock(app, '2026-03-10T02:00:00Z');
    const doc = await newDocument();
    const record = await deadlineOf(doc.documentId);
    expect(record).toMatchObject({
      rule: 'document-same-day',
      status: 'pending',
      atRisk: true,
      dueDate: '2026-03-10',
      calendarComplete: true,
      metAt: null,
    });
    expect(new Date(record.dueAt).toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(record.organization.documentId).toBe(office);
  });

  test('published at 00:10 the next morning (16:10 UTC): late by one working day', async () => {
    setClock(app, '2026-03-10T02:00:00Z');
    const doc = await newDocument();
    setClock(app, '2026-03-10T16:10:00Z');
    await docs().publish({ documentId: doc.documentId });
    expect(await deadlineOf(doc.documentId)).toMatchObject({
      status: 'late',
      lateness: 1,
      latenessUnit: 'working-days',
    });
  });

  test('published before midnight: met, and a later republish does not move it', async () => {
    setClock(app, '2026-03-10T02:00:00Z');
    const doc = await newDocument();
    setClock(app, '2026-03-10T15:59:00Z');
    await docs().publish({ documentId: doc.documentId });
    const met = await deadlineOf(doc.documentId);
    expect(met).toMatchObject({ status: 'met', lateness: 0 });

    setClock(app, '2026-03-20T02:00:00Z');
    await docs().update({ documentId: doc.documentId, data: { summary: '更正' } as any });
    await docs().publish({ documentId: doc.documentId });
    expect(await deadlineOf(doc.documentId)).toMatchObject({ status: 'met', metAt: met.metAt });
  });

  test('editing the issue date recomputes the deadline', async () => {
    setClock(app, '2026-03-10T02:00:00Z');
    const doc = await newDocument();
    await docs().update({ documentId: doc.documentId, data: { issueDate: '2026-03-12' } as any });
    const record = await deadlineOf(doc.documentId);
    expect(record.dueDate).toBe('2026-03-12');
    expect(record.atRisk).toBe(false);
  });

  test('an item not proactively disclosed has no deadline until it becomes proactive', async () => {
    setClock(app, '2026-03-10T02:00:00Z');
    const doc = await newDocument({
      disclosureAttribute: 'on-request',
      nonDisclosureReason: 'process-information',
      nonDisclosureExplanation: '过程性信息',
    });
    expect(await deadlinesOf(doc.documentId)).toEqual([]);
    await docs().update({
      documentId: doc.documentId,
      data: { disclosureAttribute: 'proactive' } as any,
    });
    expect((await deadlinesOf(doc.documentId)).map((r: any) => r.rule)).toEqual([
      'document-same-day',
    ]);
  });

  test('deleting the item removes its records', async () => {
    const doc = await newDocument();
    await docs().delete({ documentId: doc.documentId });
    expect(await deadlinesOf(doc.documentId)).toEqual([]);
  });
});

describe('other rules', () => {
  test('licensing and penalty decisions: 7 working days, across National Day', async () => {
    setClock(app, '2026-09-29T02:00:00Z');
    const doc = await newDocument({ category: 'result', issueDate: '2026-09-29' });
    expect(await deadlineOf(doc.documentId)).toMatchObject({
      rule: 'result-7-working-days',
      dueDate: '2026-10-14',
      status: 'pending',
    });
  });

  test('press releases: 5 working days, urgent ones the same day', async () => {
    setClock(app, '2026-03-09T02:00:00Z');
    const press = app.strapi.documents('api::press-release.press-release');
    const normal = await press.create({
      data: {
        title: '新闻稿',
        kind: 'press-release',
        organization: office,
        heldAt: '2026-03-09T01:00:00.000Z',
      } as any,
    });
    const urgent = await press.create({
      data: {
        title: '紧急新闻稿',
        kind: 'press-release',
        organization: office,
        heldAt: '2026-03-09T01:00:00.000Z',
        urgent: true,
      } as any,
    });
    expect((await deadlineOf(normal.documentId)).dueDate).toBe('2026-03-16');
    expect((await deadlineOf(urgent.documentId)).dueDate).toBe('2026-03-09');
  });

  test('consultation results: due one month after the end, met when the result is published', async () => {
    setClock(app, '2026-04-01T02:00:00Z');
    const consultations = app.strapi.documents('api::consultation.consultation');
    const consultation = await consultations.create({
      data: {
        title: '征求意见',
        organization: office,
        startDate: '2026-04-01',
        endDate: '2026-04-30',
      } as any,
    });
    expect(await deadlineOf(consultation.documentId)).toMatchObject({
      rule: 'consultation-result-1-month',
      dueDate: '2026-05-30',
      status: 'pending',
    });

    await consultations.update({
      documentId: consultation.documentId,
      data: {
        result: {
          receivedCount: 2,
          adoptedCount: 1,
          resultPublishedAt: '2026-06-03T02:00:00.000Z',
        },
      } as any,
    });
    expect(await deadlineOf(consultation.documentId)).toMatchObject({
      status: 'late',
      lateness: 3,
    });
  });
});

describe('the sweep (every 10 minutes)', () => {
  test('moves pending items to at risk, then overdue, with the clock it is given', async () => {
    setClock(app, '2026-03-02T02:00:00Z');
    const doc = await newDocument({ category: 'result', issueDate: '2026-03-02' }); // due end of 11 March
    const service = app.strapi.plugin('disclosure').service('deadlines');
    expect(await deadlineOf(doc.documentId)).toMatchObject({
      status: 'pending',
      atRisk: false,
      dueDate: '2026-03-11',
    });

    await service.sweep(new Date('2026-03-11T01:00:00Z'));
    expect(await deadlineOf(doc.documentId)).toMatchObject({ status: 'pending', atRisk: true });

    const result = await service.sweep(new Date('2026-03-13T01:00:00Z'));
    expect(result.updated).toBeGreaterThanOrEqual(1);
    expect(await deadlineOf(doc.documentId)).toMatchObject({ status: 'overdue', lateness: 2 });
  });

  test('autoPublishAtDeadline publishes what passed the gate, and leaves the rest to an editor', async () => {
    setClock(app, '2026-05-11T02:00:00Z');
    const ready = await newDocument({ issueDate: '2026-05-11' });
    const unreviewed = await newDocument({ issueDate: '2026-05-11', confidentialityReview: null });
    app.strapi.config.set('plugin::disclosure.autoPublishAtDeadline', ['370124001']);
    try {
      setClock(app, '2026-05-11T15:55:00Z');
      const result = await app.strapi
        .plugin('disclosure')
        .service('deadlines')
        .sweep(new Date('2026-05-11T15:55:00Z'));
      expect(result.published).toContain(ready.documentId);
      expect(result.published).not.toContain(unreviewed.documentId);
    } finally {
      app.strapi.config.set('plugin::disclosure.autoPublishAtDeadline', false);
    }
    expect(await deadlineOf(ready.documentId)).toMatchObject({ status: 'met' });
    expect(
      await docs().findOne({ documentId: unreviewed.documentId, status: 'published' })
    ).toBeNull();
    const refusals = await app.strapi.db
      .query('plugin::disclosure.ledger-entry')
      .findMany({ where: { itemDocumentId: unreviewed.documentId, outcome: 'refused' } });
    expect(refusals).toHaveLength(1);
  });
});

describe('rules as configuration', () => {
  test('a rule naming a field the content type lacks stops the boot', () => {
    const key = 'plugin::disclosure.deadlineRules';
    app.strapi.config.set(key, [
      {
        id: 'x',
        label: 'x',
        contentType: DOC,
        startField: 'signedDate',
        metBy: 'published',
        length: { unit: 'same-day' },
        source: 'test',
      },
    ]);
    try {
      expect(() => app.strapi.plugin('disclosure').service('deadlines').assertRulesFit()).toThrow(
        /has no field signedDate/
      );
    } finally {
      app.strapi.config.set(key, undefined);
    }
  });
});

describe('archive', () => {
  test('items whose clock started before deadlineTrackingStartsOn are catalogued but not tracked', async () => {
    const key = 'plugin::disclosure.deadlineTrackingStartsOn';
    app.strapi.config.set(key, '2025-01-01');
    try {
      const archived = await newDocument({ issueDate: '2014-02-20' });
      const current = await newDocument({ issueDate: '2025-01-01' });
      expect(await deadlinesOf(archived.documentId)).toEqual([]);
      expect((await deadlinesOf(current.documentId)).map((r: any) => r.rule)).toEqual([
        'document-same-day',
      ]);
    } finally {
      app.strapi.config.set(key, null);
    }
  });
});
