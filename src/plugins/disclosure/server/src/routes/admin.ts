export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/compliance',
      handler: 'compliance.find',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
