export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/working-days/add',
      handler: 'working-days.add',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/working-days/between',
      handler: 'working-days.between',
      config: { auth: false },
    },
    {
      // Internal figures: API tokens with the compliance permission only, never the Public role.
      method: 'GET',
      path: '/compliance',
      handler: 'compliance.find',
    },
  ],
};
