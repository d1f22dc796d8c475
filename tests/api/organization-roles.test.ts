import {
  createAdminAccount,
  createOrganizationTree,
  type OrganizationRef,
} from '../harness/admin-users';
import { policyDocumentData } from '../harness/fixtures';
import { createAdminSession, setClock, startApp, type TestApp } from '../harness/strapi';
import { SCOPED_TYPES } from '../../src/plugins/disclosure/shared/constants';

/**
 * Organization-scoped admin roles: a county editor reads and edits only its county's items, a city
 * reviewer and publisher the city's and its counties'; the confidentiality review is recorded by a
 * reviewer, under the reviewer's own name.
 */
const DOC = 'api::policy-document.policy-document';
const CM = `/content-manager/collection-types/${DOC}`;

let app: TestApp;
const orgs: Record<string, OrganizationRef> = {};
const sessions: Record<string, string> = {};
const users: Record<string, number> = {};

async function signIn(name: string, roleCode: string, organization: string | null): Promise<void> {
  const account = await createAdminAccount(app, {
    name,
    roles: [roleCode],
    organization: organization ? orgs[organization] : null,
  });
  sessions[name] = account.token;
  users[name] = account.userId;
}

const as = (name: string) => ({ Authorization: `Bearer ${sessions[name]}` });
const draftOf = (organization: string, title: string) =>
  app.strapi.documents(DOC).create({
    data: policyDocumentData(orgs[organization].documentId, {
      title,
      confidentialityReview: null,
    }) as any,
  } as any);

beforeAll(async () => {
  app = await startApp();
  Object.assign(orgs, await createOrganizationTree(app));
  await signIn('editorA', 'disclosure-editor', 'countyA');
  await signIn('editorB', 'disclosure-editor', 'countyB');
  await signIn('reviewer', 'disclosure-reviewer', 'city');
  await signIn('publisher', 'disclosure-publisher', 'city');
});

afterAll(async () => {
  await app?.stop();
});

test('the default roles exist once, and keep an office’s edits when the app starts again', async () => {
  const service = app.strapi.plugin('disclosure').service('organization-roles');
  const roles = app.strapi.db.query('admin::role');
  await roles.update({
    where: { code: 'disclosure-editor' },
    data: { description: '本单位修改过的说明' },
  });
  await service.ensureDefaultRoles();
  for (const code of [
    'disclosure-editor',
    'disclosure-reviewer',
    'disclosure-publisher',
    'disclosure-auditor',
  ]) {
    expect(await roles.count({ where: { code } })).toBe(1);
  }
  expect((await roles.findOne({ where: { code: 'disclosure-editor' } })).description).toBe(
    '本单位修改过的说明'
  );
});

test('a county editor lists only its county’s items, and cannot open another county’s', async () => {
  const own = await draftOf('countyA', '沂南县关于春耕的通知');
  const other = await draftOf('countyB', '沂水县关于春耕的通知');

  const list = await app
    .http()
    .get(CM)
    .query({ locale: 'zh-Hans', pageSize: 100 })
    .set(as('editorA'));
  expect(list.status).toBe(200);
  const titles = list.body.results.map((item: any) => item.title);
  expect(titles).toContain('沂南县关于春耕的通知');
  expect(titles).not.toContain('沂水县关于春耕的通知');

  expect(
    (
      await app
        .http()
        .get(`${CM}/${own.documentId}`)
        .query({ locale: 'zh-Hans' })
        .set(as('editorA'))
    ).status
  ).toBe(200);
  expect(
    (
      await app
        .http()
        .get(`${CM}/${other.documentId}`)
        .query({ locale: 'zh-Hans' })
        .set(as('editorA'))
    ).status
  ).toBe(403);
  const edit = await app
    .http()
    .put(`${CM}/${other.documentId}`)
    .query({ locale: 'zh-Hans' })
    .set(as('editorA'))
    .send({ title: '改别人的' });
  expect(edit.status).toBe(403);
  expect(
    (
      await app.strapi.db
        .query(DOC)
        .findOne({ where: { documentId: other.documentId, locale: 'zh-Hans', publishedAt: null } })
    ).title
  ).toBe('沂水县关于春耕的通知');
});

