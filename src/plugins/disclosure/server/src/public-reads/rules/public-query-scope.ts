import { UPLOAD_FILE_UID } from '../../../../shared/constants';

/**
 * What a public read may ask of the document service, decided from the schemas alone.
 *
 * Every path a query takes — populate, filters, sort, fields — is walked attribute by attribute:
 * - a relation reaches another type only if the public may read that type, and then only its rows
 *   the public may see (published, and that type's own condition), added to the populate's and to
 *   the filter's nested condition alike, so neither the rows nor a count of them tells anything
 *   about hidden text (localizations and media files are relations like any other);
 * - a private attribute (personal data, review records, internal notes) is refused wherever it is
 *   named, a morph relation (a file's `related`) and a type the public may not read too;
 * - sorts follow the type's own fields and its components only: an order through a relation would
 *   be decided by rows the condition cannot reach;
 * - any attribute kind not named here is refused, so a kind a later Strapi adds is closed until
 *   someone decides it.
 * Plain rules over plain schemas: the document-service middleware supplies the schemas and the
 * per-type row conditions, and turns a refusal into a 400.
 */

export interface QueryAttribute {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  components?: string[];
  private?: boolean;
}

export interface QuerySchema {
  attributes: Record<string, QueryAttribute>;
  options?: { draftAndPublish?: boolean };
}

export interface PublicReadModel {
  schema(uid: string): QuerySchema | undefined;
  /**
   * The rows of `uid` the public may see through a relation, beyond being published: `{}` for all,
   * `null` when the public may not read the type at all.
   */
  visibleRows(uid: string): object | null;
}

export type RefusalReason =
  | 'private'
  | 'not-public'
  | 'morph'
  | 'sort-through-relation'
  | 'relation-operator'
  | 'negated-relation'
  | 'structured-through-relation'
  | 'structured-text-operator'
  | 'unknown';

/** A query the public may not make; `path` names where (e.g. `populate.attachments.related`). */
export class PublicQueryRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly path: string
  ) {
    super(`${reason}: ${path}`);
    this.name = 'PublicQueryRefusal';
  }
}

/** The condition that says a row is published (draft rows and published rows share a table). */
const PUBLISHED = { publishedAt: { $notNull: true } };
/** Every document has them, though no schema lists them. */
const IMPLICIT_SCALARS = new Set(['id', 'documentId']);
const SCALAR_TYPES = new Set([
  'string',
  'text',
  'richtext',
  'blocks',
  'email',
  'uid',
  'enumeration',
  'boolean',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'date',
  'time',
  'datetime',
  'timestamp',
  'json',
]);
const SEARCHED_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid']);
/**
 * Stored as JSON (jsonb on PostgreSQL). Strapi writes `$contains`, `$notContains`, `$startsWith` and
 * `$endsWith` as a plain `"column" LIKE ?`, which PostgreSQL refuses on jsonb (`jsonb ~~ unknown`)
 * on any row, the type's own included, and the read fails with a 500: refused at any depth. The
 * case-insensitive ones (`$containsi`, `$notContainsi`) cast the column to text and work, on the
 * type's own row (and its components); through a relation every filter on them is refused.
 */
const STRUCTURED_TYPES = new Set(['blocks', 'json']);
const UNCAST_TEXT_OPERATORS = new Set(['$contains', '$notContains', '$startsWith', '$endsWith']);
const MORPH_RELATIONS = new Set(['morphToOne', 'morphToMany', 'morphOne', 'morphMany']);
const LOGICAL = new Set(['$and', '$or', '$not']);

type Step =
  | { kind: 'scalar' }
  | { kind: 'component'; uids: string[] }
  | { kind: 'relation'; target: string; condition: object | undefined };

