import { createHash, randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { signedHeaders } from '../../src/plugins/disclosure/server/src/syndication/rules/webhook-signature';
import * as sample from '../harness/sample-files';
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

const message = (
  documentId: string,
  action: string,
  versionNumber: number,
  versions: unknown[] = [version()]
) => ({
  documentId,
  contentType: DOC,
  action,
  version: versionNumber,
  occurredAt: '2026-05-11T01:59:00.000Z',
  source: {
    organization: { code: '370000000', name: '山东省人民政府' },
    url: 'https://www.shandong.gov.cn',
    documentUrl: `https://www.shandong.gov.cn/api/policy-documents/${documentId}`,
  },
  versions,
});

const send = (
  body: string,
  secrets = [PROVINCE_SECRET],
  id = `msg_${randomUUID()}`,
  timestamp = nowSeconds()
) =>
  app
    .http()
    .post('/api/disclosure/inbox')
    .set(signedHeaders(secrets, id, body, timestamp) as any)
    .set('Content-Type', 'application/json')
    .send(body);

const counts = async () => ({
  documents: await app.strapi.db.query(DOC).count(),
  records: await app.strapi.db.query(RECORD).count(),
  messages: await app.strapi.db.query(INBOX).count(),
});

beforeAll(async () => {
  app = await startApp({ env: { PUBLIC_URL: 'https://www.jinan.gov.cn' } });
  setClock(app, NOW);
  await app.strapi.db.query(SOURCE).create({
    data: {
      name: '山东省政府门户网站',
      organizationCode: '370000000',
      secrets: [PROVINCE_SECRET, OLD_SECRET],
      policy: 'publish',
      active: true,
    },
  });
  await app.strapi.db.query(SOURCE).create({
    data: {
      name: '济南市政府门户网站',
      organizationCode: '370100000',
      secrets: [CITY_SECRET],
      policy: 'hold',
      active: true,
    },
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
    expect(receipt.url).toBe(`https://www.jinan.gov.cn/api/policy-documents/${receipt.documentId}`);

    const copy: any = await app.strapi.documents(DOC).findOne({
      documentId: receipt.documentId,
      status: 'published',
      populate: ['issuingOrganization'],
    });
    expect(copy).toMatchObject({
      title: '山东省人民政府关于加强政务公开的意见',
      documentNumber: '鲁政发〔2026〕3号',
      isNormative: true,
    });
    expect(copy.issuingOrganization.code).toBe('370000000');
    const traditional: any = await app.strapi
      .documents(DOC)
      .findOne({ documentId: receipt.documentId, status: 'published', locale: 'zh-Hant' });
    expect(traditional.title).toBe('山東省人民政府關於加強政務公開的意見');
    // 转载须注明来源: the copy names its source and links to the original, in both scripts.
    expect(copy).toMatchObject({
      reprintedFrom: '山东省人民政府',
      reprintedFromUrl: 'https://www.shandong.gov.cn/api/policy-documents/src-doc-1',
    });
    expect(traditional).toMatchObject({
      reprintedFrom: '山東省人民政府',
      reprintedFromUrl: 'https://www.shandong.gov.cn/api/policy-documents/src-doc-1',
    });
    const record = await app.strapi.db
      .query(RECORD)
      .findOne({ where: { sourceDocumentId: 'src-doc-1' } });
    expect(record).toMatchObject({
      version: 1,
      state: 'published',
      localDocumentId: receipt.documentId,
      sourceUrl: 'https://www.shandong.gov.cn',
      sourceOrganizationCode: '370000000',
    });
    // Public readers see the reprint.
    expect((await app.http().get(`/api/policy-documents/${receipt.documentId}`)).status).toBe(200);
  });

  test('the same message three times: one copy, the same receipt', async () => {
    const body = JSON.stringify(
      message('src-doc-2', 'publish', 1, [
        version({
          title: '重复投递的文件',
          documentNumber: '鲁政发〔2026〕4号',
          indexNumber: '370000000/2026-00004',
        }),
      ])
    );
    const id = `msg_${randomUUID()}`;
    const receipts = [];
    for (let i = 0; i < 3; i += 1) receipts.push(await send(body, [PROVINCE_SECRET], id));
    expect(receipts.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(receipts.map((response) => response.body.meta.duplicate)).toEqual([false, true, true]);
    expect(new Set(receipts.map((response) => response.body.data.documentId)).size).toBe(1);
    expect(
      await app.strapi.db.query(RECORD).count({ where: { sourceDocumentId: 'src-doc-2' } })
    ).toBe(1);
  });

  test('an update replaces the copy; an older version arriving late is ignored; a withdrawal follows', async () => {
    const first = await send(
      JSON.stringify(
        message('src-doc-3', 'publish', 1, [
          version({
            title: '原标题',
            documentNumber: '鲁政发〔2026〕5号',
            indexNumber: '370000000/2026-00005',
          }),
        ])
      )
    );
    const local = first.body.data.documentId;
    const updated = await send(
      JSON.stringify(
        message('src-doc-3', 'update', 3, [
          version({
            title: '更正后的标题',
            documentNumber: '鲁政发〔2026〕5号',
            indexNumber: '370000000/2026-00005',
            validity: 'repealed',
          }),
        ])
      ),
      [OLD_SECRET]
    );
    expect(updated.body.data).toMatchObject({ documentId: local, status: 'published', version: 3 });
    // The copy is in the search index as updated, in both locales.
    const searched = async (q: string, locale = 'zh-Hans') =>
      (await app.http().get('/api/disclosure/search').query({ q, locale })).body.data.map(
        (hit: { documentId: string }) => hit.documentId
      );
    expect(await searched('更正后的标题')).toEqual([local]);
    expect(await searched('更正後的標題', 'zh-Hant')).toEqual([local]);
    expect(await searched('原标题')).toEqual([]);
    const late = await send(
      JSON.stringify(
        message('src-doc-3', 'update', 2, [
          version({
            title: '过时的标题',
            documentNumber: '鲁政发〔2026〕5号',
            indexNumber: '370000000/2026-00005',
          }),
        ])
      )
    );
    expect(late.body.data).toMatchObject({
      status: 'ignored',
      reason: 'older-version',
      version: 3,
    });
    expect(
      await app.strapi.documents(DOC).findOne({ documentId: local, status: 'published' })
    ).toMatchObject({ title: '更正后的标题', validity: 'repealed' });
    const versions = await app.strapi.db
      .query(DOC)
      .findMany({ where: { documentId: local }, select: ['validity'] });
    // Every version, both locales: the reads behind the inbox's POST see drafts as drafts.
    expect(versions.map((row: any) => row.validity)).toEqual(Array(4).fill('repealed'));

    const withdrawn = await send(JSON.stringify(message('src-doc-3', 'unpublish', 4, [])));
    expect(withdrawn.body.data).toMatchObject({ status: 'withdrawn', version: 4 });
    expect(
      await app.strapi.documents(DOC).findOne({ documentId: local, status: 'published' })
    ).toBeNull();
    expect((await app.http().get(`/api/policy-documents/${local}`)).status).toBe(404);
    expect(await searched('更正后的标题')).toEqual([]);
    expect(await searched('更正後的標題', 'zh-Hant')).toEqual([]);
  });

  test('a re-send of the version held is applied only if the copy has gone missing here', async () => {
    const body = JSON.stringify(
      message('src-doc-4', 'publish', 1, [
        version({
          title: '需要重发的文件',
          documentNumber: '鲁政发〔2026〕6号',
          indexNumber: '370000000/2026-00006',
        }),
      ])
    );
    const first = (await send(body)).body.data;
    expect((await send(body)).body.data).toMatchObject({
      status: 'ignored',
      documentId: first.documentId,
    });
    await app.strapi.documents(DOC).delete({ documentId: first.documentId });
    const again = (await send(body)).body.data;
    expect(again).toMatchObject({ status: 'published', version: 1 });
    expect(again.documentId).not.toBe(first.documentId);
    expect(
      await app.strapi.documents(DOC).findOne({ documentId: again.documentId, status: 'published' })
    ).not.toBeNull();
  });

  test('a source whose policy is to hold: the copy waits as a draft for an editor (转载审核)', async () => {
    const response = await send(
      JSON.stringify({
        ...message('city-doc-1', 'publish', 1, [
          version({
            title: '济南市转发的通知',
            documentNumber: '济政发〔2026〕1号',
            indexNumber: '370100000/2026-00001',
            issuingOrganization: { code: '370100000', name: '济南市人民政府' },
          }),
        ]),
      }),
      [CITY_SECRET]
    );
    expect(response.body.data).toMatchObject({ status: 'held' });
    const local = response.body.data.documentId;
    expect(
      await app.strapi.documents(DOC).findOne({ documentId: local, status: 'draft' })
    ).not.toBeNull();
    expect(
      await app.strapi.documents(DOC).findOne({ documentId: local, status: 'published' })
    ).toBeNull();
  });

  test.each([
    [
      'a bad signature',
      (body: string) => send(body, ['whsec_bm90LXRoZS1yaWdodC1zZWNyZXQ=']),
      'unknown-source',
    ],
    [
      'a flipped body byte',
      async (body: string) => {
        const id = `msg_${randomUUID()}`;
        const headers = signedHeaders([PROVINCE_SECRET], id, body, nowSeconds());
        return app
          .http()
          .post('/api/disclosure/inbox')
          .set(headers as any)
          .set('Content-Type', 'application/json')
          .send(body.replace('被篡改', '被篡政'));
      },
      'unknown-source',
    ],
    [
      'an old timestamp',
      (body: string) => send(body, [PROVINCE_SECRET], `msg_${randomUUID()}`, nowSeconds() - 301),
      'timestamp-too-old',
    ],
    [
      'no signature at all',
      (body: string) =>
        app.http().post('/api/disclosure/inbox').set('Content-Type', 'application/json').send(body),
      'missing-headers',
    ],
  ])('%s: 401 with the reason, nothing stored', async (_what, deliver, reason) => {
    const before = await counts();
    const body = JSON.stringify(
      message('src-doc-attack', 'publish', 1, [
        version({
          title: '被篡改的文件',
          documentNumber: '鲁政发〔2026〕9号',
          indexNumber: '370000000/2026-00009',
        }),
      ])
    );
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
    [
      'a publication without a zh-Hans title',
      JSON.stringify(message('src-doc-bad', 'publish', 1, [version({ locale: 'zh-Hant' })])),
    ],
  ])('a signed body with %s: 400 with the reason, nothing stored', async (_what, body) => {
    const before = await counts();
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^(转载消息无效：|请求内容不是有效的 JSON)/);
    expect(await counts()).toEqual(before);
  });

  test.each([
    ['javascript:', ['source', 'documentUrl'], 'javascript:alert(document.cookie)'],
    [
      'javascript: behind a tab, as a browser reads it',
      ['source', 'documentUrl'],
      'java\tscript:alert(1)',
    ],
    ['data:', ['source', 'documentUrl'], 'data:text/html,<script>alert(1)</script>'],
    ['relative', ['source', 'url'], '/api/policy-documents/1'],
    ['not text', ['source', 'url'], 42],
  ])(
    'a partner address that is %s: 400 naming the field, nothing stored',
    async (_what, path, address) => {
      const before = await counts();
      const body = message('src-doc-link', 'publish', 1, [
        version({
          title: '链接可疑的文件',
          documentNumber: '鲁政发〔2026〕11号',
          indexNumber: '370000000/2026-00011',
        }),
      ]);
      (body.source as Record<string, unknown>)[path[1]] = address;
      const response = await send(JSON.stringify(body));
      expect(response.status).toBe(400);
      const label = path[1] === 'url' ? '网址' : '原文链接';
      expect(response.body.error.message).toBe(
        `转载消息无效：${label}（${path.join('.')}）须为 http 或 https 网址，最长 2048 个字符 (${path.join('.')} must be an http or https URL of at most 2048 characters)`
      );
      expect(response.body.error.details.errors[0].path).toEqual(path);
      expect(await counts()).toEqual(before);
    }
  );
});

describe('attachments: fetched from the source and verified before the copy is stored', () => {
  const CITY_FILES_SECRET = 'whsec_Y2l0eS1maWxlcy1zZWNyZXQtZm9yLWluYm94';
  const PDF = Buffer.from('%PDF-1.7\n济南市政务公开工作要点（附件）\n'.repeat(500));
  const PDF_SHA = createHash('sha256').update(PDF).digest('hex');
  /** What the source's file server holds beside the PDF, by path. */
  const SERVED: Record<string, Buffer> = {
    '/uploads/tongzhi.xhtml': sample.prefixedXhtml(),
    '/uploads/yaodian.pdf': Buffer.from('<html><body onload="alert(1)">工作要点</body></html>'),
    '/uploads/huizong.es': Buffer.from('export default () => fetch("/admin/users")'),
    '/uploads/fangan.docx': sample.docx(),
  };
  const servedAs = (file: string, name: string, mime: string) => ({
    url: `${origin}/uploads/${file}`,
    name,
    mime,
    sizeInBytes: SERVED[`/uploads/${file}`].length,
    sha256: createHash('sha256').update(SERVED[`/uploads/${file}`]).digest('hex'),
  });
  let files: http.Server;
  let origin: string;
  let serving = true;
  let requests = 0;

  beforeAll(async () => {
    files = http.createServer((request, response) => {
      requests += 1;
      if (!serving) {
        response.writeHead(503);
        return response.end();
      }
      const served = SERVED[request.url ?? ''];
      response.writeHead(200, {
        'content-type': served ? 'application/octet-stream' : 'application/pdf',
      });
      response.end(served ?? PDF);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    await app.strapi.db.query(SOURCE).create({
      data: {
        name: '济南市文件服务器',
        organizationCode: '370100001',
        baseUrl: origin,
        secrets: [CITY_FILES_SECRET],
        policy: 'publish',
        active: true,
      },
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => files.close(resolve));
  });

  const withAttachment = (
    documentId: string,
    versionNumber: number,
    attachment: Record<string, unknown>,
    action = 'publish'
  ) =>
    JSON.stringify(
      message(documentId, action, versionNumber, [
        version({
          title: '济南市政务公开工作要点',
          documentNumber: `济政办发〔2026〕${documentId.length}号`,
          indexNumber: `370100001/2026-000${documentId.length}`,
          attachments: [
            {
              url: `${origin}/uploads/gongzuo-yaodian.pdf`,
              name: '工作要点.pdf',
              mime: 'application/pdf',
              sizeInBytes: PDF.length,
              sha256: PDF_SHA,
              ...attachment,
            },
          ],
        }),
      ])
    );
  const fileCount = () => app.strapi.db.query('plugin::upload.file').count();
  const everything = async () => ({ ...(await counts()), files: await fileCount() });

  test('the copy carries the very file the source published; an update with the same file reuses it', async () => {
    const response = await send(withAttachment('att-doc-1', 1, {}), [CITY_FILES_SECRET]);
    expect(response.status).toBe(200);
    const copy: any = await app.strapi.documents(DOC).findOne({
      documentId: response.body.data.documentId,
      status: 'published',
      populate: ['attachments'],
    });
    expect(copy.attachments).toHaveLength(1);
    expect(copy.attachments[0].name).toBe('工作要点.pdf');
    const stored = readFileSync(path.join(app.strapi.dirs.static.public, copy.attachments[0].url));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(PDF_SHA);

    const files = await fileCount();
    const fetched = requests;
    const update = await send(withAttachment('att-doc-1', 2, {}, 'update'), [CITY_FILES_SECRET]);
    expect(update.body.data).toMatchObject({ status: 'published', version: 2 });
    expect(await fileCount()).toBe(files);
    expect(requests).toBe(fetched);
  });

  test.each([
    ['a hash that does not match', { sha256: 'f'.repeat(64) }, /校验值不符/],
    ['a size that does not match', { sizeInBytes: PDF.length + 1 }, /大小不符/],
    [
      'a URL off the source’s origin',
      { url: 'http://169.254.169.254/latest/meta-data' },
      /不在来源站点的地址下/,
    ],
  ])('%s: 400 with the reason, nothing stored', async (_what, attachment, reason) => {
    const before = await everything();
    const response = await send(withAttachment('att-doc-22', 1, attachment), [CITY_FILES_SECRET]);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^转载消息无效：附件/);
    expect(response.body.error.message).toMatch(reason);
    expect(await everything()).toEqual(before);
  });

  test.each([
    ['prefixed XHTML (<x:script>)', 'tongzhi.xhtml', '通知.xhtml', 'application/xhtml+xml'],
    ['a page named and declared as a PDF', 'yaodian.pdf', '工作要点.pdf', 'application/pdf'],
    ['an ECMAScript file (.es)', 'huizong.es', '汇总.es', 'text/plain'],
  ])(
    'an attachment that is %s: refused with the upload rules’ reason, nothing stored',
    async (_what, file, name, mime) => {
      const before = await everything();
      const response = await send(withAttachment('att-doc-4444', 1, servedAs(file, name, mime)), [
        CITY_FILES_SECRET,
      ]);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        `转载消息无效：附件未能保存：不允许上传该类型的文件：${name}（仅接受 PDF、OFD、Office/WPS 文档、图片、压缩包、音频和视频） (file type not accepted: ${name};`
      );
      expect(await everything()).toEqual(before);
    }
  );

  test('an attachment of an accepted kind is stored with its kind’s type, whatever the source declared', async () => {
    const response = await send(
      withAttachment(
        'att-doc-55555',
        1,
        servedAs('fangan.docx', '实施方案.docx', 'application/octet-stream')
      ),
      [CITY_FILES_SECRET]
    );
    expect(response.status).toBe(200);
    const copy: any = await app.strapi.documents(DOC).findOne({
      documentId: response.body.data.documentId,
      status: 'published',
      populate: ['attachments'],
    });
    expect(copy.attachments).toHaveLength(1);
    expect(copy.attachments[0]).toMatchObject({
      name: '实施方案.docx',
      ext: '.docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(readFileSync(path.join(app.strapi.dirs.static.public, copy.attachments[0].url))).toEqual(
      SERVED['/uploads/fangan.docx']
    );
  });

  test.each([
    ['null', { sha256: null }],
    ['missing', { sha256: undefined }],
    ['not 64 hexadecimal digits', { sha256: 'abc123' }],
  ])(
    'a SHA-256 that is %s: 400 naming the field, nothing fetched or stored',
    async (_what, attachment) => {
      const before = await everything();
      const fetched = requests;
      const response = await send(withAttachment('att-doc-6666', 1, attachment), [
        CITY_FILES_SECRET,
      ]);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        "转载消息无效：SHA-256 校验值（versions.0.attachments.0.sha256）必填，须为 64 位十六进制数 (versions.0.attachments.0.sha256 is required: the file's SHA-256 as 64 hexadecimal digits)"
      );
      expect(response.body.error.details.errors[0].path).toEqual([
        'versions',
        0,
        'attachments',
        0,
        'sha256',
      ]);
      expect(requests).toBe(fetched);
      expect(await everything()).toEqual(before);
    }
  );

  test.each([
    [
      'a javascript: URL',
      { url: 'javascript:alert(1)' },
      'url',
      /^转载消息无效：网址（versions\.0\.attachments\.0\.url）须为 http 或 https 网址/,
    ],
    [
      'no name',
      { name: undefined },
      'name',
      /^转载消息无效：名称（versions\.0\.attachments\.0\.name）须为 1 至 255 个字符的文件名 \(/,
    ],
    [
      'a negative size',
      { sizeInBytes: -1 },
      'sizeInBytes',
      /^转载消息无效：文件大小（versions\.0\.attachments\.0\.sizeInBytes）须为非负整数（字节） \(/,
    ],
    [
      'a mime type that is not text',
      { mime: 42 },
      'mime',
      /^转载消息无效：文件类型（versions\.0\.attachments\.0\.mime）须为文字/,
    ],
  ])(
    'a reference with %s: 400 naming the field, nothing fetched or stored',
    async (_what, attachment, field, message) => {
      const before = await everything();
      const fetched = requests;
      const response = await send(withAttachment('att-doc-77777', 1, attachment), [
        CITY_FILES_SECRET,
      ]);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.details.errors[0].path).toEqual([
        'versions',
        0,
        'attachments',
        0,
        field,
      ]);
      expect(requests).toBe(fetched);
      expect(await everything()).toEqual(before);
    }
  );

  test('the source’s file server is down: 503 with Retry-After, nothing stored; the retry succeeds', async () => {
    const before = await everything();
    const id = `msg_${randomUUID()}`;
    const body = withAttachment('att-doc-333', 1, {});
    serving = false;
    const down = await send(body, [CITY_FILES_SECRET], id);
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('30');
    expect(down.body.error.message).toMatch(
      /^转载暂未完成，请稍后重试：附件 .* 暂时无法获取：HTTP 503/
    );
    expect(await everything()).toEqual(before);

    serving = true;
    const retried = await send(body, [CITY_FILES_SECRET], id);
    expect(retried.status).toBe(200);
    expect(retried.body.meta.duplicate).toBe(false);
    // Draft and published rows, in zh-Hans and zh-Hant.
    expect(await everything()).toEqual({
      ...before,
      documents: before.documents + 4,
      records: before.records + 1,
      messages: before.messages + 1,
      files: before.files + 1,
    });
  });
});
