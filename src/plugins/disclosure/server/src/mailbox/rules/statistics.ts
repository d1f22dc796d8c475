/**
 * 意见箱 monthly statistics (the city office 2024 §3 counts replies and their timeliness every month):
 * the month's Beijing boundaries and a message's reply timeliness, plain TypeScript. On time is the
 * deadline engine's own test: met by the instant the due day ends (midnight Beijing time), against the
 * due date the engine computed when the message arrived (`replyDueOn`).
 */
import { addCalendarDays, startOfBeijingDay } from '../../calendar/rules/beijing-time';
import {
  MESSAGE_KINDS,
  type MessageKind,
  type MessageMonthFigures,
  type MessageStatus,
} from '../../../../shared/contracts/mailbox';

/** YYYY-MM, years 1949 to 2999: a bounded year keeps the month after the last one a valid date. */
export const MONTH_PATTERN = /^(19(?:49|[5-9]\d)|2\d{3})-(0[1-9]|1[0-2])$/;

/** The first and last Beijing days of a month `YYYY-MM` (messages count by the day they arrived). */
export function monthDays(month: string): { from: string; to: string } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]);
  const next =
    index === 12 ? `${year + 1}-01-01` : `${year}-${String(index + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addCalendarDays(next, -1) };
}

/** When a reply due on `replyDueOn` falls due: the end of that Beijing day (computeDue's dueAt). */
export const replyDueAt = (replyDueOn: string): Date =>
  startOfBeijingDay(addCalendarDays(replyDueOn, 1));

export type ReplyTimeliness = 'on-time' | 'late' | 'open' | 'routed';

/**
 * Where a message received in the month stands: sent by its due day's end (on time) or after (late),
 * routed elsewhere (no reply owed here), or still open. A sent message without a due date (a rule
 * removed) counts as on time: nothing was owed that it missed.
 */
export function replyTimeliness(
  status: MessageStatus,
  replyDueOn: string | null,
  sentAt: Date | string | null
): ReplyTimeliness {
  if (status === 'routed') return 'routed';
  if (status !== 'sent' || !sentAt) return 'open';
  if (!replyDueOn) return 'on-time';
  return new Date(sentAt).getTime() > replyDueAt(replyDueOn).getTime() ? 'late' : 'on-time';
}

/** The month's figures of one organization. */
export type MonthFigures = MessageMonthFigures;

export const emptyFigures = (): MonthFigures => ({
  received: 0,
  byKind: Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, 0])) as Record<MessageKind, number>,
  routed: 0,
  repliedOnTime: 0,
  repliedLate: 0,
  open: 0,
  openOverdue: 0,
  satisfaction: { satisfied: 0, rated: 0, notRated: 0 },
});

/**
 * Messages of the month alike in kind, status, rating and reply date (a grouped row), `late` of them
 * sent after their due day ended.
 */
export interface MonthGroup {
  kind: MessageKind;
  status: MessageStatus;
  replyDueOn: string | null;
  rating: 'satisfied' | 'dissatisfied' | null;
  count: number;
  late: number;
}

/** Adds a group to the figures; `today` (Beijing) decides which open ones are overdue. */
export function tally(figures: MonthFigures, group: MonthGroup, today: string): MonthFigures {
  const { count } = group;
  figures.received += count;
  figures.byKind[group.kind] += count;
  if (group.status === 'routed') figures.routed += count;
  else if (group.status === 'sent') {
    figures.repliedLate += group.late;
    figures.repliedOnTime += count - group.late;
    if (group.rating) figures.satisfaction.rated += count;
    else figures.satisfaction.notRated += count;
    if (group.rating === 'satisfied') figures.satisfaction.satisfied += count;
  } else {
    figures.open += count;
    if (group.replyDueOn && today > group.replyDueOn) figures.openOverdue += count;
  }
  return figures;
}

/** The sum of several organizations' figures. */
export function addFigures(total: MonthFigures, figures: MonthFigures): MonthFigures {
  total.received += figures.received;
  for (const kind of MESSAGE_KINDS) total.byKind[kind] += figures.byKind[kind];
  total.routed += figures.routed;
  total.repliedOnTime += figures.repliedOnTime;
  total.repliedLate += figures.repliedLate;
  total.open += figures.open;
  total.openOverdue += figures.openOverdue;
  total.satisfaction.satisfied += figures.satisfaction.satisfied;
  total.satisfaction.rated += figures.satisfaction.rated;
  total.satisfaction.notRated += figures.satisfaction.notRated;
  return total;
}
