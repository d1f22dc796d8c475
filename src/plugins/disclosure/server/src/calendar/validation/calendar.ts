import { yup } from '@strapi/utils';
import { digitsGiven, inOrder, requiredDateParameter } from '../../utils/validation';
import { MAX_RANGE_YEARS, MAX_WORKING_DAYS, withinYears } from '../rules/working-calendar';

const DAYS_MESSAGE = `参数 days 须为 0 至 ${MAX_WORKING_DAYS} 的整数 (days must be a whole number from 0 to ${MAX_WORKING_DAYS})`;

/** GET /working-days/add?from=&days=: the `days`-th working day after `from`. */
export const addQuery = inOrder({
  from: requiredDateParameter('from'),
  days: yup
    .number()
    .transform(digitsGiven(/^\d{1,3}$/))
    .typeError(DAYS_MESSAGE)
    .max(MAX_WORKING_DAYS, DAYS_MESSAGE)
    .required(DAYS_MESSAGE),
});

/** GET /working-days/between?from=&to=: both dates, at most MAX_RANGE_YEARS apart. */
export const betweenQuery = inOrder({
  from: requiredDateParameter('from'),
  to: requiredDateParameter('to').test(
    'within-years',
    `from 与 to 相隔不得超过 ${MAX_RANGE_YEARS} 年 (from and to must be at most ${MAX_RANGE_YEARS} years apart)`,
    function (to) {
      return (
        to !== undefined && withinYears((this.parent as { from: string }).from, to, MAX_RANGE_YEARS)
      );
    }
  ),
});
