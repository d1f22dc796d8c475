import { startApp, type TestApp } from '../harness/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

test('boots with the Chinese locales', async () => {
  const locales = await app.strapi.plugin('i18n').service('locales').find();
  expect(locales.map((l: any) => l.code).sort()).toEqual(['zh-Hans', 'zh-Hant']);
  const res = await app.http().get('/api/policy-documents');
  expect(res.status).toBe(200);
});