/** What following `name` on `schema` is, for the public; a refusal when it may not be followed. */
function step(model: PublicReadModel, schema: QuerySchema, name: string, path: string): Step {
  if (IMPLICIT_SCALARS.has(name)) return { kind: 'scalar' };
  const attribute = schema.attributes[name];
  if (!attribute) throw new PublicQueryRefusal('unknown', path);
  if (attribute.private) throw new PublicQueryRefusal('private', path);
  if (SCALAR_TYPES.has(attribute.type)) return { kind: 'scalar' };
  if (attribute.type === 'component' && attribute.component)
    return { kind: 'component', uids: [attribute.component] };
  if (attribute.type === 'dynamiczone' && attribute.components)
    return { kind: 'component', uids: attribute.components };
  const target =
    attribute.type === 'media'
      ? UPLOAD_FILE_UID
      : attribute.type === 'relation'
        ? attribute.target
        : undefined;
  if (attribute.type === 'relation' && (MORPH_RELATIONS.has(attribute.relation ?? '') || !target))
    throw new PublicQueryRefusal('morph', path);
  if (!target) throw new PublicQueryRefusal('unknown', path);
  const rows = model.visibleRows(target);
  const targetSchema = model.schema(target);
  if (rows === null || !targetSchema) throw new PublicQueryRefusal('not-public', path);
  const conditions = [
    ...(targetSchema.options?.draftAndPublish ? [PUBLISHED] : []),
    ...(Object.keys(rows).length ? [rows] : []),
  ];
  return {
    kind: 'relation',
    target,
    condition:
      conditions.length === 0
        ? undefined
        : conditions.length === 1
          ? { ...conditions[0] }
          : { $and: conditions },
  };
}

const schemaOf = (model: PublicReadModel, uid: string, path: string): QuerySchema => {
  const schema = model.schema(uid);
  if (!schema) throw new PublicQueryRefusal('not-public', path);
  return schema;
};
const join = (path: string, name: string) => (path ? `${path}.${name}` : name);
const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const withCondition = (filters: unknown, condition: object | undefined) =>
  !condition
    ? filters
    : filters === undefined || (isObject(filters) && !Object.keys(filters).length)
      ? condition
      : { $and: [filters, condition] };

// ---------------------------------------------------------------- filters

/**
 * A filter object on `uid`, with every relation it goes through held to the rows the public may see.
 * Under `$not`, no relation may be named: the database negates each joined row, and a hidden row
 * (its condition false) would then match, telling that it exists.
 */
export function scopeFilters(
  filters: unknown,
  uid: string,
  model: PublicReadModel,
  path = 'filters',
  negated = false,
  throughRelation = false
): unknown {
  if (Array.isArray(filters))
    return filters.map((item, index) =>
      scopeFilters(item, uid, model, `${path}[${index}]`, negated, throughRelation)
    );
  if (!isObject(filters)) return filters;
  const schema = schemaOf(model, uid, path);
  const scoped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    const here = join(path, key);
    if (LOGICAL.has(key)) {
      // Strapi hands a `$not` array to the database as it is (column names unchecked): one object only.
      if (key === '$not' && !isObject(value)) throw new PublicQueryRefusal('unknown', here);
      scoped[key] = scopeFilters(
        value,
        uid,
        model,
        here,
        negated || key === '$not',
        throughRelation
      );
      continue;
    }
    // An operator at this level compares the row itself (or, inside a relation, refuses below).
    if (key.startsWith('$')) {
      scoped[key] = value;
      continue;
    }
    const next = step(model, schema, key, here);
    if (next.kind === 'scalar') {
      if (STRUCTURED_TYPES.has(schema.attributes[key]?.type ?? '')) {
        if (throughRelation) throw new PublicQueryRefusal('structured-through-relation', here);
        refuseUncastText(value, here);
      }
      scoped[key] = value;
    } else if (next.kind === 'component') {
      // Filters cannot name a dynamic zone's component; only a plain component's fields.
      if (next.uids.length !== 1) throw new PublicQueryRefusal('unknown', here);
      scoped[key] = scopeFilters(value, next.uids[0], model, here, negated, throughRelation);
    } else {
      if (negated) throw new PublicQueryRefusal('negated-relation', here);
      // `filters[relation][$null]=true` and the like compare the joined row's id, which the row
      // condition cannot qualify: name one of its fields instead.
      if (
        !isObject(value) ||
        Object.keys(value).some((inner) => inner.startsWith('$') && !LOGICAL.has(inner))
      )
        refuseOperator(here);
      scoped[key] = withCondition(
        scopeFilters(value, next.target, model, here, false, true),
        next.condition
      );
    }
  }
  return scoped;
}

/** An operator PostgreSQL cannot apply to jsonb, anywhere in a blocks/JSON field's condition. */
function refuseUncastText(condition: unknown, path: string): void {
  if (Array.isArray(condition))
    return condition.forEach((item, index) => refuseUncastText(item, `${path}[${index}]`));
  if (!isObject(condition)) return;
  for (const [operator, inner] of Object.entries(condition)) {
    if (UNCAST_TEXT_OPERATORS.has(operator))
      throw new PublicQueryRefusal('structured-text-operator', join(path, operator));
    refuseUncastText(inner, join(path, operator));
  }
}

const refuseOperator = (path: string): never => {
  throw new PublicQueryRefusal('relation-operator', path);
};

