/**
 * 新闻发布: departments whose work touches people's livelihoods hold at least one press conference a
 * quarter. The quarter is the Beijing calendar's.
 */
import { addCalendarDays } from '../../calendar/rules/beijing-time';

export interface Quarter {
  /** e.g. 2026-Q2 */
  label: string;
  from: string;
  to: string;
}

export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextQuarter =
    quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { label: `${year}-Q${quarter}`, from, to: addCalendarDays(nextQuarter, -1) };
}

/** The livelihood-related organizations that held none, in the order given. */
export function missingPressConferences<T extends { code: string }>(
  livelihoodOrganizations: T[],
  heldBy: Set<string>
): T[] {
  return livelihoodOrganizations.filter((organization) => !heldBy.has(organization.code));
}
