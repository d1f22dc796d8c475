import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  admin: [
    { method: 'GET', path: '/ledger', handler: 'ledger.find', config: ROUTE_ACCESS.canReadLedger },
    {
      method: 'POST',
      path: '/reviews',
      handler: 'reviews.record',
      config: ROUTE_ACCESS.canRecordReview,
    },
  ],
} satisfies CapabilityRoutes;
