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
  ],
} satisfies CapabilityRoutes;
