import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { startOfBeijingDay, DAY_MS } from '../../calendar/rules/beijing-time';
import { buildEntry, type IndexedRow, type SearchEntry } from '../rules/entry';
import { buildFacets, FACETS, type FacetGroup, type Facets } from '../rules/facets';
import { highlightTerms, type SearchQuery } from '../rules/query';
import { entryVectors, postgresWeights, quotedLexeme, sqliteWeights } from '../rules/ranking';
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

/** The columns of an entry, as stored (the benchmark's bulk index writes the same). */
export const columnsOf = (entry: SearchEntry) => ({
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
        const { searchVector, headVector } = entryVectors(entry);
        await trx.raw(
          `UPDATE "${SEARCH_TABLE}" SET "search_vector" = ?::tsvector, "head_vector" = ?::tsvector WHERE "id" = ?`,
          [searchVector, headVector, id]
        );
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
      // Fresh statistics for the planner: after a rebuild the old ones describe another table.
      await strapi.db.connection.raw(`ANALYZE "${SEARCH_TABLE}"`);
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

      /** The filters every statement shares (on the entries `e`). */
      const filtered = (builder: Knex.QueryBuilder): Knex.QueryBuilder => {
        builder.where('e.locale', filters.locale);
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
      const pageColumns = [
        'e.type',
        'e.document_id',
        'e.locale',
        'e.title',
        'e.document_number',
        'e.published_at',
        'e.summary_text',
        // Only the beginning of a body is scanned for the snippet (see SNIPPET_SCAN).
        knex.raw('substr(e.body_text, 1, ?) AS body_text', [SNIPPET_SCAN]),
      ];
      const order = 'exact DESC, score DESC, e.published_at DESC, e.id DESC';
      const offset = (filters.page - 1) * filters.pageSize;

      let total: number;
      let rows: Row[];
      const groups: Partial<Record<(typeof FACETS)[number], FacetGroup[]>> = {};
      if (postgres()) {
        // Matched through the locale's GIN index (or by number) in a materialized CTE: the only
        // index a `@@` alone can use, so no plan reads each entry's whole vector (TOASTed, pages
        // long) to test it, as the planner would choose for a word found in most entries. Ranked by
        // the small head vector (title, 文号, summary): body words find an entry, they do not order
        // it (then newer first). The page and the total with the facets come from one statement;
        // the page's texts are read for its entries only.
        const tsquery = matchExpression(query, quotedLexeme, '&', '|');
        const { answer, texts } = await knex.transaction(async (db) => {
          // The planner would still scan the table for a word in most entries, reading every vector.
          await db.raw('SET LOCAL enable_seqscan = off');
          const matches = db
            .from({ e: SEARCH_TABLE })
            .select(
              'e.id',
              'e.locale',
              'e.published_at',
              ...FACETS.map((facet) => `e.${facet}`),
              'e.topic',
              exact,
              db.raw(
                'ts_rank(?::float4[], COALESCE(e.head_vector, e.search_vector), ?::tsquery) AS score',
                [`{${postgresWeights().join(',')}}`, tsquery]
              )
            )
            .where('e.locale', filters.locale)
            .where((where) => {
              where.whereRaw('e.search_vector @@ ?::tsquery', [tsquery]);
              if (exactParts.length) where.orWhereRaw(exactParts.join(' OR '), exactBindings);
            });
          const pageIds = db
            .from(
              filtered(db.from({ e: 'm' }).select('e.*'))
                .orderByRaw(order)
                .offset(offset)
                .limit(filters.pageSize)
                .as('p')
            )
            .select(
              db.raw(
                `COALESCE(json_agg(p.id ORDER BY ${order.replace(/\be\./g, 'p.')}), '[]'::json)`
              )
            );
          const counts = db
            .from(
              filtered(db.from({ e: 'm' }))
                .select(
                  ...FACETS.map((facet) => `e.${facet}`),
                  // GROUPING's bit is 1 for a column not grouped; its first argument is the highest.
                  db.raw(`GROUPING(${FACETS.map((facet) => `e.${facet}`).join(', ')}) AS grouping`),
                  db.raw('count(*) AS count')
                )
                .groupByRaw(
                  `GROUPING SETS ((), ${FACETS.map((facet) => `(e.${facet})`).join(', ')})`
                )
                .as('c')
            )
            .select(db.raw('json_agg(c)'));
          const [answer] = (await db
            .withMaterialized('m', matches)
            .select({ page: pageIds, counts })) as Array<{
            page: number[];
            counts: Array<Record<string, unknown>>;
          }>;
          const texts = (await db
            .from({ e: SEARCH_TABLE })
            .whereIn('e.id', answer.page)
            .select('e.id', ...pageColumns)) as Row[];
          return { answer, texts };
        });
        const byId = new Map<number, Row>(texts.map((row) => [Number(row.id), row]));
        rows = answer.page.flatMap((id): Row[] => {
          const row = byId.get(Number(id));
          return row ? [row] : [];
        });
        const all = (1 << FACETS.length) - 1;
        total = 0;
        for (const row of answer.counts) {
          const grouping = Number(row.grouping);
          if (grouping === all) total = Number(row.count);
          FACETS.forEach((facet, index) => {
            if (grouping === all - (1 << (FACETS.length - 1 - index)))
              (groups[facet] ??= []).push({
                value: row[facet] as FacetGroup['value'],
                count: row.count as FacetGroup['count'],
              });
          });
        }
      } else {
        // SQLite: the FTS5 matches and their bm25 materialized once per statement. Joined as a
        // subquery, SQLite runs the MATCH again for every entry of the locale (quadratic).
        const matchedSql = `SELECT rowid AS id, -bm25("${SEARCH_FTS}", ${sqliteWeights().join(', ')}) AS score FROM "${SEARCH_FTS}" WHERE "${SEARCH_FTS}" MATCH ?`;
        const base = (): Knex.QueryBuilder =>
          filtered(
            knex
              .withMaterialized(
                'm',
                knex.raw(matchedSql, [matchExpression(query, phrase, 'AND', 'OR')])
              )
              .from({ e: SEARCH_TABLE })
              .leftJoin('m', 'm.id', 'e.id')
          ).where((where) => {
            where.whereNotNull('m.id');
            if (exactParts.length) where.orWhereRaw(exactParts.join(' OR '), exactBindings);
          });
        const [counted] = (await base().count({ total: '*' })) as Array<{
          total: number | string;
        }>;
        total = Number(counted.total);
        rows = (await base()
          .select(...pageColumns, exact, knex.raw('COALESCE(m.score, 0) AS score'))
          .orderByRaw(order)
          .offset(offset)
          .limit(filters.pageSize)) as Row[];
        for (const facet of FACETS) {
          groups[facet] = (await base()
            .select({ value: `e.${facet}` })
            .count({ count: '*' })
            .groupBy(`e.${facet}`)) as FacetGroup[];
        }
      }

      const simplified = await toSimplified();
      const terms = highlightTerms(query);
      const count = total;
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
