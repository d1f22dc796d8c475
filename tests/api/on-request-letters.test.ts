import { strFromU8, unzipSync } from 'fflate';
import type {
  ApplicationDetail,
  LetterKind,
  LetterTemplate,
} from '../../src/plugins/disclosure/shared/contracts/on-request';
import { createAdminAccount, createRole } from '../harness/admin-users';
import { createAdminSession, setClock, startApp, type TestApp } from '../harness/strapi';
import { applicationDetail } from '../fixtures/on-request-applications';
import { approvedReview } from '../harness/fixtures';
import { createAdminAccount } from '../harness/admin-users';

/**
 * The letters of a case as the office downloads them: a .docx per letter (opened here as Word would,
 * its text read back from word/document.xml) with the statutory wording, the case number, the
 * organization and the date; and the settings page's template routes: save, read back, a bad
 * placeholder refused in Chinese, delete back to the default, an organization's own wording over the
 * office's, and only who manages settings may read or change them, an organization's wording only
 * within the account's organizations.
 */

let app: TestApp;
let chief: string;
let editor: string;
let keeper: string;
let organization: { documentId: string; name: string };

beforeAll(async () => {
  app = await startApp();
  // 10:00 on 2 November 2026 in Beijing: a letter not yet sent bears this date.
  setClock(app, '2026-11-02T02:00:00.000Z');
  chief = await createAdminSession(app, 'chief@example.gov.cn');
  ({ token: editor } = await createAdminAccount(app, {
    name: 'editor',
    roles: ['strapi-editor'],
    organization: null,
  }));
  const keeperRole = await createRole(app, {
    name: '设置维护 (Settings keeper)',
    code: 'settings-keeper',
    description: '维护政务公开设置',
    actions: ['plugin::disclosure.settings.manage'],
  });
  ({ token: keeper } = await createAdminAccount(app, {
    name: 'keeper',
    roles: [keeperRole],
    organization: null,
  }));
  const created: any = await app.strapi.documents('api::organization.organization').create({
    data: {
      name: '临沂市住房和城乡建设局',
      code: '371300101',
      level: 'city',
      regionCode: '371300',
    } as any,
  });
  organization = { documentId: created.documentId, name: created.name };
});

afterAll(async () => {
  await app?.stop();
});

const as = (token: string) => ({
  get: (path: string) => app.http().get(path).set('Authorization', `Bearer ${token}`),
  put: (path: string, body: unknown) =>
    app
      .http()
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
  delete: (path: string) => app.http().delete(path).set('Authorization', `Bearer ${token}`),
});

const letters = () => app.strapi.plugin('disclosure').service('letters');

/** A case addressed to the test organization. */
const detailOf = (overrides: Partial<ApplicationDetail> = {}): ApplicationDetail =>
  applicationDetail({
    organization: {
      documentId: organization.documentId,
      code: '371300101',
      name: organization.name,
    },
    ...overrides,
  });

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The .docx opened: its parts, and word/document.xml's paragraphs as text. */
function openDocx(buffer: Buffer): { files: Record<string, string>; paragraphs: string[] } {
  const zipped = unzipSync(new Uint8Array(buffer));
  const files = Object.fromEntries(
    Object.entries(zipped)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([name, bytes]) => [name, strFromU8(bytes)])
  );
  const paragraphs = files['word/document.xml']
    .split('</w:p>')
    .map((paragraph) =>
      unescapeXml(
        [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, text]) => text).join('')
      )
    )
    .filter(Boolean);
  return { files, paragraphs };
}

const documentText = async (kind: LetterKind, detail: ApplicationDetail) =>
  openDocx(await letters().document(kind, detail));

