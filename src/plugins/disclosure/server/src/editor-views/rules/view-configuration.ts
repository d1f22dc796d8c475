/**
 * The Chinese views of editor-views.ts merged into the content manager's configuration of a type, and
 * the decision, item by item, of what the plugin may set: an item (a label, a description, the list's
 * columns, the sort, the main field) is the plugin's while it still holds what Strapi generated, or
 * what the plugin set last time; anything else an office chose in "Configure the view", and it stays.
 *
 * Strapi's defaults are restated here from the content manager's own rules (5.54,
 * dist/server/services/utils/configuration: attributes.js, metadatas.js, layouts.js, settings.js).
 */
import { EDITOR_VIEWS, SYSTEM_FIELDS, type EditorView, type SortOrder } from './editor-views';

export interface EditMetadata {
  label?: string;
  description?: string | null;
  mainField?: string;
  [option: string]: unknown;
}
export interface ListMetadata {
  label?: string;
  [option: string]: unknown;
}
export interface FieldMetadata {
  edit: EditMetadata;
  list: ListMetadata;
}
export interface ViewSettings {
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: SortOrder;
  [setting: string]: unknown;
}
/** A content type's or component's view as the content manager stores it. */
export interface ViewConfiguration {
  settings: ViewSettings;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: unknown[]; [layout: string]: unknown };
}

/**
 * The items of a view the plugin manages, by path: `settings.mainField`, `settings.defaultSort`
 * ([field, order]), `layouts.list`, `metadatas.<field>.edit.label`, `….edit.description`,
 * `….edit.mainField`, `….list.label`. Kept in the core store as what was applied last time.
 */
export type ViewItems = Record<string, string | readonly string[]>;

/** A type or component as the content manager models it, attributes in its order (id first). */
export interface ModelOutline {
  attributes: Readonly<Record<string, AttributeOutline>>;
}
export interface AttributeOutline {
  type: string;
  /** Relations: oneToOne, manyToOne, … */
  relationType?: string;
  /** Relations: the field Strapi would show for the related type by default */
  targetMainField?: string;
}

const NON_LISTABLE_TYPES = new Set(['json', 'password', 'richtext', 'dynamiczone', 'blocks']);
const LISTABLE_RELATIONS = new Set(['oneToOne', 'oneToMany', 'manyToOne', 'manyToMany']);
const NON_SORTABLE_TYPES = new Set([
  'component',
  'json',
  'media',
  'richtext',
  'dynamiczone',
  'blocks',
]);
const SORTABLE_RELATIONS = new Set(['oneToOne', 'manyToOne']);
/** Strapi lists this many columns of a type it configures itself. */
const DEFAULT_LIST_LENGTH = 4;

/** Whether the content manager lets a field be a list column (or a main field). */
export function isListable(attribute: AttributeOutline | undefined): boolean {
  if (!attribute || NON_LISTABLE_TYPES.has(attribute.type)) return false;
  return attribute.type !== 'relation' || LISTABLE_RELATIONS.has(attribute.relationType ?? '');
}

/** Whether the content manager can sort the list by a field. */
export function isSortable(attribute: AttributeOutline | undefined): boolean {
  if (!attribute || NON_SORTABLE_TYPES.has(attribute.type)) return false;
  return attribute.type !== 'relation' || SORTABLE_RELATIONS.has(attribute.relationType ?? '');
}

/** Strapi's main field for a type it configures itself: its first text field, else the id. */
export function defaultMainField(model: ModelOutline): string {
  return (
    Object.keys(model.attributes).find(
      (name) => name !== 'id' && model.attributes[name].type === 'string'
    ) ?? 'id'
  );
}

/** Strapi's default for each item of `items`, for a type modelled as `model`. */
export function defaultItems(model: ModelOutline, paths: readonly string[]): ViewItems {
  const defaults: ViewItems = {};
  for (const path of paths) {
    const value = defaultOf(model, path);
    if (value !== undefined) defaults[path] = value;
  }
  return defaults;
}

function defaultOf(model: ModelOutline, path: string): string | readonly string[] | undefined {
  if (path === 'settings.mainField') return defaultMainField(model);
  if (path === 'settings.defaultSort') return [defaultMainField(model), 'ASC'];
  if (path === 'layouts.list')
    return Object.keys(model.attributes)
      .filter((name) => name !== 'documentId' && isListable(model.attributes[name]))
      .slice(0, DEFAULT_LIST_LENGTH);
  const [, field, part, key] = path.split('.');
  if (key === 'label') return field;
  if (part === 'edit' && key === 'description') return '';
  if (part === 'edit' && key === 'mainField') return model.attributes[field]?.targetMainField;
  return undefined;
}

/** The type's view with the fields every content type has; undefined for a type without a view. */
export function editorViewOf(uid: string): EditorView | undefined {
  const view = EDITOR_VIEWS[uid];
  return view && { ...view, fields: { ...SYSTEM_FIELDS, ...view.fields } };
}

