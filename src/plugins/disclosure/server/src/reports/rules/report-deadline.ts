/**
 * When a report falls due (条例 (2019) 第四十九条; Zhanjiang 2015 §2(二)), from its organization's
 * level (`api::organization.organization` `level`) and its period:
 * - the annual report of a 部门 (`department`) by 31 January of the next year;
 * - of a county-level or higher 人民政府 (`county`, `city`, `province`, `national`) by 31 March;
 * - of a 乡镇人民政府 (`township`) by 31 January: article 49 gives 31 March to the governments of
 *   county level and above only, and a township's report goes into its county's, as a department's does;
 * - the half-year statistics by 10 July (first half) and 10 January of the next year (second half).
 * All are Beijing dates, due at the end of the day (the deadline rules' same-day).
 */
import type { Half, PeriodKey } from './period';

/** The levels whose annual report is due 31 March: county-level and higher governments. */
export const GOVERNMENT_LEVELS: readonly string[] = ['national', 'province', 'city', 'county'];

export function reportDueDate(
  level: string | null | undefined,
  year: number,
  half?: Half | null
): string {
  const next = String(year + 1).padStart(4, '0');
  if (half === 1) return `${String(year).padStart(4, '0')}-07-10`;
  if (half === 2) return `${next}-01-10`;
  return GOVERNMENT_LEVELS.includes(level ?? '') ? `${next}-03-31` : `${next}-01-31`;
}

/**
 * The periods that have ended by a Beijing date, whose reports are now owed: last year's annual
 * report, and the latest half (this year's first from 1 July, else last year's second).
 */
export function endedPeriods(today: string): Array<PeriodKey & { half?: Half }> {
  const year = Number(today.slice(0, 4));
  const half: PeriodKey =
    today.slice(5) >= '07-01' ? { year, half: 1 } : { year: year - 1, half: 2 };
  return [{ year: year - 1 }, half];
}
