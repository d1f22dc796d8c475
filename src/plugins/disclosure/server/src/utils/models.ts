import type { Core, UID } from '@strapi/strapi';

/**
 * The parts of an attribute's definition the plugin reads. Strapi types attributes per kind, and their
 * plugin options as `object`; this one shape serves code that looks at attributes of every kind.
 */
export interface AttributeView {
  type: string;
  /** Relations */
  target?: string;
  mappedBy?: string;
  /** Components */
  component?: string;
  repeatable?: boolean;
  /** Enumerations */
  enum?: string[];
  writable?: boolean;
  visible?: boolean;
  private?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean }; disclosure?: { convert?: boolean } };
}

/** A content type's or component's schema, as the plugin reads it. */
export interface ModelView {
  uid: string;
  attributes: Record<string, AttributeView>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
}

/**
 * The schema of a content type or component known to Strapi (Strapi's getModel, for a uid held in a
 * string). Undefined for a uid Strapi does not know, which callers holding a loaded uid do not check.
 */
export const modelOf = (strapi: Core.Strapi, uid: string): ModelView =>
  strapi.getModel(uid as UID.Schema) as unknown as ModelView;

/** A content type's schema (Strapi's contentType, for a uid held in a string); undefined for one it does not know. */
export const contentTypeOf = (strapi: Core.Strapi, uid: string): ModelView | undefined =>
  strapi.contentType(uid as UID.ContentType) as unknown as ModelView | undefined;

/** A component's schema (Strapi's components, for a uid held in a string); undefined for one it does not know. */
export const componentOf = (strapi: Core.Strapi, uid: string): ModelView | undefined =>
  (strapi.components as unknown as Record<string, ModelView | undefined>)[uid];
