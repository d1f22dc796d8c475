/**
 * The statutory clocks of an application, on the working-day calendar (Beijing dates).
 *
 * - 补正 (art. 30): the correction notice is due 7 working days after receipt; once one is sent the
 *   reply clock waits for the corrected application and then runs from its receipt.
 * - 答复 (art. 33): 20 working days from the start, plus the working days it stood still, plus an
 *   extension of at most 20.
 * - 征求意见 (art. 32, 33): consultation time does not count; a third party has 15 working days.
 * - 收费 (109号 art. 7): from the fee notice to payment does not count.
 *
 * Periods follow the calendar's convention (the start day never counts): "7 working days after
 * receipt" is `addWorkingDays(receivedOn, 7)`.
 */
import type { ApplicationClocks, ApplicationStatus } from '../../../../shared/contracts/on-request';
import { isIsoDate } from '../../calendar/rules/beijing-time';
import type { Calendar } from '../../deadlines/rules/deadlines';
import { OnRequestRuleError } from './errors';
import { FEE_PAYMENT_WORKING_DAYS } from './fees';

export const CORRECTION_NOTICE_WORKING_DAYS = 7;
export const REPLY_WORKING_DAYS = 20;
export const CONSULTATION_WORKING_DAYS = 15;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const DUE_SOON_WORKING_DAYS = 3;

export interface ClockPause {
  kind: 'consultation' | 'fee';
  /** The day the consultation letter or fee notice was sent */
  from: string;
  /** The day the answer came or the fee was paid; null while still open */
  to: string | null;
  /** A fee pause: the payment date the notice gave (else the notice + 20 working days) */
  dueOn?: string | null;
}

export interface CaseClockInput {
  receivedOn: string | null;
  correction: { requestedOn: string; dueOn: string; receivedOn: string | null } | null;
  pauses: ClockPause[];
  extensionWorkingDays: number;
}

/** The clocks, and whether every year they touch has a loaded holiday schedule. */
export interface ClockAnswer {
  clocks: ApplicationClocks;
  calendarComplete: boolean;
  missingYears: number[];
}

const CONCLUDED: readonly ApplicationStatus[] = ['delivered', 'closed', 'archived'];

/**
 * What a pause excludes: the working days after `from` up to and including its end, i.e.
 * `workingDaysBetween(from, end)`. The sending day was a day the office could work on the case; the
 * answer's day is not, as the office only has the answer that day. A same-day answer excludes 0 days; an
 * answer on the next working day, 1.
 *
 * Its end: the answer or payment date; while open, `today`. A consultation never ends later than its
 * 15th working day (art. 32: a third party silent by then is taken to have no opinion, and the office
 * decides without it), whether still open or answered late, so a late answer cannot push the reply
 * date back after the fact. Overlapping pauses are merged, so no working day is excluded twice.
 */