/**
 * What the table sets in a configuration whose fields are `fields` (its metadatas): only fields that
 * exist, so a field the schema dropped is never written back.
 */
export function tableItems(uid: string, fields: readonly string[]): ViewItems {
  const view = editorViewOf(uid);
  if (!view) return {};
  const present = new Set(fields);
  const items: ViewItems = {};
  if (view.mainField && present.has(view.mainField)) items['settings.mainField'] = view.mainField;
  if (view.sort && present.has(view.sort.by))
    items['settings.defaultSort'] = [view.sort.by, view.sort.order];
  if (view.list) items['layouts.list'] = view.list.filter((field) => present.has(field));
  for (const [field, fieldView] of Object.entries(view.fields)) {
    if (!present.has(field)) continue;
    items[`metadatas.${field}.edit.label`] = fieldView.label;
    items[`metadatas.${field}.list.label`] = fieldView.label;
    if (fieldView.description !== undefined)
      items[`metadatas.${field}.edit.description`] = fieldView.description;
    if (fieldView.mainField !== undefined)
      items[`metadatas.${field}.edit.mainField`] = fieldView.mainField;
  }
  return items;
}

/** The value a configuration holds for an item (undefined where it holds none). */
export function itemOf(
  configuration: ViewConfiguration,
  path: string
): string | readonly string[] | undefined {
  if (path === 'settings.mainField') return configuration.settings.mainField;
  if (path === 'settings.defaultSort') {
    const { defaultSortBy, defaultSortOrder } = configuration.settings;
    return defaultSortBy === undefined ? undefined : [defaultSortBy, defaultSortOrder ?? 'ASC'];
  }
  if (path === 'layouts.list') return configuration.layouts.list;
  const [, field, part, key] = path.split('.');
  const metadata = configuration.metadatas[field];
  const value = part === 'edit' ? metadata?.edit[key] : metadata?.list[key];
  // Strapi stores an empty description as '' and the admin may send null: both say "none".
  if (key === 'description') return typeof value === 'string' ? value : '';
  return typeof value === 'string' ? value : undefined;
}

const same = (
  a: string | readonly string[] | undefined,
  b: string | readonly string[] | undefined
): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((value, index) => value === b[index])
    : a === b;

/**
 * `current` with the type's Chinese view set in it, except the items in `keep`; a new object, for
 * a type without a view `current` as it is.
 */
export function viewConfigurationFor(
  uid: string,
  current: ViewConfiguration,
  keep: ReadonlySet<string> = new Set()
): ViewConfiguration {
  const items = tableItems(uid, Object.keys(current.metadatas));
  const next: ViewConfiguration = {
    settings: { ...current.settings },
    metadatas: Object.fromEntries(
      Object.entries(current.metadatas).map(([field, metadata]) => [
        field,
        { edit: { ...metadata.edit }, list: { ...metadata.list } },
      ])
    ),
    layouts: { ...current.layouts },
  };
  for (const [path, value] of Object.entries(items)) {
    if (keep.has(path)) continue;
    if (path === 'settings.mainField') next.settings.mainField = value as string;
    else if (path === 'settings.defaultSort') {
      const [by, order] = value as readonly [string, SortOrder];
      next.settings.defaultSortBy = by;
      next.settings.defaultSortOrder = order;
    } else if (path === 'layouts.list') next.layouts.list = [...value];
    else {
      const [, field, part, key] = path.split('.');
      next.metadatas[field][part === 'edit' ? 'edit' : 'list'][key] = value;
    }
  }
  return next;
}

export interface ViewDecision {
  configuration: ViewConfiguration;
  /** What the plugin set, to be recognised next time as its own. */
  applied: ViewItems;
  /** The items an office changed, left as they are. */
  kept: string[];
}

/**
 * The configuration to store for `uid`: each item the table sets is taken if the configuration
 * holds Strapi's default for it, what the plugin applied last time (`lastApplied`), or the table's
 * value already; an item holding anything else was an office's choice and is kept.
 */
export function decideView(
  uid: string,
  current: ViewConfiguration,
  model: ModelOutline,
  lastApplied: ViewItems = {}
): ViewDecision {
  const items = tableItems(uid, Object.keys(current.metadatas));
  const defaults = defaultItems(model, Object.keys(items));
  const kept: string[] = [];
  const applied: ViewItems = {};
  for (const [path, value] of Object.entries(items)) {
    const held = itemOf(current, path);
    const ours =
      held === undefined ||
      same(held, value) ||
      same(held, defaults[path]) ||
      (path in lastApplied && same(held, lastApplied[path]));
    if (ours) applied[path] = value;
    else kept.push(path);
  }
  return { configuration: viewConfigurationFor(uid, current, new Set(kept)), applied, kept };
}
