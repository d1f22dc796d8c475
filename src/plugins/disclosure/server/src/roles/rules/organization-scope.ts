import { CONTENT_TYPES, ORGANIZATION_FIELD } from '../../../../shared/constants';

/**
 * Which items an admin account may see and change, by organization: a county editor its county's, a
 * city reviewer the city's and its counties'. Plain data in, Strapi permission queries out.
 */

export interface OrganizationNode {
  documentId: string;
  parentDocumentId: string | null;
}

/** The organization and every one below it, however deep; a cycle in the data stops the walk. */
export function organizationAndBelow(organizations: OrganizationNode[], root: string): string[] {
  const children = new Map<string, string[]>();
  for (const { documentId, parentDocumentId } of organizations) {
    if (!parentDocumentId) continue;
    children.set(parentDocumentId, [...(children.get(parentDocumentId) ?? []), documentId]);
  }
  const found = new Set<string>([root]);
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found];
}

/**
 * The permission condition for one subject: items of these organizations. `false` (nothing) for an
 * account without an organization; `true` (no restriction) for a subject that has no organization.
 */
export function organizationCondition(
  subject: string | null | undefined,
  organizationDocumentIds: string[] | null
): Record<string, unknown> | boolean {
  if (!organizationDocumentIds || organizationDocumentIds.length === 0) return false;
  if (subject === CONTENT_TYPES.organization)
    return { documentId: { $in: organizationDocumentIds } };
  const field = subject ? ORGANIZATION_FIELD[subject] : undefined;
  if (!field) return true;
  return { [`${field}.documentId`]: { $in: organizationDocumentIds } };
}
