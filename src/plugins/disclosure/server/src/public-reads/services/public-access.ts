import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPES, PUBLIC_CONTENT_TYPES, UPLOAD_FILE_UID } from '../../../../shared/constants';
import { PROACTIVE_FILTER } from '../../catalogue/rules/disclosure-attribute';
import type { PublicReadModel, QuerySchema } from '../rules/public-query-scope';

const READ_ACTIONS = ['find', 'findOne'];
/** Auth strategies of API tokens (trusted systems); every other caller is treated as the public. */
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** Beyond being published: which rows of a type the public may read. */
const VISIBLE_ROWS: Readonly<Record<string, object>> = {
  [CONTENT_TYPES.policyDocument]: PROACTIVE_FILTER,
};
/** Files are read through the media fields of public items only (never listed on their own). */
const READABLE_TYPES: ReadonlySet<string> = new Set([...PUBLIC_CONTENT_TYPES, UPLOAD_FILE_UID]);

type AuthService = Modules.Auth.AuthenticationService;

/** The parts of a Koa context that tell who reads. */
interface ReadingRequest {
  method: string;
  state?: {
    route?: { info?: { type?: string } };
    auth?: { strategy?: { name?: string }; credentials?: { type?: string } | null };
  };
}

/**
 * The Public role may read the catalogue and nothing else. Set at every start, so a permission granted
 * by mistake in the admin does not survive a restart.
 */
export const publicActions = (): string[] =>
  PUBLIC_CONTENT_TYPES.flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const clampRole = (
    type: 'public' | 'authenticated',
    wanted: readonly string[],
    kept?: (action: string) => boolean
  ) => clampRoleOf(strapi, type, wanted, kept);

  return {
    /**
     * Whether a request reads what the public sees: the public, an end user, or a read-only API token
     * (which has no business with drafts). Full-access and custom tokens are trusted systems an
     * administrator set up; the admin and code are not content-API requests. Only GET and HEAD ask to
     * read: the reads behind a public POST (a signed syndication message) are the server's own, and
     * restricting them would make it see published rows for drafts and write stale values back.
     */
    readsAsPublic(request: ReadingRequest | undefined | null): boolean {
      if (!request || request.state?.route?.info?.type !== 'content-api') return false;
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const auth = request.state?.auth;
      if (!TOKEN_STRATEGIES.has(auth?.strategy?.name ?? '')) return true;
      return auth?.credentials?.type === 'read-only';
    },

    /** The filter a public read of `uid` must add, if any (a published on-request item stays unreadable); a copy, for queries to keep. */
    visibleRows: (uid: string): object | undefined =>
      VISIBLE_ROWS[uid] ? { ...VISIBLE_ROWS[uid] } : undefined,

    /**
     * Where the server's own read of `uid` finds only what the public may read: published rows (never a
     * draft, nor the draft row of a published item), within `visibleRows`. For code that quotes items to
     * the public itself, outside the content API (an on-request reply citing the catalogue).
     */
    publicRows(uid: string): object {
      const published = (
        strapi.getModel(uid as UID.Schema)?.options as { draftAndPublish?: boolean }
      )?.draftAndPublish
        ? [{ publishedAt: { $notNull: true } }]
        : [];
      const visible = VISIBLE_ROWS[uid] ? [{ ...VISIBLE_ROWS[uid] }] : [];
      return { $and: [...published, ...visible] };
    },

    /** The schemas and row conditions a public query is scoped by (rules/public-query-scope). */
    readModel(): PublicReadModel {
      return {
        schema: (uid) => strapi.getModel(uid as UID.Schema) as unknown as QuerySchema | undefined,
        visibleRows: (uid) =>
          READABLE_TYPES.has(uid) ? (VISIBLE_ROWS[uid] ? { ...VISIBLE_ROWS[uid] } : {}) : null,
      };
    },

    /**
     * A read-only API token (a municipal site's) may call exactly the routes the Public role may, and
     * reads what the public reads (`readsAsPublic`). Strapi would let it call every route whose action
     * ends in `find` or `findOne` — the media library's file list with every file's users, the
     * accounts of users-permissions — so its check is narrowed here, for every route at once.
     */
    holdReadOnlyTokensToPublic() {
      const auth = strapi.get('auth') as AuthService;
      const verify = auth.verify.bind(auth);
      const allowed = new Set(publicActions());
      auth.verify = async (
        state: Parameters<AuthService['verify']>[0],
        config: Parameters<AuthService['verify']>[1] = {}
      ) => {
        // An API token's credentials: its row, with its type.
        const readOnly =
          TOKEN_STRATEGIES.has(state?.strategy?.name ?? '') &&
          (state?.credentials as { type?: string } | null | undefined)?.type === 'read-only';
        if (readOnly && config !== false) {
          const scopes: unknown[] = Array.isArray(config?.scope)
            ? config.scope
            : config?.scope
              ? [config.scope]
              : [];
          if (
            !scopes.length ||
            !scopes.every((scope) => typeof scope === 'string' && allowed.has(scope))
          )
            throw new errors.ForbiddenError();
        }
        return verify(state, config);
      };
    },

    /**
     * The users-permissions roles, set at every start: the Public role may read the catalogue and nothing
     * else; the Authenticated role (every end user signed in with a JWT) the same, and besides only its
     * own account (`user.me`, the `auth.*` actions: password, sessions, logout). A permission granted to
     * either in the admin (a type's writes, the media library's files, other accounts, the plugin's
     * reports) is revoked, so a signed-in user never reads more than the public.
     */
    async enforcePublicPermissions() {
      const catalogue = publicActions();
      await clampRole('public', catalogue);
      await clampRole('authenticated', catalogue, isOwnAccountAction);
    },
  };
};

/** An end user's own account, which the Authenticated role keeps: the user itself, signing in and out. */
const isOwnAccountAction = (action: string): boolean =>
  action === 'plugin::users-permissions.user.me' ||
  action.startsWith('plugin::users-permissions.auth.');

/**
 * Holds a users-permissions role (by type) to exactly `wanted`, and to the actions `kept` accepts as
 * they stand (granted or not): every other permission deleted, every wanted one granted once.
 */
async function clampRoleOf(
  strapi: Core.Strapi,
  type: 'public' | 'authenticated',
  wanted: readonly string[],
  kept: (action: string) => boolean = () => false
): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const role = await roles.findOne({ where: { type }, populate: ['permissions'] });
  if (!role) {
    throw new Error(
      `The users-permissions ${type} role does not exist yet: declare users-permissions before disclosure in config/plugins`
    );
  }
  const wantedSet = new Set(wanted);
  const granted = new Set<string>();
  const toRevoke: number[] = [];
  for (const permission of (role.permissions ?? []) as Array<{ id: number; action: string }>) {
    // A wanted action granted twice keeps one row.
    if (wantedSet.has(permission.action) && !granted.has(permission.action))
      granted.add(permission.action);
    else if (wantedSet.has(permission.action) || !kept(permission.action))
      toRevoke.push(permission.id);
  }
  if (toRevoke.length) await permissions.deleteMany({ where: { id: { $in: toRevoke } } });
  for (const action of wantedSet) {
    if (!granted.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
}
