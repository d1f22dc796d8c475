import { useRBAC } from '@strapi/strapi/admin';
import { useFailureText, useT } from '../common';

/** The permission the server asks for on every settings write (super admins hold every permission). */
const MANAGE = [{ action: 'plugin::disclosure.settings.manage', subject: null }];

/**
 * Whether this admin may change the calendar and the dictionary (write controls are hidden
 * otherwise; the server refuses them anyway), and the error text for a refused request.
 */
export const useSettingsAccess = () => {
  const t = useT();
  const { allowedActions, isLoading } = useRBAC(MANAGE as any);
  const failureText = useFailureText(
    t('settings.forbidden', '您没有修改政务公开设置的权限 (you may not change these settings)')
  );
  return { canManage: !isLoading && Boolean(allowedActions.canManage), failureText } as const;
};
