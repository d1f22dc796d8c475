import { createAdminSession, startApp, type TestApp } from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';
const ORG = 'api::organization.organization';
const PRESS = 'api::press-release.press-release';

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** The view as the admin panel reads it ("Configure the view" and the list and edit views). */
async function viewOf(token: string, uid: string) {
  const res = await app
    .http()
    .get(`/content-manager/content-types/${uid}/configuration`)
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

const pluginStore = () =>
  app.strapi.store({ type: 'plugin', name: 'disclosure', key: 'editor-views' });
const contentTypesService = () => app.strapi.plugin('content-manager').service('content-types');

test('after boot the catalogue is labelled in Chinese, with its columns and newest issue date first', async () => {
  const token = await createAdminSession(app, 'views@example.gov.cn');
  const { contentType, components } = await viewOf(token, DOC);
  const labels = Object.fromEntries(
    Object.entries(contentType.metadatas as Record<string, any>).map(([field, metadata]) => [
      field,
      metadata.edit.label,
    ])
  );
  expect(labels).toMatchObject({
    title: '标题',
    documentNumber: '文号',
    indexNumber: '索引号',
    issuingOrganization: '发布机构',
    draftingDepartment: '起草部门',
    writtenDate: '成文日期',
    issueDate: '印发日期',
    disclosureAttribute: '公开属性',
    nonDisclosureReason: '不予公开理由',
    validity: '有效性',
    category: '五公开类别',
    topic: '主题分类',
    createdAt: '创建时间',
  });
  expect(contentType.metadatas.indexNumber.list.label).toBe('索引号');
  expect(contentType.metadatas.indexNumber.edit.description).toMatch(/自动生成/);
  expect(contentType.metadatas.documentNumber.edit.description).toMatch(/规范/);
  expect(contentType.metadatas.issuingOrganization.edit.mainField).toBe('name');
  expect(contentType.layouts.list).toEqual([
    'title',
    'documentNumber',
    'indexNumber',
    'issuingOrganization',
    'issueDate',
  ]);
  expect(contentType.settings).toMatchObject({
    mainField: 'title',
    defaultSortBy: 'issueDate',
    defaultSortOrder: 'DESC',
  });
  // The edit view's layout is still Strapi's: every field placed.
  const placed = (contentType.layouts.edit as Array<Array<{ name: string }>>)
    .flat()
    .map((field) => field.name);
  expect(placed).toEqual(
    expect.arrayContaining(['title', 'documentNumber', 'confidentialityReview'])
  );
  // Components are labelled too.
  expect(components['disclosure.confidentiality-review'].metadatas.conclusion.edit.label).toBe(
    '审查结论'
  );
  const organization = (await viewOf(token, ORG)).contentType;
  expect(organization.settings.mainField).toBe('name');
  expect(organization.metadatas.code.edit.label).toBe('机构代码');

  // On a new database every type was on Strapi's defaults: nothing was kept, and a second pass,
  // as the next start-up makes, changes nothing.
  expect(await app.strapi.plugin('disclosure').service('editor-views').applyEditorViews()).toEqual({
    updated: [],
    kept: {},
  });
});

test("an office's view survives a restart; the plugin's last view and a type on Strapi's defaults take the table's", async () => {
  const token = await createAdminSession(app, 'office@example.gov.cn');
  const { contentType: before } = await viewOf(token, DOC);

  // An office configures the catalogue's view: its own label, description, columns and sort.
  const metadatas = structuredClone(before.metadatas);
  // The admin sends each relation's main field in `edit` only (the answer repeats it in `list`).
  for (const metadata of Object.values(metadatas as Record<string, any>))
    delete metadata.list.mainField;
  metadatas.title.edit.label = '文件标题';
  metadatas.title.list.label = '文件名称';
  metadatas.documentNumber.edit.description = '本单位发文字号';
  const changed = await app
    .http()
    .put(`/content-manager/content-types/${DOC}/configuration`)
    .set('Authorization', `Bearer ${token}`)
    .send({
      settings: { ...before.settings, defaultSortBy: 'writtenDate', defaultSortOrder: 'ASC' },
      metadatas,
      layouts: { ...before.layouts, list: ['title', 'issueDate', 'validity'] },
    });
  expect(changed.status).toBe(200);
  const officeView = (await viewOf(token, DOC)).contentType;
  expect(officeView.metadatas.title.edit.label).toBe('文件标题');

  // The organization still shows a label this plugin set in an earlier version of its table.
  const organization = await contentTypesService().findConfiguration({ uid: ORG });
  organization.metadatas.name.edit.label = '名称';
  await contentTypesService().updateConfiguration(
    { uid: ORG },
    {
      settings: organization.settings,
      metadatas: organization.metadatas,
      layouts: organization.layouts,
    }
  );
  const applied = (await pluginStore().get({})) as Record<string, Record<string, unknown>>;
  applied[ORG]['metadatas.name.edit.label'] = '名称';
  // Press releases as an installation from before this feature has them: Strapi's own view, which
  // the content manager generates again at start-up, and nothing applied by the plugin.
  delete applied[PRESS];
  await pluginStore().set({ value: applied });
  await app.strapi.db.query('strapi::core-store').delete({
    where: { key: `plugin_content_manager_configuration_content_types::${PRESS}` },
  });

  const { database } = app;
  await app.stop({ keepDatabase: true });
  app = await startApp({ database });
  const afterRestart = await createAdminSession(app, 'after-restart@example.gov.cn');

  expect((await viewOf(afterRestart, DOC)).contentType).toEqual(officeView);
  expect((await viewOf(afterRestart, ORG)).contentType.metadatas.name.edit.label).toBe('机构名称');
  const press = (await viewOf(afterRestart, PRESS)).contentType;
  expect(press.metadatas.heldAt.edit.label).toBe('发布时间');
  expect(press.metadatas.kind.list.label).toBe('发布形式');
  expect(press.layouts.list).toEqual(['title', 'kind', 'organization', 'heldAt']);
  expect(press.settings).toMatchObject({ defaultSortBy: 'heldAt', defaultSortOrder: 'DESC' });
});
