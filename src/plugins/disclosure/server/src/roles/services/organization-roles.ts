import { PLUGIN_ACTIONS } from '../permissions';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  APPLICATION_PERMISSIONS,
  CONTENT_TYPES,
  MESSAGE_PERMISSIONS,
  EDITOR_ORGANIZATION_UID,
  LOCALE_CODES,
  ORGANIZATION_AND_BELOW,
  REVIEW_ACTION,
  SAME_ORGANIZATION,
  SOURCE_LOCALE,
} from '../../../../shared/constants';
import { ORGANIZATION_FIELD, SCOPED_TYPES } from '../../../../shared/constants';
import type { OrganizationOption } from '../../../../shared/contracts/organizations';
import { organizationAndBelow, organizationCondition } from '../rules/organization-scope';
import {
  adminContentTypes,
  adminPermissions,
  adminRoles,
  type ConditionUser,
  type RegisteredAction,
} from '../../utils/admin-services';
import { contentTypeOf } from '../../utils/models';
import { currentRequest, type AdminAbility } from '../../utils/request-state';

const CONTENT_MANAGER = 'plugin::content-manager.explorer';

type Scope = 'same' | 'below';
interface DefaultRole {
  code: string;
  name: string;
  description: string;
  actions: string[];
  scope: Scope;
  plugin: string[];
}

/**
 * The office's default roles, created once at start and the office's to edit afterwards. Every one is
 * scoped by organization through the conditions below; none may delete.
 */
export const DEFAULT_ROLES: DefaultRole[] = [
  {
    code: 'disclosure-editor',
    name: '编辑 (Editor)',
    description: '起草本机构的条目，不能发布 (drafts its own organization’s items; cannot publish)',
    actions: ['create', 'read', 'update'],
    scope: 'same',
    plugin: [],
  },
  {
    code: 'disclosure-reviewer',
    name: '审核人 (Reviewer)',
    description:
      '对本机构及下级机构的条目作保密审查，不能发布 (records the confidentiality review of its and lower organizations’ items; cannot publish)',
    actions: ['read'],
    scope: 'below',
    plugin: [REVIEW_ACTION],
  },
  {
    code: 'disclosure-publisher',
    name: '发布人 (Publisher)',
    description:
      '发布本机构及下级机构已通过审查的条目 (publishes its and lower organizations’ reviewed items)',
    actions: ['read', 'update', 'publish'],
    scope: 'below',
    plugin: [],
  },
  // 依申请公开 (city office 2024 §2(三)): the disclosure office registers and answers, the responsible
  // office drafts, its leader approves; none edits the catalogue. The cases they see are their
  // organization's and those below it (the service checks each case).
  {
    code: 'disclosure-application-registrar',
    name: '依申请公开登记员 (Application registrar)',
    description:
      '登记申请、确认收到、补正，送达答复并归档 (registers applications, confirms receipt, handles corrections, delivers replies and archives)',
    actions: [],
    scope: 'below',
    plugin: [APPLICATION_PERMISSIONS.register, APPLICATION_PERMISSIONS.deliver],
  },
  {
    code: 'disclosure-application-handler',
    name: '承办人 (Application handler)',
    description:
      '承办交办的申请：会商、征求第三方意见、收费、起草答复 (handles assigned applications: joint review, consultation, fees, the draft reply)',
    actions: [],
    scope: 'below',
    plugin: [APPLICATION_PERMISSIONS.handle],
  },
  {
    code: 'disclosure-application-leader',
    name: '审批领导 (Approving leader)',
    description: '审批答复，批准延期 (approves replies and extensions)',
    actions: [],
    scope: 'below',
    plugin: [APPLICATION_PERMISSIONS.approve, APPLICATION_PERMISSIONS.extend],
  },
  // 意见箱 and 领导信箱: the mailbox's keeper accepts or routes, assigns and sends; the responsible
  // office drafts; its leader approves. Their organization's messages and those below it.
  {
    code: 'disclosure-mailbox-manager',
    name: '信箱管理员 (Mailbox manager)',
    description:
      '受理或转办来信、交办、发送答复，管理领导信箱 (accepts or routes messages, assigns them, sends replies, manages the leaders’ mailboxes)',
    actions: [],
    scope: 'below',
    plugin: [MESSAGE_PERMISSIONS.manage],
  },
  {
    code: 'disclosure-mailbox-handler',
    name: '来信承办人 (Message handler)',
    description: '承办交办的来信、起草答复 (handles assigned messages and drafts the reply)',
    actions: [],
    scope: 'below',
    plugin: [MESSAGE_PERMISSIONS.handle],
  },
  {
    code: 'disclosure-mailbox-leader',
    name: '来信审批领导 (Approving leader for messages)',
    description: '审批来信答复 (approves replies to messages)',
    actions: [],
    scope: 'below',
    plugin: [MESSAGE_PERMISSIONS.approve],
  },
];

