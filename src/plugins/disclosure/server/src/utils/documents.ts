import type { Core, Modules, UID } from '@strapi/strapi';

type AnyDocument = Modules.Documents.AnyDocument;
type Entries = { documentId: string; entries: AnyDocument[] };

/** Parameters of a document-service call on a content type chosen at run time. */
export type LooseParams = Record<string, unknown>;

/**
 * The document service of a content type chosen at run time. Strapi types each call by its literal uid
 * (for a uid held in a string, or a union of them, no parameter type fits), so such calls go through
 * this one shape: loose parameters, and Strapi's own AnyDocument for what comes back.
 */
export interface DocumentsOfType {
  findOne(params: LooseParams): Promise<AnyDocument | null>;
  findMany(params?: LooseParams): Promise<AnyDocument[]>;
  create(params: LooseParams): Promise<AnyDocument>;
  update(params: LooseParams): Promise<AnyDocument | null>;
  delete(params: LooseParams): Promise<Entries>;
  publish(params: LooseParams): Promise<Entries>;
  unpublish(params: LooseParams): Promise<Entries>;
}

export const documentsOf = (strapi: Core.Strapi, uid: string): DocumentsOfType =>
  strapi.documents(uid as UID.ContentType) as unknown as DocumentsOfType;
