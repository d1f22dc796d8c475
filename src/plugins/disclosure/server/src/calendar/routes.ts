import * as api from '../../../shared/contracts/public-api';
import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

export default {
  contentApi: [
    {
      method: 'GET',
      path: '/working-days/add',
      handler: 'calendar.add',
      config: ROUTE_ACCESS.public,
      request: { query: api.workingDaysAddQuery },
      response: api.workingDaysAddAnswer,
    },
    {
      method: 'GET',
      path: '/working-days/between',
      handler: 'calendar.between',
      config: ROUTE_ACCESS.public,
      request: { query: api.workingDaysBetweenQuery },
      response: api.workingDaysBetweenAnswer,
    },
  ],
} satisfies CapabilityRoutes;
