import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONVERSION_TERM_UID, SOURCE_LOCALE, TARGET_LOCALE, TRANSLATION_LOCK_UID, isAppContentType } from '../../../../shared/constants';
import { ChineseConverter, type Direction, type TraditionalStandard } from '../rules/chinese-conversion';
import { asTraditionalCopy } from '../rules/traditional-copy';
import { reloadable } from '../../utils/reloadable';
import { getConfig } from '../../utils/get-config';


const TEXT_TYPES = new Set(['string', 'text', 'richtext']);

type Entry = Record<string, any>;
export interface BackfillProgress {
  contentType: string;
  done: number;
  total: number;
}
type Attribute = Record<string, any>;

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex').slice(0, 32);

/**
 * Keeps the zh-Hant version of every localized content type in step with its zh-Hans source:
 * localized text converted, relations pointed at the same documents, components rebuilt, and fields an
 * editor corrected by hand left alone (locked) until unlocked.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const standard = () => getConfig(strapi).conversion.standard;
  const schema = (uid: string) => strapi.getModel(uid as any) as any;
  const isLocalized = (uid: string) => Boolean(schema(uid)?.pluginOptions?.i18n?.localized);
  /** Fields each locale holds for itself: localized ones, and relations (per locale in Strapi 5). */
  const localizedAttributes = (uid: string): Array<[string, Attribute]> =>
    Object.entries(schema(uid).attributes as Record<string, Attribute>).filter(([name, attribute]) => {
      if (name === 'localizations' || attribute.writable === false || attribute.visible === false) return false;
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
    const names: string[] = strapi.plugin('i18n').service('content-types').getNonLocalizedAttributes(schema(uid));
    return names.map((name) => [name, schema(uid).attributes[name]]);
  };

  const sharedDataFor = (uid: string, source: Entry): Entry => {
    const data: Entry = {};
    for (const [name, attribute] of sharedAttributes(uid)) {
      if (!(name in source)) continue;
      const value = source[name];
      if (attribute.type === 'media' && value) data[name] = Array.isArray(value) ? value.map((file: Entry) => file.id) : value.id;
      else if (attribute.type === 'component' || attribute.type === 'dynamiczone') data[name] = stripIds(value);
      else data[name] = value;
    }
    return data;
  };

  const build = async (): Promise<ChineseConverter> => {
    const terms = await strapi.db.query(CONVERSION_TERM_UID as any).findMany({ select: ['kind', 'simplified', 'traditional'] });
    return new ChineseConverter(standard(), {
      phrases: terms
        .filter((term: any) => term.kind === 'phrase' && term.traditional)
        .map((term: any) => ({ simplified: term.simplified, traditional: term.traditional })),
      protectedTerms: terms.filter((term: any) => term.kind === 'protected').map((term: any) => term.simplified),
    });
  };

  const converter = reloadable(build);

  /** Component or dynamic-zone data converted for the other locale, without ids (rebuilt there). */
  const convertComponent = (componentUid: string, value: Entry, convert: ChineseConverter, direction: Direction): Entry => {
    const { id: _id, ...rest } = value;
    const attributes = (strapi.components as any)[componentUid]?.attributes ?? {};
    const result: Entry = {};
    for (const [name, fieldValue] of Object.entries(rest)) {
      result[name] = convertValue(attributes[name], fieldValue, convert, direction);
    }
    return result;
  };

  const convertValue = (attribute: Attribute | undefined, value: any, convert: ChineseConverter, direction: Direction): any => {
    if (value === null || value === undefined || !attribute) return value;
    // People's names and the like are kept as written: `pluginOptions.disclosure.convert: false`.
    if (attribute.pluginOptions?.disclosure?.convert === false) return value;
    if (TEXT_TYPES.has(attribute.type)) return convert.convert(value, direction);
    if (attribute.type === 'blocks') return convert.convertBlocks(value, direction);
    if (attribute.type === 'component') {
      return attribute.repeatable
        ? value.map((item: Entry) => convertComponent(attribute.component, item, convert, direction))
        : convertComponent(attribute.component, value, convert, direction);
    }
    if (attribute.type === 'dynamiczone') {
      return value.map((item: Entry) => ({ __component: item.__component, ...convertComponent(item.__component, item, convert, direction) }));
    }
    if (attribute.type === 'relation') {
      return Array.isArray(value) ? value.map((related: Entry) => related.documentId) : (value.documentId ?? null);
    }
    if (attribute.type === 'media') {
      return Array.isArray(value) ? value.map((file: Entry) => file.id) : (value.id ?? null);
    }
    return value;
  };

  const populateFor = (uid: string) =>
    Object.fromEntries(
      [...localizedAttributes(uid), ...sharedAttributes(uid)]
        .filter(([, attribute]) => ['relation', 'component', 'dynamiczone', 'media'].includes(attribute.type))
        .map(([name, attribute]) => [name, attribute.type === 'relation' ? { fields: ['documentId'] } : true])
    );

  const service = {
    localizedTypes: () => Object.keys(strapi.contentTypes).filter((uid) => isAppContentType(uid) && isLocalized(uid)),
    isLocalized,

    converter: (): Promise<ChineseConverter> => converter.get(),
    invalidate: () => converter.invalidate(),

    /** Converts a text or blocks value between the two locales. */
    async convertValue(value: string | unknown[], from: string, to: string) {
      const direction: Direction = from === SOURCE_LOCALE && to === TARGET_LOCALE ? 'to-traditional' : 'to-simplified';
      const convert = await service.converter();
      return typeof value === 'string' ? convert.convert(value, direction) : convert.convertBlocks(value, direction);
    },

    /** The zh-Hant data for a zh-Hans entry (fields locked by an editor left out). */
    async traditionalDataFor(uid: string, source: Entry, locked: Set<string>) {
      const convert = await service.converter();
      const data: Entry = {};
      for (const [name, attribute] of localizedAttributes(uid)) {
        if (locked.has(name) || !(name in source)) continue;
        data[name] = convertValue(attribute, source[name], convert, 'to-traditional');
      }
      return data;
    },

    async locksOf(uid: string, documentId: string) {
      return strapi.db.query(TRANSLATION_LOCK_UID as any).findMany({ where: { contentType: uid, itemDocumentId: documentId } });
    },

    /** Which locked fields changed in the source since they were locked (the admin shows these). */
    async lockStatus(uid: string, documentId: string) {
      const locks = await service.locksOf(uid, documentId);
      if (!locks.length) return [];
      const source = await service.findSource(uid, documentId);
      return locks.map((lock: Entry) => ({
        id: lock.id,
        field: lock.field,
        lockedAt: lock.lockedAt,
        sourceChanged: source ? hash(source[lock.field]) !== lock.sourceHash : false,
      }));
    },

    async findSource(uid: string, documentId: string): Promise<Entry | null> {
      const hasDraftAndPublish = Boolean(schema(uid).options?.draftAndPublish);
      return strapi.documents(uid as any).findOne({
        documentId,
        locale: SOURCE_LOCALE,
        ...(hasDraftAndPublish ? { status: 'draft' as const } : {}),
        populate: populateFor(uid) as any,
      });
    },

    /**
     * Writes the zh-Hant version of one document from its zh-Hans draft, creating what it relates to
     * in zh-Hant first when missing; publishes it when asked. Runs in the caller's transaction.
     */
    async syncDocument(uid: string, documentId: string, options: { publish?: boolean } = {}, visited = new Set<string>()) {
      const key = `${uid}:${documentId}`;
      if (visited.has(key)) return;
      visited.add(key);
      const source = await service.findSource(uid, documentId);
      if (!source) return;

      // Related localized documents need their zh-Hant version before it can be linked.
      for (const [name, attribute] of localizedAttributes(uid)) {
        if (attribute.type !== 'relation' || !isLocalized(attribute.target)) continue;
        const related = Array.isArray(source[name]) ? source[name] : source[name] ? [source[name]] : [];
        for (const entry of related) {
          const exists = await strapi.db
            .query(attribute.target)
            .count({ where: { documentId: entry.documentId, locale: TARGET_LOCALE } });
          if (!exists) await service.syncDocument(attribute.target, entry.documentId, {}, visited);
        }
      }

      const locks = new Set<string>((await service.locksOf(uid, documentId)).map((lock: Entry) => lock.field));
      const data = { ...sharedDataFor(uid, source), ...(await service.traditionalDataFor(uid, source, locks)) };
      // Marked as the sync's own writes, so they are not taken for an editor's correction.
      await strapi.documents(uid as any).update(asTraditionalCopy({ documentId, locale: TARGET_LOCALE, data }) as any);
      if (options.publish && schema(uid).options?.draftAndPublish) {
        await strapi.documents(uid as any).publish(asTraditionalCopy({ documentId, locale: TARGET_LOCALE }) as any);
      }
    },

    async unpublishTraditional(uid: string, documentId: string) {
      await strapi.documents(uid as any).unpublish(asTraditionalCopy({ documentId, locale: TARGET_LOCALE }) as any);
    },

    async deleteTraditional(uid: string, documentId: string) {
      await strapi.documents(uid as any).delete(asTraditionalCopy({ documentId, locale: TARGET_LOCALE }) as any);
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
        if (JSON.stringify(stripIds(data[name])) === JSON.stringify(stripIds(expected[name]))) continue;
        const lock = existing.find((candidate: Entry) => candidate.field === name);
        const fields = { sourceHash: hash(source[name]), lockedAt: new Date() };
        if (lock) await strapi.db.query(TRANSLATION_LOCK_UID as any).update({ where: { id: lock.id }, data: fields });
        else
          await strapi.db
            .query(TRANSLATION_LOCK_UID as any)
            .create({ data: { contentType: uid, itemDocumentId: documentId, field: name, ...fields } });
      }
    },

    /**
     * Creates or refreshes zh-Hant for every zh-Hans document of every localized type, publishing it
     * where zh-Hans is published. Idempotent; resumable: progress is kept per type in the plugin
     * store, so an interrupted run continues where it stopped (`restart` starts over).
     */
    async backfill(options: { restart?: boolean; batchSize?: number; onProgress?: (progress: BackfillProgress) => void } = {}) {
      const store = strapi.store({ type: 'plugin', name: 'disclosure', key: 'convert-all' });
      const checkpoint: Record<string, number> = options.restart ? {} : (((await store.get({})) as Record<string, number>) ?? {});
      const batchSize = options.batchSize ?? 100;
      const summary: Record<string, { total: number; converted: number; published: number; failed: Array<{ documentId: string; error: string }> }> = {};

      for (const uid of service.localizedTypes()) {
        const query = strapi.db.query(uid as any);
        const hasDraftAndPublish = Boolean(schema(uid).options?.draftAndPublish);
        const sourceWhere = { locale: SOURCE_LOCALE, ...(hasDraftAndPublish ? { publishedAt: null } : {}) };
        const total = await query.count({ where: sourceWhere });
        const result = (summary[uid] = { total, converted: 0, published: 0, failed: [] as Array<{ documentId: string; error: string }> });
        let lastId = checkpoint[uid] ?? 0;
        let done = await query.count({ where: { ...sourceWhere, id: { $lte: lastId } } });
        for (;;) {
          const batch = await query.findMany({
            where: { ...sourceWhere, id: { $gt: lastId } },
            select: ['id', 'documentId'],
            orderBy: { id: 'asc' },
            limit: batchSize,
          });
          if (!batch.length) break;
          for (const { id, documentId } of batch) {
            const publish =
              hasDraftAndPublish &&
              (await query.count({ where: { documentId, locale: SOURCE_LOCALE, publishedAt: { $notNull: true } } })) > 0;
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
      const lock = await strapi.db.query(TRANSLATION_LOCK_UID as any).findOne({ where: { id } });
      if (!lock) return null;
      await strapi.db.query(TRANSLATION_LOCK_UID as any).delete({ where: { id } });
      await strapi.db.transaction(() => service.syncDocument(lock.contentType, lock.itemDocumentId));
      return lock;
    },
  };
  return service;
};

const stripIds = (value: any): any => {
  if (Array.isArray(value)) return value.map(stripIds);
  if (value && typeof value === 'object') {
    const { id: _id, ...rest } = value;
    return Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, stripIds(inner)]));
  }
  return value;
};
