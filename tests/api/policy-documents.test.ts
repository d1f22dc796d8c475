import { approvedReview } from '../harness/fixtures';
import {
  createAdminSession,
  createFullAccessToken,
  startApp,
  type TestApp,
} from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';
const ORG = 'api::organization.organization';

let app: TestApp;
let token: string;
let province: string;
let office: string;
let county: string;

const auth = () => ({ Authorization: `Bearer ${token}` });
const validDocument = (overrides: Record<string, unknown> = {}) => ({
  title: '关于进一步加强政府信息公开工作的通知',
  issuingOrganization: office,
  category: 'decision',
  disclosureAttribute: 'proactive',
  issueDate: '2014-02-20',
  confidentialityReview: approvedReview,
  ...overrides,
});

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  const orgs = app.strapi.documents(ORG);
  province = (
    await orgs.create({
      data: {
        name: '山东省人民政府',
        code: '370000000',
        level: 'province',
        regionCode: '370000',
      } as any,
    })
  ).documentId;
  office = (
    await orgs.create({
      data: {
        name: '山东省人民政府办公厅',
        code: '370000001',
        level: 'department',
        parent: province,
        regionCode: '370000',
      } as any,
    })
  ).documentId;
  county = (
    await orgs.create({
      data: {
        name: '平阴县人民政府',
        code: '370124000',
        level: 'county',
        regionCode: '370124',
      } as any,
    })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('document numbers through REST', () => {
  test('a variant spelling is stored in canonical form', async () => {
    const res = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ documentNumber: '鲁政办发[2014]8号' }) });
    expect(res.status).toBe(201);
    expect(res.body.data.documentNumber).toBe('鲁政办发〔2014〕8号');
    expect(res.body.data.publishedAt).toBeTruthy();
  });

  test('a malformed number is refused with a 400 naming the field and the rule', async () => {
    const res = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ documentNumber: '鲁政办发2014年8号' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/文号格式/);
    expect(res.body.error.details.errors[0].path).toEqual(['documentNumber']);
  });

  test('the same number twice for one issuer is refused; another issuer may use it', async () => {
    const again = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ documentNumber: '鲁政办发（2014）8号' }) });
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors[0].path).toEqual(['documentNumber']);

    const elsewhere = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({
        data: validDocument({ documentNumber: '鲁政办发〔2014〕8号', issuingOrganization: county }),
      });
    expect(elsewhere.status).toBe(201);
  });

  test('renumbering onto a number the issuer already used is refused on update', async () => {
    const other = await app.strapi.documents(DOC).create({
      data: validDocument({ documentNumber: '鲁政办发〔2014〕9号' }) as any,
    });
    const res = await app
      .http()
      .put(`/api/policy-documents/${other.documentId}`)
      .query({ status: 'draft' })
      .set(auth())
      .send({ data: { documentNumber: '鲁政办发〔2014〕8号' } });
    expect(res.status).toBe(400);
    const stored = await app.strapi.documents(DOC).findOne({ documentId: other.documentId });
    expect(stored?.documentNumber).toBe('鲁政办发〔2014〕9号');
  });
});

describe('index numbers (索引号)', () => {
  test('generated from the issuer code, the document year and a per-organization sequence', async () => {
    const docs = app.strapi.documents(DOC);
    const first = await docs.create({
      data: validDocument({
        title: '甲',
        issueDate: '2015-03-01',
        issuingOrganization: province,
      }) as any,
    });
    const second = await docs.create({
      data: validDocument({
        title: '乙',
        issueDate: '2015-05-01',
        issuingOrganization: province,
      }) as any,
    });
    const otherYear = await docs.create({
      data: validDocument({
        title: '丙',
        issueDate: '2016-01-04',
        issuingOrganization: province,
      }) as any,
    });
    const otherOrg = await docs.create({
      data: validDocument({
        title: '丁',
        issueDate: '2015-05-01',
        issuingOrganization: county,
      }) as any,
    });
    expect(first.indexNumber).toBe('370000000/2015-00001');
    expect(second.indexNumber).toBe('370000000/2015-00002');
    expect(otherYear.indexNumber).toBe('370000000/2016-00001');
    expect(otherOrg.indexNumber).toBe('370124000/2015-00001');
  });

  test('without a date, the year of the document number is used', async () => {
    const doc = await app.strapi.documents(DOC).create({
      data: validDocument({
        title: '戊',
        issueDate: null,
        documentNumber: '国办发〔2013〕100号',
        issuingOrganization: province,
      }) as any,
    });
    expect(doc.indexNumber).toBe('370000000/2013-00001');
  });

  test("a draft may not take another document's index number, even while both are drafts", async () => {
    const first = await app
      .http()
      .post('/api/policy-documents?status=draft')
      .set(auth())
      .send({ data: validDocument({ title: '辛' }) });
    const second = await app
      .http()
      .post('/api/policy-documents?status=draft')
      .set(auth())
      .send({ data: validDocument({ title: '壬' }) });
    expect([first.status, second.status]).toEqual([201, 201]);
    const clash = await app
      .http()
      .put(`/api/policy-documents/${second.body.data.documentId}?status=draft`)
      .set(auth())
      .send({ data: { indexNumber: first.body.data.indexNumber } });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toMatch(/^索引号（indexNumber）已被其他条目使用，须唯一/);
    const kept: any = await app.strapi
      .documents(DOC)
      .findOne({ documentId: second.body.data.documentId });
    expect(kept.indexNumber).toBe(second.body.data.indexNumber);
  });

  test('an index number given by the office is kept, and must be unique', async () => {
    const kept = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ title: '己', indexNumber: '370000001/2014-00100' }) });
    expect(kept.status).toBe(201);
    expect(kept.body.data.indexNumber).toBe('370000001/2014-00100');

    const duplicate = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ title: '庚', indexNumber: '370000001/2014-00100' }) });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.details.errors[0].path).toEqual(['indexNumber']);
  });
});

