/**
 * Values as a row holds them, made into what Strapi's query engine answers (@strapi/database's
 * fields, `fromDB`, in Strapi 5.54), for rows read without it. Only types whose conversion is
 * mirrored here have one; for any other the caller reads through Strapi. tests/domain checks each
 * against Strapi's own field classes.
 */

type FromStored = (value: unknown) => unknown;

const asIs: FromStored = (value) => value;

/** lodash's toString for the values a column gives (strings, numbers, booleans). */
const asText: FromStored = (value) =>
  typeof value === 'string' ? value : Object.is(value, -0) ? '-0' : String(value);

const asNumber: FromStored = (value) => (typeof value === 'number' ? value : Number(value));

const asBoolean: FromStored = (value) => {
  if (typeof value === 'boolean') return value;
  const text = value === null || value === undefined ? '' : asText(value);
  return text === '1' ? true : text === '0' ? false : null;
};

const asDateTime: FromStored = (value) => {
  const date = value instanceof Date ? value : new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const asTimestamp: FromStored = (value) => {
  const time = (value instanceof Date ? value : new Date(value as string)).getTime();
  return Number.isNaN(time) ? null : String(time);
};

/** JSON text is parsed (twice when it was stored twice encoded); text that is not JSON stays as it is. */
export const asJson: FromStored = (value) => {
  if (typeof value !== 'string') return value;
  try {
    const parsed = JSON.parse(value);
    return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
  } catch {
    return value;
  }
};

const CONVERSIONS: Readonly<Record<string, FromStored>> = {
  increments: asIs,
  string: asText,
  text: asText,
  richtext: asText,
  enumeration: asText,
  uid: asText,
  email: asText,
  integer: asNumber,
  float: asNumber,
  decimal: asNumber,
  boolean: asBoolean,
  date: asIs,
  time: asIs,
  datetime: asDateTime,
  timestamp: asTimestamp,
  json: asJson,
  blocks: asJson,
};

/** The conversion for an attribute type (null stays null, as in Strapi), or null when it is not mirrored. */
export const fromStored = (type: string): FromStored | null =>
  Object.prototype.hasOwnProperty.call(CONVERSIONS, type) ? CONVERSIONS[type] : null;
