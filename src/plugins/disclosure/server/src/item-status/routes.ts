import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  admin: [
    {
      method: 'GET',
      path: '/item-status',
      handler: 'item-status.find',
      config: ROUTE_ACCESS.authenticated,
    },
  ],
} satisfies CapabilityRoutes;
