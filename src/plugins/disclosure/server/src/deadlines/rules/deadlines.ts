import { APPLICATION_UID, CONTENT_TYPES, MESSAGE_UID } from '../../../../shared/constants';

/**
 * Disclosure deadlines as data. A rule names the content it applies to, the field its clock starts
 * from, how long the office has, what counts as meeting it, and the policy it comes from. Day rules
 * end at midnight Beijing time; lateness is counted in working days for day rules and hours for hour
 * rules. "Same day" is the Beijing calendar day of the start: issued 2026-03-10, published 2026-03-11
 * 00:10 CST is one working day late.
 */
import {
  addCalendarDays,
  beijingDate,
  isIsoDate,
  startOfBeijingDay,
} from '../../calendar/rules/beijing-time';
import type { CalendarAnswer } from '../../calendar/rules/working-calendar';

export type DeadlineLength =
  | { unit: 'same-day' }
  | { unit: 'working-days'; amount: number }
  | { unit: 'calendar-days'; amount: number }
  | { unit: 'months'; amount: number }
  | { unit: 'hours'; amount: number };

export type Filter = Record<string, unknown>;

export interface DeadlineRule {
  id: string;
  /** What offices call it, for reports */
  label: string;
  contentType: string;
  /** Which items it tracks: field equality, or { $ne | $in | $notIn: … } */
  filter?: Filter;
  /** Date or datetime field the clock starts from */
  startField: string;
  /** 'published' (the item's publication), or a field path such as 'result.resultPublishedAt' */
  metBy: string;
  length: DeadlineLength;
  /** Important or urgent items (a true `urgent` field) run on this length instead */
  urgentLength?: DeadlineLength;
  /** An office's own time limit, by organization code (the organizationField's), instead of `length` */
  byOrganization?: Record<string, DeadlineLength>;
  /** The relation naming the responsible organization */
  organizationField?: string;
  /** The field the dashboard names the item by (default `title`; a case by its number, never its applicant) */
  titleField?: string;
  /** The policy the rule comes from */
  source: string;
  /**
   * A duty per organization and period (an annual report, half-year statistics) rather than per
   * item: the record is the period's (`periodRecordKey`), found by the item's organization and the
   * year (and half) these fields give, and it exists before any item does (opened when the period
   * ends); an item deleted or moved leaves the period's record where it is.
   */
  period?: { yearField: string; halfField?: string };
}

export type DeadlineStatus = 'pending' | 'met' | 'late' | 'overdue';

export interface Calendar {
  addWorkingDays(from: string, days: number): CalendarAnswer & { date: string };
  workingDaysBetween(from: string, to: string): CalendarAnswer & { days: number };
}