/** Per request: the scope is read once however many permissions ask for it. */
const SCOPE_MEMO = 'disclosureOrganizationScope';
type ScopeMemo = Map<string, Promise<string[] | null>>;

/** An organization row as read for the hierarchy. */
interface OrganizationRow {
  documentId: string;
  parent?: { documentId: string } | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const permissionService = () => adminPermissions(strapi);

  /** The organization an admin account is assigned to (editor-organization), or null. */
  const assignedOrganization = async (
    userId: number
  ): Promise<{ id: number; documentId: string; name: string } | null> => {
    const assignment = await strapi.db.query(EDITOR_ORGANIZATION_UID).findOne({
      where: { user: { id: userId } },
      populate: { organization: { select: ['id', 'documentId', 'name'] } },
    });
    return assignment?.organization ?? null;
  };

  /** The organizations an admin account works for: its own, or its own and those below. */
  const organizationsOf = async (userId: number, scope: Scope): Promise<string[] | null> => {
    const own = (await assignedOrganization(userId))?.documentId;
    if (!own) return null;
    if (scope === 'same') return [own];
    const rows = await strapi.db
      .query(CONTENT_TYPES.organization)
      .findMany({ select: ['documentId'], populate: { parent: { select: ['documentId'] } } });
    return organizationAndBelow(
      rows.map((row: OrganizationRow) => ({
        documentId: row.documentId,
        parentDocumentId: row.parent?.documentId ?? null,
      })),
      own
    );
  };

  const memoizedOrganizationsOf = (userId: number, scope: Scope): Promise<string[] | null> => {
    const request = currentRequest(strapi);
    if (!request?.state) return organizationsOf(userId, scope);
    const memo = (request.state[SCOPE_MEMO] ??= new Map<
      string,
      Promise<string[] | null>
    >()) as ScopeMemo;
    const key = `${userId}:${scope}`;
    if (!memo.has(key)) memo.set(key, organizationsOf(userId, scope));
    return memo.get(key)!;
  };

  const permissionsFor = (
    actionIds: string[],
    subjects: readonly string[],
    conditions: string[]
  ) => {
    const { actionProvider } = permissionService();
    const actions = actionIds
      .map((id) => actionProvider.get(id))
      .filter((action): action is RegisteredAction => Boolean(action));
    const localized = (uid: string) =>
      Boolean(contentTypeOf(strapi, uid)?.pluginOptions?.i18n?.localized);
    return adminContentTypes(strapi)
      .getPermissionsWithNestedFields(actions)
      .filter((permission) => subjects.includes(permission.subject))
      .map((permission) => ({
        ...permission,
        properties: {
          ...permission.properties,
          ...(localized(permission.subject) ? { locales: LOCALE_CODES } : {}),
        },
        conditions,
      }));
  };