describe('disclosure attribute and schema validation', () => {
  test('not proactive without a statutory reason: 400 naming both fields, nothing stored', async () => {
    const before = await app.strapi.db.query(DOC).count();
    const res = await app
      .http()
      .post('/api/policy-documents')
      .query({ status: 'draft' })
      .set(auth())
      .send({ data: validDocument({ title: '内部事务', disclosureAttribute: 'not-disclosed' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path[0])).toEqual([
      'nonDisclosureReason',
      'nonDisclosureExplanation',
    ]);
    expect(await app.strapi.db.query(DOC).count()).toBe(before);
  });

  test('an on-request item with its reason is kept as a draft but never published', async () => {
    const data = validDocument({
      title: '依申请公开的会议纪要',
      disclosureAttribute: 'on-request',
      nonDisclosureReason: 'process-information',
      nonDisclosureExplanation: '属于研究讨论中的过程性信息',
    });
    const published = await app.http().post('/api/policy-documents').set(auth()).send({ data });
    expect(published.status).toBe(400);
    expect(published.body.error.message).toMatch(/不得在网站发布/);

    const draft = await app
      .http()
      .post('/api/policy-documents')
      .query({ status: 'draft' })
      .set(auth())
      .send({ data });
    expect(draft.status).toBe(201);
    await expect(
      app.strapi.documents(DOC).publish({ documentId: draft.body.data.documentId })
    ).rejects.toThrow(/不得在网站发布/);
    const stillDraft = await app.strapi
      .documents(DOC)
      .findOne({ documentId: draft.body.data.documentId, status: 'published' });
    expect(stillDraft).toBeNull();
  });

  test('schema rules answer 400 with the field: required title, enum category, issuer', async () => {
    const noTitle = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ title: undefined }) });
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(noTitle.body.error)).toMatch(/title/);

    const badCategory = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ category: 'secret' }) });
    expect(badCategory.status).toBe(400);
    expect(JSON.stringify(badCategory.body.error)).toMatch(/category/);

    const noIssuer = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: validDocument({ issuingOrganization: undefined }) });
    expect(noIssuer.status).toBe(400);
    expect(noIssuer.body.error.details.errors[0].path).toEqual(['issuingOrganization']);
  });
});

describe('the link to a reprint’s original (reprintedFromUrl)', () => {
  const REFUSAL =
    '转载来源链接（reprintedFromUrl）须为 http 或 https 网址，最长 2048 个字符 (reprintedFromUrl must be an http or https URL of at most 2048 characters)';
  const CM = `/content-manager/collection-types/${DOC}`;
  const reprint = (reprintedFromUrl: unknown, number: number) =>
    validDocument({
      title: `转载的文件${number}`,
      documentNumber: `鲁政办发〔2015〕${number}号`,
      reprintedFrom: '山东省人民政府',
      reprintedFromUrl,
    });

  test('an http(s) address is kept', async () => {
    const res = await app
      .http()
      .post('/api/policy-documents')
      .set(auth())
      .send({ data: reprint('https://www.shandong.gov.cn/art/2015/1/1/art_1.html', 1) });
    expect(res.status).toBe(201);
    expect(res.body.data.reprintedFromUrl).toBe(
      'https://www.shandong.gov.cn/art/2015/1/1/art_1.html'
    );
  });

  test.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: in capitals behind a space', ' JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['not an address', 'www.shandong.gov.cn'],
    ['longer than 2048 characters', `https://www.shandong.gov.cn/${'a'.repeat(2048)}`],
  ])(
    '%s is refused, draft or not: 400 naming the field, nothing stored',
    async (_what, address) => {
      const before = await app.strapi.db.query(DOC).count();
      for (const status of ['draft', 'published']) {
        const res = await app
          .http()
          .post('/api/policy-documents')
          .query({ status })
          .set(auth())
          .send({ data: reprint(address, 2) });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(REFUSAL);
        expect(res.body.error.details.errors[0].path).toEqual(['reprintedFromUrl']);
      }
      expect(await app.strapi.db.query(DOC).count()).toBe(before);
    }
  );

  test('an editor typing it in the admin meets the same refusal, on create and on update', async () => {
    const editor = await createAdminSession(app, 'reprint-editor@example.gov.cn');
    const as = (request: any) => request.set('Authorization', `Bearer ${editor}`);
    const created = await as(app.http().post(CM)).send(reprint('javascript:alert(1)', 3));
    expect(created.status).toBe(400);
    expect(created.body.error.message).toBe(REFUSAL);
    expect(created.body.error.details.errors[0].path).toEqual(['reprintedFromUrl']);

    const kept = await as(app.http().post(CM)).send(reprint('http://www.jinan.gov.cn/zwgk/1', 4));
    expect(kept.status).toBe(201);
    const documentId = kept.body.data.documentId;
    const changed = await as(app.http().put(`${CM}/${documentId}`)).send({
      reprintedFromUrl: 'data:text/html,<b>x</b>',
    });
    expect(changed.status).toBe(400);
    expect(changed.body.error.message).toBe(REFUSAL);
    const stored: any = await app.strapi.documents(DOC).findOne({ documentId });
    expect(stored.reprintedFromUrl).toBe('http://www.jinan.gov.cn/zwgk/1');
  });
});
