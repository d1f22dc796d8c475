/**
 * A public consultation on a draft decision stays open for at least 30 days (Heilongjiang 2017 §1(一));
 * a shorter period needs a stated reason. Both dates count: 1 to 30 September is 30 days.
 */
import { beijingDate, calendarDaysBetween, isIsoDate } from '../../calendar/rules/beijing-time';
import type { RuleViolation } from '../../catalogue/rules/disclosure-attribute';
import type { CONSULTATION_STATUSES } from '../../../../shared/contracts/public-api';

export const MINIMUM_CONSULTATION_DAYS = 30;

export interface ConsultationPeriod {
  startDate?: string | null;
  endDate?: string | null;
  shortPeriodReason?: string | null;
}

export const consultationLengthInDays = (startDate: string, endDate: string): number =>
  calendarDaysBetween(startDate, endDate) + 1;

export function checkConsultationPeriod(period: ConsultationPeriod): RuleViolation[] {
  const { startDate, endDate } = period;
  if (!isIsoDate(startDate) || !isIsoDate(endDate)) return []; // required-ness is the schema's job
  const days = consultationLengthInDays(startDate, endDate);
  if (days < 1) {
    return [
      {
        field: 'endDate',
        message: '征集截止日期不得早于开始日期 (endDate must not be before startDate)',
      },
    ];
  }
  if (days < MINIMUM_CONSULTATION_DAYS && !period.shortPeriodReason?.trim()) {
    return [
      {
        field: 'shortPeriodReason',
        message: `征集期为 ${days} 天，少于 ${MINIMUM_CONSULTATION_DAYS} 天须说明理由 (a consultation shorter than ${MINIMUM_CONSULTATION_DAYS} days needs a reason; this one is ${days})`,
      },
    ];
  }
  return [];
}

/**
 * Where a consultation stands, decided on the Beijing calendar day: open from the first day to the
 * end of the last, concluded once its result (采纳情况) is published.
 */
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export function consultationStatus(
  consultation: {
    startDate?: string | null;
    endDate?: string | null;
    resultPublishedAt?: string | Date | null;
  },
  now: Date
): ConsultationStatus | null {
  if (consultation.resultPublishedAt && new Date(consultation.resultPublishedAt) <= now)
    return 'concluded';
  const { startDate, endDate } = consultation;
  if (!isIsoDate(startDate) || !isIsoDate(endDate)) return null;
  const today = beijingDate(now);
  if (today < startDate) return 'upcoming';
  if (today <= endDate) return 'open';
  return 'closed';
}

/** Why feedback is not accepted now, for the person trying to give it; null while open. */
export function feedbackRefusal(
  status: ConsultationStatus | null,
  consultation: { startDate?: string | null; endDate?: string | null }
): string | null {
  switch (status) {
    case 'open':
      return null;
    case 'upcoming':
      return `意见征集尚未开始，将于 ${consultation.startDate} 开始 (the consultation opens on ${consultation.startDate})`;
    case 'closed':
    case 'concluded':
      return `意见征集已于 ${consultation.endDate} 结束 (the consultation closed on ${consultation.endDate})`;
    default:
      return '意见征集未设定征集期 (the consultation has no period set)';
  }
}

export type FeedbackDecision = 'pending' | 'adopted' | 'partly-adopted' | 'not-adopted';

/** An opinion's text reduced to what makes two submissions the same opinion (spacing and punctuation aside). */
const opinionKey = (content: string) => content.replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The result (采纳情况) as the feedback itself gives it: counts, what is still undecided, and the
 * concentrated opinions (集中意见: the same opinion from several people) that were not adopted, which
 * the result must give reasons for (Heilongjiang 2017 §5(二)).
 */
export function summarizeFeedback(
  feedback: Array<{ content: string; decision: FeedbackDecision }>
) {
  const notAdopted = new Map<string, { content: string; count: number }>();
  for (const item of feedback) {
    if (item.decision !== 'not-adopted') continue;
    const key = opinionKey(item.content);
    const group = notAdopted.get(key) ?? { content: item.content, count: 0 };
    group.count += 1;
    notAdopted.set(key, group);
  }
  return {
    receivedCount: feedback.length,
    adoptedCount: feedback.filter(
      (item) => item.decision === 'adopted' || item.decision === 'partly-adopted'
    ).length,
    undecided: feedback.filter((item) => item.decision === 'pending').length,
    concentratedNotAdopted: [...notAdopted.values()].filter((group) => group.count >= 2),
  };
}

/** What stops a result from being published; empty when it may be. */
export function checkResultPublication(
  summary: ReturnType<typeof summarizeFeedback>,
  notAdoptedReasons: string | null | undefined
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (summary.undecided) {
    violations.push({
      field: 'result',
      message: `还有 ${summary.undecided} 条意见未标注采纳情况，须全部处理后才能公布结果 (${summary.undecided} opinions are not yet marked adopted or not)`,
    });
  }
  if (summary.concentratedNotAdopted.length && !notAdoptedReasons?.trim()) {
    const examples = summary.concentratedNotAdopted
      .slice(0, 3)
      .map((group) => `“${group.content.slice(0, 30)}”（${group.count} 条）`)
      .join('、');
    violations.push({
      field: 'result.notAdoptedReasons',
      message: `集中意见未予采纳须说明理由：${examples} (concentrated opinions not adopted need reasons in notAdoptedReasons)`,
    });
  }
  return violations;
}