test('the annual report, its challenges and its entered figures are scoped as the catalogue is', async () => {
  const types: Array<[string, (organization: OrganizationRef) => Record<string, unknown>]> = [
    ['api::annual-report.annual-report', () => ({ year: 2025, title: '年度报告' })],
    [
      'plugin::disclosure.legal-challenge',
      () => ({ kind: 'reconsideration', filedOn: '2025-03-03', result: 'pending' }),
    ],
    [
      'plugin::disclosure.report-figure',
      () => ({ year: 2025, kind: 'administrative-fees', value: 1.5 }),
    ],
  ];
  for (const [uid, fields] of types) {
    expect([uid, SCOPED_TYPES.includes(uid)]).toEqual([uid, true]);
    const created = async (organization: OrganizationRef) =>
      app.strapi.documents(uid as any).create({
        data: { ...fields(organization), organization: organization.documentId } as any,
      } as any);
    const own = await created(orgs.countyA);
    const other = await created(orgs.countyB);
    const path = `/content-manager/collection-types/${uid}`;
    const localized = uid.startsWith('api::') ? { locale: 'zh-Hans' } : {};
    const list = await app
      .http()
      .get(path)
      .query({ ...localized, pageSize: 100 })
      .set(as('editorA'));
    expect([uid, list.status]).toEqual([uid, 200]);
    const listed = list.body.results.map((item: any) => item.documentId);
    expect([uid, listed.includes(own.documentId), listed.includes(other.documentId)]).toEqual([
      uid,
      true,
      false,
    ]);
    const opened = await app
      .http()
      .get(`${path}/${other.documentId}`)
      .query(localized)
      .set(as('editorA'));
    expect([uid, opened.status]).toEqual([uid, 403]);
  }
});

test('a city reviewer sees the city’s counties, and not another city', async () => {
  await draftOf('countyB', '沂水县关于防汛的通知');
  await draftOf('otherCity', '日照市关于防汛的通知');
  const list = await app
    .http()
    .get(CM)
    .query({ locale: 'zh-Hans', pageSize: 100 })
    .set(as('reviewer'));
  expect(list.status).toBe(200);
  const titles = list.body.results.map((item: any) => item.title);
  expect(titles).toContain('沂水县关于防汛的通知');
  expect(titles).not.toContain('日照市关于防汛的通知');
});

test('an editor drafts for its county but cannot publish, nor type in a confidentiality review', async () => {
  const created = await app
    .http()
    .post(CM)
    .query({ locale: 'zh-Hans' })
    .set(as('editorA'))
    .send({
      title: '沂南县关于乡村道路的通知',
      issuingOrganization: {
        connect: [{ documentId: orgs.countyA.documentId, locale: 'zh-Hans' }],
      },
      category: 'decision',
      issueDate: '2026-03-10',
    });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId;

  const forOtherCounty = await app
    .http()
    .post(CM)
    .query({ locale: 'zh-Hans' })
    .set(as('editorA'))
    .send({
      title: '替沂水县起草的通知',
      issuingOrganization: {
        connect: [{ documentId: orgs.countyB.documentId, locale: 'zh-Hans' }],
      },
      category: 'decision',
      issueDate: '2026-03-10',
    });
  expect(forOtherCounty.status).toBe(403);
  expect(await app.strapi.db.query(DOC).count({ where: { title: '替沂水县起草的通知' } })).toBe(0);

  // Moving its own item to another county would take it out of the editor's reach: refused too.
  const moved = await app
    .http()
    .put(`${CM}/${documentId}`)
    .query({ locale: 'zh-Hans' })
    .set(as('editorA'))
    .send({
      issuingOrganization: {
        connect: [{ documentId: orgs.countyB.documentId, locale: 'zh-Hans' }],
      },
    });
  expect(moved.status).toBe(403);

  const publish = await app
    .http()
    .post(`${CM}/${documentId}/actions/publish`)
    .query({ locale: 'zh-Hans' })
    .set(as('editorA'))
    .send({});
  expect(publish.status).toBe(403);

  const typed = await app
    .http()
    .put(`${CM}/${documentId}`)
    .query({ locale: 'zh-Hans' })
    .set(as('editorA'))
    .send({
      confidentialityReview: {
        reviewer: '王审查',
        reviewedAt: '2026-03-09T08:00:00.000Z',
        conclusion: 'approved',
      },
    });
  expect(typed.status).toBe(403);
  expect(typed.body.error.message).toMatch(/^保密审查须由审核人在“记录保密审查”中记录/);
  const stored = await app.strapi.db.query(DOC).findOne({
    where: { documentId, locale: 'zh-Hans', publishedAt: null },
    populate: ['confidentialityReview'],
  });
  expect(stored.confidentialityReview).toBeNull();
});

