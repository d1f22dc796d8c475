/**
 * Index numbers (索引号) identify every catalogue item: the organization's code, the year, and a
 * per-organization sequence, e.g. 370000001/2014-00008. Five digits of sequence sort as text, so the
 * highest existing number for a prefix is also the latest.
 */

const SEQUENCE_DIGITS = 5;
const SHAPE = /^(.+)\/(\d{4})-(\d{5,})$/;

export interface IndexNumber {
  organizationCode: string;
  year: number;
  sequence: number;
}

export const indexNumberPrefix = (organizationCode: string, year: number): string =>
  `${organizationCode}/${year}-`;

export const formatIndexNumber = ({ organizationCode, year, sequence }: IndexNumber): string =>
  `${indexNumberPrefix(organizationCode, year)}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;

export const parseIndexNumber = (value: string): IndexNumber | null => {
  const match = SHAPE.exec(value ?? '');
  if (!match) return null;
  return { organizationCode: match[1], year: Number(match[2]), sequence: Number(match[3]) };
};

/** The index number that follows the highest one already issued for this organization and year. */
export const nextIndexNumber = (
  organizationCode: string,
  year: number,
  highestIssued: string | null | undefined
): string => {
  const previous = highestIssued ? parseIndexNumber(highestIssued) : null;
  return formatIndexNumber({ organizationCode, year, sequence: (previous?.sequence ?? 0) + 1 });
};
