import { yup } from '@strapi/utils';
import calendarDaySchema from '../../calendar/content-types/calendar-day/schema.json';
import conversionTermSchema from '../../conversion/content-types/conversion-term/schema.json';
import type {
  CalendarDayKind,
  ConversionTermInput,
  ConversionTermKind,
} from '../../../../shared/contracts/settings';
import {
  calendarDate,
  inOrder,
  oneOf,
  refuse,
  requestBody,
  requiredOneOf,
  siblingPath,
  trimmedText,
  yearParameter,
} from '../../utils/validation';

// Limits come from the content types, so a 400 states the limit the database holds to.
const DAY_NAME_MAX = calendarDaySchema.attributes.name.maxLength;
const TERM_MAX = {
  simplified: conversionTermSchema.attributes.simplified.maxLength,
  traditional: conversionTermSchema.attributes.traditional.maxLength,
  note: conversionTermSchema.attributes.note.maxLength,
};
const DAY_KINDS = calendarDaySchema.attributes.kind.enum as CalendarDayKind[];
const TERM_KINDS = conversionTermSchema.attributes.kind.enum as ConversionTermKind[];

/** Trimmed text up to `max` characters; empty or null is null. */
const optionalText = (field: string, label: string, max: number) =>
  trimmedText(
    max,
    `${label} ${field} 须为文字，最多 ${max} 字 (${field} must be text of at most ${max} characters)`
  );

/** GET /calendar?year=YYYY; the controller takes the current Beijing year when it is not given. */
export const calendarQuery = inOrder({ year: yearParameter });

/** POST /calendar/days: an office calendar entry, a holiday or a weekend day declared a working day (调休). */
const DAY_DATE_MESSAGE = '日期 date 须为 YYYY-MM-DD (date must be a calendar date YYYY-MM-DD)';
const DAY_KIND_MESSAGE = `类型 kind 只能取 holiday（放假）或 working（上班） (kind must be one of ${DAY_KINDS.join(', ')})`;
export const officeDayBody = requestBody(
  inOrder({
    date: calendarDate(DAY_DATE_MESSAGE).required(DAY_DATE_MESSAGE),
    kind: requiredOneOf(DAY_KINDS, DAY_KIND_MESSAGE),
    name: optionalText('name', '名称', DAY_NAME_MAX).default(null),
  })
);

/**
 * A conversion dictionary term. Creating needs kind and simplified; a phrase needs its traditional
 * form (checked by the service on update, against the stored term). A protected term has none.
 */
const TERM_KIND_MESSAGE = `类型 kind 只能取 phrase（词组对照）或 protected（保护词） (kind must be one of ${TERM_KINDS.join(', ')})`;
const SIMPLIFIED_MESSAGE = `简体 simplified 必填，最多 ${TERM_MAX.simplified} 字 (simplified is required, at most ${TERM_MAX.simplified} characters)`;
const PHRASE_MESSAGE = '词组对照须填写繁体 traditional (a phrase needs its traditional form)';

/** A phrase pair without its traditional form would convert nothing. */
const isPhraseComplete = (term: ConversionTermInput): boolean =>
  !(term.kind === 'phrase' && !term.traditional);

const termFields = {
  kind: oneOf(TERM_KINDS, TERM_KIND_MESSAGE),
  // Never null once checked (yup's types do not narrow on a test).
  simplified: optionalText('simplified', '简体', TERM_MAX.simplified).test(
    'simplified-given',
    SIMPLIFIED_MESSAGE,
    (simplified) => simplified !== null
  ) as unknown as yup.StringSchema<string | undefined>,
  traditional: optionalText('traditional', '繁体', TERM_MAX.traditional),
  note: optionalText('note', '备注', TERM_MAX.note),
};

/** POST /conversion-terms. */
export const createConversionTermBody = requestBody(
  inOrder({
    kind: termFields.kind.required(TERM_KIND_MESSAGE),
    simplified: termFields.simplified.required(SIMPLIFIED_MESSAGE),
    traditional: termFields.traditional,
    // Once every field passed: a phrase has its traditional form.
    note: termFields.note.test('phrase-complete', function () {
      return (
        isPhraseComplete(this.parent) ||
        this.createError({ path: siblingPath(this, 'traditional'), message: PHRASE_MESSAGE })
      );
    }),
  })
);

/** PUT /conversion-terms/:id: only the fields given change. */
export const updateConversionTermBody = requestBody(inOrder(termFields));

/** A phrase pair without its traditional form would convert nothing (the service checks an update merged with the stored term). */
export function assertPhraseComplete(term: ConversionTermInput): void {
  if (!isPhraseComplete(term)) refuse('traditional', PHRASE_MESSAGE);
}
