/**
 * A public consultation on a draft decision stays open for at least 30 days (Heilongjiang 2017 §1(一));
 * a shorter period needs a stated reason. Both dates count: 1 to 30 September is 30 days.
 */
import { calendarDaysBetween, isIsoDate } from './beijing-time';
import type { RuleViolation } from './disclosure-attribute';

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
    return [{ field: 'endDate', message: '征集截止日期不得早于开始日期 (endDate must not be before startDate)' }];
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
