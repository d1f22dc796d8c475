import fs from 'fs';
import path from 'path';
import { createAdminUser, PASSWORD } from '../harness/admin-users';
import { policyDocumentData } from '../harness/fixtures';
import * as sample from '../harness/sample-files';
import {
  createFullAccessToken,
  resetClock,
  setClock,
  startApp,
  type TestApp,
} from '../harness/strapi';

/**
 * The upload gate: a stored file's URL answers only when the file belongs to something the public
 * may read; anything else is the same 404 as a name never stored.
 */
const DOC = 'api::policy-document.policy-document';
const PUBLIC_DIR = path.join(__dirname, '..', '..', 'public');

let app: TestApp;
let token: string;
let office: string;
const stored: string[] = [];

interface Uploaded {
  id: number;
  url: string;
  formats: Record<string, { url: string }> | null;
}

const upload = async (name: string, content: Buffer, contentType: string): Promise<Uploaded> => {
  const response = await app
    .http()
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', content, { filename: name, contentType });
  expect(response.status).toBe(201);
  const file = response.body[0] as Uploaded;
  stored.push(file.url, ...Object.values(file.formats ?? {}).map((format) => format.url));
  return file;
};

const documents = () => app.strapi.documents(DOC);
const createDocument = async (
  attachments: number[],
  options: { publish?: boolean; overrides?: Record<string, unknown> } = {}
): Promise<string> => {
  const created = await documents().create({
    data: { ...policyDocumentData(office, options.overrides), attachments } as any,
    ...(options.publish ? { status: 'published' as const } : {}),
  });
  return created.documentId;
};

const get = (url: string) => app.http().get(url);
/** What the public sees of a 404: everything but the request's own date. */
const seen = (response: { status: number; headers: Record<string, string>; text: string }) => {
  const { date: _date, ...headers } = response.headers;
  return { status: response.status, headers, body: response.text };
};
let missing: ReturnType<typeof seen>;

/** The request is answered exactly as a name never stored. */
const expectHidden = async (url: string) => {
  const response = await get(url);
  expect(seen(response)).toEqual(missing);
  expect(response.headers['cache-control']).toBe('no-store');
  const head = await app.http().head(url);
  expect(head.status).toBe(404);
  expect(head.headers['cache-control']).toBe('no-store');
};

beforeAll(async () => {
  app = await startApp();
  setClock(app, '2026-03-11T02:00:00.000Z');
  token = await createFullAccessToken(app.strapi);
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
  missing = seen(await get('/uploads/never_stored_0123456789.pdf'));
});

afterAll(async () => {
  for (const url of stored) fs.rmSync(path.join(PUBLIC_DIR, url), { force: true });
  if (app) resetClock(app);
  await app?.stop();
});

