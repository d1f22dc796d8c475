const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/compliance', handler: 'compliance.find', config: authenticated },
    { method: 'GET', path: '/translation-locks', handler: 'translation-locks.find', config: authenticated },
    { method: 'DELETE', path: '/translation-locks/:id', handler: 'translation-locks.unlock', config: authenticated },
  ],
};
