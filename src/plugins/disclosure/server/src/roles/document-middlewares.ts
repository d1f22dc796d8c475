import { errors } from '@strapi/utils';
import { CONTENT_TYPES, SOURCE_LOCALE } from '../../../shared/constants';
import { isTraditionalCopy } from '../conversion/rules/traditional-copy';
import { adminRequest } from '../utils/admin-request';
import { paramsOf, type DocumentMiddlewareFactory } from '../utils/capability';
import { getService } from '../utils/get-service';
import { singleRelationTarget } from '../utils/relations';
import { ORGANIZATION_FIELD } from '../../../shared/constants';

/** A create or update names one locale (Strapi's parameters for them take a single one). */
const writeLocale = (locale: string | string[] | undefined): string =>
  (locale as string | undefined) ?? SOURCE_LOCALE;

/**
 * The content manager checks a role's organization condition on the item as stored, not on what a
 * write makes of it: an editor could create an item for another county, or move its own there. The
 * organization an admin write gives an item must pass the same condition.
 */
export const keepWritesInScope: DocumentMiddlewareFactory = (strapi) => async (context, next) => {
  const { uid, action } = context;
  const field = ORGANIZATION_FIELD[uid];
  const params = paramsOf(context);
  // The zh-Hant copy follows the zh-Hans write, which was checked.
  if (
    !field ||
    (action !== 'create' && action !== 'update') ||
    !params.data ||
    isTraditionalCopy(params)
  )
    return next();
  const ability = adminRequest(strapi)?.ability;
  const target = singleRelationTarget(params.data[field]);
  if (!ability || !target) return next();
  const organization = await strapi.db
    .query(CONTENT_TYPES.organization)
    .findOne({ where: target, select: ['documentId'] });
  if (
    !getService(strapi, 'organization-roles').permits(ability, action, uid, {
      organization: organization?.documentId ?? null,
      locale: writeLocale(params.locale),
    })
  ) {
    throw new errors.PolicyError(
      '只能为本机构（或下级机构）起草和修改条目 (you may only write items of your own organization, or those below it)'
    );
  }
  return next();
};
