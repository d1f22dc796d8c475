import * as api from '../../../shared/contracts/public-api';
import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  admin: [
    {
      method: 'GET',
      path: '/compliance',
      handler: 'compliance.report',
      config: ROUTE_ACCESS.authenticated,
    },
    {
      method: 'GET',
      path: '/due-today',
      handler: 'compliance.dueToday',
      config: ROUTE_ACCESS.authenticated,
    },
  ],
  contentApi: [
    // Internal figures: full-access tokens, or custom ones granted `report`; never the Public role or a read-only token.
    {
      method: 'GET',
      path: '/compliance',
      handler: 'compliance.report',
      request: { query: api.complianceQuery },
      response: api.complianceAnswer,
    },
  ],
} satisfies CapabilityRoutes;
