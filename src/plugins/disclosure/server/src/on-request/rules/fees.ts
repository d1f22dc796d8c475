/**
 * 信息处理费 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》). Both bases are marginal
 * (超额累进): by count, the applicant's n-th application in a calendar month pays its band's rate; by
 * pages, each band charges only the pages that fall inside it. An office uses one basis per
 * application, never both (art. 3).
 */
import type { FeeBasis } from '../../../../shared/contracts/on-request';
import { OnRequestRuleError } from './errors';

/**
 * 109号 art. 7: the applicant pays within 20 working days counted from the day after receiving the fee
 * notice; unpaid by then, the application is treated as abandoned (其他处理 2). We count from the
 * notice's date, as the working calendar counts periods (the start day never counts), because the
 * office knows when it sent the notice, not when it arrived; the notice itself names the date.
 */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** By count: 1–10 free, 11–30 ¥100, then ¥100 more per further band of 10 (31–40 ¥200, 41–50 ¥300 …). */
export const FREE_APPLICATIONS_PER_MONTH = 10;
/** By pages: up to 30 free; [from, to, yuan per page] bands above that. */
export const FREE_PAGES = 30;
export const PAGE_BANDS: ReadonlyArray<{ from: number; to: number; perPage: number }> = [
  { from: 31, to: 100, perPage: 10 },
  { from: 101, to: 200, perPage: 20 },
  { from: 201, to: Infinity, perPage: 40 },
];

function assertPositiveWhole(value: unknown, field: string, zh: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new OnRequestRuleError(
      `${zh}须为正整数`,
      `${field} must be a whole number of at least 1`,
      field
    );
  }
}

/** The fee of the applicant's `nthInMonth`-th application in the calendar month, in yuan. */
export function countFee(nthInMonth: number): number {
  assertPositiveWhole(nthInMonth, 'nthInMonth', '本月申请件次');
  if (nthInMonth <= FREE_APPLICATIONS_PER_MONTH) return 0;
  if (nthInMonth <= 30) return 100;
  return 100 * (Math.floor((nthInMonth - 31) / 10) + 2);
}

/** The fee for `pages` pages, each band charging only its own pages, in yuan. */
export function pageFee(pages: number): number {
  assertPositiveWhole(pages, 'pages', '页数');
  return PAGE_BANDS.reduce(
    (sum, band) => sum + Math.max(0, Math.min(pages, band.to) - band.from + 1) * band.perPage,
    0
  );
}

/** The amount and the computation in words, for the fee notice (收费通知书). */
export function feeFor(
  basis: FeeBasis,
  figures: { nthInMonth?: number; pages?: number }
): { amount: number; explanation: string } {
  if (basis === 'count') {
    const nth = figures.nthInMonth;
    const amount = countFee(nth as number);
    const explanation =
      amount === 0
        ? `按件计收：本申请为申请人本自然月内第${nth}件，累计${FREE_APPLICATIONS_PER_MONTH}件以下（含${FREE_APPLICATIONS_PER_MONTH}件）不收费。`
        : `按件计收：本申请为申请人本自然月内第${nth}件，${bandWords(nth as number)}的部分每件收费${amount}元，应缴${amount}元。`;
    return { amount, explanation };
  }
  if (basis === 'pages') {
    const pages = figures.pages;
    const amount = pageFee(pages as number);
    if (amount === 0) {
      return {
        amount,
        explanation: `按量计收：共${pages}页，${FREE_PAGES}页以下（含${FREE_PAGES}页）不收费。`,
      };
    }
    const parts = PAGE_BANDS.flatMap((band) => {
      const count = Math.max(0, Math.min(pages as number, band.to) - band.from + 1);
      if (count === 0) return [];
      const range = band.to === Infinity ? `${band.from - 1}页以上` : `${band.from}—${band.to}页`;
      return [`${range}的部分${count}页×${band.perPage}元/页=${count * band.perPage}元`];
    });
    return {
      amount,
      explanation: `按量计收：共${pages}页，${FREE_PAGES}页以下（含${FREE_PAGES}页）不收费；${parts.join('；')}；合计${amount}元。`,
    };
  }
  throw new OnRequestRuleError(
    `收费方式须为按件计收或按量计收`,
    `basis must be 'count' or 'pages'`,
    'basis'
  );
}

/** The count band an application falls in, in the words of 109号 (11—30件, 31—40件 …). */
function bandWords(nth: number): string {
  if (nth <= 30) return '累计11—30件（含30件）';
  const low = 31 + Math.floor((nth - 31) / 10) * 10;
  return `累计${low}—${low + 9}件（含${low + 9}件）`;
}