describe('the .docx of each letter', () => {
  test.each([
    [
      'acknowledgement',
      '政府信息公开申请登记回执',
      '将自收到申请之日起20个工作日内，即2026年11月24日前予以答复',
      '2026年9月29日',
    ],
    [
      'correction-notice',
      '政府信息公开申请补正告知书',
      '请您对以下事项作出补正：请写明所需清单的年度和区域。',
      '2026年9月30日',
    ],
    [
      'third-party-consultation',
      '政府信息公开征求第三方意见函',
      '请贵方自收到本函之日起15个工作日内',
      '2026年10月22日',
    ],
    [
      'extension-notice',
      '政府信息公开申请延期答复告知书',
      '因需征求第三方意见，本机关不能在规定期限内作出答复',
      '2026年10月26日',
    ],
    [
      'fee-notice',
      '政府信息公开信息处理费收费通知书',
      '本机关决定收取信息处理费人民币1100元',
      '2026年10月27日',
    ],
  ] as const)('%s: %s', async (kind, title, wording, date) => {
    const { paragraphs } = await documentText(kind, detailOf());
    expect(paragraphs[0]).toBe(title);
    expect(paragraphs[1]).toBe('申请编号：370000001-2026-0007');
    expect(paragraphs.join('\n')).toContain(wording);
    // Signed by the organization, dated the day the letter was sent.
    expect(paragraphs.slice(-2)).toEqual([organization.name, date]);
  });

  test('the third party’s letter is addressed to them and names nothing of the applicant', async () => {
    const { paragraphs } = await documentText('third-party-consultation', detailOf());
    expect(paragraphs[2]).toBe('某某建设有限公司：');
    const text = paragraphs.join('\n');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('370102199001011234');
  });

  test.each([
    [
      'disclosed',
      null,
      '本机关予以公开，以电子数据形式随本答复书一并提供。其中已经主动公开的信息：无。',
    ],
    [
      'partially-disclosed',
      null,
      '根据《条例》第三十七条的规定，本机关向您提供可以公开的政府信息内容',
    ],
    [
      'not-disclosed',
      'process-information',
      '根据《条例》第十六条第二款、第三十六条第（三）项的规定，本机关决定不予公开。具体理由和依据：该清单涉及尚在研究中的方案。',
    ],
    ['unavailable', 'not-held', '根据《条例》第三十六条第（四）项、第（五）项的规定'],
    ['not-processed', 'repeated', '本机关不予重复处理'],
    ['other', 'fee-unpaid', '告知您于2026年11月10日前缴纳信息处理费人民币1100元，您逾期未缴纳'],
  ] as const)('the reply, %s %s', async (outcome, reason, wording) => {
    const { paragraphs } = await documentText(
      'reply',
      detailOf({ outcome, outcomeReason: reason, status: 'drafted' })
    );
    expect(paragraphs.slice(0, 4)).toEqual([
      '政府信息公开申请答复书',
      '申请编号：370000001-2026-0007',
      '张三：',
      '本机关于2026年9月29日收到您提出的政府信息公开申请，您申请获取“2025年度本市老旧小区改造项目清单”。根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，经审查，现答复如下：',
    ]);
    const text = paragraphs.join('\n');
    expect(text).toContain(wording);
    expect(text).toContain('60日内依法申请行政复议');
    // Not sent yet: today's date in Beijing (the plugin clock).
    expect(paragraphs.slice(-2)).toEqual([organization.name, '2026年11月2日']);
  });

  test('laid out as an official letter: A4, 仿宋 三号, 小标宋 二号 title, indented paragraphs, page numbers', async () => {
    const { files } = await documentText('reply', detailOf({ outcome: 'disclosed' }));
    const document = files['word/document.xml'];
    expect(document).toContain('w:w="11906"');
    expect(document).toContain('w:h="16838"');
    expect(document).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(document).toContain('w:eastAsia="仿宋"');
    expect(document).toContain('<w:sz w:val="32"/>');
    expect(document).toContain('w:firstLineChars="200"');
    expect(document).toMatch(/<w:jc w:val="right"\/>/);
    expect(document).toMatch(/<w:jc w:val="center"\/>/);
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footer?.[1]).toContain('PAGE');
  });

  test('the catalogue items a reply points to are named by title and 文号', async () => {
    const published: any = await app.strapi
      .documents('api::policy-document.policy-document')
      .create({
        data: {
          title: '关于老旧小区改造的实施方案',
          documentNumber: '临建发〔2026〕3号',
          issuingOrganization: organization.documentId,
          category: 'decision',
          disclosureAttribute: 'proactive',
          confidentialityReview: approvedReview,
        } as any,
        status: 'published',
      } as any);
    const { paragraphs } = await documentText(
      'reply',
      detailOf({ outcome: 'disclosed', publicDocuments: [published.documentId, 'unknown0001'] })
    );
    expect(paragraphs.join('\n')).toContain(
      '其中已经主动公开的信息：《关于老旧小区改造的实施方案》（临建发〔2026〕3号）、unknown0001。'
    );
  });

  test('the reply as drafted and approved is the reply sent, its placeholders filled', async () => {
    const { paragraphs } = await documentText(
      'reply',
      detailOf({
        outcome: 'disclosed',
        replyText:
          '{{applicantName}}：\n经研究，现将{{description}}提供给您。\n如对本答复不服，可依法申请行政复议或者提起行政诉讼。',
      })
    );
    expect(paragraphs.slice(2, 5)).toEqual([
      '张三：',
      '经研究，现将2025年度本市老旧小区改造项目清单提供给您。',
      '如对本答复不服，可依法申请行政复议或者提起行政诉讼。',
    ]);
  });

  test('the reply before the case has its outcome is a 400-type refusal, in Chinese and English', async () => {
    await expect(letters().document('reply', detailOf())).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/答复书须先确定办理结果.*outcome/),
    });
    await expect(
      letters().text('reply', detailOf({ outcome: 'not-disclosed', outcomeReason: null }))
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(letters().template('reply')).rejects.toMatchObject({ name: 'ValidationError' });
  });

  test('a value the case does not have yet prints as a blank to fill in by hand', async () => {
    const { body } = await letters().text(
      'extension-notice',
      detailOf({ steps: [], clocks: { ...detailOf().clocks, extendedWorkingDays: 0 } })
    );
    expect(body).toContain('因＿＿＿＿，本机关不能在规定期限内作出答复');
    expect(body).toContain('答复期限延长＿＿＿＿个工作日');
  });

  test('the online text: number, the letter, organization and date', async () => {
    const { title, body } = await letters().text('acknowledgement', detailOf());
    expect(title).toBe('政府信息公开申请登记回执');
    const lines = body.split('\n');
    expect(lines[0]).toBe('申请编号：370000001-2026-0007');
    expect(lines[2]).toBe('张三：');
    expect(lines.slice(-2)).toEqual([organization.name, '2026年9月29日']);
  });
});

