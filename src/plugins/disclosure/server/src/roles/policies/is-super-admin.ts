import type { RequestState } from '../../utils/request-state';

/** Admin routes for super admins only (syndication subscribers: their endpoints and secrets). */
export default (policyContext: { state?: RequestState }) => {
  const roles: Array<{ code?: string }> = policyContext.state?.user?.roles ?? [];
  return roles.some((role) => role.code === 'strapi-super-admin');
};
