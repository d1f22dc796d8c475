import { SCOPED_TYPES } from '../../roles/rules/organization-scope';
import { documentIdOf, refuse } from '../../utils/validation';

/** GET /disclosure/item-status?contentType=&documentId=: one of the organization-scoped catalogue types. */
export function validateItemStatusQuery(query: Record<string, unknown>): { contentType: string; documentId: string } {
  const { contentType } = query;
  if (typeof contentType !== 'string' || !SCOPED_TYPES.includes(contentType)) {
    refuse('contentType', `contentType 须为 ${SCOPED_TYPES.join('、')} 之一 (contentType must be one of ${SCOPED_TYPES.join(', ')})`);
  }
  return { contentType: contentType as string, documentId: documentIdOf(query.documentId) };
}
