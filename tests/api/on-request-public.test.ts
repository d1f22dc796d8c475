import { startApp, type TestApp } from '../harness/strapi';

/**
 * 依申请公开's public routes at their limits: the intake's validation and unknown organizations, and
 * the rate limits of the intake and the lookup (429 with Retry-After), on a fresh app of their own
 * (the limits are per client and the tests run from one address).
 */
let app: TestApp;
let organization: string;

const pinClock = (iso: string) => {
  app.strapi.plugin('disclosure').service('clock').now = () => new Date(iso);
};
const intake = (data: unknown) => app.http().post('/api/disclosure/applications').send({ data });

const applicant = {
  applicantType: 'legal-service-organization',
  name: '山东某律师事务所',
  idType: '统一社会信用代码',
  idNumber: '31370000MD0123456X',
  phone: '0531-88886666',
  email: 'office@example-law.cn',
  address: '济南市历下区泉城路1号',
  description: '请提供2026年市政道路维修项目的合同',
  form: 'email',
};

beforeAll(async () => {
  app = await startApp();
  organization = (
    await app.strapi.documents('api::organization.organization').create({
      data: { name: '济南市交通运输局', code: '370100031', level: 'department' } as any,
    })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

test('the intake takes the organization by code or documentId; an unknown one is a 400', async () => {
  pinClock('2026-03-02T02:00:00Z');
  const byCode = await intake({ ...applicant, organization: '370100031' });
  expect(byCode.status).toBe(201);
  expect(byCode.body.data.number).toBe('370100031-2026-0001');
  const byId = await intake({ ...applicant, organization });
  expect(byId.body.data.number).toBe('370100031-2026-0002');
  // Nothing the applicant sent comes back but the number, the code and the status.
  const text = JSON.stringify([byCode.body, byId.body]);
  for (const value of Object.values(applicant)) expect(text).not.toContain(value);
  const unknown = await intake({ ...applicant, organization: '370199999' });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.message).toMatch(
    /^受理机关 \(organization\) 不存在.*\(no organization/
  );
  const missing = await intake({ ...applicant, organization, description: '   ' });
  expect(missing.status).toBe(400);
  expect(missing.body.error.message).toBe(
    '所需信息的内容描述 (description)必填，最多 5000 字 (description is required and at most 5000 characters)'
  );
});

test('the intake is rate limited per client: 429 with Retry-After', async () => {
  // A fresh hour: the bucket is full again.
  pinClock('2026-03-03T02:00:00Z');
  const statuses: number[] = [];
  let refused: any;
  for (let n = 0; n < 11; n += 1) {
    const res = await intake({});
    statuses.push(res.status);
    if (res.status === 429) refused = res;
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
  expect(statuses[10]).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused.body.error.message).toMatch(/^请求过于频繁/);
});

test('guessing codes is rate limited: 429 with Retry-After after 20 lookups in 10 minutes', async () => {
  pinClock('2026-03-04T02:00:00Z');
  const statuses: number[] = [];
  let refused: any;
  for (let n = 0; n < 21; n += 1) {
    const res = await app
      .http()
      .get('/api/disclosure/applications/370100031-2026-0001')
      .query({ code: `guess${n}` });
    statuses.push(res.status);
    if (res.status === 429) refused = res;
  }
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
  expect(statuses[20]).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
});
