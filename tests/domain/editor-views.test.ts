import fs from 'fs';
import path from 'path';
import {
  EDITOR_VIEWS,
  SYSTEM_FIELDS,
} from '../../src/plugins/disclosure/server/src/editor-views/rules/editor-views';
import { TYPE_NAMES } from '../../src/plugins/disclosure/shared/type-names';
import {
  decideView,
  defaultItems,
  defaultMainField,
  isListable,
  isSortable,
  tableItems,
  viewConfigurationFor,
  type AttributeOutline,
  type ModelOutline,
  type ViewConfiguration,
} from '../../src/plugins/disclosure/server/src/editor-views/rules/view-configuration';

const ROOT = path.join(__dirname, '..', '..');
const DOC = 'api::policy-document.policy-document';
const ORG = 'api::organization.organization';

interface SchemaFile {
  attributes: Record<
    string,
    { type: string; relation?: string; target?: string; visible?: boolean }
  >;
  pluginOptions?: { 'content-manager'?: { visible?: boolean } };
}
const readJson = (file: string): SchemaFile => JSON.parse(fs.readFileSync(file, 'utf8'));
const folders = (dir: string) => fs.readdirSync(path.join(ROOT, dir));

/** Every schema the content manager shows: the app's types and components, the plugin's visible types. */
function shownSchemas(): Map<string, SchemaFile> {
  const schemas = new Map<string, SchemaFile>();
  for (const api of folders('src/api'))
    for (const type of folders(`src/api/${api}/content-types`))
      schemas.set(
        `api::${api}.${type}`,
        readJson(path.join(ROOT, 'src/api', api, 'content-types', type, 'schema.json'))
      );
  for (const category of folders('src/components'))
    for (const file of folders(`src/components/${category}`))
      schemas.set(
        `${category}.${path.basename(file, '.json')}`,
        readJson(path.join(ROOT, 'src/components', category, file))
      );
  const plugin = 'src/plugins/disclosure/server/src';
  for (const capability of folders(plugin)) {
    const dir = path.join(plugin, capability, 'content-types');
    if (!fs.existsSync(path.join(ROOT, dir))) continue;
    for (const type of folders(dir)) {
      const schema = readJson(path.join(ROOT, dir, type, 'schema.json'));
      if (schema.pluginOptions?.['content-manager']?.visible !== false)
        schemas.set(`plugin::disclosure.${type}`, schema);
    }
  }
  return schemas;
}
const SCHEMAS = shownSchemas();

/** A schema as the content manager models it: the row id first, then its fields, timestamps, creator fields, documentId. */
function outlineOf(uid: string): ModelOutline {
  const schema = SCHEMAS.get(uid);
  if (!schema) throw new Error(`no schema for ${uid}`);
  const attributes: Record<string, AttributeOutline> = { id: { type: 'integer' } };
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.visible === false) continue;
    attributes[name] = { type: attribute.type, relationType: attribute.relation };
  }
  // Components too get a documentId from the content manager's data mapper, though they have none.
  if (!uid.includes('::')) return { attributes: { ...attributes, documentId: { type: 'string' } } };
  return {
    attributes: {
      ...attributes,
      createdAt: { type: 'datetime' },
      updatedAt: { type: 'datetime' },
      createdBy: { type: 'relation', relationType: 'oneToOne' },
      updatedBy: { type: 'relation', relationType: 'oneToOne' },
      documentId: { type: 'string' },
    },
  };
}

/** The configuration Strapi generates for a type it configures itself (metadatas.js, layouts.js). */
function strapiDefault(uid: string): ViewConfiguration {
  const model = outlineOf(uid);
  const fields = Object.keys(model.attributes);
  const items = defaultItems(model, ['settings.mainField', 'layouts.list']);
  return {
    settings: {
      bulkable: true,
      filterable: true,
      searchable: true,
      pageSize: 10,
      mainField: items['settings.mainField'] as string,
      defaultSortBy: items['settings.mainField'] as string,
      defaultSortOrder: 'ASC',
    },
    metadatas: Object.fromEntries(
      fields.map((field) => [
        field,
        {
          edit: { label: field, description: '', placeholder: '', visible: true, editable: true },
          list: { label: field, searchable: true, sortable: true },
        },
      ])
    ),
    layouts: {
      list: [...(items['layouts.list'] as string[])],
      edit: [[{ name: 'title', size: 6 }]],
    },
  };
}

