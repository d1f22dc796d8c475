import {
  CALENDAR_DAYS_TABLE,
  CALENDAR_DAY_UID,
  DOCUMENT_WRITE_ACTIONS,
} from '../../../shared/constants';
import { refuseUniqueClash } from '../errors/unique-clash';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';

/** One entry per date in the holiday calendar; every change reloads the working-day calendar. */
export const keepCalendarCurrent: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  if ((context.uid as string) !== CALENDAR_DAY_UID || !DOCUMENT_WRITE_ACTIONS.has(context.action))
    return next();
  const params = paramsOf(context);
  const calendar = getService(strapi, 'calendar');
  if (context.action === 'create' || context.action === 'update')
    await calendar.assertDateFree(params.data?.date, params.documentId);
  const result = await next().catch((error: unknown) =>
    refuseUniqueClash(error, params.data, CALENDAR_DAYS_TABLE)
  );
  getService(strapi, 'calendar').invalidate();
  return result;
};
