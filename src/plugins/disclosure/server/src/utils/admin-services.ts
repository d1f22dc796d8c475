import type { Core } from '@strapi/strapi';
import type { ViewConfiguration } from '../editor-views/rules/view-configuration';
import type { AdminAbility } from './request-state';

/**
 * The parts of the admin's (and the content manager's) services the plugin calls. Strapi types every service as Core.Service (a
 * record of unchecked members); these name what is used, so the calls are checked.
 */

/** A permission as a role is given it. */
export interface PermissionInput {
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

/** A permission action as the admin's action provider registers it. */
export interface ActionDefinition {
  section: 'plugins';
  displayName: string;
  uid: string;
  pluginName: string;
}

/** What a condition handler is called with: the admin account, with the permission being evaluated. */
export interface ConditionUser {
  id: number;
  permission?: { subject?: string | null };
}

export interface ConditionDefinition {
  displayName: string;
  name: string;
  plugin: string;
  handler: (user: ConditionUser) => Promise<Record<string, unknown> | boolean>;
}

/** An action as the action provider holds it (passed back to the content-type service, not read here). */
export type RegisteredAction = object;

export interface AdminPermissionService {
  actionProvider: {
    get(id: string): RegisteredAction | undefined;
    registerMany(actions: ActionDefinition[]): unknown;
  };
  conditionProvider: {
    registerMany(conditions: ConditionDefinition[]): unknown;
  };
  createPermissionsManager(options: { ability: AdminAbility; model: string }): {
    toSubject(fields: Record<string, unknown>, uid: string): unknown;
  };
}

export interface AdminRoleService {
  findOne(where: { code: string }): Promise<{ id: number } | null>;
  getSuperAdmin(): Promise<{ id: number } | null>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: PermissionInput[]): Promise<unknown>;
}

export interface AdminContentTypeService {
  getPermissionsWithNestedFields(
    actions: RegisteredAction[]
  ): Array<{ action: string; subject: string; properties?: Record<string, unknown> }>;
}

export const adminPermissions = (strapi: Core.Strapi): AdminPermissionService =>
  strapi.service('admin::permission') as AdminPermissionService;
export const adminRoles = (strapi: Core.Strapi): AdminRoleService =>
  strapi.service('admin::role') as AdminRoleService;
export const adminContentTypes = (strapi: Core.Strapi): AdminContentTypeService =>
  strapi.service('admin::content-type') as AdminContentTypeService;

/** A content type or component as the content manager models it: attributes in its order, id first. */
export interface ContentManagerModel {
  uid: string;
  attributes: Record<string, { type: string; relationType?: string; targetModel?: string }>;
}

/** The content manager's stored view of a type (its "Configure the view"), kept per type. */
interface ViewConfigurationService {
  /** The stored configuration, over empty settings, metadatas and layouts where none is stored. */
  findConfiguration(model: ContentManagerModel): Promise<ViewConfiguration>;
  /** Replaces each part given (settings, metadatas, layouts) as a whole. */
  updateConfiguration(
    model: ContentManagerModel,
    configuration: ViewConfiguration
  ): Promise<unknown>;
}
export interface ContentManagerContentTypes extends ViewConfigurationService {
  findContentType(uid: string): ContentManagerModel | undefined;
}
export interface ContentManagerComponents extends ViewConfigurationService {
  findComponent(uid: string): ContentManagerModel | undefined;
}

export const contentManagerContentTypes = (strapi: Core.Strapi): ContentManagerContentTypes =>
  strapi.plugin('content-manager').service('content-types') as ContentManagerContentTypes;
export const contentManagerComponents = (strapi: Core.Strapi): ContentManagerComponents =>
  strapi.plugin('content-manager').service('components') as ContentManagerComponents;
