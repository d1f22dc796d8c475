import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SOURCE_LOCALE } from '../../../../shared/constants';
import { ORGANIZATION_FIELD } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { documentsOf } from '../../utils/documents';
import type { AdminUser } from '../../utils/request-state';

/** The draft under review: who created it, and its organization relation (named by the type's field). */
type DraftUnderReview = { createdBy?: { id: number } | null; [field: string]: unknown };

/** How a reviewer is named on the record: family name first, as Chinese names are written. */
const displayName = (user: AdminUser): string =>
  [user.lastname, user.firstname].filter(Boolean).join('') || user.username || user.email;

/** 保密审查: the confidentiality review of a draft, recorded by a reviewer. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Who and when come from the session and the clock, not from a form. Refused for the reviewer's
   * own drafts and for items outside its organizations.
   */
  async record(
    user: AdminUser,
    input: { contentType: string; documentId: string; conclusion: string; note?: string | null }
  ) {
    const { contentType, documentId } = input;
    const field = ORGANIZATION_FIELD[contentType];
    const draft: DraftUnderReview | null = await strapi.db.query(contentType).findOne({
      where: { documentId, publishedAt: null, locale: SOURCE_LOCALE },
      populate: { createdBy: { select: ['id'] }, [field]: { select: ['documentId'] } },
    });
    if (!draft) throw new errors.NotFoundError('条目不存在或没有草稿 (no draft of this item)');
    // An account with an organization reviews its own and those below; one without (a super admin) any.
    const organizations = await getService(strapi, 'organization-roles').organizationsInScope(
      user.id
    );
    const organization = (draft[field] as { documentId?: string } | null | undefined)?.documentId;
    if (organizations && (organization === undefined || !organizations.includes(organization))) {
      throw new errors.PolicyError(
        '只能审查本机构及下级机构的条目 (you may only review items of your organization and those below it)'
      );
    }
    if (draft.createdBy?.id === user.id) {
      throw new errors.PolicyError('不能审查本人起草的稿件 (you cannot review your own draft)');
    }
    const review = {
      reviewer: displayName(user),
      reviewedAt: (getService(strapi, 'clock').now() as Date).toISOString(),
      conclusion: input.conclusion,
      note: input.note ?? null,
    };
    await documentsOf(strapi, contentType).update({
      documentId,
      locale: SOURCE_LOCALE,
      data: { confidentialityReview: review },
    });
    return review;
  },
});
