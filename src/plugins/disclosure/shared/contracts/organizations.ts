/** An organization an admin account may choose in a page's picker (its own first, then by code). */
export interface OrganizationOption {
  documentId: string;
  code: string;
  name: string;
  /** The organization above it (documentId), if any */
  parent: string | null;
}
