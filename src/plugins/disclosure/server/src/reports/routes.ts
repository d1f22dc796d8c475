import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  admin: [
    // Any signed-in admin passes the route; the controller holds the account to its organizations
    // (the auditor and super admins: all).
    {
      method: 'GET',
      path: '/annual-report',
      handler: 'annual-report.report',
      config: ROUTE_ACCESS.authenticated,
    },
    // The organizations whose reports the account may read (the admin page's picker), as above.
    {
      method: 'GET',
      path: '/annual-report/organizations',
      handler: 'annual-report.organizations',
      config: ROUTE_ACCESS.authenticated,
    },
    // The report's .docx and .xlsx: held to the account's organizations by the service, as above.
    {
      method: 'GET',
      path: '/annual-report/document',
      handler: 'report-documents.document',
      config: ROUTE_ACCESS.authenticated,
    },
  ],
} satisfies CapabilityRoutes;
