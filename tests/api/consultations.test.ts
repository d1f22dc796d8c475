import { approvedReview } from '../harness/fixtures';
import { rateLimitOf, setClock, startApp, type TestApp } from '../harness/strapi';

/** Consultations (意见征集) as the public sees them, and the public's opinions, with a pinned clock. */
const CONSULTATION = 'api::consultation.consultation';
const FEEDBACK = 'api::consultation-feedback.consultation-feedback';

let app: TestApp;
let office: string;
let consultation: string;

const publish = async (data: Record<string, unknown>) =>
  (
    await app.strapi.documents(CONSULTATION).create({
      data: {
        title: '关于《济南市政务公开办法（征求意见稿）》公开征求意见的公告',
        organization: office,
        confidentialityReview: approvedReview,
        ...data,
      } as any,
      status: 'published',
    })
  ).documentId;

const statusOf = async (documentId: string) =>
  (await app.http().get(`/api/consultations/${documentId}`)).body.data?.status;
const submit = (documentId: string, data: Record<string, unknown>) =>
  app.http().post(`/api/consultations/${documentId}/feedback`).send({ data });

beforeAll(async () => {
  app = await startApp();
  setClock(app, '2026-05-01T02:00:00Z');
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '济南市人民政府办公厅',
        code: '370100001',
        level: 'department',
        regionCode: '370100',
      } as any,
    })
  ).documentId;
  consultation = await publish({ startDate: '2026-05-10', endDate: '2026-06-08' });
});

afterAll(async () => {
  await app?.stop();
});

describe('status, from the dates in Beijing time', () => {
  test('upcoming, open through the last Beijing day, closed, concluded once the result is out', async () => {
    setClock(app, '2026-05-09T15:59:00Z'); // 23:59 on 9 May in Beijing
    expect(await statusOf(consultation)).toBe('upcoming');
    setClock(app, '2026-05-09T16:00:00Z'); // 00:00 on 10 May in Beijing
    expect(await statusOf(consultation)).toBe('open');
    setClock(app, '2026-06-08T15:59:00Z');
    expect(await statusOf(consultation)).toBe('open');
    setClock(app, '2026-06-08T16:00:00Z');
    expect(await statusOf(consultation)).toBe('closed');

    const finished = await publish({
      startDate: '2026-04-01',
      endDate: '2026-04-30',
      result: { receivedCount: 0, adoptedCount: 0, resultPublishedAt: '2026-05-20T02:00:00.000Z' },
    });
    const list = await app.http().get('/api/consultations').query({ sort: 'startDate:asc' });
    expect(list.status).toBe(200);
    expect(list.body.data.map((entry: any) => [entry.documentId, entry.status])).toEqual([
      [finished, 'concluded'],
      [consultation, 'closed'],
    ]);
    const traditional = await app
      .http()
      .get(`/api/consultations/${consultation}`)
      .query({ locale: 'zh-Hant' });
    expect(traditional.body.data.status).toBe('closed');
  });
});