describe('a stored file answers only when it belongs to something public', () => {
  test('a name never stored is a 404 that no cache keeps, in both languages', () => {
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(missing.body).error.message).toBe('文件不存在 (file not found)');
  });

  test("a published document's attachment and its image's derivatives are served, ranges included", async () => {
    const pdf = await upload('年度报告.pdf', sample.pdf(), 'application/pdf');
    const image = await upload('图解.png', await sample.png(), 'image/png');
    await createDocument([pdf.id, image.id], { publish: true });

    const served = await get(pdf.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    const range = await get(pdf.url).set('Range', 'bytes=0-3');
    expect(range.status).toBe(206);
    expect(range.body.toString('latin1')).toBe('%PDF');
    expect((await app.http().head(pdf.url)).status).toBe(200);

    const derivatives = Object.values(image.formats ?? {}).map((format) => format.url);
    expect(derivatives.length).toBeGreaterThan(0);
    for (const url of [image.url, ...derivatives]) expect((await get(url)).status).toBe(200);
  });

  test("a draft's file, original and derivatives, is the same 404 as a missing file", async () => {
    const image = await upload('草稿配图.png', await sample.png(), 'image/png');
    await createDocument([image.id]);
    const derivatives = Object.values(image.formats ?? {}).map((format) => format.url);
    expect(derivatives.length).toBeGreaterThan(0);
    for (const url of [image.url, ...derivatives]) await expectHidden(url);
    // Nor by another spelling of the same path, which Strapi's public-folder route would serve.
    const name = image.url.slice('/uploads/'.length);
    await expectHidden(`/uploads%2F${name}`);
    await expectHidden(`/UPLOADS/${name}`);
  });

  test('a file attached to no document at all is hidden too', async () => {
    const pdf = await upload('未关联.pdf', sample.pdf(), 'application/pdf');
    await expectHidden(pdf.url);
  });

  test("a published document's unpublished edit: the new file is hidden, the published one served", async () => {
    const published = await upload('正式版.pdf', sample.pdf('正式版'), 'application/pdf');
    const documentId = await createDocument([published.id], { publish: true });
    const added = await upload('修订稿.pdf', sample.pdf('修订稿'), 'application/pdf');
    await documents().update({
      documentId,
      data: { attachments: [published.id, added.id] } as any,
    });
    expect((await get(published.url)).status).toBe(200);
    await expectHidden(added.url);
  });

  test.each(['on-request', 'not-disclosed'])(
    'a published document made %s: its file is hidden at once',
    async (attribute) => {
      const pdf = await upload('文件.pdf', sample.pdf(attribute), 'application/pdf');
      const documentId = await createDocument([pdf.id], { publish: true });
      expect((await get(pdf.url)).status).toBe(200);
      // Re-classified in place (a data import, a direct fix): the published row itself changes.
      await app.strapi.db.query(DOC).updateMany({
        where: { documentId },
        data: {
          disclosureAttribute: attribute,
          nonDisclosureReason: 'process-information',
          nonDisclosureExplanation: '过程性信息',
        },
      });
      await expectHidden(pdf.url);
    }
  );

  test('unpublishing hides the file at once, publishing serves it at once', async () => {
    const pdf = await upload('通知.pdf', sample.pdf('通知'), 'application/pdf');
    const documentId = await createDocument([pdf.id], { publish: true });
    expect((await get(pdf.url)).status).toBe(200);
    await documents().unpublish({ documentId });
    await expectHidden(pdf.url);
    await documents().publish({ documentId });
    expect((await get(pdf.url)).status).toBe(200);
  });

  test('a file on a hidden document and on a public one is served', async () => {
    const pdf = await upload('共用.pdf', sample.pdf('共用'), 'application/pdf');
    await createDocument([pdf.id]);
    await expectHidden(pdf.url);
    await createDocument([pdf.id], { publish: true });
    expect((await get(pdf.url)).status).toBe(200);
  });

  test('a file in a component is followed to the document holding it', async () => {
    // No component has a media field today: the link a media field in one would store, made directly.
    const documentId = await createDocument([], { publish: true });
    const rows = (await app.strapi.db.query(DOC).findMany({
      where: { documentId },
      populate: ['confidentialityReview'],
    })) as Array<{ publishedAt: string | null; confidentialityReview: { id: number } }>;
    const link = async (row: (typeof rows)[number], name: string) => {
      const file = await upload(name, sample.pdf(name), 'application/pdf');
      await app.strapi.db.connection('files_related_mph').insert({
        file_id: file.id,
        related_id: row.confidentialityReview.id,
        related_type: 'disclosure.confidentiality-review',
        field: 'scan',
        order: 1,
      });
      return file.url;
    };
    const publishedRow = rows.find((row) => row.publishedAt)!;
    const draftRow = rows.find((row) => !row.publishedAt)!;
    expect((await get(await link(publishedRow, '审查单.pdf'))).status).toBe(200);
    await expectHidden(await link(draftRow, '审查单草稿.pdf'));
  });
});

describe('a signed-in admin reads every file, as the media library shows it', () => {
  test("the admin's browser (its session cookie, no Authorization) gets a draft's image; signed out, it does not", async () => {
    const image = await upload('草稿图片.png', await sample.png(), 'image/png');
    await createDocument([image.id]);
    await expectHidden(image.url);

    const { email } = await createAdminUser(app, {
      name: 'media',
      roles: ['strapi-super-admin'],
      organization: null,
    });
    const login = await app.http().post('/admin/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    const setCookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const refresh = setCookies.find((cookie) => cookie.startsWith('strapi_admin_refresh='));
    // Sent by the browser with /uploads/… requests too, not only /admin ones.
    expect(refresh).toMatch(/;\s*path=\/(;|$)/i);
    const cookie = refresh!.split(';')[0];
    // A browser without an old cookie is given no expiry for one.
    const legacyExpiry = expect.stringMatching(
      /^strapi_admin_refresh=;.*path=\/admin;.*expires=Thu, 01 Jan 1970/i
    );
    expect(setCookies).not.toContainEqual(legacyExpiry);
    // One still holding a cookie from before, under /admin (it sends both): that one is expired so
    // it cannot shadow the new one.
    const again = await app
      .http()
      .post('/admin/login')
      .set('Cookie', 'strapi_admin_refresh=old.admin.path; strapi_admin_refresh=other.root.path')
      .send({ email, password: PASSWORD });
    expect(again.status).toBe(200);
    expect(([] as string[]).concat(again.headers['set-cookie'] ?? [])).toContainEqual(legacyExpiry);

    const thumbnail = Object.values(image.formats ?? {})[0].url;
    for (const url of [image.url, thumbnail]) {
      const served = await get(url).set('Cookie', cookie);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toMatch(/^image\//);
      expect(served.headers['cache-control']).toBe('private, no-store');
    }
    // The access token as the admin panel sends it to its API works too.
    const bearer = await get(image.url).set(
      'Authorization',
      `Bearer ${login.body.data.token ?? login.body.data.accessToken}`
    );
    expect(bearer.status).toBe(200);

    // A forged cookie, or one of a session signed out, is the public.
    await expectHiddenWith(image.url, 'strapi_admin_refresh=forged.token.value');
    const logout = await app
      .http()
      .post('/admin/logout')
      .set('Cookie', cookie)
      .set('Authorization', `Bearer ${login.body.data.token ?? login.body.data.accessToken}`);
    expect(logout.status).toBe(200);
    await expectHiddenWith(image.url, cookie);
  });
});

const expectHiddenWith = async (url: string, cookie: string) => {
  const response = await get(url).set('Cookie', cookie);
  expect(seen(response)).toEqual(missing);
};