describe('the table covers what the content manager shows', () => {
  test('every app type, component and visible plugin type has a view, and nothing else', () => {
    expect(Object.keys(EDITOR_VIEWS).sort()).toEqual([...SCHEMAS.keys()].sort());
    expect(SCHEMAS.has('plugin::disclosure.ledger-entry')).toBe(false);
    expect(SCHEMAS.has('plugin::disclosure.calendar-day')).toBe(true);
  });

  test.each([...SCHEMAS.keys()])('%s: every field labelled in Chinese, no field unknown', (uid) => {
    const view = EDITOR_VIEWS[uid];
    const shown = Object.keys(outlineOf(uid).attributes).filter((name) => name !== 'documentId');
    const chinese = /[\u4e00-\u9fff]/;
    expect((TYPE_NAMES as Readonly<Record<string, { zh: string }>>)[uid]?.zh).toMatch(chinese);
    for (const field of shown) {
      const label = view.fields[field]?.label ?? SYSTEM_FIELDS[field]?.label;
      expect([field, label]).toEqual([field, expect.stringMatching(chinese)]);
      // Labels are the words an editor reads, without the code's English names.
      expect([field, label]).toEqual([field, expect.not.stringMatching(/[A-Za-z]{2,}/)]);
    }
    expect(Object.keys(view.fields).filter((field) => !shown.includes(field))).toEqual([]);
  });

  test.each([...SCHEMAS.keys()])('%s: columns, sort and main fields Strapi accepts', (uid) => {
    const view = EDITOR_VIEWS[uid];
    const { attributes } = outlineOf(uid);
    for (const column of view.list ?? [])
      expect([column, isListable(attributes[column])]).toEqual([column, true]);
    expect((view.list ?? []).length).toBeLessThanOrEqual(6);
    if (view.sort)
      expect([view.sort.by, isSortable(attributes[view.sort.by])]).toEqual([view.sort.by, true]);
    if (view.mainField) expect(isListable(attributes[view.mainField])).toBe(true);
    for (const [field, fieldView] of Object.entries(view.fields)) {
      const target = SCHEMAS.get(uid)?.attributes[field]?.target;
      if (!target || !fieldView.mainField) continue;
      // A relation shows what its target names itself by (admin accounts: their e-mail).
      const expected = target === 'admin::user' ? 'email' : EDITOR_VIEWS[target].mainField;
      expect([field, fieldView.mainField]).toEqual([field, expected]);
    }
  });
});

describe('the view merged into a configuration', () => {
  test('the catalogue: labels, descriptions, columns, newest issue date first', () => {
    const view = viewConfigurationFor(DOC, strapiDefault(DOC));
    expect(view.metadatas.documentNumber.edit.label).toBe('文号');
    expect(view.metadatas.documentNumber.list.label).toBe('文号');
    expect(view.metadatas.indexNumber.edit.description).toMatch(/自动生成.*370000001\/2014-00001/);
    expect(view.metadatas.documentNumber.edit.description).toMatch(/〔2014〕/);
    expect(view.metadatas.issuingOrganization.edit).toMatchObject({
      label: '发布机构',
      mainField: 'name',
    });
    expect(view.metadatas.createdAt.list.label).toBe('创建时间');
    expect(view.layouts.list).toEqual([
      'title',
      'documentNumber',
      'indexNumber',
      'issuingOrganization',
      'issueDate',
    ]);
    expect(view.settings).toMatchObject({
      mainField: 'title',
      defaultSortBy: 'issueDate',
      defaultSortOrder: 'DESC',
      pageSize: 10,
    });
    // What Strapi keeps beside the labels is untouched.
    expect(view.metadatas.title.edit).toMatchObject({ visible: true, editable: true });
    expect(view.layouts.edit).toEqual([[{ name: 'title', size: 6 }]]);
  });

  test('the configuration given is not changed; a type without a view comes back as it was', () => {
    const current = strapiDefault(DOC);
    const before = JSON.stringify(current);
    viewConfigurationFor(DOC, current);
    expect(JSON.stringify(current)).toBe(before);
    expect(viewConfigurationFor('api::unknown.unknown', current)).toEqual(current);
  });

  test('a field the configuration lacks is not written', () => {
    const current = strapiDefault(DOC);
    delete current.metadatas.indexNumber;
    const view = viewConfigurationFor(DOC, current);
    expect(view.metadatas.indexNumber).toBeUndefined();
    expect(view.layouts.list).not.toContain('indexNumber');
    expect(tableItems(DOC, ['title'])).not.toHaveProperty('settings.defaultSort');
  });

  test('components: labels and the field naming each entry', () => {
    const view = viewConfigurationFor(
      'interpretation.qa-item',
      strapiDefault('interpretation.qa-item')
    );
    expect(view.metadatas.question.edit.label).toBe('问题');
    expect(view.settings.mainField).toBe('question');
  });
});

