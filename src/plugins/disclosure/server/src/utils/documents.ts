import type { Core, Modules, UID } from '@strapi/strapi';

/** Parameters of a document-service call made through `documentsOf`. */
export type LooseParams = Record<string, unknown>;

/**
 * The document service of a content type chosen at run time, or read as the caller's own row type.
 * Strapi types each call by its literal uid: for a uid held in a string (or a union of them) no
 * parameter type fits, and its input types leave no room for null, which clears a field. Such calls go
 * through this one shape: loose parameters, and documents as Strapi's AnyDocument or as the caller says.
 */
export interface DocumentsOfType<Document = Modules.Documents.AnyDocument> {
  findOne(params: LooseParams): Promise<Document | null>;
  findMany(params?: LooseParams): Promise<Document[]>;
  create(params: LooseParams): Promise<Document>;
  update(params: LooseParams): Promise<Document | null>;
  delete(params: LooseParams): Promise<{ documentId: string; entries: Document[] }>;
  publish(params: LooseParams): Promise<{ documentId: string; entries: Document[] }>;
  unpublish(params: LooseParams): Promise<{ documentId: string; entries: Document[] }>;
}

export const documentsOf = <Document = Modules.Documents.AnyDocument>(
  strapi: Core.Strapi,
  uid: string
): DocumentsOfType<Document> =>
  strapi.documents(uid as UID.ContentType) as unknown as DocumentsOfType<Document>;
