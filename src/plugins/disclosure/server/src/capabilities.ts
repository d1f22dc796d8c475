import calendar from './calendar';
import catalogue from './catalogue';
import consultations from './consultations';
import conversion from './conversion';
import deadlines from './deadlines';
import editorViews from './editor-views';
import errors from './errors';
import interpretations from './interpretations';
import itemStatus from './item-status';
import mailbox from './mailbox';
import onRequest from './on-request';
import openapi from './openapi';
import press from './press';
import publicReads from './public-reads';
import publication from './publication';
import reports from './reports';
import roles from './roles';
import search from './search';
import security from './security';
import settings from './settings';
import syndication from './syndication';
import uploads from './uploads';
import type { Capability, PluginRoute } from './utils/capability';

/** Every capability of the plugin, one folder each. A new capability is a new folder listed here. */
export const CAPABILITIES = {
  calendar,
  catalogue,
  consultations,
  conversion,
  deadlines,
  editorViews,
  errors,
  interpretations,
  itemStatus,
  mailbox,
  onRequest,
  openapi,
  press,
  publicReads,
  publication,
  reports,
  roles,
  search,
  security,
  settings,
  syndication,
  uploads,
};

type Capabilities = typeof CAPABILITIES;
type Registry = 'services' | 'controllers' | 'contentTypes' | 'middlewares' | 'policies';
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I
) => void
  ? I
  : never;
/** One of Strapi's registries as the capabilities fill it, every entry keeping its own type. */
export type Merged<R extends Registry> = UnionToIntersection<
  {
    [C in keyof Capabilities]: Capabilities[C] extends Record<R, infer Entries> ? Entries : never;
  }[keyof Capabilities]
>;

/** The capabilities' entries of one registry; a name two capabilities give is a mistake that stops the boot. */
export function merged<R extends Registry>(registry: R): Merged<R> {
  const result: Record<string, unknown> = {};
  for (const [capability, parts] of Object.entries(CAPABILITIES) as Array<[string, Capability]>) {
    for (const [name, entry] of Object.entries(parts[registry] ?? {})) {
      if (name in result)
        throw new Error(
          `disclosure: ${registry} "${name}" is registered twice (again by ${capability})`
        );
      result[name] = entry;
    }
  }
  return result as Merged<R>;
}

/** The capabilities' routes of one router, in the order listed. */
export const routesOf = (router: 'admin' | 'contentApi'): PluginRoute[] =>
  Object.values(CAPABILITIES as Record<string, Capability>).flatMap((capability) => [
    ...(capability.routes?.[router] ?? []),
  ]);
