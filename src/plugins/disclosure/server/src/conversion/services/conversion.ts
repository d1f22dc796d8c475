import { createHash } from 'node:crypto';
import type { Core, Modules } from '@strapi/strapi';
import {
  CONVERSION_TERM_UID,
  SOURCE_LOCALE,
  TARGET_LOCALE,
  TRANSLATION_LOCK_UID,
  isAppContentType,
} from '../../../../shared/constants';
import { ChineseConverter, type Direction } from '../rules/chinese-conversion';
import { asTraditionalCopy } from '../rules/traditional-copy';
import { reloadable } from '../../utils/reloadable';
import { getConfig } from '../../utils/get-config';
import { documentsOf } from '../../utils/documents';
import { componentOf, modelOf, type AttributeView } from '../../utils/models';

const TEXT_TYPES = new Set(['string', 'text', 'richtext']);

/** Data written to a zh-Hant version, field by field. */
type Entry = Record<string, unknown>;
/** A zh-Hans version as the document service reads it. */
type SourceDocument = Modules.Documents.AnyDocument;
/** A related document or a media file, as populated (documentId, id). */
type Related = { id?: number; documentId?: string };
export interface BackfillProgress {
  contentType: string;
  done: number;
  total: number;
}
type Attribute = AttributeView;

/** A field an editor corrected in zh-Hant, kept from the next synchronisation. */
export interface TranslationLock {
  id: number;
  contentType: string;
  itemDocumentId: string;
  field: string;
  sourceHash: string;
  lockedAt: string;
}

const hash = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex')
    .slice(0, 32);

