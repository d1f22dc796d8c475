import { setClock, startApp, type TestApp } from '../harness/strapi';

/** Public concerns (政务舆情回应): their deadlines in hours, and only the response side public. */
const CONCERN = 'api::public-concern.public-concern';
const DEADLINE = 'plugin::disclosure.deadline';

let app: TestApp;
let office: string;

const concerns = () => app.strapi.documents(CONCERN);
const deadlinesOf = async (documentId: string) =>
  Object.fromEntries(
    (await app.strapi.db.query(DEADLINE).findMany({ where: { itemDocumentId: documentId } })).map(
      (record: any) => [
        record.rule,
        {
          status: record.status,
          dueAt: new Date(record.dueAt).toISOString(),
          lateness: record.lateness,
          latenessUnit: record.latenessUnit,
        },
      ]
    )
  );
const raise = (data: Record<string, unknown>) =>
  concerns().create({
    data: {
      topic: '网传某小区供水水质异常',
      organization: office,
      internalNotes: '来源：12345热线，联系人王某 13900000000',
      ...data,
    } as any,
  });

beforeAll(async () => {
  app = await startApp();
  setClock(app, '2026-07-01T00:00:00Z');
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '济南市水务局',
        code: '370100050',
        level: 'department',
        regionCode: '370100',
      } as any,
    })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

test('a general concern is answered within 48 hours: met at 47; at 49½, late by 2 started hours', async () => {
  const onTime = await raise({ detectedAt: '2026-07-01T00:00:00.000Z' });
  expect(await deadlinesOf(onTime.documentId)).toEqual({
    'concern-response-48-hours': {
      status: 'pending',
      dueAt: '2026-07-03T00:00:00.000Z',
      lateness: null,
      latenessUnit: 'hours',
    },
  });
  setClock(app, '2026-07-02T23:00:00Z');
  await concerns().publish({ documentId: onTime.documentId });
  expect((await deadlinesOf(onTime.documentId))['concern-response-48-hours'].status).toBe('met');

  setClock(app, '2026-07-01T00:00:00Z');
  const slow = await raise({ topic: '网传地铁站积水', detectedAt: '2026-07-01T00:00:00.000Z' });
  setClock(app, '2026-07-03T01:30:00Z');
  await concerns().publish({ documentId: slow.documentId });
  expect((await deadlinesOf(slow.documentId))['concern-response-48-hours']).toMatchObject({
    status: 'late',
    lateness: 2,
    latenessUnit: 'hours',
  });
});

test('a major emergency: authoritative information within 5 hours, a press conference within 24', async () => {
  setClock(app, '2026-07-10T00:00:00Z');
  const emergency = await raise({
    topic: '暴雨致城区内涝',
    severity: 'major-emergency',
    detectedAt: '2026-07-10T00:00:00.000Z',
  });
  expect(await deadlinesOf(emergency.documentId)).toMatchObject({
    'concern-emergency-information-5-hours': {
      status: 'pending',
      dueAt: '2026-07-10T05:00:00.000Z',
    },
    'concern-emergency-press-conference-24-hours': {
      status: 'pending',
      dueAt: '2026-07-11T00:00:00.000Z',
    },
  });

  setClock(app, '2026-07-10T04:00:00Z');
  await concerns().update({
    documentId: emergency.documentId,
    data: {
      response: [
        { type: 'paragraph', children: [{ type: 'text', text: '市防汛指挥部已启动应急响应。' }] },
      ],
    } as any,
    status: 'published',
  } as any);
  // The sweep, 25 hours on, finds no press conference held.
  await app.strapi
    .plugin('disclosure')
    .service('deadlines')
    .sweep(new Date('2026-07-11T01:00:00Z'));
  expect(await deadlinesOf(emergency.documentId)).toMatchObject({
    'concern-emergency-information-5-hours': { status: 'met' },
    'concern-emergency-press-conference-24-hours': { status: 'overdue' },
  });

  setClock(app, '2026-07-11T06:00:00Z');
  await concerns().update({
    documentId: emergency.documentId,
    data: { pressConferenceAt: '2026-07-11T06:00:00.000Z' } as any,
    status: 'published',
  } as any);
  expect(
    (await deadlinesOf(emergency.documentId))['concern-emergency-press-conference-24-hours']
  ).toMatchObject({ status: 'late', lateness: 6 });
});

test('only the published response side is public: never a draft, never the internal notes', async () => {
  setClock(app, '2026-07-20T00:00:00Z');
  const draft = await raise({ topic: '尚在核实的舆情', detectedAt: '2026-07-20T00:00:00.000Z' });
  expect((await app.http().get(`/api/public-concerns/${draft.documentId}`)).status).toBe(404);
  expect(
    (await app.http().get(`/api/public-concerns/${draft.documentId}`).query({ status: 'draft' }))
      .status
  ).toBe(404);

  const list = await app
    .http()
    .get('/api/public-concerns')
    .query({ populate: '*', locale: 'zh-Hans' });
  expect(list.status).toBe(200);
  expect(list.body.data.map((concern: any) => concern.topic).sort()).toEqual(
    ['暴雨致城区内涝', '网传地铁站积水', '网传某小区供水水质异常'].sort()
  );
  expect(JSON.stringify(list.body)).not.toMatch(/internalNotes|12345热线|13900000000|尚在核实/);
  const traditional = await app.http().get('/api/public-concerns').query({ locale: 'zh-Hant' });
  expect(traditional.body.data.map((concern: any) => concern.topic)).toContain('暴雨致城區內澇');
  expect(JSON.stringify(traditional.body)).not.toMatch(/12345熱線|13900000000/);
});
