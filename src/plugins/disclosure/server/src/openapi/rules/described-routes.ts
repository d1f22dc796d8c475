/** A content-API route as the description sees it (path relative to /api, Strapi's `:param` syntax). */
export interface DescribedRoute {
  /** `api::policy-document`, `plugin::disclosure`… */
  origin: string;
  method: string;
  path: string;
  handler: string;
  /** Answered without a token (`auth: false`). */
  public: boolean;
}

/** The plugin's routes: every content-API one is for sites and portals (some with a token). */
export const PLUGIN_ORIGIN = 'plugin::disclosure';

/** `/applications/:number` → `/applications/{number}`, as OpenAPI writes path parameters. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** The public reads of a type: the core router's find and findOne. */
const isPublicRead = (route: DescribedRoute, publicTypes: readonly string[]): boolean =>
  route.method === 'GET' &&
  publicTypes.some((uid) => route.handler === `${uid}.find` || route.handler === `${uid}.findOne`);

/**
 * The operations the description keeps, by `METHOD /path`: the plugin's content-API routes, the public
 * reads of the public types, and the open routes of src/api (a consultation's feedback). Nothing of
 * Strapi's own plugins (sign-in, uploads, users), nor writes to content only editors make.
 */
export function describedOperations(
  routes: readonly DescribedRoute[],
  publicTypes: readonly string[]
): Map<string, DescribedRoute> {
  const kept = new Map<string, DescribedRoute>();
  for (const route of routes) {
    const fromApp = route.origin.startsWith('api::');
    if (
      route.origin === PLUGIN_ORIGIN ||
      (fromApp && (route.public || isPublicRead(route, publicTypes)))
    ) {
      kept.set(`${route.method} ${openApiPath(route.path)}`, route);
    }
  }
  return kept;
}
