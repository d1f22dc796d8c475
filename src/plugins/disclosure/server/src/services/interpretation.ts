import type { Core } from '@strapi/strapi';
import { CONTENT_TYPES } from '../constants';
import { singleRelationTarget } from '../validation/relations';
import { throwIfViolated, violation } from '../validation/rule-violations';

type Data = Record<string, any>;

/**
 * An interpretation (政策解读) is always tied to the document it explains, and "谁起草、谁解读": the
 * drafting department interprets unless the editor names another organ.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async prepareCreate(params: { data?: Data }) {
    const data = (params.data ??= {});
    const target = singleRelationTarget(data.sourceDocument);
    const source = target
      ? await strapi.db.query(CONTENT_TYPES.policyDocument).findOne({
          where: target,
          populate: {
            draftingDepartment: { select: ['id'] },
            issuingOrganization: { select: ['id'] },
          },
        })
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
    if (singleRelationTarget(data.interpreter) == null) {
      const interpreter = source.draftingDepartment ?? source.issuingOrganization;
      if (interpreter) data.interpreter = { id: interpreter.id };
    }
  },

  async prepareUpdate(params: { data?: Data }) {
    if (params.data && singleRelationTarget(params.data.sourceDocument) === null) {
      throwIfViolated([
        violation('sourceDocument', '政策解读须关联所解读的文件 (an interpretation must be tied to the document it explains)'),
      ]);
    }
  },
});
