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
/** A step spanning more months than this is the last one: every month, no month condition. */
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

/** The months a search may find anything in: the filters' bounds, the newest entry's month at most. */
export interface MonthRange {
  newest: Month;
  /** null: no earlier bound. */
  oldest: Month | null;
}

/**
 * The range from the newest entry's month (null: the index holds nothing of the locale) and the
 * filters' year and dates; null when nothing can be found (the filters end before anything was
 * published), which still runs one unbounded step: the answer says so from the database.
 */
export function searchRange(
  newestEntry: Month | null,
  filters: { year?: number; from?: string; to?: string }
): MonthRange | null {
  if (newestEntry === null) return null;
  const uppers = [newestEntry];
  const lowers: Month[] = [];
  if (filters.year) {
    uppers.push(filters.year * 100 + 12);
    lowers.push(filters.year * 100 + 1);
  }
  if (filters.to) uppers.push(monthOfDate(filters.to));
  if (filters.from) lowers.push(monthOfDate(filters.from));
  const newest = Math.min(...uppers);
  const oldest = lowers.length ? Math.max(...lowers) : null;
  if (oldest !== null && oldest > newest) return null;
  return { newest, oldest };
}

/**
 * The months one step looks in, newest first, for a span of months back from the range's newest;
 * null for the last step (the span reaches the range's start, or is too wide to list).
 */
export function stepMonths(range: MonthRange | null, span: number): Month[] | null {
  if (!range || span > MAX_STEP_MONTHS) return null;
  const oldest = addMonths(range.newest, -(span - 1));
  if (range.oldest !== null && oldest <= range.oldest) return null;
  return monthsBack(range.newest, oldest);
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
