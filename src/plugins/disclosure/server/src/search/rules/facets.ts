/** The facets of a search answer, each a count per value (only values with results, most first). */
export const FACETS = ['type', 'category', 'organization', 'year'] as const;
export type FacetName = (typeof FACETS)[number];
export type Facets = Record<FacetName, Record<string, number>>;

/** One group of a facet as the database counts it. */
export interface FacetGroup {
  value: string | number | null | undefined;
  count: number | string;
}

/** The answer's `facets` from the database's groups: values without a value dropped, counts as numbers, most first then by value. */
export function buildFacets(groups: Partial<Record<FacetName, readonly FacetGroup[]>>): Facets {
  const facets = {} as Facets;
  for (const facet of FACETS) {
    const entries = (groups[facet] ?? [])
      .filter(({ value }) => value !== null && value !== undefined && value !== '')
      .map(({ value, count }) => [String(value), Number(count)] as const)
      .filter(([, count]) => count > 0)
      .sort(([va, a], [vb, b]) => b - a || va.localeCompare(vb));
    facets[facet] = Object.fromEntries(entries);
  }
  return facets;
}

/** Each facet's groups over what was matched (the window, counted in code: it is small). */
export function facetGroups(
  matched: ReadonlyArray<Readonly<Record<FacetName, string | number | null>>>
): Record<FacetName, FacetGroup[]> {
  const groups = {} as Record<FacetName, FacetGroup[]>;
  for (const facet of FACETS) {
    const counts = new Map<string | number | null, number>();
    for (const item of matched) counts.set(item[facet], (counts.get(item[facet]) ?? 0) + 1);
    groups[facet] = [...counts].map(([value, count]) => ({ value, count }));
  }
  return groups;
}
