import { CONTENT_TYPES } from '../../../shared/constants';
import { refuseUniqueClash } from '../errors/unique-clash';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';

const POLICY_DOCUMENTS_TABLE = 'policy_documents';
const ORGANIZATIONS_TABLE = 'organizations';

/**
 * 文号 and 索引号 are normalized and numbered, the disclosure attribute checked, before a policy
 * document is written; a clash on a unique field is the editor's message naming the value.
 */
export const applyCatalogueRules: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const { uid, action } = context;
  const params = paramsOf(context);

  if (uid === CONTENT_TYPES.policyDocument && (action === 'create' || action === 'update')) {
    // One transaction from reading the issuer's highest numbers to writing the row (see lockIssuer).
    const catalogue = getService(strapi, 'catalogue');
    return strapi.db
      .transaction(async () => {
        if (action === 'create') await catalogue.prepareCreate(params);
        else await catalogue.prepareUpdate(params);
        return next();
      })
      .catch((error: unknown) => refuseUniqueClash(error, params.data, POLICY_DOCUMENTS_TABLE));
  }
  if (uid === CONTENT_TYPES.policyDocument && action === 'publish') {
    return next().catch((error: unknown) =>
      refuseUniqueClash(error, params.data, POLICY_DOCUMENTS_TABLE)
    );
  }
  if (uid === CONTENT_TYPES.organization && (action === 'create' || action === 'update')) {
    return next().catch((error: unknown) =>
      refuseUniqueClash(error, params.data, ORGANIZATIONS_TABLE)
    );
  }
  return next();
};
