import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import { PUBLIC_CONTENT_TYPES, UPLOAD_FILE_UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { GateAnswers, candidateHashes, fileServedAt, type StoredFile } from '../rules/upload-gate';

/** What a stored file's URL answers to the public. */
export type Visibility = 'public' | 'hidden' | 'unknown';

/** Strapi's admin refresh cookie (@strapi/admin shared/utils/session-auth), and its access cookie's default name. */
export const REFRESH_COOKIE = 'strapi_admin_refresh';
const DEFAULT_ACCESS_COOKIE = 'jwtToken';
/** Components inside components are followed this deep to the entity holding them. */
const MAX_COMPONENT_DEPTH = 5;

const PUBLIC_TYPES: ReadonlySet<string> = new Set(PUBLIC_CONTENT_TYPES);

/** The parts of the database metadata read here (Strapi's types do not export the attribute shapes). */
interface MorphJoinTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { idColumn: { name: string }; typeColumn: { name: string } };
}
interface MetaAttribute {
  type?: string;
  target?: string;
  joinTable?: { inverseJoinColumn?: unknown };
}

/**
 * Whether a stored file may be served to whoever asks: only when it is attached to a row the public
 * may read (published, and for policy documents proactive: public-access.publicRows) of a public
 * type, directly or through the components of one. Answers are kept per content state (see the
 * response cache), so any committed write, on any instance, is seen by the next request.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const answers = new GateAnswers<Visibility>();

  /** The file served under `url`: by its own URL or any derivative's (derivatives share its hash). */
  const findFile = async (url: string): Promise<StoredFile | undefined> => {
    const files = (await strapi.db.query(UPLOAD_FILE_UID).findMany({
      where: { $or: [{ url }, { hash: { $in: candidateHashes(url) } }] },
      select: ['id', 'url', 'formats'],
    })) as StoredFile[];
    return fileServedAt(files, url);
  };

  /** Where the rows a file is attached to are, by type (Strapi's morph join table of media fields). */
  const attachedRows = async (fileId: number): Promise<Map<string, number[]>> => {
    const meta = strapi.db.metadata.get(UPLOAD_FILE_UID);
    const table = (meta.attributes.related as unknown as { joinTable: MorphJoinTable }).joinTable;
    // getConnection: the table in the configured schema (PostgreSQL), as the query engine reads it.
    const rows = (await strapi.db
      .getConnection(table.name)
      .where(table.joinColumn.name, fileId)
      .select({
        id: table.morphColumn.idColumn.name,
        type: table.morphColumn.typeColumn.name,
      })) as Array<{ id: number | string; type: string }>;
    const byType = new Map<string, number[]>();
    for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), Number(row.id)]);
    return byType;
  };

  /** Whether any of these rows of `uid` is public, or (a component) is held by a public one. */
  const anyPublic = async (uid: string, ids: number[], depth = 0): Promise<boolean> => {
    if (!ids.length) return false;
    if (PUBLIC_TYPES.has(uid)) {
      const publicRows = getService(strapi, 'public-access').publicRows(uid);
      const count = await strapi.db
        .query(uid as UID.Schema)
        .count({ where: { $and: [{ id: { $in: ids } }, publicRows] } });
      return count > 0;
    }
    if (!strapi.components[uid as UID.Component] || depth >= MAX_COMPONENT_DEPTH) return false;
    // A component row is held through its holder's component field (a relation in the metadata).
    for (const [holder, meta] of strapi.db.metadata) {
      for (const [field, attribute] of Object.entries(meta.attributes) as Array<
        [string, MetaAttribute]
      >) {
        if (attribute.type !== 'relation' || attribute.target !== uid) continue;
        if (!attribute.joinTable?.inverseJoinColumn) continue;
        const holders = (await strapi.db.query(holder as UID.Schema).findMany({
          where: { [field]: { id: { $in: ids } } },
          select: ['id'],
        })) as Array<{ id: number }>;
        if (
          await anyPublic(
            holder,
            holders.map((row) => row.id),
            depth + 1
          )
        )
          return true;
      }
    }
    return false;
  };

  const compute = async (url: string): Promise<Visibility> => {
    const file = await findFile(url);
    if (!file) return 'unknown';
    for (const [uid, ids] of await attachedRows(file.id)) {
      if (await anyPublic(uid, ids)) return 'public';
    }
    return 'hidden';
  };

  /** An active admin account's id, as the session manager stores it (a string). */
  const activeAdmin = async (userId: string): Promise<boolean> => {
    const numeric = Number(userId);
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: Number.isFinite(numeric) ? numeric : userId },
      select: ['id', 'isActive'],
    })) as { isActive?: boolean } | null;
    return user?.isActive === true;
  };

  return {
    /** What `url` (an `/uploads/…` URL) answers to the public now. */
    async visibility(url: string): Promise<Visibility> {
      // Read before computing: the answer is filed under a state it is no older than.
      const state = await getService(strapi, 'response-cache').state();
      const known = answers.get(state, url);
      if (known) return known;
      const answer = await compute(url);
      answers.set(state, url, answer);
      return answer;
    },

    /**
     * Whether the request comes from a signed-in admin: the media library's thumbnails and the
     * editor's previews are `<img>` and `<a>` URLs, sent with the admin's cookies and no
     * Authorization header. The refresh cookie (or the access token, as a cookie or a header) is
     * checked with Strapi's session manager: signed, of a session still active, of an active account.
     */
    async fromAdmin(ctx: Context): Promise<boolean> {
      const manager = strapi.sessionManager;
      if (!manager?.hasOrigin('admin')) return false;
      const sessions = manager('admin');
      const refresh = ctx.cookies.get(REFRESH_COOKIE);
      if (refresh) {
        const result = await sessions.validateRefreshToken(refresh);
        if (result.isValid && (await activeAdmin(result.userId))) return true;
      }
      const header = /^bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
      const cookieName =
        strapi.config.get<string>('admin.auth.cookie.name') || DEFAULT_ACCESS_COOKIE;
      const access = header ?? ctx.cookies.get(cookieName);
      if (!access) return false;
      const result = sessions.validateAccessToken(access);
      return (
        result.isValid &&
        (await sessions.isSessionActive(result.payload.sessionId)) &&
        (await activeAdmin(result.payload.userId))
      );
    },

    stats: () => ({ entries: answers.size }),
  };
};
