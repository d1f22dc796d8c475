import { documentId, inOrder, unnamed } from '../../utils/validation';

const DOCUMENT_MESSAGE =
  '参数 document 须为文件的 documentId (document must be the documentId of a policy document)';

/** GET /api/disclosure/syndication/status?document= (and the admin's): answered without naming the parameter, as it always was. */
export const syndicationStatusQuery = unnamed(
  inOrder({ document: documentId(DOCUMENT_MESSAGE).required(DOCUMENT_MESSAGE) })
);