export const DEFAULT_DEADLINE_RULES: DeadlineRule[] = [
  {
    id: 'document-same-day',
    label: '政府及部门印发的主动公开文件印发当日公开',
    contentType: CONTENT_TYPES.policyDocument,
    filter: { disclosureAttribute: 'proactive', category: { $ne: 'result' } },
    startField: 'issueDate',
    metBy: 'published',
    length: { unit: 'same-day' },
    organizationField: 'issuingOrganization',
    source: 'Zhanjiang 2015 §1(二)2',
  },
  {
    id: 'result-7-working-days',
    label: '行政许可、行政处罚决定7个工作日内上网公开',
    contentType: CONTENT_TYPES.policyDocument,
    filter: { disclosureAttribute: 'proactive', category: 'result' },
    startField: 'issueDate',
    metBy: 'published',
    length: { unit: 'working-days', amount: 7 },
    organizationField: 'issuingOrganization',
    source: 'Heilongjiang 2017 §1(五)',
  },
  {
    id: 'information-5-working-days',
    label: '其他主动公开信息形成之日起5个工作日内公开，重要紧急事项当日公开',
    contentType: CONTENT_TYPES.pressRelease,
    startField: 'heldAt',
    metBy: 'published',
    length: { unit: 'working-days', amount: 5 },
    urgentLength: { unit: 'same-day' },
    organizationField: 'organization',
    source: 'city office 2024 §2(一)',
  },
  {
    id: 'consultation-result-1-month',
    label: '意见征集结束后1个月内公开采纳情况',
    contentType: CONTENT_TYPES.consultation,
    startField: 'endDate',
    metBy: 'result.resultPublishedAt',
    length: { unit: 'months', amount: 1 },
    organizationField: 'organization',
    source: 'city office 2024 §2(一)2; Heilongjiang 2017 §5(二)',
  },
  {
    id: 'concern-response-48-hours',
    label: '一般政务舆情48小时内回应',
    contentType: CONTENT_TYPES.publicConcern,
    filter: { severity: 'general' },
    startField: 'detectedAt',
    metBy: 'published',
    length: { unit: 'hours', amount: 48 },
    organizationField: 'organization',
    source: 'Heilongjiang 2017 §3(五); city office 2024 §2(二)',
  },
  {
    id: 'concern-emergency-information-5-hours',
    label: '重大突发事件5小时内发布权威信息',
    contentType: CONTENT_TYPES.publicConcern,
    filter: { severity: 'major-emergency' },
    startField: 'detectedAt',
    metBy: 'published',
    length: { unit: 'hours', amount: 5 },
    organizationField: 'organization',
    source: 'Heilongjiang 2017 §3(五)',
  },
  {
    id: 'concern-emergency-press-conference-24-hours',
    label: '重大突发事件24小时内召开新闻发布会',
    contentType: CONTENT_TYPES.publicConcern,
    filter: { severity: 'major-emergency' },
    startField: 'detectedAt',
    metBy: 'pressConferenceAt',
    length: { unit: 'hours', amount: 24 },
    organizationField: 'organization',
    source: 'Heilongjiang 2017 §3(五)',
  },
  // 依申请公开. The reply clock stops while consulting or awaiting a fee, restarts after a correction
  // and grows by an extension: no fixed length from a start field describes it. The case computes its
  // own due date (on-request rules/clock) into replyDueOn after every change, and the record falls due
  // at the end of that day. Cases that ended without a reply being owed (treated as withdrawn, fee
  // unpaid) are not counted in the reply on-time rate.
  {
    id: 'application-reply',
    label: '依申请公开：收到申请之日起20个工作日内答复（可延长不超过20个工作日）',
    contentType: APPLICATION_UID,
    filter: { outcomeReason: { $notIn: ['no-correction', 'fee-unpaid'] } },
    startField: 'replyDueOn',
    metBy: 'concludedAt',
    length: { unit: 'same-day' },
    organizationField: 'organization',
    titleField: 'number',
    source: '政府信息公开条例 (2019) 第三十三条',
  },
  // 政府信息公开工作年度报告: one per organization and year, due 31 January for a department and
  // 31 March for a county-level or higher government (reports/rules/report-deadline computes the
  // report's dueOn from its organization's level). The record is the period's: opened for every
  // organization when the year ends, met when that organization's report for the year is published.
  {
    id: 'annual-report',
    label: '政府信息公开工作年度报告：部门1月31日前、县级以上人民政府3月31日前公布上一年度报告',
    contentType: CONTENT_TYPES.annualReport,
    filter: { half: { $null: true } },
    startField: 'dueOn',
    metBy: 'published',
    length: { unit: 'same-day' },
    organizationField: 'organization',
    period: { yearField: 'year', halfField: 'half' },
    source: '政府信息公开条例 (2019) 第四十九条',
  },
  // Half-year statistics: the first half's by 10 July, the second half's by 10 January.
  {
    id: 'half-year-statistics',
    label: '政府信息公开半年统计：上半年7月10日前、下半年次年1月10日前报送',
    contentType: CONTENT_TYPES.annualReport,
    filter: { half: { $in: [1, 2] } },
    startField: 'dueOn',
    metBy: 'published',
    length: { unit: 'same-day' },
    organizationField: 'organization',
    period: { yearField: 'year', halfField: 'half' },
    source: 'Zhanjiang 2015 §2(二)',
  },
  // Whether an application needs correcting is decided within 7 working days of receipt: by sending
  // the notice, or by assigning the case (it is complete). Tracked for every received case.
  {
    id: 'application-correction-notice',
    label: '依申请公开：收到申请之日起7个工作日内一次性告知补正',
    contentType: APPLICATION_UID,
    startField: 'receivedOn',
    metBy: 'correctionDecidedAt',
    length: { unit: 'working-days', amount: 7 },
    organizationField: 'organization',
    titleField: 'number',
    source: '政府信息公开条例 (2019) 第三十条',
  },
  // 意见箱 and 领导信箱 (Shandong 2014; city office 2024 §3): accepted or routed within 2 working days
  // of receipt, replied within 15; an office sets its own limits in `byOrganization`. A message routed
  // elsewhere is answered by where it went (its reason), so no reply is owed here.
  {
    id: 'message-acceptance',
    label: '意见箱、领导信箱：收到来信之日起2个工作日内受理或转办',
    contentType: MESSAGE_UID,
    startField: 'receivedOn',
    metBy: 'decidedAt',
    length: { unit: 'working-days', amount: 2 },
    organizationField: 'organization',
    titleField: 'number',
    source: '山东省政务公开 2014 §3；city office 2024 §3',
  },
  {
    id: 'message-reply',
    label: '意见箱、领导信箱：收到来信之日起15个工作日内答复',
    contentType: MESSAGE_UID,
    filter: { status: { $ne: 'routed' } },
    startField: 'receivedOn',
    metBy: 'sentAt',
    length: { unit: 'working-days', amount: 15 },
    organizationField: 'organization',
    titleField: 'number',
    source: '山东省政务公开 2014 §3；city office 2024 §3',
  },
];

