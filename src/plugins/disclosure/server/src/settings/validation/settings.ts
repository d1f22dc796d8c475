import { isIsoDate } from '../../calendar/rules/beijing-time';
import calendarDaySchema from '../../calendar/content-types/calendar-day/schema.json';
import conversionTermSchema from '../../conversion/content-types/conversion-term/schema.json';
import type { CalendarDayKind, ConversionTermInput, ConversionTermKind } from '../../../../shared/contracts/settings';
import { dataObjectOf, refuse } from '../../utils/validation';

// Limits come from the content types, so a 400 states the limit the database holds to.
const DAY_NAME_MAX = calendarDaySchema.attributes.name.maxLength;
const TERM_MAX = {
  simplified: conversionTermSchema.attributes.simplified.maxLength,
  traditional: conversionTermSchema.attributes.traditional.maxLength,
  note: conversionTermSchema.attributes.note.maxLength,
};
const DAY_KINDS = calendarDaySchema.attributes.kind.enum as CalendarDayKind[];
const TERM_KINDS = conversionTermSchema.attributes.kind.enum as ConversionTermKind[];
// chinese-days covers 2004 onwards; a year far outside any schedule is a typo, not a question.
const YEAR_RANGE = { min: 1990, max: 2100 };

/** `?year=YYYY`, or the given default (the current Beijing year) when absent. */
export function validateCalendarQuery(query: Record<string, unknown>, defaultYear: number): { year: number } {
  const raw = query.year;
  if (raw === undefined || raw === '') return { year: defaultYear };
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max)) {
    refuse('year', `参数 year 须为 ${YEAR_RANGE.min} 至 ${YEAR_RANGE.max} 的四位年份 (year must be a four-digit year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max})`);
  }
  return { year };
}

/** An office calendar entry: a holiday, or a weekend day declared a working day (调休). */
export function validateOfficeDay(body: unknown): { date: string; kind: CalendarDayKind; name: string | null } {
  const data = dataObjectOf(body);
  if (!isIsoDate(data.date)) refuse('date', '日期 date 须为 YYYY-MM-DD (date must be a calendar date YYYY-MM-DD)');
  if (!DAY_KINDS.includes(data.kind)) {
    refuse('kind', `类型 kind 只能取 holiday（放假）或 working（上班） (kind must be one of ${DAY_KINDS.join(', ')})`);
  }
  return { date: data.date, kind: data.kind, name: optionalText(data.name, 'name', '名称', DAY_NAME_MAX) };
}

/**
 * A conversion dictionary term. Creating needs kind and simplified; a phrase needs its traditional
 * form (checked by the service on update, against the stored term). A protected term has none.
 */
export function validateConversionTerm(body: unknown, creating: boolean): ConversionTermInput {
  const data = dataObjectOf(body);
  const result: ConversionTermInput = {};
  if (data.kind !== undefined || creating) {
    if (!TERM_KINDS.includes(data.kind)) {
      refuse('kind', `类型 kind 只能取 phrase（词组对照）或 protected（保护词） (kind must be one of ${TERM_KINDS.join(', ')})`);
    }
    result.kind = data.kind;
  }
  if (data.simplified !== undefined || creating) {
    const simplified = optionalText(data.simplified, 'simplified', '简体', TERM_MAX.simplified);
    if (!simplified) refuse('simplified', `简体 simplified 必填，最多 ${TERM_MAX.simplified} 字 (simplified is required, at most ${TERM_MAX.simplified} characters)`);
    result.simplified = simplified;
  }
  if (data.traditional !== undefined) result.traditional = optionalText(data.traditional, 'traditional', '繁体', TERM_MAX.traditional);
  if (data.note !== undefined) result.note = optionalText(data.note, 'note', '备注', TERM_MAX.note);
  if (creating) assertPhraseComplete(result);
  return result;
}

/** A phrase pair without its traditional form would convert nothing. */
export function assertPhraseComplete(term: ConversionTermInput): void {
  if (term.kind === 'phrase' && !term.traditional) {
    refuse('traditional', '词组对照须填写繁体 traditional (a phrase needs its traditional form)');
  }
}

/** Trimmed text up to `max` characters; empty or null is null. */
function optionalText(value: unknown, field: string, label: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value.trim().length > max) {
    refuse(field, `${label} ${field} 须为文字，最多 ${max} 字 (${field} must be text of at most ${max} characters)`);
  }
  return (value as string).trim() || null;
}