describe('POST /api/consultations/:documentId/feedback', () => {
  test('before the period: 409 saying when it opens; after it: 409 saying it closed; nothing stored', async () => {
    const before = await app.strapi.db.query(FEEDBACK).count();
    setClock(app, '2026-05-05T02:00:00Z');
    const early = await submit(consultation, { content: '建议明确依申请公开的办理时限' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      '不在征集期内，意见未提交：意见征集尚未开始，将于 2026-05-10 开始 (the consultation opens on 2026-05-10)'
    );
    setClock(app, '2026-06-09T02:00:00Z');
    const late = await submit(consultation, { content: '建议明确依申请公开的办理时限' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/意见征集已于 2026-06-08 结束/);
    expect(await app.strapi.db.query(FEEDBACK).count()).toBe(before);
  });

  test('while open: stored before the 201, personal data kept and never shown', async () => {
    setClock(app, '2026-05-20T02:00:00Z');
    const response = await submit(consultation, {
      content: '  建议在第十条增加网上受理渠道。 ',
      submitterName: '张三',
      submitterContact: '13800000000',
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toEqual({
      documentId: expect.any(String),
      submittedAt: '2026-05-20T02:00:00.000Z',
      status: 'received',
    });

    const stored = await app.strapi.db.query(FEEDBACK).findOne({
      where: { documentId: response.body.data.documentId },
      populate: { consultation: true },
    });
    expect(stored).toMatchObject({
      content: '建议在第十条增加网上受理渠道。',
      submitterName: '张三',
      submitterContact: '13800000000',
      decision: 'pending',
    });
    expect(stored.consultation.documentId).toBe(consultation);

    // Nowhere public: not the feedback type, not populated from the consultation.
    expect([403, 404]).toContain((await app.http().get('/api/consultation-feedbacks')).status);
    for (const query of [{ populate: '*' }, { populate: { feedbacks: true } }, {}]) {
      const read = await app.http().get(`/api/consultations/${consultation}`).query(query);
      expect(JSON.stringify(read.body)).not.toMatch(/张三|13800000000|网上受理渠道/);
    }
  });

  test('bad input: 400 naming the field and the limit, nothing stored', async () => {
    setClock(app, '2026-05-20T02:00:00Z');
    const before = await app.strapi.db.query(FEEDBACK).count();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ content: '   ' }, /^意见内容必填/],
      [{ content: '很'.repeat(5001) }, /^意见内容最多 5000 字，现为 5001 字/],
      [{ content: '建议', submitterName: '名'.repeat(101) }, /^姓名最多 100 字/],
      [{ content: '建议', decision: 'adopted' }, /^不接受的字段：decision/],
    ];
    for (const [data, message] of cases) {
      const response = await submit(consultation, data);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    expect(
      (await app.http().post(`/api/consultations/${consultation}/feedback`).send({})).status
    ).toBe(400);
    expect((await submit('nosuchconsultation', { content: '建议' })).status).toBe(404);
    expect(await app.strapi.db.query(FEEDBACK).count()).toBe(before);
  });

  test('a draft consultation takes no feedback', async () => {
    const draft = (
      await app.strapi.documents(CONSULTATION).create({
        data: {
          title: '尚未发布的征求意见',
          organization: office,
          startDate: '2026-05-01',
          endDate: '2026-05-31',
        } as any,
      })
    ).documentId;
    expect((await submit(draft, { content: '建议' })).status).toBe(404);
  });

  test('limited per client: 10 in 10 minutes, the 11th is the first 429, with Retry-After', async () => {
    // The documented limit (docs/content-model.md) is the one on the route.
    expect(rateLimitOf(app, 'POST', '/consultations/:documentId/feedback')).toEqual({
      max: 10,
      perSeconds: 600,
    });
    // A day after the earlier tests' submissions (the period is still open), so the allowance is whole;
    // pinned, so none refills meanwhile.
    setClock(app, '2026-05-21T02:00:00Z');
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i += 1)
      statuses.push((await submit(consultation, { content: `第 ${i} 条意见` })).status);
    expect(statuses).toEqual(Array(10).fill(201));

    const before = await app.strapi.db.query(FEEDBACK).count();
    const refused = await submit(consultation, { content: '第 11 条意见' });
    expect(refused.status).toBe(429);
    // One submission's worth refills every 600 / 10 = 60 s; the clock has not moved.
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.headers['ratelimit-limit']).toBe('10');
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.body.error.message).toBe(
      '请求过于频繁：每 600 秒最多 10 次，请 60 秒后再试 (too many requests: at most 10 every 600 s; retry after 60 s)'
    );
    expect(await app.strapi.db.query(FEEDBACK).count()).toBe(before);

    // Retry-After is accurate: 59 s on, still refused; at 60 s, one more is taken.
    setClock(app, '2026-05-21T02:00:59Z');
    const early = await submit(consultation, { content: '第 11 条意见' });
    expect([early.status, early.headers['retry-after']]).toEqual([429, '1']);
    setClock(app, '2026-05-21T02:01:00Z');
    expect((await submit(consultation, { content: '第 11 条意见' })).status).toBe(201);
    expect((await submit(consultation, { content: '第 12 条意见' })).status).toBe(429);
  });
});

describe('the result (采纳情况)', () => {
  test('counts come from the feedback; every opinion decided; concentrated opinions not adopted need reasons', async () => {
    setClock(app, '2026-07-01T02:00:00Z');
    const closed = await publish({ startDate: '2026-05-01', endDate: '2026-05-30' });
    const feedback = app.strapi.documents(FEEDBACK);
    const opinion = async (content: string, decision = 'pending') =>
      (
        await feedback.create({
          data: {
            consultation: closed,
            content,
            submitterName: '市民',
            submittedAt: '2026-05-10T02:00:00Z',
            decision,
          } as any,
        })
      ).documentId;
    const first = await opinion('建议取消纸质材料。');
    const second = await opinion('建议取消纸质材料');
    await opinion('建议延长办理时间', 'adopted');
    await opinion('建议增加英文版', 'partly-adopted');

    const publishResult = (result: Record<string, unknown>) =>
      app.strapi.documents(CONSULTATION).update({
        documentId: closed,
        data: { result: { resultPublishedAt: '2026-06-20T02:00:00.000Z', ...result } } as any,
        status: 'published',
      } as any);

    await expect(publishResult({ receivedCount: 99 })).rejects.toThrow(
      /还有 2 条意见未标注采纳情况/
    );
    await feedback.update({
      documentId: first,
      data: { decision: 'not-adopted', reply: '法律要求保留纸质材料' } as any,
    });
    await feedback.update({ documentId: second, data: { decision: 'not-adopted' } as any });
    await expect(publishResult({})).rejects.toThrow(
      /集中意见未予采纳须说明理由：“建议取消纸质材料。”（2 条）/
    );

    await publishResult({
      receivedCount: 99,
      adoptedCount: 99,
      notAdoptedReasons: '纸质材料为上位法要求，暂不取消。',
    });
    const read = await app.http().get(`/api/consultations/${closed}`).query({ populate: 'result' });
    expect(read.body.data.status).toBe('concluded');
    expect(read.body.data.result).toMatchObject({
      receivedCount: 4,
      adoptedCount: 2,
      notAdoptedReasons: '纸质材料为上位法要求，暂不取消。',
    });
    expect(JSON.stringify(read.body)).not.toContain('市民');
  });
});