/** The length a rule gives an item: its office's own, else the urgent one for an urgent item, else the rule's. */
export function lengthFor(
  rule: Pick<DeadlineRule, 'length' | 'urgentLength' | 'byOrganization'>,
  organizationCode: string | null | undefined,
  urgent = false
): DeadlineLength {
  const own = organizationCode ? rule.byOrganization?.[organizationCode] : undefined;
  if (own) return own;
  return rule.urgentLength && urgent ? rule.urgentLength : rule.length;
}

const UNITS = new Set(['same-day', 'working-days', 'calendar-days', 'months', 'hours']);

/** A rule as configured, before these checks: each field may be missing or of another type. */
type UncheckedRule =
  | { [field: string]: unknown; length?: UncheckedLength; urgentLength?: UncheckedLength }
  | null
  | undefined;
type UncheckedLength = { unit?: unknown; amount?: unknown } | null | undefined;
const OPERATORS = new Set(['$ne', '$in', '$notIn', '$null']);

/** What is wrong with a set of rules, one line each; an empty list means they are usable. */
export function validateDeadlineRules(rules: unknown): string[] {
  if (!Array.isArray(rules)) return ['deadlineRules must be a list of rules'];
  const problems: string[] = [];
  const ids = new Set<string>();
  (rules as UncheckedRule[]).forEach((rule, index) => {
    const at = `deadlineRules[${index}]${typeof rule?.id === 'string' ? ` (${rule.id})` : ''}`;
    if (typeof rule?.id !== 'string' || !/^[a-z0-9-]+$/.test(rule.id))
      problems.push(`${at}: id must be lower-case letters, digits and dashes`);
    else if (ids.has(rule.id)) problems.push(`${at}: id is used twice`);
    else ids.add(rule.id);
    for (const field of ['label', 'contentType', 'startField', 'metBy', 'source']) {
      const value = rule?.[field];
      if (typeof value !== 'string' || !value.trim()) problems.push(`${at}: ${field} is required`);
    }
    const byOrganization = rule?.byOrganization;
    if (
      byOrganization !== undefined &&
      (typeof byOrganization !== 'object' ||
        byOrganization === null ||
        Array.isArray(byOrganization))
    )
      problems.push(`${at}: byOrganization must be an object of organization codes to lengths`);
    const own =
      byOrganization && typeof byOrganization === 'object' && !Array.isArray(byOrganization)
        ? Object.entries(byOrganization as Record<string, UncheckedLength>).map(
            ([code, length]) => [`byOrganization.${code}`, length] as const
          )
        : [];
    for (const [name, length] of [
      ['length', rule?.length] as const,
      ['urgentLength', rule?.urgentLength] as const,
      ...own,
    ]) {
      if (name === 'urgentLength' && length === undefined) continue;
      if (!length || !UNITS.has(length.unit as string)) {
        problems.push(`${at}: ${name}.unit must be one of ${[...UNITS].join(', ')}`);
      } else if (
        length.unit !== 'same-day' &&
        !(
          Number.isInteger(length.amount) &&
          (length.amount as number) > 0 &&
          (length.amount as number) <= 366
        )
      ) {
        problems.push(`${at}: ${name}.amount must be a whole number from 1 to 366`);
      }
    }
    if (rule?.period !== undefined) {
      const period = rule.period as { yearField?: unknown; halfField?: unknown } | null;
      if (
        typeof period !== 'object' ||
        period === null ||
        typeof period.yearField !== 'string' ||
        (period.halfField !== undefined && typeof period.halfField !== 'string')
      )
        problems.push(`${at}: period must be { yearField, halfField? }, field names`);
      else if (typeof rule.organizationField !== 'string')
        problems.push(`${at}: a period rule needs its organizationField`);
    }
    if (rule?.filter !== undefined) {
      if (typeof rule.filter !== 'object' || rule.filter === null || Array.isArray(rule.filter))
        problems.push(`${at}: filter must be an object`);
      else
        for (const [field, condition] of Object.entries(rule.filter)) {
          if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
            for (const operator of Object.keys(condition)) {
              if (!OPERATORS.has(operator))
                problems.push(`${at}: filter.${field} uses unknown operator ${operator}`);
            }
          }
        }
    }
  });
  return problems;
}

