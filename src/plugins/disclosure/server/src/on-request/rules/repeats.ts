/**
 * Likely repeats (重复申请, table 3 不予处理 2): the same applicant, by identity document, asking for
 * much the same thing within a year. Only a hint for the office, which decides; nothing here refuses.
 *
 * Similarity is the Dice coefficient of character bigrams of normalized text. Chinese has no spaces to
 * split words on, and bigrams catch most two-character words, so reordered or lightly reworded requests
 * still score high, while a different subject scores low.
 */
import { calendarDaysBetween, isIsoDate } from '../../calendar/rules/beijing-time';
import { OnRequestRuleError } from './errors';

export const REPEAT_WINDOW_DAYS = 365;
export const DEFAULT_REPEAT_THRESHOLD = 0.6;

/** Full-width to half-width (NFKC), lower case, without whitespace, punctuation or symbols. */
export const normalizeText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');

function bigrams(text: string): Map<string, number> {
  const chars = [...normalizeText(text)];
  const grams = new Map<string, number>();
  const units = chars.length === 1 ? chars : chars.slice(1).map((char, i) => chars[i] + char);
  for (const gram of units) grams.set(gram, (grams.get(gram) ?? 0) + 1);
  return grams;
}

/** 0 (nothing in common, or nothing to compare) to 1 (the same text once normalized). */
export function similarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let sizeLeft = 0;
  let sizeRight = 0;
  let shared = 0;
  for (const count of left.values()) sizeLeft += count;
  for (const [gram, count] of right) {
    sizeRight += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  if (sizeLeft + sizeRight === 0) return 0;
  return (2 * shared) / (sizeLeft + sizeRight);
}

/** Identity documents compare without case, spaces or full-width forms (110105…x = 110105…X). */
const normalizeId = (idNumber: string): string =>
  idNumber.normalize('NFKC').replace(/\s/g, '').toUpperCase();

/**
 * The numbers of earlier cases that look like the same request again: same identity document,
 * received within 365 days of the candidate, description at least `threshold` similar. Most similar
 * first.
 */
export function likelyRepeats(
  candidate: { idNumber: string; description: string; receivedOn: string },
  earlier: Array<{ number: string; idNumber: string; description: string; receivedOn: string }>,
  threshold = DEFAULT_REPEAT_THRESHOLD
): string[] {
  if (!isIsoDate(candidate.receivedOn)) {
    throw new OnRequestRuleError(
      '收到申请日期须为日期（YYYY-MM-DD）',
      'receivedOn must be a calendar date YYYY-MM-DD',
      'receivedOn'
    );
  }
  const id = normalizeId(candidate.idNumber ?? '');
  if (!id) return [];
  return earlier
    .filter(
      (other) =>
        normalizeId(other.idNumber ?? '') === id &&
        isIsoDate(other.receivedOn) &&
        Math.abs(calendarDaysBetween(other.receivedOn, candidate.receivedOn)) <= REPEAT_WINDOW_DAYS
    )
    .map((other) => ({
      number: other.number,
      score: similarity(candidate.description, other.description),
    }))
    .filter(({ score }) => score >= threshold)
    .sort((a, b) => b.score - a.score || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
    .map(({ number }) => number);
}
