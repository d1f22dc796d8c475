import { errors, yup } from '@strapi/utils';
import { isIsoDate } from '../calendar/rules/beijing-time';
import { webAddress } from '../../../shared/web-address';
import { RuleError } from './rule-error';

/*
 * The plugin's request validation: one yup schema per request body, query or route parameters (in
 * each capability's validation/), checked by `validate`, which answers the first failing check as a
 * 400 naming the parameter. The pieces several schemas share are defined here.
 *
 * How yup is used, so that a refusal is the one the plugin has always given:
 * - Values are checked as sent. yup coerces while it validates ('5' to 5, 5 to '5', a JSON string to
 *   an object); every schema here undoes that (`asSent`) and states the conversions it does make,
 *   such as a query string read as a number.
 * - Checks are made in the order written (`inOrder`), the first failing one answered. A check across
 *   fields sits on the last of them and reads the others from `this.parent`.
 * - Unknown keys are dropped from what `validate` returns; what it returns is what services take.
 */

/** An object schema's fields (yup's ObjectShape, which its index does not export). */
type Shape = Record<string, yup.AnySchema>;
/** A refusal's message: text, or text made of the failing value and its path (yup's Message, not exported either). */
type Message = Parameters<yup.AnySchema['typeError']>[0];

/** A 400 naming the parameter, as every query and body validator of the plugin answers. */
export const refuse = (parameter: string, message: string): never => {
  throw new errors.ValidationError(message, {
    errors: [{ path: [parameter], message, name: 'ValidationError' }],
  });
};

/** What `work` returns, or a rule's refusal (RuleError) as a 400: Chinese first, English beside, the field named. */
export const ruled = <T>(work: () => T): T => {
  try {
    return work();
  } catch (error) {
    if (error instanceof RuleError)
      return refuse(error.field ?? 'data', `${error.messageZh} (${error.message})`);
    throw error;
  }
};

/** Refusals of a schema marked so name no parameter: a bare ValidationError, as those routes always answered. */
const UNNAMED = 'unnamed';
export const unnamed = <S extends yup.AnySchema>(schema: S): S => schema.meta({ answer: UNNAMED });

/** A path inside a request body's `data` names the field, as Strapi's own write routes do. */
const parameterOf = (path: string | undefined): string => (path ?? '').replace(/^data\./, '');

/**
 * `input` as the schema returns it (its conversions and defaults applied, unknown keys dropped), or
 * the first failing check as a 400: its message, and the parameter it names in `details.errors[].path`.
 */
export function validate<S extends yup.AnySchema>(schema: S, input: unknown): yup.InferType<S> {
  try {
    return schema.validateSync(input, { abortEarly: true, stripUnknown: true });
  } catch (error) {
    if (!(error instanceof yup.ValidationError)) throw error;
    if (schema.meta()?.answer === UNNAMED) throw new errors.ValidationError(error.message);
    return refuse(parameterOf(error.path), error.message);
  }
}

/** An object, as JSON has them (not null, not an array). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** yup's coercion undone: the value as sent is the value checked. */
export const asSent = (_coerced: unknown, sent: unknown): unknown => sent;
/** A query parameter as sent; empty (`?from=`) is not given. */
export const given = (_coerced: unknown, sent: unknown): unknown =>
  sent === '' ? undefined : sent;
/** A value with a default: null (`?status`, as qs reads it) is not given either. */
export const nullAsAbsent = (_coerced: unknown, sent: unknown): unknown => sent ?? undefined;
/** A number in a query string or route, as `Number` reads it; empty is not given. */
const numberGiven = (_coerced: unknown, sent: unknown): number | undefined =>
  sent === '' ? undefined : Number(sent);
/** A number written in digits as `pattern` has them (else NaN, refused as not a number); empty is not given. */
export const digitsGiven =
  (pattern: RegExp) =>
  (_coerced: unknown, sent: unknown): number | undefined =>
    sent === '' ? undefined : typeof sent === 'string' && pattern.test(sent) ? Number(sent) : NaN;
/** Text trimmed; blank is null. */
const trimmedOrNull = (_coerced: unknown, sent: unknown): unknown =>
  typeof sent === 'string' ? sent.trim() || null : sent;

/** The value as sent, before the schema's conversions (yup gives it to tests; its types leave it out). */
export const sentValue = (context: yup.TestContext): unknown =>
  (context as yup.TestContext & { originalValue: unknown }).originalValue;

/**
 * An object whose fields are checked in the order written, and returned in that order. yup checks an
 * object's own tests first, then its fields last key first (0.32 sorts them so), hence the reversal;
 * fields never name each other through `ref` or `when`, which would sort them again. The object is
 * taken as a copy: yup returns the object it was given when nothing in it changed, and what
 * `validate` returns is never the request's own object (services add to it).
 */
