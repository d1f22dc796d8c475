import type { DeadlineStatus } from '../../../shared/contracts/compliance';
import type { Translate } from '../components/common';

/** Shown in Beijing time whatever the browser's zone: deadlines and reprint days are Beijing days. */
export const beijing = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

/** A deadline's length in words: 当日, 7 个工作日, 48 小时. */
export const deadlineLength = (
  length: { unit: string; amount?: number } | null,
  t: Translate
): string => {
  if (!length) return '—';
  const amount = length.amount ?? 0;
  switch (length.unit) {
    case 'same-day':
      return t('settings.length.sameDay', '当日');
    case 'working-days':
      return t('settings.length.workingDays', '{amount} 个工作日', { amount });
    case 'calendar-days':
      return t('settings.length.calendarDays', '{amount} 天', { amount });
    case 'months':
      return t('settings.length.months', '{amount} 个月', { amount });
    case 'hours':
      return t('settings.length.hours', '{amount} 小时', { amount });
    default:
      return `${amount} ${length.unit}`;
  }
};

export const STATUS_VARIANT: Record<
  DeadlineStatus,
  'danger' | 'warning' | 'secondary' | 'success'
> = {
  overdue: 'danger',
  pending: 'warning',
  late: 'secondary',
  met: 'success',
};

export const DEADLINE_STATUSES: DeadlineStatus[] = ['overdue', 'pending', 'late', 'met'];

export const statusLabel = (t: Translate, status: DeadlineStatus): string =>
  ({
    overdue: t('status.overdue', '已超期'),
    pending: t('status.pending', '待发布'),
    late: t('status.late', '逾期发布'),
    met: t('status.met', '按时发布'),
  })[status];

/** Today's date in Beijing, as a date input holds it (YYYY-MM-DD): the day an editor means by 今天. */
export const beijingToday = (now: Date = new Date()) =>
  now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
