/** Admin routes for super admins only (syndication subscribers: their endpoints and secrets). */
export default (policyContext: any) => {
  const roles: Array<{ code?: string }> = policyContext.state?.user?.roles ?? [];
  return roles.some((role) => role.code === 'strapi-super-admin');
};
