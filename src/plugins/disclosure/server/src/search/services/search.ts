import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { startOfBeijingDay, DAY_MS } from '../../calendar/rules/beijing-time';
import { buildEntry, type IndexedRow, type SearchEntry } from '../rules/entry';
import { buildFacets, FACETS, type FacetGroup, type Facets } from '../rules/facets';
import { highlightTerms, type SearchQuery } from '../rules/query';
import { postgresWeights, quotedLexeme, sqliteWeights, tsvectorText } from '../rules/ranking';
import {
  SEARCHABLE_TYPES,
  searchableByKey,
  searchableByUid,
  type SearchableType,
} from '../rules/searchable-types';
import { buildSnippet, SNIPPET_SCAN } from '../rules/snippet';
import type { ToSimplified } from '../rules/text';
import { getService } from '../../utils/get-service';

export const SEARCH_TABLE = 'disclosure_search_entries';
export const SEARCH_FTS = 'disclosure_search_fts';

/** The search's filters, as validation/search returns them. */
export interface SearchFilters {
  types?: string[];
  category?: string;
  organization?: string;
  topic?: string;
  year?: number;
  /** Beijing calendar dates, inclusive. */
  from?: string;
  to?: string;
  locale: string;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  type: string;
  documentId: string;
  locale: string;
  title: string;
  documentNumber: string | null;
  publishedAt: string;
  snippet: string;
}

export interface SearchAnswer {
  data: SearchHit[];
  meta: {
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
    facets: Facets;
  };
}

type Row = Record<string, unknown>;

/** The columns of an entry, as stored. */
const columnsOf = (entry: SearchEntry) => ({
  type: entry.type,
  document_id: entry.documentId,
  locale: entry.locale,
  title: entry.title,
  document_number: entry.documentNumber,
  index_number: entry.indexNumber,
  summary_text: entry.summaryText,
  body_text: entry.bodyText,
  published_at: entry.publishedAt,
  year: entry.year,
  category: entry.category,
  topic: entry.topic,
  organization: entry.organization,
  title_terms: entry.titleTerms,
  number_terms: entry.numberTerms,
  summary_terms: entry.summaryTerms,
  body_terms: entry.bodyTerms,
});

/** A term as an FTS5 phrase: double-quoted, quotes doubled. */
const phrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;

