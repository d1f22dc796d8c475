/**
 * Case numbers (申请编号, and the mailbox's 信件编号): the organization's code, the year received, and a per-organization,
 * per-year sequence of at least four digits, e.g. 370000001-2027-0001. An organization's code may
 * itself contain dashes, so a number is read from the right: the last part is the sequence, the one
 * before it the year.
 */
import { RuleError } from './rule-error';

const SEQUENCE_DIGITS = 4;
const CODE = /^[0-9A-Za-z-]{2,32}$/;
// At most 9 sequence digits keeps the number exact and a lookup's input short.
const SHAPE = /^([0-9A-Za-z-]{2,32})-([1-9]\d{3})-(\d{4,9})$/;

export interface CaseNumber {
  organizationCode: string;
  year: number;
  sequence: number;
}

export function caseNumber(organizationCode: string, year: number, sequence: number): string {
  if (typeof organizationCode !== 'string' || !CODE.test(organizationCode)) {
    throw new RuleError(
      '机关代码须为 2 至 32 位字母、数字或连字符',
      'organizationCode must be 2 to 32 letters, digits or dashes',
      'organizationCode'
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RuleError('年份须为四位数', 'year must have four digits', 'year');
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999_999) {
    throw new RuleError(
      '顺序号须为 1 至 999999999 的整数',
      'sequence must be a whole number from 1 to 999999999',
      'sequence'
    );
  }
  return `${organizationCode}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The parts of a well-formed case number, or null: only the form caseNumber writes is accepted. */
export function parseCaseNumber(number: string): CaseNumber | null {
  if (typeof number !== 'string' || number.length > 50) return null;
  const match = SHAPE.exec(number);
  if (!match) return null;
  const [, organizationCode, yearText, sequenceText] = match;
  const parsed = {
    organizationCode,
    year: Number(yearText),
    sequence: Number(sequenceText),
  };
  if (parsed.sequence < 1) return null;
  // Padding beyond four digits (00001) is not a number caseNumber would have written.
  return caseNumber(parsed.organizationCode, parsed.year, parsed.sequence) === number
    ? parsed
    : null;
}
