import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { startOfBeijingDay, DAY_MS } from '../../calendar/rules/beijing-time';
import { buildEntry, type IndexedRow, type SearchEntry } from '../rules/entry';
import { buildFacets, facetGroups, FACETS } from '../rules/facets';
import { highlightTerms, type SearchQuery } from '../rules/query';
import { entryVectors, headScore, postgresWeights, quotedLexeme } from '../rules/ranking';
import {
  SEARCHABLE_TYPES,
  searchableByKey,
  searchableByUid,
  type SearchableType,
} from '../rules/searchable-types';
import { buildSnippet, SNIPPET_SCAN } from '../rules/snippet';
import type { ToSimplified } from '../rules/text';
import { entryTags, tagCondition } from '../rules/tags';
import {
  beijingMonth,
  nextSpan,
  rankWindow,
  searchRange,
  stepOf,
  type Candidate,
  type Month,
} from '../rules/window';
import type { SearchAnswer } from '../../../../shared/contracts/public-api';
import type { LocaleCode } from '../../../../shared/constants';
import { getConfig } from '../../utils/get-config';
import { getService } from '../../utils/get-service';

export const SEARCH_TABLE = 'disclosure_search_entries';
export const SEARCH_FTS = 'disclosure_search_fts';
/** The FTS5 table's columns of words (in the ranking's field order) and of tags. */
const FTS_TEXT_COLUMNS = ['title', 'number', 'summary', 'body'];
const FTS_TAG_COLUMN = 'tags';

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

/** What an FTS5 row is made of (an entry, or its stored columns). */
type FtsTerms = Parameters<typeof entryTags>[0] &
  Pick<SearchEntry, 'titleTerms' | 'numberTerms' | 'summaryTerms' | 'bodyTerms'>;

/** An entry's tags as a PostgreSQL tsvector's text. */
const tagVector = (entry: Parameters<typeof entryTags>[0]): string =>
  entryTags(entry).map(quotedLexeme).join(' ');

/** An entry's PostgreSQL vectors, as text to cast (the benchmark's bulk index writes the same). */
export const vectorsOf = (entry: SearchEntry) => {
  const { searchVector, headVector } = entryVectors(entry);
  return { search_vector: searchVector, head_vector: headVector, tag_vector: tagVector(entry) };
};

/** The FTS5 table's columns, and an entry's values for them (its terms per field, its tags). */
export const FTS_COLUMNS = [...FTS_TEXT_COLUMNS, FTS_TAG_COLUMN];
export const ftsValues = (entry: FtsTerms): string[] => [
  entry.titleTerms,
  entry.numberTerms,
  entry.summaryTerms,
  entry.bodyTerms,
  entryTags(entry).join(' '),
];

