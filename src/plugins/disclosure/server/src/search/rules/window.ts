import { beijingDate } from '../../calendar/rules/beijing-time';
import { compareRanked, type Ranked } from './ranking';

/*
 * The result window: a search ranks, counts and pages at most the newest `window` matches (and every
 * exact 文号/索引号 match), so what one request costs is bounded whatever the catalogue's size. The
 * newest matches are found month by month, backwards from the newest month the filters allow: each
 * step looks in a range of months (their tags in the index, `tags.ts`), widened from what the last
 * step found, until a range holds more than the window or the range is everything the filters allow.
 */

/** Matches ranked, counted and paged per search by default (plugin setting `search.resultWindow`). */
export const DEFAULT_RESULT_WINDOW = 1000;
/** The setting's bounds. */
export const RESULT_WINDOW_LIMITS = { min: 10, max: 10_000 } as const;
/** A step listing more months than this is the last one: any month, no month condition. */
export const MAX_STEP_MONTHS = 120;
/** How much wider than the last step's rate of matches suggests the next step looks. */
const WIDEN_MARGIN = 1.5;
/** A step that found nothing looks this many times as far back next. */
const WIDEN_EMPTY = 12;

/** A Beijing calendar month as a number, 202612 for December 2026. */
export type Month = number;

/** The Beijing month of an instant. */
export const beijingMonth = (instant: Date): Month => {
  const date = beijingDate(instant);
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
};

/** The month of a Beijing calendar date (YYYY-MM-DD). */
export const monthOfDate = (date: string): Month =>
  Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));

/** A month moved by whole months (negative: earlier). */
export const addMonths = (month: Month, months: number): Month => {
  const index = Math.floor(month / 100) * 12 + (month % 100) - 1 + months;
  return Math.floor(index / 12) * 100 + (index % 12) + 1;
};

/** The months from `newest` back to `oldest`, inclusive, newest first. */
export function monthsBack(newest: Month, oldest: Month): Month[] {
  const months: Month[] = [];
  for (let month = newest; month >= oldest; month = addMonths(month, -1)) months.push(month);
  return months;
}

/** The months a search may find anything in: the filters' bounds within the entries' months. */
export interface MonthRange {
  newest: Month;
  oldest: Month;
}

/**
 * The range of the locale's entries (their oldest and newest months; null: the index holds nothing
 * of the locale) narrowed by the filters' year and dates; null when nothing can be found.
 */
export function searchRange(
  entries: MonthRange | null,
  filters: { year?: number; from?: string; to?: string }
): MonthRange | null {
  if (!entries) return null;
  const uppers = [entries.newest];
  const lowers = [entries.oldest];
  if (filters.year) {
    uppers.push(filters.year * 100 + 12);
    lowers.push(filters.year * 100 + 1);
  }
  if (filters.to) uppers.push(monthOfDate(filters.to));
  if (filters.from) lowers.push(monthOfDate(filters.from));
  const range = { newest: Math.min(...uppers), oldest: Math.max(...lowers) };
  return range.oldest > range.newest ? null : range;
}

/** The months one step looks in, newest first (null: any month), and whether it is the last step. */
export interface Step {
  months: Month[] | null;
  last: boolean;
}

/**
 * The step spanning `span` months back from the range's newest. It is the last when it reaches the
 * range's start (its months are then the whole range), or when it would list more than
 * MAX_STEP_MONTHS (then any month: the filters still apply).
 */
export function stepOf(range: MonthRange, span: number): Step {
  const oldest = addMonths(range.newest, -(span - 1));
  const reachesStart = oldest <= range.oldest;
  const months = monthsBack(range.newest, reachesStart ? range.oldest : oldest);
  if (months.length > MAX_STEP_MONTHS) return { months: null, last: true };
  return { months, last: reachesStart };
}

/**
 * The next step's span from what this one found in its span: enough months, at the rate found, to
 * hold more than the window with a margin; at least twice as many.
 */
export function nextSpan(span: number, found: number, window: number): number {
  if (found <= 0) return span * WIDEN_EMPTY;
  return Math.max(span * 2, Math.ceil((span * (window + 1) * WIDEN_MARGIN) / found));
}

/** A match in the window, as ranked and counted. */
export interface Candidate extends Ranked {
  id: number;
  publishedAt: string;
  type: string;
  category: string | null;
  organization: string | null;
  year: number;
}

/**
 * The ranked window: the newest `window` of the matches found (newest first) and every exact
 * 文号/索引号 match, once each; exact first, then relevance, then newer first, then the later entry.
 */
export function rankWindow(found: Candidate[], exact: Candidate[], window: number): Candidate[] {
  const byId = new Map(found.slice(0, window).map((candidate) => [candidate.id, candidate]));
  for (const candidate of exact)
    byId.set(candidate.id, { ...(byId.get(candidate.id) ?? candidate), exact: true });
  return [...byId.values()].sort((a, b) => compareRanked(a, b) || b.id - a.id);
}
