/**
 * 废止日期 (repealedOn): table 2 of the annual report counts the 规章 and 行政规范性文件 repealed in
 * the year, and those valid at its end, so a repealed document needs the day it was repealed. Editors
 * rarely type it: it defaults to the day its validity becomes 已废止 (Beijing), and the editor may
 * correct it to the date of the repealing decision. A document no longer repealed has none.
 */
export interface RepealFields {
  validity?: unknown;
  repealedOn?: unknown;
  [field: string]: unknown;
}

const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** The repealedOn to write, or undefined to leave the field as sent (or as stored). */
export function repealedOnFor(
  current: RepealFields | null,
  data: RepealFields,
  today: string
): string | null | undefined {
  const validity = 'validity' in data ? data.validity : current?.validity;
  if (validity === 'repealed') {
    if (given(data.repealedOn)) return undefined;
    if (!('repealedOn' in data) && given(current?.repealedOn)) return undefined;
    return today;
  }
  if (given(data.repealedOn) || (!('repealedOn' in data) && given(current?.repealedOn)))
    return null;
  return undefined;
}
