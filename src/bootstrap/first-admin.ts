import type { Core } from '@strapi/strapi';

/**
 * Demos and browser tests need a super admin without the registration screen: ADMIN_EMAIL and
 * ADMIN_PASSWORD create one, only while no admin exists. Otherwise Strapi's first-run registration.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;

  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;
  await users.create({
    email,
    firstname: process.env.ADMIN_FIRSTNAME ?? '管理员',
    lastname: process.env.ADMIN_LASTNAME ?? 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created the first super admin ${email} from ADMIN_EMAIL.`);
}
