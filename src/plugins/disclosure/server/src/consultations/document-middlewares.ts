import { CONTENT_TYPES } from '../../../shared/constants';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';

/** A consultation's period and status follow its dates, checked before it is written. */
export const prepareConsultations: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    if (
      context.uid === CONTENT_TYPES.consultation &&
      (context.action === 'create' || context.action === 'update')
    ) {
      await getService(strapi, 'consultation').prepareWrite(paramsOf(context));
    }
    return next();
  };
