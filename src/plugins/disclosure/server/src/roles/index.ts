import editorOrganization from './content-types/editor-organization';
import auditTrail from './middlewares/audit-trail';
import isSuperAdmin from './policies/is-super-admin';
import auditRole from './services/audit-role';
import organizationRoles from './services/organization-roles';
import type { Capability } from '../utils/capability';

/** Who may do what: organization-scoped roles, the reviewer and auditor, and the audit of role changes. */
export default {
  services: { 'audit-role': auditRole, 'organization-roles': organizationRoles },
  contentTypes: { 'editor-organization': editorOrganization },
  middlewares: { 'audit-trail': auditTrail },
  policies: { 'is-super-admin': isSuperAdmin },
} satisfies Capability;
