import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

const { authenticated } = ROUTE_ACCESS;

export default {
  admin: [
    // Any signed-in admin passes the route; the service holds the organization to the account's
    // (and those below), as the report route does.
    {
      method: 'GET',
      path: '/annual-report/document',
      handler: 'report-documents.document',
      config: authenticated,
    },
  ],
  contentApi: [],
} satisfies CapabilityRoutes;
