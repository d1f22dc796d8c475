import { SCOPED_TYPES } from '../../../../shared/constants';
import { documentIdParameter, inOrder, requiredOneOf } from '../../utils/validation';

const CONTENT_TYPE_MESSAGE = `contentType 须为 ${SCOPED_TYPES.join('、')} 之一 (contentType must be one of ${SCOPED_TYPES.join(', ')})`;

/** GET /disclosure/item-status?contentType=&documentId=: one of the organization-scoped catalogue types. */
export const itemStatusQuery = inOrder({
  contentType: requiredOneOf(SCOPED_TYPES, CONTENT_TYPE_MESSAGE),
  documentId: documentIdParameter,
});