export const inOrder = <S extends Shape>(shape: S) => {
  const fields = Object.keys(shape);
  return yup
    .object(Object.fromEntries(Object.entries(shape).reverse()) as S)
    .transform((_coerced: unknown, sent: unknown) =>
      isPlainObject(sent)
        ? {
            ...Object.fromEntries(
              fields
                .filter((field) => Object.hasOwn(sent, field))
                .map((field) => [field, sent[field]])
            ),
            ...sent,
          }
        : sent
    );
};

/** One of `values`, as sent. */
export const oneOf = <T>(values: readonly T[], message: string) =>
  yup.mixed<T>().oneOf([...values], message);
/** One of `values`, which must be given. */
export const requiredOneOf = <T>(values: readonly T[], message: string) =>
  oneOf(values, message).required(message);

/** The path of `field`, beside the one a check sits on: a check across fields names the field it is about. */
export const siblingPath = (context: yup.TestContext, field: string): string =>
  context.path.replace(/[^.]+$/, field);

const DATA_MESSAGE = '请求须含 data 对象 (the body must contain a data object)';

/**
 * A request body `{ "data": { … } }`, as Strapi's own write routes take it; a refusal names the field
 * in `data`. A body that is no object has no `data`; `data` not given is null, refused as not an object.
 * (Typed as what passes: yup's type would keep the null default.)
 */
export const requestBody = <S extends Shape>(data: yup.ObjectSchema<S>) =>
  yup
    .object({ data: data.default(null).typeError(DATA_MESSAGE) })
    .transform((_coerced: unknown, body: unknown) =>
      isPlainObject(body) ? body : {}
    ) as unknown as yup.BaseSchema<
    unknown,
    Record<string, unknown>,
    { data: yup.InferType<yup.ObjectSchema<S>> }
  >;

/** A YYYY-MM-DD calendar date (a real day), or not given. */
export const calendarDate = (message: string) =>
  yup
    .string()
    .transform(asSent)
    .typeError(message)
    .test('calendar-date', message, (value) => value === undefined || isIsoDate(value));

const dateParameterMessage = (parameter: string) =>
  `参数 ${parameter} 须为日期 YYYY-MM-DD (${parameter} must be a calendar date YYYY-MM-DD)`;
/** A date query parameter, `from`, `to`: empty is not given. */
export const dateParameter = (parameter: string) =>
  calendarDate(dateParameterMessage(parameter)).transform(given);
/** A date query parameter that must be given. */
export const requiredDateParameter = (parameter: string) =>
  dateParameter(parameter).required(dateParameterMessage(parameter));

/** Optional `from` and `to` calendar dates (YYYY-MM-DD), `to` not before `from`: spread into a query's shape. */
export const dateRange = {
  from: dateParameter('from'),
  to: dateParameter('to').test(
    'not-before-from',
    '截止日期不得早于起始日期 (to must not be before from)',
    function (to) {
      const { from } = this.parent as { from?: string };
      return !(from && to && to < from);
    }
  ),
};

/** A whole number from 1. */
const fromOne = (message: string) =>
  yup.number().typeError(message).integer(message).min(1, message);

/** A positive whole number, as sent (a number in JSON). */
export const positiveInteger = (parameter: string) => {
  const message = `${parameter} 须为正整数 (${parameter} must be a positive integer)`;
  return fromOne(message).transform(asSent).required(message);
};

/** A numeric row id from the route (`/:id`). */
export const idParams = inOrder({ id: positiveInteger('id').transform(numberGiven) });

/** A whole number from 1 (to `max`) in a query string, `fallback` when not given: `page`, `limit`. */
export const countParameter = (parameter: string, fallback: number, max?: number) => {
  const message = `参数 ${parameter} 须为 1${max ? `–${max}` : ' 以上'} 的整数 (${parameter} must be a whole number from 1${max ? ` to ${max}` : ''})`;
  const count = fromOne(message).transform(numberGiven).default(fallback);
  return max === undefined ? count : count.max(max, message);
};

/** Strapi's documentId: 24 lower-case letters and digits, or a shorter seeded one. */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
export const documentId = (message: string) =>
  yup.string().transform(asSent).typeError(message).matches(DOCUMENT_ID, message);

/** A required `documentId`, named so in the refusal. */
const DOCUMENT_ID_MESSAGE = 'documentId 格式不正确 (documentId is not a document id)';
export const documentIdParameter = documentId(DOCUMENT_ID_MESSAGE).required(DOCUMENT_ID_MESSAGE);