describe('the template routes', () => {
  const base = '/disclosure/letter-templates';

  test('every letter with its wording, the defaults to begin with', async () => {
    const response = await as(chief).get(base);
    expect(response.status).toBe(200);
    const templates: LetterTemplate[] = response.body.data;
    expect(templates).toHaveLength(26);
    expect(templates.every((template) => template.isDefault)).toBe(true);
    expect(templates[0]).toMatchObject({
      key: 'acknowledgement',
      kind: 'acknowledgement',
      outcome: null,
      reason: null,
      title: '政府信息公开申请登记回执',
    });
    expect(
      templates.find((template) => template.key === 'reply.not-disclosed.state-secret')
    ).toMatchObject({
      kind: 'reply',
      outcome: 'not-disclosed',
      reason: 'state-secret',
      title: '政府信息公开申请答复书',
    });
  });

  test('saved, read back, used in the letter; deleted, the default again', async () => {
    const wording = {
      title: '政府信息公开申请受理回执',
      body: '{{applicantName}}：\n本机关已于{{receivedOn}}受理您的申请（{{number}}），将于{{replyDueOn}}前答复。',
    };
    const saved = await as(keeper).put(`${base}/acknowledgement`, { data: wording });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual({
      key: 'acknowledgement',
      kind: 'acknowledgement',
      outcome: null,
      reason: null,
      ...wording,
      isDefault: false,
    });
    // Saved twice: still one row for the key.
    expect((await as(keeper).put(`${base}/acknowledgement`, { data: wording })).status).toBe(200);
    expect(
      await app.strapi.db
        .query('plugin::disclosure.letter-template')
        .count({ where: { key: 'acknowledgement' } })
    ).toBe(1);

    const listed: LetterTemplate[] = (await as(chief).get(base)).body.data;
    expect(listed.find((template) => template.key === 'acknowledgement')).toMatchObject({
      ...wording,
      isDefault: false,
    });
    const { paragraphs } = await documentText('acknowledgement', detailOf());
    expect(paragraphs.slice(0, 4)).toEqual([
      '政府信息公开申请受理回执',
      '申请编号：370000001-2026-0007',
      '张三：',
      '本机关已于2026年9月29日受理您的申请（370000001-2026-0007），将于2026年11月24日前答复。',
    ]);

    const reset = await as(keeper).delete(`${base}/acknowledgement`);
    expect(reset.status).toBe(200);
    expect(reset.body.data).toMatchObject({ title: '政府信息公开申请登记回执', isDefault: true });
    expect((await documentText('acknowledgement', detailOf())).paragraphs[0]).toBe(
      '政府信息公开申请登记回执'
    );
  });

  test('a reply wording by its outcome and reason', async () => {
    const key = 'reply.not-processed.petition-complaint';
    const body =
      '{{applicantName}}：\n您反映的问题属于信访事项，请通过{{redirectChannel}}反映。\n如不服，可于60日内申请行政复议或6个月内提起行政诉讼。';
    expect(
      (await as(chief).put(`${base}/${key}`, { data: { title: '告知书', body } })).status
    ).toBe(200);
    const detail = detailOf({
      outcome: 'not-processed',
      outcomeReason: 'petition-complaint',
      steps: [
        {
          kind: 'draft-reply',
          at: '2026-10-09T02:00:00.000Z',
          actor: null,
          details: { redirectChannel: '12345政务服务便民热线' },
        },
      ],
    });
    const { title, body: text } = await letters().text('reply', detail);
    expect(title).toBe('告知书');
    expect(text).toContain('请通过12345政务服务便民热线反映。');
    // Other replies keep their default.
    expect(
      (
        await letters().text(
          'reply',
          detailOf({ outcome: 'not-processed', outcomeReason: 'repeated' })
        )
      ).title
    ).toBe('政府信息公开申请答复书');
    expect((await as(chief).delete(`${base}/${key}`)).status).toBe(200);
  });

  test('an unknown placeholder is a 400 naming it, in Chinese; nothing is stored', async () => {
    const response = await as(chief).put(`${base}/fee-notice`, {
      data: { title: '收费通知书', body: '{{applicantName}}：请缴纳{{fee}}。' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/占位符 \{\{fee\}\} 不存在/);
    expect(response.body.error.details.errors[0].path).toEqual(['body']);
    expect(
      await app.strapi.db
        .query('plugin::disclosure.letter-template')
        .count({ where: { key: 'fee-notice' } })
    ).toBe(0);
  });

  test('a body missing or blank, the applicant in the third party’s letter: 400s', async () => {
    const blank = await as(chief).put(`${base}/fee-notice`, {
      data: { title: '收费通知书', body: '  ' },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toContain('正文 body 必填');
    const noData = await as(chief).put(`${base}/fee-notice`, { title: 'x' });
    expect(noData.status).toBe(400);
    const named = await as(chief).put(`${base}/third-party-consultation`, {
      data: { title: '征求意见函', body: '{{thirdParty}}：申请人{{applicantName}}申请……' },
    });
    expect(named.status).toBe(400);
    expect(named.body.error.message).toContain('不得包含申请人信息');
  });

  test('an unknown key is a 404', async () => {
    expect(
      (await as(chief).put(`${base}/reply.not-disclosed`, { data: { title: 't', body: 'b' } }))
        .status
    ).toBe(404);
    expect((await as(chief).delete(`${base}/receipt`)).status).toBe(404);
    expect((await as(chief).delete(`${base}/reply..x`)).status).toBe(404);
    expect((await as(chief).delete(`${base}/${'x'.repeat(101)}`)).status).toBe(400);
  });

  test('an organization’s own wording over the office-wide one, over the default', async () => {
    const office = { title: '登记回执（本级）', body: '{{applicantName}}：已登记。' };
    const own = { title: '登记回执（住建局）', body: '{{applicantName}}：住建局已登记。' };
    expect((await as(chief).put(`${base}/acknowledgement`, { data: office })).status).toBe(200);
    const query = `?organization=${organization.documentId}`;
    // Until the organization has its own, it reads the office's.
    const inherited: LetterTemplate[] = (await as(chief).get(`${base}${query}`)).body.data;
    expect(inherited[0]).toMatchObject({ ...office, isDefault: false });
    expect((await as(chief).put(`${base}/acknowledgement${query}`, { data: own })).status).toBe(
      200
    );
    expect((await letters().text('acknowledgement', detailOf())).title).toBe(own.title);
    // Another organization's case, or the office's list, still reads the office's wording.
    expect(
      (
        await letters().text(
          'acknowledgement',
          detailOf({
            organization: { documentId: 'other0000000000000000001', code: 'x', name: '某局' },
          })
        )
      ).title
    ).toBe(office.title);
    expect((await as(chief).get(base)).body.data[0]).toMatchObject(office);
    expect(
      await letters().template('acknowledgement', null, null, organization.documentId)
    ).toEqual(own);

    // Reset the organization's: back to the office's; reset the office's: back to the default.
    expect((await as(chief).delete(`${base}/acknowledgement${query}`)).body.data).toMatchObject(
      office
    );
    expect((await as(chief).delete(`${base}/acknowledgement`)).body.data.isDefault).toBe(true);
    expect((await letters().text('acknowledgement', detailOf())).title).toBe(
      '政府信息公开申请登记回执'
    );

    const unknown = await as(chief).get(`${base}?organization=nosuchorganization0001`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('没有这个机构');
  });

  test('one row per letter and scope: saves at once leave one, and the unique index holds it', async () => {
    const saves = await Promise.all(
      [1, 2, 3].map((n) =>
        as(chief).put(`${base}/fee-notice`, {
          data: {
            title: `收费通知书${n}`,
            body: '{{applicantName}}：请于{{paymentDueOn}}前缴费。',
          },
        })
      )
    );
    expect(saves.map((response) => response.status)).toEqual([200, 200, 200]);
    const model = app.strapi.db.query('plugin::disclosure.letter-template');
    expect(await model.count({ where: { key: 'fee-notice' } })).toBe(1);
    const knex = app.strapi.db.connection;
    const indexes =
      app.strapi.db.dialect.client === 'postgres'
        ? (
            await knex.raw(
              "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'disclosure_letter_templates'"
            )
          ).rows
        : await knex.raw(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'disclosure_letter_templates'"
          );
    expect(indexes.map((index: { name: string }) => index.name)).toContain(
      'disclosure_letter_templates_scope_uq'
    );
    await expect(
      knex('disclosure_letter_templates').insert({
        key: 'fee-notice',
        scope: 'fee-notice@*',
        title: 't',
        body: 'b',
      })
      // The driver's error class may come from outside Jest's realm: matched by its message.
    ).rejects.toMatchObject({ message: expect.stringMatching(/unique|duplicate key/i) });
    expect((await as(chief).delete(`${base}/fee-notice`)).status).toBe(200);
  });

  test('only who manages settings may read or change the wording', async () => {
    const refused = [
      await as(editor).get(base),
      await as(editor).put(`${base}/acknowledgement`, { data: { title: 't', body: 'b' } }),
      await as(editor).delete(`${base}/acknowledgement`),
    ];
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403]);
    expect((await app.http().get(base)).status).toBe(401);
    expect((await as(keeper).get(base)).status).toBe(200);
  });

  test('an organization’s wording only within the account’s organizations (super admins any)', async () => {
    const create = async (data: Record<string, unknown>) =>
      (await app.strapi.documents('api::organization.organization').create({ data: data as any }))
        .documentId as string;
    const below = await create({
      name: '临沂市住房和城乡建设局房产中心',
      code: '371300102',
      level: 'city',
      regionCode: '371300',
      parent: organization.documentId,
    });
    const other = await create({
      name: '日照市住房和城乡建设局',
      code: '371100101',
      level: 'city',
      regionCode: '371100',
    });
    const organizationRow = await app.strapi.db
      .query('api::organization.organization')
      .findOne({ where: { documentId: organization.documentId } });
    // The settings permission, held by an account of 住建局.
    const ownKeeper = await createAdminAccount(app, {
      name: 'OwnKeeper',
      roles: ['settings-keeper'],
      organization: organizationRow,
    });
    const wording = { title: '登记回执（他局）', body: '{{applicantName}}：已登记。' };
    const model = app.strapi.db.query('plugin::disclosure.letter-template');

    // Another organization's wording: refused, read or written, and nothing stored or deleted.
    await as(chief).put(`${base}/acknowledgement?organization=${other}`, { data: wording });
    const outside = [
      await as(ownKeeper.token).get(`${base}?organization=${other}`),
      await as(ownKeeper.token).put(`${base}/acknowledgement?organization=${other}`, {
        data: { title: '改', body: '{{applicantName}}：改。' },
      }),
      await as(ownKeeper.token).delete(`${base}/acknowledgement?organization=${other}`),
      // An account without an organization has none; an unknown organization is refused alike.
      await as(keeper).get(`${base}?organization=${organization.documentId}`),
      await as(keeper).put(`${base}/acknowledgement?organization=${organization.documentId}`, {
        data: wording,
      }),
      await as(ownKeeper.token).get(`${base}?organization=nosuchorganization0001`),
    ];
    expect(outside.map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403]);
    for (const response of outside)
      expect(response.body.error.message).toContain('只能查看和修改本机构及下级机构的文书模板');
    expect(await model.findOne({ where: { scope: `acknowledgement@${other}` } })).toMatchObject(
      wording
    );
    expect(
      await model.count({ where: { scope: `acknowledgement@${organization.documentId}` } })
    ).toBe(0);

    // Its own organization and those below it: read, saved, reset.
    for (const documentId of [organization.documentId, below]) {
      const query = `?organization=${documentId}`;
      expect((await as(ownKeeper.token).get(`${base}${query}`)).status).toBe(200);
      const saved = await as(ownKeeper.token).put(`${base}/acknowledgement${query}`, {
        data: wording,
      });
      expect(saved.status).toBe(200);
      expect((await as(ownKeeper.token).delete(`${base}/acknowledgement${query}`)).status).toBe(
        200
      );
    }
    // A super admin, any organization's.
    expect((await as(chief).get(`${base}?organization=${other}`)).body.data[0]).toMatchObject(
      wording
    );
    expect((await as(chief).delete(`${base}/acknowledgement?organization=${other}`)).status).toBe(
      200
    );
  });
});