test('the reviewer records the review under its own name and time; the publisher then publishes', async () => {
  const draft: any = await app.strapi.documents(DOC).create({
    data: policyDocumentData(orgs.countyA.documentId, {
      title: '沂南县关于秋收的通知',
      confidentialityReview: null,
    }) as any,
  } as any);
  // Drafted by the county editor: the createdBy the content manager would have set.
  await app.strapi.db
    .query(DOC)
    .updateMany({ where: { documentId: draft.documentId }, data: { createdBy: users.editorA } });

  const byEditor = await app
    .http()
    .post('/disclosure/reviews')
    .set(as('editorA'))
    .send({ data: { contentType: DOC, documentId: draft.documentId, conclusion: 'approved' } });
  expect(byEditor.status).toBe(403);

  const typedName = await app
    .http()
    .post('/disclosure/reviews')
    .set(as('reviewer'))
    .send({
      data: {
        contentType: DOC,
        documentId: draft.documentId,
        conclusion: 'approved',
        reviewer: '别人',
      },
    });
  expect(typedName.status).toBe(400);
  expect(typedName.body.error.message).toMatch(/^reviewer 由系统按当前登录的审核人和时间记录/);

  const recorded = await app
    .http()
    .post('/disclosure/reviews')
    .set(as('reviewer'))
    .send({
      data: {
        contentType: DOC,
        documentId: draft.documentId,
        conclusion: 'approved',
        note: '不涉密',
      },
    });
  expect(recorded.status).toBe(201);
  expect(recorded.body.data).toMatchObject({
    reviewer: '测试reviewer',
    conclusion: 'approved',
    note: '不涉密',
  });
  const stored = await app.strapi.db.query(DOC).findOne({
    where: { documentId: draft.documentId, locale: 'zh-Hans', publishedAt: null },
    populate: ['confidentialityReview'],
  });
  expect(stored.confidentialityReview).toMatchObject({
    reviewer: '测试reviewer',
    conclusion: 'approved',
  });

  const published = await app
    .http()
    .post(`${CM}/${draft.documentId}/actions/publish`)
    .query({ locale: 'zh-Hans' })
    .set(as('publisher'))
    .send({});
  expect(published.status).toBe(200);
  expect(
    await app.strapi.db.query(DOC).count({
      where: { documentId: draft.documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } },
    })
  ).toBe(1);
});

test('a reviewer cannot review another city’s item, nor its own draft', async () => {
  const elsewhere: any = await draftOf('otherCity', '日照市关于海洋的通知');
  const outside = await app
    .http()
    .post('/disclosure/reviews')
    .set(as('reviewer'))
    .send({ data: { contentType: DOC, documentId: elsewhere.documentId, conclusion: 'approved' } });
  expect(outside.status).toBe(403);
  expect(outside.body.error.message).toMatch(/^只能审查本机构及下级机构的条目/);

  const own: any = await draftOf('city', '临沂市关于审查人自己起草的通知');
  await app.strapi.db
    .query(DOC)
    .updateMany({ where: { documentId: own.documentId }, data: { createdBy: users.reviewer } });
  const ownDraft = await app
    .http()
    .post('/disclosure/reviews')
    .set(as('reviewer'))
    .send({ data: { contentType: DOC, documentId: own.documentId, conclusion: 'approved' } });
  expect(ownDraft.status).toBe(403);
  expect(ownDraft.body.error.message).toMatch(/^不能审查本人起草的稿件/);
});

