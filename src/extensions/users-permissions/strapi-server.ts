import type { Core } from '@strapi/strapi';
import type { Services } from '../../plugins/disclosure/server/src/utils/get-service';

/** Users & Permissions' permission service, as far as it is wrapped here. */
type PermissionService = { findPublicPermissions(): Promise<unknown>; [member: string]: unknown };
/** The plugin's server part as Strapi hands it to an extension: its services are factories. */
interface UsersPermissionsServer {
  services: {
    permission: (context: { strapi: Core.Strapi }) => PermissionService;
    [name: string]: unknown;
  };
  [part: string]: unknown;
}

/**
 * Users & Permissions reads the Public role's permissions from the database on every public request
 * (a query with two joins). A public read already knows its content state, which moves with every
 * committed change to roles and permissions, on every instance: the permissions are read once per
 * state (the disclosure response cache's `forContentState`). Signed-in users are untouched.
 */
export default (plugin: UsersPermissionsServer) => {
  const createPermissionService = plugin.services.permission;
  plugin.services.permission = ({ strapi }: { strapi: Core.Strapi }) => {
    const service = createPermissionService({ strapi });
    const findPublicPermissions = service.findPublicPermissions.bind(service);
    return {
      ...service,
      findPublicPermissions: () =>
        (
          strapi.plugin('disclosure').service('response-cache') as Services['response-cache']
        ).forContentState('public-permissions', findPublicPermissions),
    };
  };
  return plugin;
};
