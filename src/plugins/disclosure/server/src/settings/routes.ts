import { ROUTE_ACCESS } from '../roles/route-policies';
import type { CapabilityRoutes } from '../utils/capability';

const { authenticated, canManageSettings } = ROUTE_ACCESS;

export default {
  admin: [
    { method: 'GET', path: '/calendar', handler: 'settings.calendar', config: authenticated },
    {
      method: 'POST',
      path: '/calendar/days',
      handler: 'settings.addCalendarDay',
      config: canManageSettings,
    },
    {
      method: 'DELETE',
      path: '/calendar/days/:id',
      handler: 'settings.removeCalendarDay',
      config: canManageSettings,
    },
    {
      method: 'GET',
      path: '/conversion-terms',
      handler: 'settings.conversionTerms',
      config: authenticated,
    },
    {
      method: 'POST',
      path: '/conversion-terms',
      handler: 'settings.createConversionTerm',
      config: canManageSettings,
    },
    {
      method: 'PUT',
      path: '/conversion-terms/:id',
      handler: 'settings.updateConversionTerm',
      config: canManageSettings,
    },
    {
      method: 'DELETE',
      path: '/conversion-terms/:id',
      handler: 'settings.removeConversionTerm',
      config: canManageSettings,
    },
    {
      method: 'GET',
      path: '/deadline-rules',
      handler: 'settings.deadlineRules',
      config: authenticated,
    },
  ],
} satisfies CapabilityRoutes;