/**
 * Keeps the zh-Hant version of every localized content type in step with its zh-Hans source:
 * localized text converted, relations pointed at the same documents, components rebuilt, and fields an
 * editor corrected by hand left alone (locked) until unlocked.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const standard = () => getConfig(strapi).conversion.standard;
  const schema = (uid: string) => modelOf(strapi, uid);
  const isLocalized = (uid: string) => Boolean(schema(uid)?.pluginOptions?.i18n?.localized);
  /** Fields each locale holds for itself: localized ones, and relations (per locale in Strapi 5). */
  const localizedAttributes = (uid: string): Array<[string, Attribute]> =>
    Object.entries(schema(uid).attributes).filter(([name, attribute]) => {
      if (name === 'localizations' || attribute.writable === false || attribute.visible === false)
        return false;
      return attribute.type === 'relation'
        ? !attribute.mappedBy && !String(attribute.target).startsWith('admin::')
        : attribute.pluginOptions?.i18n?.localized === true;
    });

  /**
   * Fields both locales share (non-localized), as Strapi's i18n plugin defines them. zh-Hant's draft
   * must be written with zh-Hans's values of these too: Strapi copies a locale's shared fields to the
   * others after each write, so a zh-Hant draft written with stale ones would undo the editor's change.
   */
  const sharedAttributes = (uid: string): Array<[string, Attribute]> => {
    const names: string[] = strapi
      .plugin('i18n')
      .service('content-types')
      .getNonLocalizedAttributes(schema(uid));
    return names.map((name) => [name, schema(uid).attributes[name]]);
  };

  const sharedDataFor = (uid: string, source: SourceDocument): Entry => {
    const data: Entry = {};
    for (const [name, attribute] of sharedAttributes(uid)) {
      if (!(name in source)) continue;
      const value = source[name];
      if (attribute.type === 'media' && value)
        data[name] = Array.isArray(value) ? value.map((file: Related) => file.id) : value.id;
      else if (attribute.type === 'component' || attribute.type === 'dynamiczone')
        data[name] = stripIds(value);
      else data[name] = value;
    }
    return data;
  };

  const build = async (): Promise<ChineseConverter> => {
    const terms: Array<{
      kind: 'phrase' | 'protected';
      simplified: string;
      traditional: string | null;
    }> = await strapi.db
      .query(CONVERSION_TERM_UID)
      .findMany({ select: ['kind', 'simplified', 'traditional'] });
    return new ChineseConverter(standard(), {
      phrases: terms
        .filter(
          (term): term is typeof term & { traditional: string } =>
            term.kind === 'phrase' && Boolean(term.traditional)
        )
        .map((term) => ({ simplified: term.simplified, traditional: term.traditional })),
      protectedTerms: terms
        .filter((term) => term.kind === 'protected')
        .map((term) => term.simplified),
    });
  };

  const converter = reloadable(build);

  /** Component or dynamic-zone data converted for the other locale, without ids (rebuilt there). */
  const convertComponent = (
    componentUid: string,
    value: Entry,
    convert: ChineseConverter,
    direction: Direction
  ): Entry => {
    const { id: _id, ...rest } = value;
    const attributes: Record<string, Attribute> =
      componentOf(strapi, componentUid)?.attributes ?? {};
    const result: Entry = {};
    for (const [name, fieldValue] of Object.entries(rest)) {
      result[name] = convertValue(attributes[name], fieldValue, convert, direction);
    }
    return result;
  };

  /** A stored value converted for the other locale; what it holds is what its attribute's type says. */
  const convertValue = (
    attribute: Attribute | undefined,
    value: unknown,
    convert: ChineseConverter,
    direction: Direction
  ): unknown => {
    if (value === null || value === undefined || !attribute) return value;
    // People's names and the like are kept as written: `pluginOptions.disclosure.convert: false`.
    if (attribute.pluginOptions?.disclosure?.convert === false) return value;
    if (TEXT_TYPES.has(attribute.type)) return convert.convert(value as string, direction);
    if (attribute.type === 'blocks') return convert.convertBlocks(value, direction);
    if (attribute.type === 'component') {
      const component = attribute.component as string;
      return attribute.repeatable
        ? (value as Entry[]).map((item) => convertComponent(component, item, convert, direction))
        : convertComponent(component, value as Entry, convert, direction);
    }
    if (attribute.type === 'dynamiczone') {
      return (value as Array<Entry & { __component: string }>).map((item) => ({
        __component: item.__component,
        ...convertComponent(item.__component, item, convert, direction),
      }));
    }
    if (attribute.type === 'relation') {
      return Array.isArray(value)
        ? value.map((related: Related) => related.documentId)
        : ((value as Related).documentId ?? null);
    }
    if (attribute.type === 'media') {
      return Array.isArray(value)
        ? value.map((file: Related) => file.id)
        : ((value as Related).id ?? null);
    }
    return value;
  };

  const populateFor = (uid: string) =>
    Object.fromEntries(
      [...localizedAttributes(uid), ...sharedAttributes(uid)]
        .filter(([, attribute]) =>
          ['relation', 'component', 'dynamiczone', 'media'].includes(attribute.type)
        )
        .map(([name, attribute]) => [
          name,
          attribute.type === 'relation' ? { fields: ['documentId'] } : true,
        ])
    );

  const service = {
    localizedTypes: () =>
      Object.keys(strapi.contentTypes).filter((uid) => isAppContentType(uid) && isLocalized(uid)),
    isLocalized,

    converter: (): Promise<ChineseConverter> => converter.get(),
    invalidate: () => converter.invalidate(),

    /** Converts a text or blocks value between the two locales. */
    async convertValue(value: string | unknown[], from: string, to: string) {
      const direction: Direction =
        from === SOURCE_LOCALE && to === TARGET_LOCALE ? 'to-traditional' : 'to-simplified';
      const convert = await service.converter();
      return typeof value === 'string'
        ? convert.convert(value, direction)
        : convert.convertBlocks(value, direction);
    },

    /** The zh-Hant data for a zh-Hans entry (fields locked by an editor left out). */
    async traditionalDataFor(uid: string, source: SourceDocument, locked: Set<string>) {
      const convert = await service.converter();
      const data: Entry = {};
      for (const [name, attribute] of localizedAttributes(uid)) {
        if (locked.has(name) || !(name in source)) continue;
        data[name] = convertValue(attribute, source[name], convert, 'to-traditional');
      }
      return data;
    },

    async locksOf(uid: string, documentId: string): Promise<TranslationLock[]> {
      return strapi.db
        .query(TRANSLATION_LOCK_UID)
        .findMany({ where: { contentType: uid, itemDocumentId: documentId } });
    },

    /** Which locked fields changed in the source since they were locked (the admin shows these). */
    async lockStatus(uid: string, documentId: string) {
      const locks = await service.locksOf(uid, documentId);
      if (!locks.length) return [];
      const source = await service.findSource(uid, documentId);
      return locks.map((lock) => ({
        id: lock.id,
        field: lock.field,
        lockedAt: lock.lockedAt,
        sourceChanged: source ? hash(source[lock.field]) !== lock.sourceHash : false,
      }));
    },

    async findSource(uid: string, documentId: string): Promise<SourceDocument | null> {
      const hasDraftAndPublish = Boolean(schema(uid).options?.draftAndPublish);
      return documentsOf(strapi, uid).findOne({
        documentId,
        locale: SOURCE_LOCALE,
        ...(hasDraftAndPublish ? { status: 'draft' as const } : {}),
        populate: populateFor(uid),
      });
    },

    /**
     * Writes the zh-Hant version of one document from its zh-Hans draft, creating what it relates to
     * in zh-Hant first when missing; publishes it when asked. Runs in the caller's transaction.
     */
    async syncDocument(
      uid: string,
      documentId: string,
      options: { publish?: boolean } = {},
      visited = new Set<string>()
    ) {
      const key = `${uid}:${documentId}`;
      if (visited.has(key)) return;
      visited.add(key);
      const source = await service.findSource(uid, documentId);
      if (!source) return;

      // Related localized documents need their zh-Hant version before it can be linked.
      for (const [name, attribute] of localizedAttributes(uid)) {
        if (attribute.type !== 'relation' || !isLocalized(attribute.target as string)) continue;
        const target = attribute.target as string;
        const related: Array<{ documentId: string }> = Array.isArray(source[name])
          ? source[name]
          : source[name]
            ? [source[name]]
            : [];
        for (const entry of related) {
          const exists = await strapi.db
            .query(target)
            .count({ where: { documentId: entry.documentId, locale: TARGET_LOCALE } });
          if (!exists) await service.syncDocument(target, entry.documentId, {}, visited);
        }
      }

      const locks = new Set<string>(
        (await service.locksOf(uid, documentId)).map((lock) => lock.field)
      );
      const data = {
        ...sharedDataFor(uid, source),
        ...(await service.traditionalDataFor(uid, source, locks)),
      };
      // Marked as the sync's own writes, so they are not taken for an editor's correction.
      await documentsOf(strapi, uid).update(
        asTraditionalCopy({ documentId, locale: TARGET_LOCALE, data })
      );
      if (options.publish && schema(uid).options?.draftAndPublish) {
        await documentsOf(strapi, uid).publish(
          asTraditionalCopy({ documentId, locale: TARGET_LOCALE })
        );
      }
    },

    async unpublishTraditional(uid: string, documentId: string) {
      await documentsOf(strapi, uid).unpublish(
        asTraditionalCopy({ documentId, locale: TARGET_LOCALE })
      );
    },

    async deleteTraditional(uid: string, documentId: string) {
      await documentsOf(strapi, uid).delete(
        asTraditionalCopy({ documentId, locale: TARGET_LOCALE })
      );
    },

    /**
     * An editor's own zh-Hant edit: every localized field that differs from what conversion would
     * give is locked against the next synchronisation.
     */
    async lockEditedFields(uid: string, documentId: string, data: Entry) {
      const source = await service.findSource(uid, documentId);
      if (!source) return;
      const expected = await service.traditionalDataFor(uid, source, new Set());
      const existing = await service.locksOf(uid, documentId);
      for (const [name, attribute] of localizedAttributes(uid)) {
        if (!(name in data) || attribute.type === 'relation') continue;
        if (JSON.stringify(stripIds(data[name])) === JSON.stringify(stripIds(expected[name])))
          continue;
        const lock = existing.find((candidate) => candidate.field === name);
        const fields = { sourceHash: hash(source[name]), lockedAt: new Date() };
        if (lock)
          await strapi.db
            .query(TRANSLATION_LOCK_UID)
            .update({ where: { id: lock.id }, data: fields });
        else
          await strapi.db.query(TRANSLATION_LOCK_UID).create({
            data: { contentType: uid, itemDocumentId: documentId, field: name, ...fields },
          });
      }
    },

    /**
     * Creates or refreshes zh-Hant for every zh-Hans document of every localized type, publishing it
     * where zh-Hans is published. Idempotent; resumable: progress is kept per type in the plugin
     * store, so an interrupted run continues where it stopped (`restart` starts over).
     */
    async backfill(
      options: {
        restart?: boolean;
        batchSize?: number;
        onProgress?: (progress: BackfillProgress) => void;
      } = {}
    ) {
      const store = strapi.store({ type: 'plugin', name: 'disclosure', key: 'convert-all' });
      const checkpoint: Record<string, number> = options.restart
        ? {}
        : (((await store.get({})) as Record<string, number>) ?? {});
      const batchSize = options.batchSize ?? 100;
      const summary: Record<
        string,
        {
          total: number;
          converted: number;
          published: number;
          failed: Array<{ documentId: string; error: string }>;
        }
      > = {};

      for (const uid of service.localizedTypes()) {
        const query = strapi.db.query(uid);
        const hasDraftAndPublish = Boolean(schema(uid).options?.draftAndPublish);
        const sourceWhere = {
          locale: SOURCE_LOCALE,
          ...(hasDraftAndPublish ? { publishedAt: null } : {}),
        };
        const total = await query.count({ where: sourceWhere });
        const result = (summary[uid] = {
          total,
          converted: 0,
          published: 0,
          failed: [] as Array<{ documentId: string; error: string }>,
        });
        let lastId = checkpoint[uid] ?? 0;
        let done = await query.count({ where: { ...sourceWhere, id: { $lte: lastId } } });
        for (;;) {
          const batch: Array<{ id: number; documentId: string }> = await query.findMany({
            where: { ...sourceWhere, id: { $gt: lastId } },
            select: ['id', 'documentId'],
            orderBy: { id: 'asc' },
            limit: batchSize,
          });
          if (!batch.length) break;
          for (const { id, documentId } of batch) {
            const publish =
              hasDraftAndPublish &&
              (await query.count({
                where: { documentId, locale: SOURCE_LOCALE, publishedAt: { $notNull: true } },
              })) > 0;
            try {
              await strapi.db.transaction(() => service.syncDocument(uid, documentId, { publish }));
              result.converted += 1;
              if (publish) result.published += 1;
            } catch (error) {
              result.failed.push({ documentId, error: (error as Error).message });
            }
            lastId = id;
            done += 1;
            options.onProgress?.({ contentType: uid, done, total });
          }
          checkpoint[uid] = lastId;
          await store.set({ value: checkpoint });
        }
      }
      await store.set({ value: {} }); // finished: the next run covers everything again
      return summary;
    },

    async unlock(id: number) {
      const lock: TranslationLock | null = await strapi.db
        .query(TRANSLATION_LOCK_UID)
        .findOne({ where: { id } });
      if (!lock) return null;
      await strapi.db.query(TRANSLATION_LOCK_UID).delete({ where: { id } });
      await strapi.db.transaction(() =>
        service.syncDocument(lock.contentType, lock.itemDocumentId)
      );
      return lock;
    },
  };
  return service;
};

const stripIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripIds);
  if (value && typeof value === 'object') {
    const { id: _id, ...rest } = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, stripIds(inner)]));
  }
  return value;
};