describe("Strapi's defaults, as the content manager generates them", () => {
  test('main field: the first text field; list: the first four listable fields', () => {
    expect(defaultMainField(outlineOf(DOC))).toBe('title');
    // A component without a text field: the documentId the data mapper adds, last.
    expect(defaultMainField(outlineOf('consultation.result'))).toBe('documentId');
    expect(defaultItems(outlineOf(DOC), ['layouts.list'])['layouts.list']).toEqual([
      'id',
      'title',
      'documentNumber',
      'indexNumber',
    ]);
    // Blocks are not listable; a component is.
    expect(
      defaultItems(outlineOf('consultation.result'), ['layouts.list'])['layouts.list']
    ).toEqual(['id', 'receivedCount', 'adoptedCount', 'notAdoptedReasons']);
  });
});

describe('what is the plugin’s to set, and what an office chose', () => {
  test('a type on the defaults takes the whole view', () => {
    const decision = decideView(DOC, strapiDefault(DOC), outlineOf(DOC));
    expect(decision.kept).toEqual([]);
    expect(decision.configuration).toEqual(viewConfigurationFor(DOC, strapiDefault(DOC)));
    expect(decision.applied['metadatas.title.edit.label']).toBe('标题');
    expect(decision.applied['layouts.list']).toHaveLength(5);
  });

  test('an office’s label, columns and sort are kept; everything else follows the table', () => {
    const office = viewConfigurationFor(DOC, strapiDefault(DOC));
    office.metadatas.title.edit.label = '文件标题';
    office.layouts.list = ['title', 'issueDate'];
    office.settings.defaultSortBy = 'writtenDate';
    office.settings.defaultSortOrder = 'ASC';
    office.metadatas.summary.edit.label = 'summary'; // back to Strapi's default: the plugin's again
    const { applied } = decideView(
      DOC,
      viewConfigurationFor(DOC, strapiDefault(DOC)),
      outlineOf(DOC)
    );

    const decision = decideView(DOC, office, outlineOf(DOC), applied);
    expect(decision.kept.sort()).toEqual([
      'layouts.list',
      'metadatas.title.edit.label',
      'settings.defaultSort',
    ]);
    expect(decision.configuration.metadatas.title.edit.label).toBe('文件标题');
    expect(decision.configuration.metadatas.title.list.label).toBe('标题');
    expect(decision.configuration.layouts.list).toEqual(['title', 'issueDate']);
    expect(decision.configuration.settings).toMatchObject({
      defaultSortBy: 'writtenDate',
      defaultSortOrder: 'ASC',
    });
    expect(decision.configuration.metadatas.summary.edit.label).toBe('摘要');
    expect(decision.applied).not.toHaveProperty(['metadatas.title.edit.label']);
    // Applied again to its own result, nothing moves.
    expect(
      decideView(DOC, decision.configuration, outlineOf(DOC), decision.applied).configuration
    ).toEqual(decision.configuration);
  });

  test('what the plugin applied last time is replaced by the table’s current view', () => {
    const previous = viewConfigurationFor(ORG, strapiDefault(ORG));
    previous.metadatas.name.edit.label = '名称';
    const lastApplied = { 'metadatas.name.edit.label': '名称' };
    const decision = decideView(ORG, previous, outlineOf(ORG), lastApplied);
    expect(decision.kept).toEqual([]);
    expect(decision.configuration.metadatas.name.edit.label).toBe('机构名称');
    // The same value, never applied by the plugin, is an office's.
    expect(decideView(ORG, previous, outlineOf(ORG), {}).kept).toEqual([
      'metadatas.name.edit.label',
    ]);
  });

  test('a description cleared by the admin (null) counts as none', () => {
    const current = strapiDefault(DOC);
    current.metadatas.documentNumber.edit.description = null;
    const decision = decideView(DOC, current, outlineOf(DOC));
    expect(decision.configuration.metadatas.documentNumber.edit.description).toMatch(/^保存时/);
  });

  test('a relation still showing what Strapi picked shows the table’s field', () => {
    const model = outlineOf('plugin::disclosure.editor-organization');
    model.attributes.user.targetMainField = 'firstname';
    const current = strapiDefault('plugin::disclosure.editor-organization');
    current.metadatas.user.edit.mainField = 'firstname';
    const decision = decideView('plugin::disclosure.editor-organization', current, model);
    expect(decision.configuration.metadatas.user.edit.mainField).toBe('email');
    current.metadatas.user.edit.mainField = 'username';
    expect(decideView('plugin::disclosure.editor-organization', current, model).kept).toEqual([
      'metadatas.user.edit.mainField',
    ]);
  });
});