export function computeClocksWithCalendar(
  input: CaseClockInput,
  calendar: Calendar,
  today: string
): ClockAnswer {
  assertDate(today, 'today');
  const missing = new Set<number>();
  const track = <T extends { missingYears: number[] }>(answer: T): T => {
    for (const year of answer.missingYears) missing.add(year);
    return answer;
  };
  const add = (from: string, days: number): string =>
    track(calendar.addWorkingDays(from, days)).date;
  const between = (from: string, to: string): number =>
    track(calendar.workingDaysBetween(from, to)).days;

  const extension = input.extensionWorkingDays;
  if (!Number.isInteger(extension) || extension < 0 || extension > MAX_EXTENSION_WORKING_DAYS) {
    throw new OnRequestRuleError(
      `延期工作日数须为 0 至 ${MAX_EXTENSION_WORKING_DAYS} 的整数`,
      `extensionWorkingDays must be a whole number from 0 to ${MAX_EXTENSION_WORKING_DAYS}`,
      'extensionWorkingDays'
    );
  }

  const clocks: ApplicationClocks = {
    receivedOn: input.receivedOn,
    correctionNoticeDueOn: null,
    correctionDueOn: null,
    replyDueOn: null,
    consultationDueOn: null,
    paymentDueOn: null,
    pausedWorkingDays: 0,
    extendedWorkingDays: extension,
  };
  const answer = () => ({
    clocks,
    calendarComplete: missing.size === 0,
    missingYears: [...missing].sort((a, b) => a - b),
  });
  // Not yet received (an online application awaiting confirmation): no clock runs.
  if (input.receivedOn === null) return answer();
  assertDate(input.receivedOn, 'receivedOn');

  const { correction } = input;
  if (!correction) {
    clocks.correctionNoticeDueOn = add(input.receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
  } else {
    assertDate(correction.requestedOn, 'correction.requestedOn');
    assertDate(correction.dueOn, 'correction.dueOn');
    if (correction.receivedOn === null) {
      // Waiting for the applicant: the reply clock has not started.
      clocks.correctionDueOn = correction.dueOn;
      return answer();
    }
    assertDate(correction.receivedOn, 'correction.receivedOn');
  }
  const start = correction?.receivedOn ?? input.receivedOn;

  // Each pause as the half-open day range (from, end]: working days after `from` up to `end`.
  const ranges: Array<[string, string]> = [];
  input.pauses.forEach((pause, index) => {
    assertDate(pause.from, `pauses[${index}].from`);
    if (pause.to !== null) assertDate(pause.to, `pauses[${index}].to`);
    let end = pause.to ?? today;
    if (pause.kind === 'consultation') {
      const lapse = add(pause.from, CONSULTATION_WORKING_DAYS);
      if (pause.to === null) clocks.consultationDueOn = lapse;
      if (end > lapse) end = lapse;
    } else if (pause.to === null) {
      if (pause.dueOn != null) assertDate(pause.dueOn, `pauses[${index}].dueOn`);
      clocks.paymentDueOn = pause.dueOn ?? add(pause.from, FEE_PAYMENT_WORKING_DAYS);
    }
    // Nothing before the clock started can stop it.
    const from = pause.from < start ? start : pause.from;
    if (end > from) ranges.push([from, end]);
  });
  ranges.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const merged: Array<[string, string]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) {
      if (range[1] > last[1]) last[1] = range[1];
    } else merged.push([...range]);
  }
  clocks.pausedWorkingDays = merged.reduce((sum, [from, end]) => sum + between(from, end), 0);
  clocks.replyDueOn = add(start, REPLY_WORKING_DAYS + clocks.pausedWorkingDays + extension);
  return answer();
}

/** The clocks alone (see computeClocksWithCalendar for the rules and which days a pause excludes). */
export function computeClocks(
  input: CaseClockInput,
  calendar: Calendar,
  today: string
): ApplicationClocks {
  return computeClocksWithCalendar(input, calendar, today).clocks;
}

/**
 * How pressing a case is: concluded once delivered, closed or archived; overdue after its reply date;
 * due-soon when at most 3 working days remain after today (due today counts). A case with no running
 * reply clock (awaiting confirmation or a correction) is on track: the applicant, not the office, is due.
 */
export function urgencyOf(
  clocks: ApplicationClocks,
  status: ApplicationStatus,
  today: string,
  calendar: Calendar
): 'overdue' | 'due-soon' | 'on-track' | 'concluded' {
  if (CONCLUDED.includes(status)) return 'concluded';
  assertDate(today, 'today');
  const due = clocks.replyDueOn;
  if (!due) return 'on-track';
  if (today > due) return 'overdue';
  return calendar.workingDaysBetween(today, due).days <= DUE_SOON_WORKING_DAYS
    ? 'due-soon'
    : 'on-track';
}

/** Whether a consultation sent on `sentOn` has passed its 15th working day without an answer. */
export function consultationLapsed(sentOn: string, today: string, calendar: Calendar): boolean {
  assertDate(sentOn, 'sentOn');
  assertDate(today, 'today');
  return today > calendar.addWorkingDays(sentOn, CONSULTATION_WORKING_DAYS).date;
}

function assertDate(value: unknown, field: string): asserts value is string {
  if (!isIsoDate(value)) {
    throw new OnRequestRuleError(
      `${field} 须为日期（YYYY-MM-DD）`,
      `${field} must be a calendar date YYYY-MM-DD`,
      field
    );
  }
}
