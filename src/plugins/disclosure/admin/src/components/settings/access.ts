import { useAuth } from '@strapi/strapi/admin';
import { SETTINGS_MANAGE_ACTION } from '../../../../shared/constants';
import { useFailureText, useT } from '../common';

/**
 * Whether this admin may change the calendar and the dictionary (write controls are hidden
 * otherwise; the server refuses them anyway), and the error text for a refused request. The
 * permission is SETTINGS_MANAGE_ACTION, which the server asks for on every settings write (super
 * admins hold every permission).
 *
 * Read from the signed-in admin's permissions as they stand, not through useRBAC: useRBAC checks
 * once per page, and when the page opens before the admin's permissions have loaded it answers "no"
 * for good. The permission has no conditions, so holding it is the whole check.
 */
export const useSettingsAccess = () => {
  const t = useT();
  const canManage = useAuth('useSettingsAccess', (state) =>
    state.permissions.some((permission) => permission.action === SETTINGS_MANAGE_ACTION)
  );
  const failureText = useFailureText(
    t('settings.forbidden', '您没有修改政务公开设置的权限 (you may not change these settings)')
  );
  return { canManage, failureText } as const;
};
