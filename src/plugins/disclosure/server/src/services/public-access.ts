import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES } from '../constants';

const READ_ACTIONS = ['find', 'findOne'];

/**
 * The Public role may read the catalogue and nothing else. Set at every start, so a permission granted
 * by mistake in the admin does not survive a restart.
 */
export const publicActions = (): string[] =>
  PUBLIC_CONTENT_TYPES.flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async enforcePublicPermissions() {
    const roles = strapi.db.query('plugin::users-permissions.role');
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    const publicRole = await roles.findOne({ where: { type: 'public' }, populate: ['permissions'] });
    if (!publicRole) {
      throw new Error(
        'The users-permissions Public role does not exist yet: declare users-permissions before disclosure in config/plugins'
      );
    }

    const wanted = new Set(publicActions());
    const granted = new Set<string>();
    const toRevoke: number[] = [];
    for (const permission of publicRole.permissions ?? []) {
      if (wanted.has(permission.action)) granted.add(permission.action);
      else toRevoke.push(permission.id);
    }
    if (toRevoke.length) await permissions.deleteMany({ where: { id: { $in: toRevoke } } });
    for (const action of wanted) {
      if (!granted.has(action)) await permissions.create({ data: { action, role: publicRole.id } });
    }
  },
});