test('a super admin, who holds every permission, may still correct a review in the form', async () => {
  const chief = await createAdminSession(app, 'chief@example.gov.cn');
  const draft: any = await draftOf('countyA', '沂南县关于补录审查的通知');
  const corrected = await app
    .http()
    .put(`${CM}/${draft.documentId}`)
    .query({ locale: 'zh-Hans' })
    .set('Authorization', `Bearer ${chief}`)
    .send({
      confidentialityReview: {
        reviewer: '补录：王审查',
        reviewedAt: '2026-03-09T08:00:00.000Z',
        conclusion: 'approved',
      },
    });
  expect(corrected.status).toBe(200);
  expect(corrected.body.data.confidentialityReview).toMatchObject({
    reviewer: '补录：王审查',
    conclusion: 'approved',
  });
});

test('the compliance figures an organization’s account sees are its own, or those of an organization below it', async () => {
  const own = await app.http().get('/disclosure/compliance').set(as('editorA'));
  expect(own.status).toBe(200);
  expect(own.body.data.organization.documentId).toBe(orgs.countyA.documentId);

  const sideways = await app
    .http()
    .get('/disclosure/compliance')
    .query({ organization: '371323000' })
    .set(as('editorA'));
  expect(sideways.status).toBe(403);
  expect(sideways.body.error.message).toMatch(/^只能查看本机构及下级机构的统计/);

  const below = await app
    .http()
    .get('/disclosure/compliance')
    .query({ organization: '371323000' })
    .set(as('reviewer'));
  expect(below.status).toBe(200);
  expect(below.body.data.organization.code).toBe('371323000');
});

test('an account without an organization sees no compliance figures, unless a super admin or the auditor', async () => {
  setClock(app, '2026-03-10T02:00:00.000Z');
  await app.strapi.db.query('plugin::disclosure.deadline').create({
    data: {
      rule: 'concern-response-48-hours',
      contentType: 'api::public-concern.public-concern',
      itemDocumentId: 'unassigned0000000000000001',
      title: '沂南县今日到期的事项',
      organization: orgs.countyA.id,
      startAt: new Date('2026-02-10T02:00:00.000Z'),
      dueAt: new Date('2026-03-10T08:00:00.000Z'),
      status: 'pending',
    },
  });
  await signIn('unassigned', 'disclosure-editor', null);
  await signIn('auditor', 'disclosure-auditor', null);
  sessions.superAdmin = await createAdminSession(app, 'unassigned-chief@example.gov.cn');
  const dueToday = async (name: string) => {
    const response = await app.http().get('/disclosure/due-today').set(as(name));
    expect(response.status).toBe(200);
    return response.body.data.items.map((item: { title: string }) => item.title);
  };

  for (const query of [{}, { organization: '371321000' }]) {
    const refused = await app
      .http()
      .get('/disclosure/compliance')
      .query(query)
      .set(as('unassigned'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^账号未分配机构，无权查看统计/);
  }
  expect(await dueToday('unassigned')).toEqual([]);

  for (const name of ['auditor', 'superAdmin']) {
    const all = await app.http().get('/disclosure/compliance').set(as(name));
    expect(all.status).toBe(200);
    expect(all.body.data.organization).toBeNull();
    expect(all.body.data.dueToday.map((item: { title: string }) => item.title)).toContain(
      '沂南县今日到期的事项'
    );
    expect(await dueToday(name)).toContain('沂南县今日到期的事项');
  }
  expect(await dueToday('editorA')).toContain('沂南县今日到期的事项');
  expect(await dueToday('editorB')).not.toContain('沂南县今日到期的事项');
});
