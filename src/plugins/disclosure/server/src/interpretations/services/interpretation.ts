import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPES } from '../../../../shared/constants';
import { adminRequest } from '../../utils/admin-request';
import { singleRelationTarget } from '../../utils/relations';
import { throwIfViolated, violation } from '../../errors/rule-violations';
import { getService } from '../../utils/get-service';
import type { DocumentParams } from '../../utils/capability';

type WriteParams = Pick<DocumentParams, 'data'>;

/** The interpreted document's organizations, as read for the rule (ids only). */
interface SourceDocument {
  draftingDepartment?: { id: number } | null;
  issuingOrganization?: { id: number } | null;
  coIssuers?: Array<{ id: number }> | null;
}

/**
 * An interpretation (政策解读) is always tied to the document it explains, and "谁起草、谁解读": the
 * drafting department interprets unless the editor names another organ.
 */

const ORGANIZATIONS_OF_DOCUMENT = {
  draftingDepartment: { select: ['id'] },
  issuingOrganization: { select: ['id'] },
  coIssuers: { select: ['id'] },
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The organization of the admin making this request, when it has one (super admins may have none). */
  async editorOrganization(): Promise<{ id: number; name: string } | null> {
    const admin = adminRequest(strapi);
    return admin
      ? getService(strapi, 'organization-roles').assignedOrganization(admin.user.id)
      : null;
  },

  /**
   * 谁起草谁解读: an editor attaches interpretations only to documents its own organization issued,
   * co-issued or drafted.
   */
  async assertMayInterpret(source: SourceDocument) {
    const editor = await this.editorOrganization();
    if (!editor) return;
    const own = [
      source.draftingDepartment,
      source.issuingOrganization,
      ...(source.coIssuers ?? []),
    ].some((organization) => organization?.id === editor.id);
    if (!own) {
      // A PolicyError: Strapi reduces any other 403 to a bare "Forbidden", and the editor needs the reason.
      throw new errors.PolicyError(
        `只能为本机构（${editor.name}）发布、联合发布或起草的文件添加解读：谁起草、谁解读 (an editor may only interpret documents its own organization issued or drafted)`
      );
    }
  },

  async prepareCreate(params: WriteParams) {
    const data = (params.data ??= {});
    const target = singleRelationTarget(data.sourceDocument);
    const source: SourceDocument | null = target
      ? await strapi.db
          .query(CONTENT_TYPES.policyDocument)
          .findOne({ where: target, populate: ORGANIZATIONS_OF_DOCUMENT })
      : null;
    if (!source) {
      throwIfViolated([
        violation(
          'sourceDocument',
          target
            ? '所解读的文件不存在 (sourceDocument not found)'
            : '政策解读须关联所解读的文件 (an interpretation must be tied to the document it explains)'
        ),
      ]);
    }
    // Refused above when there is none.
    await this.assertMayInterpret(source!);
    if (singleRelationTarget(data.interpreter) == null) {
      const interpreter = source!.draftingDepartment ?? source!.issuingOrganization;
      if (interpreter) data.interpreter = { id: interpreter.id };
    }
  },

  async prepareUpdate(params: WriteParams) {
    const target = params.data ? singleRelationTarget(params.data.sourceDocument) : undefined;
    if (target === null) {
      throwIfViolated([
        violation(
          'sourceDocument',
          '政策解读须关联所解读的文件 (an interpretation must be tied to the document it explains)'
        ),
      ]);
    }
    if (target) {
      const source: SourceDocument | null = await strapi.db
        .query(CONTENT_TYPES.policyDocument)
        .findOne({ where: target, populate: ORGANIZATIONS_OF_DOCUMENT });
      if (source) await this.assertMayInterpret(source);
    }
  },
});
