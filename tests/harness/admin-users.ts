import type { TestApp } from './strapi';

/**
 * Organizations and signed-in admin accounts with the disclosure roles, as an office sets them up:
 * a city with two counties, accounts assigned to one of them.
 */
export const PASSWORD = 'Office-2026-pass';

export interface OrganizationRef {
  id: number;
  documentId: string;
  code: string;
}

/** A city (临沂) with two counties (沂南, 沂水) and an unrelated city (日照). */
export async function createOrganizationTree(
  app: TestApp
): Promise<Record<'city' | 'countyA' | 'countyB' | 'otherCity', OrganizationRef>> {
  const create = async (data: Record<string, unknown>): Promise<OrganizationRef> => {
    const created: any = await app.strapi
      .documents('api::organization.organization')
      .create({ data: data as any });
    return { id: created.id, documentId: created.documentId, code: created.code };
  };
  const city = await create({
    name: '临沂市人民政府',
    code: '371300000',
    level: 'city',
    regionCode: '371300',
  });
  const countyA = await create({
    name: '沂南县人民政府',
    code: '371321000',
    level: 'county',
    regionCode: '371321',
    parent: city.documentId,
  });
  const countyB = await create({
    name: '沂水县人民政府',
    code: '371323000',
    level: 'county',
    regionCode: '371323',
    parent: city.documentId,
  });
  const otherCity = await create({
    name: '日照市人民政府',
    code: '371100000',
    level: 'city',
    regionCode: '371100',
  });
  return { city, countyA, countyB, otherCity };
}

export interface AccountSpec {
  /** The first name, and the email's local part unless `email` is given */
  name: string;
  lastname?: string;
  email?: string;
  /** Role codes (disclosure-editor, …, strapi-super-admin) */
  roles: string[];
  organization: Pick<OrganizationRef, 'id'> | null;
}

/** Creates an admin account with these roles (by code), assigned to an organization. */
export async function createAdminUser(
  app: TestApp,
  { name, lastname = '测试', email, roles, organization }: AccountSpec
): Promise<{ userId: number; email: string }> {
  const roleRows = await app.strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: roles } } });
  if (roleRows.length !== roles.length) throw new Error(`unknown role among ${roles.join(', ')}`);
  const address = email ?? `${name.toLowerCase()}@example.gov.cn`;
  const user = await app.strapi.service('admin::user').create({
    email: address,
    firstname: name,
    lastname,
    password: PASSWORD,
    isActive: true,
    roles: roleRows.map((role: any) => role.id),
  });
  if (organization) {
    await app.strapi.db
      .query('plugin::disclosure.editor-organization')
      .create({ data: { user: user.id, organization: organization.id } });
  }
  return { userId: user.id, email: address };
}

/** Creates an admin account (see createAdminUser) and signs it in through /admin/login. */
export async function createAdminAccount(
  app: TestApp,
  spec: AccountSpec
): Promise<{ userId: number; email: string; token: string; headers: { Authorization: string } }> {
  const { userId, email } = await createAdminUser(app, spec);
  const login = await app.http().post('/admin/login').send({ email, password: PASSWORD });
  if (login.status !== 200)
    throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.data.token ?? login.body.data.accessToken;
  return { userId, email, token, headers: { Authorization: `Bearer ${token}` } };
}

/** Creates an admin role holding exactly these actions (no conditions); returns its code. */
export async function createRole(
  app: TestApp,
  {
    name,
    code,
    description,
    actions,
  }: { name: string; code: string; description: string; actions: string[] }
): Promise<string> {
  const roles = app.strapi.service('admin::role') as any;
  const role = await roles.create({ name, code, description });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))
  );
  return code;
}