/** The record of an organization's period (its documentId, the year, the half): `<documentId>:2025`, `<documentId>:2025:H1`. */
export const periodRecordKey = (
  organizationDocumentId: string,
  year: number,
  half?: number | null
): string => `${organizationDocumentId}:${year}${half ? `:H${half}` : ''}`;

/** Whether a record's itemDocumentId is a period's key rather than an item's documentId. */
export const isPeriodRecordKey = (itemDocumentId: string): boolean =>
  /^[^:]+:\d{4}(:H[12])?$/.test(itemDocumentId);

/** The value at a dotted path of an item (`result.resultPublishedAt`), undefined where the path breaks off. */
export const valueAt = (item: Record<string, unknown> | null | undefined, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value == null ? undefined : (value as Record<string, unknown>)[key]),
      item
    );

export function matchesFilter(item: Record<string, unknown>, filter: Filter | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([field, condition]) => {
    const value = valueAt(item, field);
    if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
      const c = condition as Record<string, unknown>;
      if ('$ne' in c && value === c.$ne) return false;
      if ('$in' in c && !(c.$in as unknown[]).includes(value)) return false;
      if ('$notIn' in c && (c.$notIn as unknown[]).includes(value)) return false;
      if ('$null' in c && (value == null) !== Boolean(c.$null)) return false;
      return true;
    }
    return value === condition;
  });
}

export interface Due extends CalendarAnswer {
  startAt: Date;
  dueAt: Date;
  /** The Beijing day the deadline falls on (day rules) */
  dueDate: string | null;
}

const endOfBeijingDay = (date: string): Date => startOfBeijingDay(addCalendarDays(date, 1));

const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
};

/** When the clock started: a date field starts at 00:00 Beijing time, a datetime at its instant. */
export function startInstant(start: string | Date): Date {
  if (start instanceof Date) return start;
  return isIsoDate(start) ? startOfBeijingDay(start) : new Date(start);
}

export function computeDue(length: DeadlineLength, start: string | Date, calendar: Calendar): Due {
  const startAt = startInstant(start);
  if (Number.isNaN(startAt.getTime())) throw new RangeError(`Not a date or time: ${String(start)}`);
  const complete = { calendarComplete: true, missingYears: [] as number[] };
  if (length.unit === 'hours') {
    return {
      startAt,
      dueAt: new Date(startAt.getTime() + length.amount * 3_600_000),
      dueDate: null,
      ...complete,
    };
  }
  const startDate = typeof start === 'string' && isIsoDate(start) ? start : beijingDate(startAt);
  if (length.unit === 'working-days') {
    const { date, calendarComplete, missingYears } = calendar.addWorkingDays(
      startDate,
      length.amount
    );
    return { startAt, dueAt: endOfBeijingDay(date), dueDate: date, calendarComplete, missingYears };
  }
  const dueDate =
    length.unit === 'same-day'
      ? startDate
      : length.unit === 'calendar-days'
        ? addCalendarDays(startDate, length.amount)
        : addMonths(startDate, length.amount);
  return { startAt, dueAt: endOfBeijingDay(dueDate), dueDate, ...complete };
}

export interface Assessment {
  status: DeadlineStatus;
  /** Pending, and due within the next 24 hours */
  atRisk: boolean;
  lateness: number | null;
  latenessUnit: 'working-days' | 'hours';
}

const AT_RISK_MS = 24 * 3_600_000;

export type LatenessUnit = Assessment['latenessUnit'];

export const latenessUnitOf = (length: DeadlineLength): LatenessUnit =>
  length.unit === 'hours' ? 'hours' : 'working-days';

export function assess(
  due: Due,
  latenessUnit: LatenessUnit,
  metAt: Date | null,
  now: Date,
  calendar: Calendar
): Assessment {
  const lateBy = (at: Date): number => {
    if (latenessUnit === 'hours')
      return Math.ceil((at.getTime() - due.dueAt.getTime()) / 3_600_000);
    const days = calendar.workingDaysBetween(
      due.dueDate ?? beijingDate(due.dueAt),
      beijingDate(at)
    ).days;
    return Math.max(1, days);
  };
  if (metAt) {
    const late = metAt.getTime() > due.dueAt.getTime();
    return {
      status: late ? 'late' : 'met',
      atRisk: false,
      lateness: late ? lateBy(metAt) : 0,
      latenessUnit,
    };
  }
  if (now.getTime() > due.dueAt.getTime()) {
    return { status: 'overdue', atRisk: false, lateness: lateBy(now), latenessUnit };
  }
  return {
    status: 'pending',
    atRisk: due.dueAt.getTime() - now.getTime() <= AT_RISK_MS,
    lateness: null,
    latenessUnit,
  };
}
