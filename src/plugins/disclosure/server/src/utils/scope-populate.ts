/**
 * Adds to every relation a populate reaches, at any depth, the filter its target type's direct
 * queries get (`filterFor`; none for most types), so a relation cannot reveal what a direct query
 * would hide. Accepts every populate form the
 * document service takes ('*', 'a,b.c', ['a'], { a: true | { populate, filters, ... } }).
 */

interface Attribute {
  type: string;
  target?: string;
  component?: string;
}
type GetSchema = (uid: string) => { attributes: Record<string, Attribute> } | undefined;
type PopulateObject = Record<string, any>;

const POPULATABLE = new Set(['relation', 'component', 'media', 'dynamiczone']);

function toObject(populate: unknown, schema: { attributes: Record<string, Attribute> }): PopulateObject | null {
  if (populate === '*' || populate === true) {
    return Object.fromEntries(
      Object.entries(schema.attributes)
        .filter(([, attribute]) => POPULATABLE.has(attribute.type))
        .map(([name]) => [name, true])
    );
  }
  const paths = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate : null;
  if (paths) {
    const result: PopulateObject = {};
    for (const path of paths.map(String).map((p) => p.trim()).filter(Boolean)) {
      const [head, ...rest] = path.split('.');
      if (!rest.length) {
        result[head] ??= true;
        continue;
      }
      const existing = result[head] === true || result[head] === undefined ? { populate: [] } : result[head];
      existing.populate = [...(existing.populate ?? []), rest.join('.')];
      result[head] = existing;
    }
    return result;
  }
  if (populate && typeof populate === 'object') return { ...(populate as PopulateObject) };
  return null;
}

export function scopePopulate(
  populate: unknown,
  uid: string,
  getSchema: GetSchema,
  filterFor: (targetUid: string) => object | undefined
): unknown {
  const schema = getSchema(uid);
  if (!schema || populate === undefined || populate === null || populate === false) return populate;
  const object = toObject(populate, schema);
  if (!object) return populate;

  for (const [name, value] of Object.entries(object)) {
    const attribute = schema.attributes[name];
    if (!attribute || value === false) continue;
    const nestedUid = attribute.type === 'relation' ? attribute.target : attribute.type === 'component' ? attribute.component : undefined;
    if (!nestedUid) continue;

    const options: PopulateObject = value === true || value === '*' ? {} : { ...value };
    if (options.populate !== undefined) {
      options.populate = scopePopulate(options.populate, nestedUid, getSchema, filterFor);
    }
    const filter = attribute.type === 'relation' && attribute.target ? filterFor(attribute.target) : undefined;
    if (filter) options.filters = options.filters ? { $and: [options.filters, filter] } : filter;
    object[name] = Object.keys(options).length ? options : value;
  }
  return object;
}

/** How many relation levels a populate reaches ('*' and { a: true } are 1; 'a.b' is 2). */
export function populateDepth(populate: unknown): number {
  if (populate === undefined || populate === null || populate === false) return 0;
  if (populate === true || populate === '*') return 1;
  const paths = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate : null;
  if (paths) return Math.max(0, ...paths.map((path) => String(path).split('.').filter(Boolean).length));
  if (typeof populate !== 'object') return 0;
  return Math.max(
    0,
    ...Object.values(populate as Record<string, any>).map((value) =>
      value && typeof value === 'object' && value.populate !== undefined ? 1 + populateDepth(value.populate) : 1
    )
  );
}