// ---------------------------------------------------------------- sort

/** Every sort path stays on the type's own fields (through its components): it is checked, not changed. */
export function checkSort(sort: unknown, uid: string, model: PublicReadModel, path = 'sort'): void {
  if (sort === undefined || sort === null || sort === '') return;
  if (Array.isArray(sort))
    return sort.forEach((item, index) => checkSort(item, uid, model, `${path}[${index}]`));
  if (typeof sort === 'string') {
    for (const part of sort
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const names = part.split(':')[0].split('.');
      checkSortPath(names, uid, model, path);
    }
    return;
  }
  if (isObject(sort)) {
    for (const [key, value] of Object.entries(sort)) {
      if (isObject(value)) {
        const next = step(model, schemaOf(model, uid, path), key, join(path, key));
        if (next.kind !== 'component' || next.uids.length !== 1)
          throw new PublicQueryRefusal('sort-through-relation', join(path, key));
        checkSort(value, next.uids[0], model, join(path, key));
      } else checkSortPath([key], uid, model, path);
    }
  }
}

function checkSortPath(names: string[], uid: string, model: PublicReadModel, path: string): void {
  let current = uid;
  let here = path;
  for (const [index, name] of names.entries()) {
    here = join(here, name);
    const next = step(model, schemaOf(model, current, here), name, here);
    if (next.kind === 'scalar' && index === names.length - 1) return;
    if (next.kind !== 'component' || next.uids.length !== 1)
      throw new PublicQueryRefusal('sort-through-relation', here);
    current = next.uids[0];
  }
  // A path that ends on a component sorts by nothing the public could name.
  throw new PublicQueryRefusal('sort-through-relation', here);
}

// ---------------------------------------------------------------- fields

/** Chosen fields must be public ones of the type. */
export function checkFields(
  fields: unknown,
  uid: string,
  model: PublicReadModel,
  path = 'fields'
): void {
  if (fields === undefined || fields === null || fields === '*') return;
  const names =
    typeof fields === 'string'
      ? fields.split(',')
      : Array.isArray(fields)
        ? fields.map(String)
        : [];
  const schema = schemaOf(model, uid, path);
  for (const name of names.map((item) => item.trim()).filter(Boolean)) {
    if (name === '*') continue;
    if (step(model, schema, name, join(path, name)).kind !== 'scalar')
      throw new PublicQueryRefusal('unknown', join(path, name));
  }
}

// ---------------------------------------------------------------- populate

type PopulateObject = Record<string, unknown>;

/** Every populate form the document service takes ('*', 'a,b.c', ['a'], { a: true | {...} }) as an object. */
function toObject(populate: unknown, schema: QuerySchema): PopulateObject | null {
  if (populate === '*' || populate === true) {
    // `*` means what the public may populate: private and unreadable attributes are left out, not refused.
    return Object.fromEntries(
      Object.entries(schema.attributes)
        .filter(([, attribute]) => !SCALAR_TYPES.has(attribute.type) && !attribute.private)
        .map(([name]) => [name, true])
    );
  }
  const paths =
    typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate : null;
  if (paths) {
    const result: PopulateObject = {};
    for (const path of paths
      .map(String)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [head, ...rest] = path.split('.');
      if (!rest.length) {
        result[head] ??= true;
        continue;
      }
      // Built here: true, or an object with the nested paths.
      const existing = (
        result[head] === true || result[head] === undefined ? { populate: [] } : result[head]
      ) as { populate?: unknown[] };
      existing.populate = [...(existing.populate ?? []), rest.join('.')];
      result[head] = existing;
    }
    return result;
  }
  if (isObject(populate)) return { ...populate };
  return null;
}

/** The attributes `*` would expand to that the public may follow (the others are dropped quietly). */
function followable(model: PublicReadModel, schema: QuerySchema, name: string): boolean {
  try {
    step(model, schema, name, name);
    return true;
  } catch {
    return false;
  }
}

/**
 * A populate on `uid` in which every relation reached, at any depth, carries the rows the public may
 * see of its target, and whose own filters, sorts and fields are held to the same rules.
 */
