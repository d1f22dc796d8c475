/**
 * Corrections to the schemas Strapi 5.54's generator writes for the content API, so they describe the
 * answers Strapi really gives (the answer-validation test holds them to it):
 * - a documentId is Strapi's 24-character id, not the UUID the generator says;
 * - an attribute not required is answered as null when empty, not left out;
 * - a list or an item comes with `meta` (a list's pagination);
 * - a default of "now" (publishedAt) would change the description at every generation: dropped;
 * - a blocks field is written as required whatever its attribute says: none is, so null when empty.
 */
type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const DOCUMENT_ID: Schema = {
  type: 'string',
  description: 'The document ID (Strapi documentId)',
};

export const PAGINATION_META: Schema = {
  type: 'object',
  properties: {
    pagination: {
      type: 'object',
      properties: {
        page: { type: 'integer' },
        pageSize: { type: 'integer' },
        pageCount: { type: 'integer' },
        total: { type: 'integer' },
      },
    },
  },
};

/** How the generator marks a blocks attribute (it ignores the attribute's `required`). */
const BLOCKS_FIELD = 'A blocks field';

const allowsNull = (schema: Schema): boolean =>
  schema.type === 'null' ||
  (Array.isArray(schema.type) && schema.type.includes('null')) ||
  (Array.isArray(schema.anyOf) && schema.anyOf.some((part) => isObject(part) && allowsNull(part)));

const nullable = (schema: Schema): Schema => {
  if (allowsNull(schema)) return schema;
  const { description, ...rest } = schema;
  return {
    ...(description === undefined ? {} : { description }),
    anyOf: [rest, { type: 'null' }],
  };
};

/** A content-type schema (and everything in it) as Strapi answers it. */
export function asAnswered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asAnswered);
  if (!isObject(value)) return value;
  const schema: Schema = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'default' && typeof entry === 'string' && ISO_DATE_TIME.test(entry)) continue;
    schema[key] = asAnswered(entry);
  }
  if (schema.type === 'object' && isObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const properties: Schema = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const corrected =
        name === 'documentId' && property.format === 'uuid' ? DOCUMENT_ID : property;
      const alwaysGiven = required.has(name) && corrected.description !== BLOCKS_FIELD;
      properties[name] = alwaysGiven ? corrected : nullable(corrected);
    }
    schema.properties = properties;
  }
  return schema;
}

/** An entry's schema with fields computed when read (always given), beside its attributes. */
const withComputed = (entry: unknown, computed: Record<string, Schema>): unknown => {
  if (!isObject(entry) || !isObject(entry.properties) || !Object.keys(computed).length)
    return entry;
  const required = Array.isArray(entry.required) ? entry.required : [];
  return {
    ...entry,
    properties: { ...entry.properties, ...computed },
    required: [...required, ...Object.keys(computed).filter((name) => !required.includes(name))],
  };
};

/**
 * A content-API read's answer: its `data` (an entry, or a list of them) as answered, with the fields
 * its type computes when read, and its `meta` (a list's pagination).
 */
export function readAnswer(value: unknown, computed: Record<string, Schema> = {}): unknown {
  const schema = asAnswered(value);
  if (!isObject(schema) || !isObject(schema.properties)) return schema;
  const { data } = schema.properties;
  const properties = { ...schema.properties };
  if (isObject(data)) {
    properties.data =
      data.type === 'array'
        ? { ...data, items: withComputed(data.items, computed) }
        : withComputed(data, computed);
  }
  if (!('meta' in properties)) properties.meta = PAGINATION_META;
  return { ...schema, properties };
}