/** A window row as the ranking rule takes it. */
const candidateOf = (row: Row, exact: boolean): Candidate => ({
  id: Number(row.id),
  publishedAt: String(row.published_at),
  exact,
  score: Number(row.score ?? 0),
  type: String(row.type),
  category: (row.category as string | null) ?? null,
  organization: (row.organization as string | null) ?? null,
  year: Number(row.year),
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
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

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
      if (isPostgres()) {
        const vectors = vectorsOf(entry);
        await trx.raw(
          `UPDATE "${SEARCH_TABLE}" SET ${Object.keys(vectors)
            .map((column) => `"${column}" = ?::tsvector`)
            .join(', ')} WHERE "id" = ?`,
          [...Object.values(vectors), id]
        );
      } else {
        await insertFts(trx, id, entry);
      }
    }
  };

  /** An entry's row of the FTS5 table. */
  const insertFts = (trx: Knex.Transaction, id: number, entry: FtsTerms) =>
    trx.raw(
      `INSERT INTO "${SEARCH_FTS}" (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ${FTS_COLUMNS.map(() => '?').join(', ')})`,
      [id, ...ftsValues(entry)]
    );

  const deleteEntries = async (
    trx: Knex.Transaction,
    type: string,
    documentIds: string[] | null
  ) => {
    const scoped = (query: Knex.QueryBuilder) =>
      documentIds
        ? query.where({ type }).whereIn('document_id', documentIds)
        : query.where({ type });
    if (!isPostgres()) {
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

    /**
     * Entries written before the index had tags get them (PostgreSQL: their tag vector; SQLite: their
     * FTS5 row, the table having been made again), from their stored columns: no text is cut again.
     */
    async completeTags(batch = 500): Promise<number> {
      const knex = strapi.db.connection;
      // What the tags are made of; SQLite's FTS5 row also needs the stored terms.
      const tagColumns = [
        'id',
        'locale',
        'type',
        'category',
        'organization',
        'topic',
        'published_at',
      ];
      const termColumns = ['title_terms', 'number_terms', 'summary_terms', 'body_terms'];
      const columns = (isPostgres() ? tagColumns : [...tagColumns, ...termColumns]).map(
        (column) => `e.${column}`
      );
      if (!isPostgres()) {
        // Every entry has its FTS5 row when the counts agree (the shadow table of row sizes, one row
        // per FTS5 row, counts without a scan of the text).
        const countOf = async (table: string) =>
          Number(
            ((await knex(table).count({ count: '*' })) as Array<{ count: number | string }>)[0]
              .count
          );
        if ((await countOf(`${SEARCH_FTS}_docsize`)) === (await countOf(SEARCH_TABLE))) return 0;
      }
      let completed = 0;
      // By id, each batch after the last: the ones done are not looked at again.
      for (let after = 0; ;) {
        const rows = (await (
          isPostgres()
            ? knex.from({ e: SEARCH_TABLE }).whereNull('e.tag_vector')
            : knex
                .from({ e: SEARCH_TABLE })
                .whereNotExists(
                  knex.from(SEARCH_FTS).select(knex.raw('1')).whereRaw(`rowid = "e"."id"`)
                )
        )
          .where('e.id', '>', after)
          .select(columns)
          .orderBy('e.id')
          .limit(batch)) as Row[];
        if (!rows.length) break;
        after = Number(rows[rows.length - 1].id);
        const stored = (row: Row) => ({
          locale: String(row.locale),
          type: String(row.type),
          category: (row.category as string | null) ?? null,
          organization: (row.organization as string | null) ?? null,
          topic: (row.topic as string | null) ?? null,
          publishedAt: String(row.published_at),
        });
        await knex.transaction(async (trx) => {
          if (isPostgres()) {
            // One statement a batch.
            await trx.raw(
              `UPDATE "${SEARCH_TABLE}" AS e SET "tag_vector" = v.tags::tsvector FROM (VALUES ${rows
                .map(() => '(?::integer, ?)')
                .join(', ')}) AS v(id, tags) WHERE e.id = v.id`,
              rows.flatMap((row) => [Number(row.id), tagVector(stored(row))])
            );
            return;
          }
          for (const row of rows)
            await insertFts(trx, Number(row.id), {
              ...stored(row),
              titleTerms: String(row.title_terms ?? ''),
              numberTerms: String(row.number_terms ?? ''),
              summaryTerms: String(row.summary_terms ?? ''),
              bodyTerms: String(row.body_terms ?? ''),
            });
        });
        completed += rows.length;
      }
      // Fresh statistics for the planner, as after a reindex.
      if (completed) await knex.raw(`ANALYZE "${SEARCH_TABLE}"`);
      return completed;
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

    /**
     * One page of results: the newest matches up to the result window (rules/window), and every exact
     * 文号/索引号 match, ranked exact first, then relevance, then newer first; with the facets.
     */
    async search(query: SearchQuery, filters: SearchFilters): Promise<SearchAnswer> {
      const knex = strapi.db.connection;
      const window = getConfig(strapi).search.resultWindow;
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

      /** The filters every statement applies to the entries `e` (the tags apply them in the index too). */
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
      const candidateColumns = ['e.id', 'e.published_at', ...FACETS.map((facet) => `e.${facet}`)];
      const byDate = [
        { column: 'e.published_at', order: 'desc' as const },
        { column: 'e.id', order: 'desc' as const },
      ];

      // The oldest and newest entries bound the steps: an index on published_at finds each at once.
      // Of every locale: a locale's own would walk the index past the other's (a range a little
      // wider costs at most an empty first step).
      const bound = (aggregate: 'min' | 'max') => knex(SEARCH_TABLE)[aggregate]('published_at');
      const [bounds] = (await knex.select({
        oldest: bound('min'),
        newest: bound('max'),
      })) as Array<{ oldest: string | null; newest: string | null }>;
      const range = searchRange(
        bounds?.oldest && bounds.newest
          ? {
              oldest: beijingMonth(new Date(bounds.oldest)),
              newest: beijingMonth(new Date(bounds.newest)),
            }
          : null,
        filters
      );

      const postgres = isPostgres();
      const words = postgres ? matchExpression(query, quotedLexeme, '&', '|') : '';
      const steps = async (db: Knex | Knex.Transaction) => {
        const step = async (months: Month[] | null): Promise<Row[]> => {
          if (postgres) {
            // The words and the tags in one scan of the locale's GIN index; the newest of the step's
            // matches by sorting them (no plan that walks entries by date testing each one's whole,
            // TOASTed vector); ranked by the small head vector, for the window only.
            const tags = tagCondition(filters, months, { locale: false });
            const newestMatches = filtered(
              db
                .from({ e: SEARCH_TABLE })
                .select(...candidateColumns, 'e.head_vector', 'e.search_vector')
                .whereRaw('e.search_vector @@ ?::tsquery', [words])
            );
            if (tags.length)
              newestMatches.whereRaw('e.tag_vector @@ ?::tsquery', [
                tags.map((group) => `(${group.map(quotedLexeme).join(' | ')})`).join(' & '),
              ]);
            return (await db
              .from(
                newestMatches
                  .orderBy(byDate)
                  .limit(window + 1)
                  .as('e')
              )
              .select(
                ...candidateColumns,
                db.raw(
                  'ts_rank(?::float4[], COALESCE(e.head_vector, e.search_vector), ?::tsquery) AS score',
                  [`{${postgresWeights().join(',')}}`, words]
                )
              )
              .orderBy(byDate)) as Row[];
          }
          // SQLite: the step's matches (words in the text columns, tags in theirs) materialized once
          // (joined as a subquery, SQLite would run the MATCH per entry); the newest kept, and
          // their head terms read for their score.
          const tags = tagCondition(filters, months, { locale: true });
          const match = [
            `{${FTS_TEXT_COLUMNS.join(' ')}} : (${matchExpression(query, phrase, 'AND', 'OR')})`,
            ...tags.map((group) => `${FTS_TAG_COLUMN} : (${group.map(phrase).join(' OR ')})`),
          ].join(' AND ');
          const newest = filtered(
            db
              .withMaterialized(
                'm',
                db.raw(`SELECT rowid AS id FROM "${SEARCH_FTS}" WHERE "${SEARCH_FTS}" MATCH ?`, [
                  match,
                ])
              )
              .from({ e: SEARCH_TABLE })
              .join('m', 'm.id', 'e.id')
              .select('e.id')
          )
            .orderBy(byDate)
            .limit(window + 1)
            .as('w');
          const rows = (await db
            .from({ e: SEARCH_TABLE })
            .join(newest, 'w.id', 'e.id')
            .select(...candidateColumns, 'e.title_terms', 'e.number_terms', 'e.summary_terms')
            .orderBy(byDate)) as Row[];
          return rows.map((row) => ({
            ...row,
            score: headScore(query.words, {
              titleTerms: String(row.title_terms ?? ''),
              numberTerms: String(row.number_terms ?? ''),
              summaryTerms: String(row.summary_terms ?? ''),
            }),
          }));
        };
        // Nothing of the locale, or nothing in the filters' months: nothing to look for.
        if (!range) return { found: [], exact: [] };
        for (let span = 1; ;) {
          const { months, last } = stepOf(range, span);
          const found = await step(months);
          if (found.length > window || last) {
            const exact = exactParts.length
              ? ((await filtered(db.from({ e: SEARCH_TABLE }).select(...candidateColumns)).where(
                  (where) => where.whereRaw(exactParts.join(' OR '), exactBindings)
                )) as Row[])
              : [];
            return { found, exact };
          }
          span = nextSpan(span, found.length, window);
        }
      };
      const texts = async (db: Knex | Knex.Transaction, ids: number[]) =>
        (await db
          .from({ e: SEARCH_TABLE })
          .whereIn('e.id', ids)
          .select(
            'e.id',
            'e.type',
            'e.document_id',
            'e.locale',
            'e.title',
            'e.document_number',
            'e.published_at',
            'e.summary_text',
            // Only the beginning of a body is scanned for the snippet (see SNIPPET_SCAN).
            db.raw('substr(e.body_text, 1, ?) AS body_text', [SNIPPET_SCAN])
          )) as Row[];

      const offset = (filters.page - 1) * filters.pageSize;
      const answer = async (db: Knex | Knex.Transaction) => {
        const { found, exact } = await steps(db);
        const candidates = rankWindow(
          found.map((row) => candidateOf(row, false)),
          exact.map((row) => candidateOf(row, true)),
          window
        );
        const page = candidates.slice(offset, offset + filters.pageSize);
        const byId = new Map<number, Row>(
          (
            await texts(
              db,
              page.map(({ id }) => id)
            )
          ).map((row) => [Number(row.id), row])
        );
        return {
          truncated: found.length > window,
          candidates,
          rows: page.flatMap(({ id }): Row[] => {
            const row = byId.get(id);
            return row ? [row] : [];
          }),
        };
      };
      const { truncated, candidates, rows } = postgres
        ? await knex.transaction(async (db) => {
            // Only bitmap scans: a plan walking an index by date or locale would test each entry's
            // whole vector, TOASTed and pages long, to find a word that most entries hold.
            await db.raw('SET LOCAL enable_seqscan = off');
            await db.raw('SET LOCAL enable_indexscan = off');
            return answer(db);
          })
        : await answer(knex);
      const total = candidates.length;

      const simplified = await toSimplified();
      const terms = highlightTerms(query);
      return {
        data: rows.map((row) => ({
          type: String(row.type),
          documentId: String(row.document_id),
          locale: String(row.locale) as LocaleCode,
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
            pageCount: Math.ceil(total / filters.pageSize),
            total,
          },
          facets: buildFacets(facetGroups(candidates)),
          truncated,
        },
      };
    },

    /** The type of a result by its key (for callers that link to it). */
    typeOf: (key: string) => searchableByKey(key),
  };
};