  return {
    assignedOrganization,

    /** The plugin's permissions, all registered here: its actions, and the two conditions of the role editor. */
    registerPermissions() {
      const { conditionProvider, actionProvider } = permissionService();
      conditionProvider.registerMany([
        {
          displayName: '同一机构 (Same organization)',
          name: 'same-organization',
          plugin: 'disclosure',
          handler: async (user: ConditionUser) =>
            organizationCondition(
              user.permission?.subject,
              await memoizedOrganizationsOf(user.id, 'same')
            ),
        },
        {
          displayName: '本机构及下级机构 (My organization and those below it)',
          name: 'organization-and-below',
          plugin: 'disclosure',
          handler: async (user: ConditionUser) =>
            organizationCondition(
              user.permission?.subject,
              await memoizedOrganizationsOf(user.id, 'below')
            ),
        },
      ]);
      actionProvider.registerMany(
        PLUGIN_ACTIONS.map(({ uid, displayName }) => ({
          section: 'plugins',
          displayName,
          uid,
          pluginName: 'disclosure',
        }))
      );
    },

    /** Creates the default roles that do not exist yet (by code); an existing one is left as edited. */
    async ensureDefaultRoles() {
      const roles = adminRoles(strapi);
      for (const definition of DEFAULT_ROLES) {
        if (await roles.findOne({ code: definition.code })) continue;
        const role = await roles.create({
          name: definition.name,
          code: definition.code,
          description: definition.description,
        });
        const condition = definition.scope === 'same' ? SAME_ORGANIZATION : ORGANIZATION_AND_BELOW;
        await roles.assignPermissions(role.id, [
          ...permissionsFor(
            definition.actions.map((action) => `${CONTENT_MANAGER}.${action}`),
            SCOPED_TYPES,
            [condition]
          ),
          // Organizations are public facts, and forms pick the issuer from them.
          ...permissionsFor([`${CONTENT_MANAGER}.read`], [CONTENT_TYPES.organization], []),
          ...definition.plugin.map((action) => ({
            action,
            subject: null,
            properties: {},
            conditions: [],
          })),
          { action: 'plugin::upload.read', subject: null, properties: {}, conditions: [] },
          ...(definition.actions.includes('create')
            ? [
                {
                  action: 'plugin::upload.assets.create',
                  subject: null,
                  properties: {},
                  conditions: [],
                },
              ]
            : []),
        ]);
      }
    },

    /**
     * Whether an admin account's ability allows a content-manager action on an item of this
     * organization (documentId; undefined for a type without one), conditions included: the same
     * check the content manager makes, on a subject built from what is given rather than stored.
     */
    permits(
      ability: AdminAbility | null | undefined,
      action: 'read' | 'create' | 'update' | 'publish',
      uid: string,
      item: { organization?: string | null; locale?: string }
    ): boolean {
      if (!ability) return false;
      const field = ORGANIZATION_FIELD[uid];
      const fields: Record<string, unknown> = { locale: item.locale ?? SOURCE_LOCALE };
      if (field && item.organization !== undefined)
        fields[field] = { documentId: item.organization };
      const subject = permissionService()
        .createPermissionsManager({ ability, model: uid })
        .toSubject(fields, uid);
      return ability.can(`${CONTENT_MANAGER}.${action}`, subject);
    },

    /**
     * The organizations whose figures an admin account may read (its own first, then those below),
     * or null for an account without one (a super admin): all.
     */
    organizationsInScope: (userId: number) => organizationsOf(userId, 'below'),

    /**
     * The organizations an account may choose in a page's picker (those `include` accepts): the
     * account's own first, then by code.
     */
    async organizationOptions(
      userId: number,
      include: (documentId: string) => boolean
    ): Promise<OrganizationOption[]> {
      const own = (await assignedOrganization(userId))?.documentId;
      const rows: Array<Omit<OrganizationOption, 'parent'> & OrganizationRow> = await strapi.db
        .query(CONTENT_TYPES.organization)
        .findMany({
          where: { locale: SOURCE_LOCALE },
          select: ['documentId', 'code', 'name'],
          populate: { parent: { select: ['documentId'] } },
          orderBy: { code: 'asc' },
        });
      return rows
        .filter((row) => include(row.documentId))
        .sort((a, b) => Number(b.documentId === own) - Number(a.documentId === own))
        .map((row) => ({
          documentId: row.documentId,
          code: row.code,
          name: row.name,
          parent: row.parent?.documentId ?? null,
        }));
    },

    /** A report asked for an organization (code or documentId) outside the account's scope: 403. */
    async assertOrganizationInScope(scope: string[], value: string) {
      const organization = await strapi.db.query(CONTENT_TYPES.organization).findOne({
        where: { $or: [{ code: value }, { documentId: value }] },
        select: ['documentId'],
      });
      if (organization && !scope.includes(organization.documentId)) {
        throw new errors.PolicyError(
          '只能查看本机构及下级机构的统计 (you may only see the figures of your organization and those below it)'
        );
      }
    },
  };
};
