import { LEDGER_READ_ACTION } from '../../../../shared/constants';
import type { Core } from '@strapi/strapi';
import { adminRoles } from '../../utils/admin-services';

export const AUDITOR_ROLE_CODE = 'disclosure-auditor';

/**
 * The auditor (审计员) reads the ledger, which is also the audit log, and nothing else; nobody can
 * change it (no route writes it, the document service and database triggers refuse changes).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The Auditor role, created once with exactly the read permission. Call after the admin's own
   * bootstrap: the admin creates its default roles only when no role exists.
   */
  async ensureAuditorRole() {
    const roles = adminRoles(strapi);
    if (!(await roles.getSuperAdmin()))
      throw new Error('ensureAuditorRole: the admin has not created its roles yet');
    if (await roles.findOne({ code: AUDITOR_ROLE_CODE })) return;
    const role = await roles.create({
      name: '审计员 (Auditor)',
      code: AUDITOR_ROLE_CODE,
      description: '只读查看发布台账与审计日志 (reads the ledger and audit log; changes nothing)',
    });
    await roles.assignPermissions(role.id, [
      { action: LEDGER_READ_ACTION, subject: null, properties: {}, conditions: [] },
    ]);
  },
});
