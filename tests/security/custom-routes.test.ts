import { createAdminSession, createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

/**
 * Every custom route of the disclosure plugin, called with the widest rights it allows, on the demo
 * catalogue (which has consultation feedback with submitters): no response carries a password, a
 * token, or a submitter's name or contact.
 */
const PRIVATE_KEYS = ['issuerDocumentNumber', 'password', 'resetPasswordToken', 'registrationToken', 'confirmationToken', 'submitterName', 'submitterContact'];

let app: TestApp;
let token: string;
let admin: string;

beforeAll(async () => {
  app = await startApp({ seed: true });
  token = await createFullAccessToken(app.strapi);
  admin = await createAdminSession(app);
});

afterAll(async () => {
  await app?.stop();
});

function privateKeysIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => privateKeysIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (PRIVATE_KEYS.includes(key)) found.push(key);
      privateKeysIn(inner, found);
    }
  }
  return found;
}

test('no custom route returns private data', async () => {
  const feedback = await app.strapi.db.query('api::consultation-feedback.consultation-feedback').findMany({});
  expect(feedback.length).toBeGreaterThan(0);
  const contacts = feedback.map((entry: any) => entry.submitterContact);
  const policy = await app.strapi.db.query('api::policy-document.policy-document').findOne({ where: { locale: 'zh-Hans' } });

  const responses = [
    await app.http().get('/api/disclosure/working-days/add').query({ from: '2026-02-13', days: '3' }),
    await app.http().get('/api/disclosure/working-days/between').query({ from: '2026-02-13', to: '2026-03-13' }),
    await app.http().get('/api/disclosure/catalogue/counts').query({ locale: 'zh-Hant' }),
    await app.http().post('/api/disclosure/convert').send({ text: '政务公开', from: 'zh-Hans', to: 'zh-Hant' }),
    await app.http().get('/api/disclosure/compliance').set('Authorization', `Bearer ${token}`),
    await app.http().get('/disclosure/compliance').set('Authorization', `Bearer ${admin}`),
    await app
      .http()
      .get('/disclosure/translation-locks')
      .query({ contentType: 'api::policy-document.policy-document', documentId: policy.documentId })
      .set('Authorization', `Bearer ${admin}`),
    await app.http().get('/disclosure/ledger').query({ pageSize: '100' }).set('Authorization', `Bearer ${admin}`),
  ];
  for (const response of responses) {
    expect(response.status).toBe(200);
    expect(privateKeysIn(response.body)).toEqual([]);
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/\$2[aby]\$\d\d\$/); // a bcrypt hash
    for (const contact of contacts) expect(text).not.toContain(contact);
  }
});
