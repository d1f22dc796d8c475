import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

const { canManageSettings } = ROUTE_ACCESS;

export default {
  admin: [
    // 文书模板: the settings page's; the wording is the office's, changed by who manages settings.
    {
      method: 'GET',
      path: '/letter-templates',
      handler: 'letter-templates.find',
      config: canManageSettings,
    },
    {
      method: 'PUT',
      path: '/letter-templates/:key',
      handler: 'letter-templates.save',
      config: canManageSettings,
    },
    {
      method: 'DELETE',
      path: '/letter-templates/:key',
      handler: 'letter-templates.reset',
      config: canManageSettings,
    },
  ],
} satisfies CapabilityRoutes;
