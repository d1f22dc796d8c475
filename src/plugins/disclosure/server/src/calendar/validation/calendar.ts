import { refuse } from '../../utils/validation';
import { isIsoDate } from '../rules/beijing-time';
import { MAX_RANGE_YEARS, MAX_WORKING_DAYS, withinYears } from '../rules/working-calendar';

type Query = Record<string, unknown>;

const date = (query: Query, parameter: string): string => {
  const value = query[parameter];
  if (!isIsoDate(value)) {
    refuse(parameter, `参数 ${parameter} 须为日期 YYYY-MM-DD (${parameter} must be a calendar date YYYY-MM-DD)`);
  }
  return value as string;
};

export function validateAddQuery(query: Query): { from: string; days: number } {
  const from = date(query, 'from');
  const raw = query.days;
  const days = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(days >= 0 && days <= MAX_WORKING_DAYS)) {
    refuse(
      'days',
      `参数 days 须为 0 至 ${MAX_WORKING_DAYS} 的整数 (days must be a whole number from 0 to ${MAX_WORKING_DAYS})`
    );
  }
  return { from, days };
}

export function validateBetweenQuery(query: Query): { from: string; to: string } {
  const from = date(query, 'from');
  const to = date(query, 'to');
  if (!withinYears(from, to, MAX_RANGE_YEARS)) {
    refuse('to', `from 与 to 相隔不得超过 ${MAX_RANGE_YEARS} 年 (from and to must be at most ${MAX_RANGE_YEARS} years apart)`);
  }
  return { from, to };
}
