import * as api from '../../../shared/contracts/public-api';
import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  contentApi: [
    // Per-category counts of what the public can read (the 五公开 catalogue tree): public.
    {
      method: 'GET',
      path: '/catalogue/counts',
      handler: 'catalogue.counts',
      config: ROUTE_ACCESS.public,
      request: { query: api.catalogueCountsQuery },
      response: api.catalogueCountsAnswer,
    },
  ],
} satisfies CapabilityRoutes;
