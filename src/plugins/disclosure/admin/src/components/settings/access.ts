import { useAuth } from '@strapi/strapi/admin';
import { useFailureText, useT } from '../common';

/** The permission the server asks for on every settings write (super admins hold every permission). */
const MANAGE = 'plugin::disclosure.settings.manage';

/**
 * Whether this admin may change the calendar and the dictionary (write controls are hidden
 * otherwise; the server refuses them anyway), and the error text for a refused request.
 *
 * Read from the signed-in admin's permissions as they stand, not through useRBAC: useRBAC checks
 * once per page, and when the page opens before the admin's permissions have loaded it answers "no"
 * for good. The permission has no conditions, so holding it is the whole check.
 */
export const useSettingsAccess = () => {
  const t = useT();
  const canManage = useAuth('useSettingsAccess', (state) => state.permissions.some((permission) => permission.action === MANAGE));
  const failureText = useFailureText(
    t('settings.forbidden', '您没有修改政务公开设置的权限 (you may not change these settings)')
  );
  return { canManage, failureText } as const;
};