/** Every query word must be found: as itself, or as all the shorter words jieba finds inside it. */
function matchExpression(
  query: SearchQuery,
  quote: (term: string) => string,
  and: string,
  or: string
) {
  return query.words
    .map(({ word, inner }) =>
      inner.length ? `(${quote(word)} ${or} (${inner.map(quote).join(` ${and} `)}))` : quote(word)
    )
    .join(` ${and} `);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const postgres = () => strapi.db.dialect.client === 'postgres';

  const toSimplified = async (): Promise<ToSimplified> => {
    const converter = await getService(strapi, 'conversion').converter();
    return (text) => converter.toSimplified(text);
  };

  /** The published rows of a document the public may read (the public-access rules), every locale. */
  const publicRowsOf = async (
    type: SearchableType,
    documentIds: string[] | null,
    offset = 0,
    limit?: number
  ) => {
    const access = getService(strapi, 'public-access');
    const where = documentIds
      ? { $and: [{ documentId: { $in: documentIds } }, access.publicRows(type.uid)] }
      : access.publicRows(type.uid);
    return (await strapi.db.query(type.uid as UID.ContentType).findMany({
      where,
      populate: { [type.organization]: { select: ['documentId'] } },
      orderBy: { id: 'asc' },
      offset,
      ...(limit ? { limit } : {}),
    })) as IndexedRow[];
  };

  /** Writes entries (replacing any of the same type, documentId and locale) in the caller's transaction. */
  const writeEntries = async (trx: Knex.Transaction, entries: SearchEntry[]) => {
    for (const entry of entries) {
      const [inserted] = (await trx(SEARCH_TABLE)
        .insert(columnsOf(entry))
        .returning('id')) as Array<{ id: number } | number>;
      const id = typeof inserted === 'number' ? inserted : inserted.id;
      if (postgres()) {
        const split = (text: string) => text.split(' ').filter(Boolean);
        await trx.raw(`UPDATE "${SEARCH_TABLE}" SET "search_vector" = ?::tsvector WHERE "id" = ?`, [
          tsvectorText({
            title: split(entry.titleTerms),
            documentNumber: split(entry.numberTerms),
            summary: split(entry.summaryTerms),
            body: split(entry.bodyTerms),
          }),
          id,
        ]);
      } else {
        await trx.raw(
          `INSERT INTO "${SEARCH_FTS}" (rowid, title, number, summary, body) VALUES (?, ?, ?, ?, ?)`,
          [id, entry.titleTerms, entry.numberTerms, entry.summaryTerms, entry.bodyTerms]
        );
      }
    }
  };

  const deleteEntries = async (
    trx: Knex.Transaction,
    type: string,
    documentIds: string[] | null
  ) => {
    const scoped = (query: Knex.QueryBuilder) =>
      documentIds
        ? query.where({ type }).whereIn('document_id', documentIds)
        : query.where({ type });
    if (!postgres()) {
      const ids = (await scoped(trx(SEARCH_TABLE).select('id'))) as Array<{ id: number }>;
      for (let at = 0; at < ids.length; at += 500) {
        const chunk = ids.slice(at, at + 500).map(({ id }) => id);
        await trx.raw(
          `DELETE FROM "${SEARCH_FTS}" WHERE rowid IN (${chunk.map(() => '?').join(',')})`,
          chunk
        );
      }
    }
    await scoped(trx(SEARCH_TABLE).delete());
  };

  return {
    /**
     * The index entries of one document made again from what the public may read of it now, in the
     * caller's transaction: every locale's published row if public, nothing otherwise.
     */
    async refresh(uid: string, documentId: string): Promise<void> {
      const type = searchableByUid(uid);
      if (!type) return;
      const simplified = await toSimplified();
      await strapi.db.transaction(async ({ trx }) => {
        await deleteEntries(trx, type.key, [documentId]);
        const rows = await publicRowsOf(type, [documentId]);
        await writeEntries(
          trx,
          rows.map((row) => buildEntry(type, row, simplified))
        );
      });
    },

    /** The whole index rebuilt from the public rows, type by type, in batches; `progress(done, total)` after each. */
    async reindex(progress: (done: number, total: number) => void = () => {}, batch = 200) {
      const simplified = await toSimplified();
      const access = getService(strapi, 'public-access');
      let total = 0;
      for (const type of SEARCHABLE_TYPES)
        total += await strapi.db
          .query(type.uid as UID.ContentType)
          .count({ where: access.publicRows(type.uid) });
      let done = 0;
      progress(done, total);
      for (const type of SEARCHABLE_TYPES) {
        await strapi.db.transaction(async ({ trx }) => {
          await deleteEntries(trx, type.key, null);
          for (let offset = 0; ; offset += batch) {
            const rows = await publicRowsOf(type, null, offset, batch);
            if (!rows.length) break;
            await writeEntries(
              trx,
              rows.map((row) => buildEntry(type, row, simplified))
            );
            done += rows.length;
            progress(done, total);
          }
        });
      }
      return { total: done };
    },

    /** One page of results, exact 文号/索引号 first, then relevance, then newer first; with the facets. */
    async search(query: SearchQuery, filters: SearchFilters): Promise<SearchAnswer> {
      const knex = strapi.db.connection;
      const exactParts: string[] = [];
      const exactBindings: string[] = [];
      if (query.documentNumber) {
        exactParts.push('e.document_number = ?');
        exactBindings.push(query.documentNumber);
      }
      if (query.indexNumber) {
        exactParts.push('e.index_number = ?');
        exactBindings.push(query.indexNumber);
      }
      const exact = exactParts.length
        ? knex.raw(`CASE WHEN ${exactParts.join(' OR ')} THEN 1 ELSE 0 END AS exact`, exactBindings)
        : knex.raw('0 AS exact');

      // The matching entries and their relevance (higher is better), from the GIN index or FTS5.
      const [matchedSql, matchedBindings] = postgres()
        ? [
            `SELECT id, ts_rank(?::float4[], search_vector, q.query) AS score FROM "${SEARCH_TABLE}", (SELECT ?::tsquery AS query) q WHERE search_vector @@ q.query`,
            [`{${postgresWeights().join(',')}}`, matchExpression(query, quotedLexeme, '&', '|')],
          ]
        : [
            `SELECT rowid AS id, -bm25("${SEARCH_FTS}", ${sqliteWeights().join(', ')}) AS score FROM "${SEARCH_FTS}" WHERE "${SEARCH_FTS}" MATCH ?`,
            [matchExpression(query, phrase, 'AND', 'OR')],
          ];

      // SQLite: the matches materialized once per statement. Joined as a subquery, SQLite runs the
      // FTS5 MATCH again for every entry of the locale (rowid lookup + MATCH), quadratic in the index.
      const base = (): Knex.QueryBuilder => {
        const builder: Knex.QueryBuilder = (
          postgres()
            ? knex
                .from({ e: SEARCH_TABLE })
                .joinRaw(`LEFT JOIN (${matchedSql}) m ON m.id = e.id`, matchedBindings)
            : knex
                .withMaterialized('m', knex.raw(matchedSql, matchedBindings))
                .from({ e: SEARCH_TABLE })
                .leftJoin('m', 'm.id', 'e.id')
        )
          .where('e.locale', filters.locale)
          .where((where) => {
            where.whereNotNull('m.id');
            if (exactParts.length) where.orWhereRaw(exactParts.join(' OR '), exactBindings);
          });
        if (filters.types?.length) builder.whereIn('e.type', filters.types);
        if (filters.category) builder.where('e.category', filters.category);
        if (filters.organization) builder.where('e.organization', filters.organization);
        if (filters.topic) builder.where('e.topic', filters.topic);
        if (filters.year) builder.where('e.year', filters.year);
        if (filters.from)
          builder.where('e.published_at', '>=', startOfBeijingDay(filters.from).toISOString());
        if (filters.to)
          builder.where(
            'e.published_at',
            '<',
            // The end of the day by adding milliseconds: 9999-12-31 has no next calendar date.
            new Date(startOfBeijingDay(filters.to).getTime() + DAY_MS).toISOString()
          );
        return builder;
      };

      const [{ total }] = (await base().count({ total: '*' })) as Array<{ total: number | string }>;
      const rows = (await base()
        .select(
          'e.type',
          'e.document_id',
          'e.locale',
          'e.title',
          'e.document_number',
          'e.published_at',
          'e.summary_text',
          // Only the beginning of a body is scanned for the snippet (see SNIPPET_SCAN).
          knex.raw('substr(e.body_text, 1, ?) AS body_text', [SNIPPET_SCAN]),
          exact,
          knex.raw('COALESCE(m.score, 0) AS score')
        )
        .orderByRaw('exact DESC, score DESC, e.published_at DESC, e.id DESC')
        .offset((filters.page - 1) * filters.pageSize)
        .limit(filters.pageSize)) as Row[];

      const groups: Partial<Record<(typeof FACETS)[number], FacetGroup[]>> = {};
      for (const facet of FACETS) {
        groups[facet] = (await base()
          .select({ value: `e.${facet}` })
          .count({ count: '*' })
          .groupBy(`e.${facet}`)) as FacetGroup[];
      }

      const simplified = await toSimplified();
      const terms = highlightTerms(query);
      const count = Number(total);
      return {
        data: rows.map((row) => ({
          type: String(row.type),
          documentId: String(row.document_id),
          locale: String(row.locale),
          title: String(row.title),
          documentNumber: (row.document_number as string | null) ?? null,
          publishedAt: String(row.published_at),
          snippet: buildSnippet(
            [row.summary_text as string, row.body_text as string, row.title as string],
            terms,
            simplified
          ),
        })),
        meta: {
          pagination: {
            page: filters.page,
            pageSize: filters.pageSize,
            pageCount: Math.ceil(count / filters.pageSize),
            total: count,
          },
          facets: buildFacets(groups),
        },
      };
    },

    /** The type of a result by its key (for callers that link to it). */
    typeOf: (key: string) => searchableByKey(key),
  };
};
