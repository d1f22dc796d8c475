/**
 * The public list queries a portal sends on every page view (one category, newest first, 25 a page,
 * some fields), read straight from the table instead of through Strapi's generic read pipeline, which
 * validates, transforms, sanitizes and re-walks every row of the answer and costs several times the
 * database read on a page of whole documents.
 *
 * Only questions understood completely are planned: equality filters on text fields, sorts and field
 * choices among the public scalar fields, page pagination and a locale. Anything else (populate,
 * operators, private or relational fields, offsets, malformed values) gets `null`, and the generic
 * pipeline answers it, with its own validation and errors. For what is planned, the answer is the
 * generic pipeline's: the same rows, values, fields, field order and pagination meta.
 */

/** A public scalar field, by Strapi's attribute type. Private fields, relations, media and components are never given. */
export type PublicFieldTypes = Readonly<Record<string, string>>;

export interface PublicListModel {
  /** The fields a public answer may show (`id` and `documentId` are always shown). */
  fields: PublicFieldTypes;
  /** The locales a localized type has; empty for a type that is not localized. */
  locales: readonly string[];
}

export interface PublicListPlan {
  /**
   * Field names to read, in answer order; null for every public field, which Strapi reads with
   * `SELECT *` and answers in the table's column order.
   */
  select: string[] | null;
  /** Equality on field values, from `filters`. */
  where: Record<string, string>;
  orderBy: Array<Record<string, 'asc' | 'desc'>>;
  /** As asked; Strapi's own pagination rules give the defaults and the maximum. */
  pagination: { page?: number; pageSize?: number };
  /** As asked; undefined for the default locale. */
  locale?: string;
}

const ALWAYS_SELECTED = new Set(['id', 'documentId']);
/** Types whose query-string value is compared as it is written (no casting). */
const FILTERABLE_TYPES = new Set(['string', 'text', 'enumeration', 'uid', 'email']);
/** Types a database orders by their value. */
const SORTABLE_TYPES = new Set([
  'string',
  'text',
  'enumeration',
  'uid',
  'email',
  'date',
  'datetime',
  'time',
  'timestamp',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
]);
/** Chosen by the `locale` parameter, never filtered on. */
const NOT_FILTERED = new Set(['locale']);
const KNOWN_PARAMETERS = new Set(['filters', 'sort', 'pagination', 'fields', 'locale', 'status']);
/** A single document's read has no filters, sorts or pages of its own. */
const DOCUMENT_PARAMETERS = new Set(['fields', 'locale', 'status']);
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

function planFilters(filters: unknown, fields: PublicFieldTypes): Record<string, string> | null {
  if (filters === undefined) return {};
  if (!isPlainObject(filters)) return null;
  const where: Record<string, string> = {};
  for (const [name, condition] of Object.entries(filters)) {
    if (!own(fields, name) || NOT_FILTERED.has(name) || !FILTERABLE_TYPES.has(fields[name]))
      return null;
    if (typeof condition === 'string') where[name] = condition;
    else if (
      isPlainObject(condition) &&
      Object.keys(condition).length === 1 &&
      typeof condition.$eq === 'string'
    )
      where[name] = condition.$eq;
    else return null;
  }
  return where;
}

function planSort(sort: unknown, fields: PublicFieldTypes): PublicListPlan['orderBy'] | null {
  if (sort === undefined) return [];
  const terms =
    typeof sort === 'string'
      ? sort.split(',')
      : Array.isArray(sort) && sort.every((term) => typeof term === 'string')
        ? sort
        : null;
  if (!terms || !terms.length) return null;
  const orderBy: PublicListPlan['orderBy'] = [];
  for (const term of terms as string[]) {
    const [name, direction = 'asc', ...rest] = term.split(':');
    if (rest.length || (direction !== 'asc' && direction !== 'desc')) return null;
    if (name !== 'id' && !(own(fields, name) && SORTABLE_TYPES.has(fields[name]))) return null;
    orderBy.push({ [name]: direction });
  }
  return orderBy;
}

function planPagination(pagination: unknown): PublicListPlan['pagination'] | null {
  if (pagination === undefined) return {};
  if (!isPlainObject(pagination)) return null;
  const planned: PublicListPlan['pagination'] = {};
  for (const [name, value] of Object.entries(pagination)) {
    if (
      (name !== 'page' && name !== 'pageSize') ||
      typeof value !== 'string' ||
      !PAGE_NUMBER.test(value)
    )
      return null;
    planned[name] = Number(value);
  }
  return planned;
}

/**
 * The fields to read, or null for every public field. Chosen fields are read as Strapi reads them:
 * id and documentId first, then as asked, each once (its answer keeps that order).
 */
function planSelect(fieldsAsked: unknown, fields: PublicFieldTypes): string[] | null | false {
  if (fieldsAsked === undefined) return null;
  const names =
    typeof fieldsAsked === 'string'
      ? [fieldsAsked]
      : Array.isArray(fieldsAsked)
        ? fieldsAsked
        : null;
  if (
    !names ||
    !names.length ||
    !names.every(
      (name) => typeof name === 'string' && (own(fields, name) || ALWAYS_SELECTED.has(name))
    )
  )
    return false;
  return [...new Set([...ALWAYS_SELECTED, ...(names as string[])])];
}

/** The plan for a public list query (Koa's parsed query), or null when the generic pipeline should answer it. */
export function planPublicList(query: unknown, model: PublicListModel): PublicListPlan | null {
  if (!isPlainObject(query)) return null;
  for (const name of Object.keys(query)) if (!KNOWN_PARAMETERS.has(name)) return null;
  // Public reads are of published content whatever is asked; other values are the pipeline's to refuse.
  if (query.status !== undefined && query.status !== 'published') return null;
  const { locale } = query;
  if (locale !== undefined && !(typeof locale === 'string' && model.locales.includes(locale)))
    return null;

  const where = planFilters(query.filters, model.fields);
  const orderBy = planSort(query.sort, model.fields);
  const pagination = planPagination(query.pagination);
  const select = planSelect(query.fields, model.fields);
  if (!where || !orderBy || !pagination || select === false) return null;
  return { select, where, orderBy, pagination, ...(typeof locale === 'string' ? { locale } : {}) };
}

/**
 * The plan for a public read of one document (`GET /api/x/:documentId`): the list plan of the query,
 * its one condition the documentId. Null when the pipeline should answer it.
 */
export function planPublicDocument(
  documentId: unknown,
  query: unknown,
  model: PublicListModel
): PublicListPlan | null {
  if (typeof documentId !== 'string' || !documentId || !isPlainObject(query)) return null;
  for (const name of Object.keys(query)) if (!DOCUMENT_PARAMETERS.has(name)) return null;
  const plan = planPublicList(query, model);
  return plan && { ...plan, where: { documentId } };
}
