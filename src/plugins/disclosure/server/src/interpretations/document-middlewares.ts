import { CONTENT_TYPES } from '../../../shared/constants';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';

/** An interpretation is checked against the document it interprets before it is written. */
export const prepareInterpretations: DocumentMiddlewareFactory =
  (strapi) => async (context, next) => {
    if (context.uid === CONTENT_TYPES.interpretation) {
      const params = paramsOf(context);
      if (context.action === 'create')
        await getService(strapi, 'interpretation').prepareCreate(params);
      else if (context.action === 'update')
        await getService(strapi, 'interpretation').prepareUpdate(params);
    }
    return next();
  };