/** An organization code (统一社会信用代码 or the office's own): letters, digits and hyphens, at most `max`. */
const ORGANIZATION_CODE = /^[0-9A-Za-z-]+$/;
export const organizationCode = (max: number, message: string) =>
  yup
    .string()
    .transform(asSent)
    .typeError(message)
    .matches(ORGANIZATION_CODE, message)
    .max(max, message);

/** A year of the office calendar, YYYY, 1990–2100 (chinese-days covers 2004 onwards; further out is a typo). */
const YEAR_RANGE = { min: 1990, max: 2100 };
const YEAR_MESSAGE = `参数 year 须为 ${YEAR_RANGE.min} 至 ${YEAR_RANGE.max} 的四位年份 (year must be a four-digit year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max})`;
export const yearParameter = yup
  .number()
  .transform(digitsGiven(/^\d{4}$/))
  .typeError(YEAR_MESSAGE)
  .min(YEAR_RANGE.min, YEAR_MESSAGE)
  .max(YEAR_RANGE.max, YEAR_MESSAGE);

/** A display name: when given, not blank and at most 200 characters as sent; taken trimmed. `.required()` where it must be given. */
export const NAME_MESSAGE = '名称必填，最多 200 字 (name is required, at most 200 characters)';
export const displayName = yup
  .string()
  .transform((_coerced: unknown, sent: unknown) => (typeof sent === 'string' ? sent.trim() : sent))
  .typeError(NAME_MESSAGE)
  .test('name', NAME_MESSAGE, function (name) {
    return name === undefined || (name !== '' && (sentValue(this) as string).length <= 200);
  });

/** Text, trimmed, of at most `max` characters once trimmed; null, empty or blank is null. */
export const trimmedText = (max: number, message: string) =>
  yup.string().transform(trimmedOrNull).nullable().typeError(message).max(max, message);

/** `true` or `false`, as sent. */
export const trueOrFalse = (parameter: string) =>
  yup
    .boolean()
    .transform(asSent)
    .typeError(`${parameter} 须为 true 或 false (${parameter} must be true or false)`);

/** An http(s) address (shared/web-address), taken as `output` makes it of the parsed URL; `.nullable()` where null is taken. */
export const httpAddress = (message: Message, output: (url: URL) => string) =>
  yup
    .mixed<string>()
    .transform((_coerced: unknown, sent: unknown) => {
      const url = webAddress(sent);
      return url ? output(url) : sent;
    })
    .test('http-address', message, function () {
      const sent = sentValue(this);
      return (
        sent === undefined ||
        (sent === null && this.schema.spec.nullable) ||
        webAddress(sent) !== null
      );
    });

/** Unknown keys in `data` are refused by name, so a misspelt field is not silently dropped. */
export const onlyKnownFields = <S extends yup.AnyObjectSchema>(schema: S) =>
  schema.test('known-fields', function () {
    const sent = sentValue(this);
    if (!isPlainObject(sent)) return true;
    const known = Object.keys(this.schema.fields as object);
    const unknown = Object.keys(sent).filter((key) => !known.includes(key));
    return (
      !unknown.length ||
      this.createError({
        path: `${this.path}.${unknown[0]}`,
        message: `不接受的字段：${unknown.join('、')} (unknown fields: ${unknown.join(', ')})`,
      })
    );
  });

// ------------------------------------------------------------------ lookups by number and code

/**
 * The public lookups of a case or a message by number and code (GET …/:number?code=): never refused
 * as malformed (a 400 would tell a well-formed number from another); anything that is not text of at
 * most 200 characters is read as empty, answered with the same 404 as a wrong code.
 */
export const lookupText = yup
  .string()
  .transform((_coerced: unknown, sent: unknown) =>
    typeof sent === 'string' && sent.length <= 200 ? sent : ''
  )
  .default('');
export const lookupParams = inOrder({ number: lookupText });
export const lookupQuery = inOrder({ code: lookupText });
/** The lookup code sent as a header instead (`X-Lookup-Code`), so it stays out of URLs and their logs. */
export const LOOKUP_CODE_HEADER = 'X-Lookup-Code';

/**
 * The code of a lookup, from the query (the contracts) or the `X-Lookup-Code` header. Both sent and
 * not the same: no code is believed (the one 404 of every miss follows).
 */
export const lookupCodeOf = (query: unknown, header: string): string => {
  const fromQuery = validate(lookupQuery, query).code;
  const fromHeader = validate(lookupQuery, { code: header }).code;
  if (fromQuery && fromHeader) return fromQuery === fromHeader ? fromQuery : '';
  return fromQuery || fromHeader;
};