export function scopePopulate(
  populate: unknown,
  uid: string,
  model: PublicReadModel,
  path = 'populate'
): unknown {
  if (populate === undefined || populate === null || populate === false) return populate;
  const schema = schemaOf(model, uid, path);
  const expanded = populate === '*' || populate === true;
  const object = toObject(populate, schema);
  if (!object) return populate;

  const scoped: PopulateObject = {};
  for (const [name, value] of Object.entries(object)) {
    // Query strings give 'false' as text.
    if (value === false || value === 'false') continue;
    if (expanded && !followable(model, schema, name)) continue;
    const here = join(path, name);
    const next = step(model, schema, name, here);
    if (next.kind === 'scalar') throw new PublicQueryRefusal('unknown', here);
    const options: PopulateObject =
      value === true || value === '*' ? {} : isObject(value) ? { ...value } : {};

    if (next.kind === 'component') {
      if (isObject(options.on)) {
        // A dynamic zone: each component's own populate.
        options.on = Object.fromEntries(
          Object.entries(options.on).map(([component, inner]) => {
            if (!next.uids.includes(component))
              throw new PublicQueryRefusal('unknown', join(here, component));
            return [
              component,
              isObject(inner)
                ? scopeOptions(inner, component, model, join(here, component))
                : inner,
            ];
          })
        );
      }
      for (const component of next.uids.length === 1 ? next.uids : [])
        Object.assign(options, scopeOptions(options, component, model, here));
      scoped[name] = Object.keys(options).length ? options : value;
      continue;
    }

    Object.assign(options, scopeOptions(options, next.target, model, here));
    options.filters = withCondition(options.filters, next.condition);
    if (options.filters === undefined) delete options.filters;
    scoped[name] = Object.keys(options).length ? options : true;
  }
  return scoped;
}

/** A populate entry's own populate, filters, sort and fields, on the type it reaches. */
function scopeOptions(
  options: PopulateObject,
  uid: string,
  model: PublicReadModel,
  path: string
): PopulateObject {
  const scoped: PopulateObject = { ...options };
  if (options.populate !== undefined)
    scoped.populate = scopePopulate(options.populate, uid, model, join(path, 'populate'));
  if (options.filters !== undefined)
    scoped.filters = scopeFilters(options.filters, uid, model, join(path, 'filters'));
  if (options.sort !== undefined) checkSort(options.sort, uid, model, join(path, 'sort'));
  if (options.fields !== undefined) checkFields(options.fields, uid, model, join(path, 'fields'));
  return scoped;
}

/** How many relation levels a populate reaches ('*' and { a: true } are 1; 'a.b' is 2). */
export function populateDepth(populate: unknown): number {
  if (populate === undefined || populate === null || populate === false) return 0;
  if (populate === true || populate === '*') return 1;
  const paths =
    typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate : null;
  if (paths)
    return Math.max(0, ...paths.map((path) => String(path).split('.').filter(Boolean).length));
  if (typeof populate !== 'object') return 0;
  return Math.max(
    0,
    ...Object.values(populate).map((value: unknown) =>
      value && typeof value === 'object' && 'populate' in value && value.populate !== undefined
        ? 1 + populateDepth(value.populate)
        : 1
    )
  );
}

// ---------------------------------------------------------------- search

/**
 * Strapi's `_q` searches every string column, private ones included: for the public it becomes the
 * same substring search over the type's public text fields only.
 */
export function searchFilter(q: string, uid: string, model: PublicReadModel): object {
  const schema = schemaOf(model, uid, '_q');
  const fields = Object.entries(schema.attributes)
    .filter(([, attribute]) => SEARCHED_TYPES.has(attribute.type) && !attribute.private)
    .map(([name]) => ({ [name]: { $containsi: q } }));
  return fields.length ? { $or: fields } : { id: { $null: true } };
}

// ---------------------------------------------------------------- the whole query

export interface PublicQueryParams {
  filters?: unknown;
  sort?: unknown;
  fields?: unknown;
  populate?: unknown;
  _q?: unknown;
  [other: string]: unknown;
}

/**
 * The params of a public read of `uid`, scoped: filters, populate and `_q` rewritten, sort and fields
 * checked. Throws PublicQueryRefusal. The row condition of `uid` itself is the caller's to add.
 */
export function scopePublicQuery<T extends PublicQueryParams>(
  params: T,
  uid: string,
  model: PublicReadModel
): T {
  const scoped: T = { ...params };
  if (params.filters !== undefined) scoped.filters = scopeFilters(params.filters, uid, model);
  if (typeof params._q === 'string' && params._q !== '') {
    const search = searchFilter(params._q, uid, model);
    scoped.filters = scoped.filters === undefined ? search : { $and: [scoped.filters, search] };
  }
  delete scoped._q;
  checkSort(params.sort, uid, model);
  checkFields(params.fields, uid, model);
  if (params.populate !== undefined) scoped.populate = scopePopulate(params.populate, uid, model);
  return scoped;
}
