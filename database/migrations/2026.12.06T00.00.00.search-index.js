'use strict';

/**
 * The catalogue search's index (src/plugins/disclosure/server/src/search): one row per public
 * (type, documentId, locale), kept by the search capability in the same transaction as every write
 * that changes what the public may read. Not a content type: Strapi's schema sync leaves it alone.
 *
 * PostgreSQL: a `tsvector` column (setweight A/B/C/D over the space-joined, already segmented terms)
 * with a GIN index, and `head_vector`, the same of the title, 文号 and summary only: small enough to
 * stay in the row, so ranking a match does not read its whole (TOASTed) vector; `tag_vector`, the
 * entry's tags (locale, type, category, organization, topic, month: search/rules/tags.ts), indexed
 * with the words in one GIN index per locale, so a search's filters and months are applied in the
 * index; a btree on published_at finds the oldest and newest entries. SQLite: an FTS5 table whose rowid is
 * the entry's id, one column per weighted field and one of tags. Idempotent: the app's bootstrap runs
 * it again on every start; entries written before the tags existed get theirs from the search
 * service at boot, after this (`completeTags`, src/index.ts).
 */
const TABLE = 'disclosure_search_entries';
const FTS = 'disclosure_search_fts';
const UNIQUE = 'disclosure_search_entries_document_uq';
const VECTOR_INDEX = 'disclosure_search_entries_vector_idx';
const LOCALE_INDEX = 'disclosure_search_entries_locale_idx';
const PUBLISHED_INDEX = 'disclosure_search_entries_published_idx';
const UNTAGGED_INDEX = 'disclosure_search_entries_untagged_idx';
const FTS_COLUMNS = 'title, number, summary, body, tags';
/** The site's locales (LOCALES in src/plugins/disclosure/shared/constants.ts): one GIN index each. */
const LOCALES = ['zh-Hans', 'zh-Hant'];
const localeIndex = (locale, name) =>
  `disclosure_search_entries_${name}_${locale.toLowerCase().replace(/[^a-z]/g, '_')}_idx`;

async function up(knex) {
  const postgres = ['pg', 'postgres', 'postgresql'].includes(knex.client.config.client);
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (table) => {
      table.increments('id');
      table.string('type', 64).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.text('title').notNullable();
      table.string('document_number', 255);
      table.string('index_number', 255);
      table.text('summary_text');
      table.text('body_text');
      // An ISO instant (UTC), compared and sorted as text.
      table.string('published_at', 32).notNullable();
      table.integer('year').notNullable();
      table.string('category', 64);
      table.string('topic', 255);
      table.string('organization', 64);
      table.text('title_terms');
      table.text('number_terms');
      table.text('summary_terms');
      table.text('body_terms');
      table.index(['locale', 'published_at'], LOCALE_INDEX);
      table.index(['document_number'], 'disclosure_search_entries_number_idx');
      table.index(['index_number'], 'disclosure_search_entries_index_number_idx');
    });
  }
  await knex.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS "${UNIQUE}" ON "${TABLE}" ("type", "document_id", "locale")`
  );
  // The oldest and newest entries, which bound a search's months.
  await knex.raw(`CREATE INDEX IF NOT EXISTS "${PUBLISHED_INDEX}" ON "${TABLE}" ("published_at")`);
  if (postgres) {
    await knex.raw(`ALTER TABLE "${TABLE}" ADD COLUMN IF NOT EXISTS "search_vector" tsvector`);
    await knex.raw(`ALTER TABLE "${TABLE}" ADD COLUMN IF NOT EXISTS "head_vector" tsvector`);
    await knex.raw(`ALTER TABLE "${TABLE}" ADD COLUMN IF NOT EXISTS "tag_vector" tsvector`);
    // A search is in one locale: a GIN index per locale over the words and the tags, and no other
    // index a search's `locale = ?` could take instead, testing `@@` on each entry's whole
    // (TOASTed) vector.
    for (const locale of LOCALES) {
      await knex.raw(
        // DDL takes no parameters: the locale is a constant of letters and a hyphen.
        `CREATE INDEX IF NOT EXISTS "${localeIndex(locale, 'words_tags')}" ON "${TABLE}" USING GIN ("search_vector", "tag_vector") WHERE "locale" = '${locale}'`
      );
      await knex.raw(`DROP INDEX IF EXISTS "${localeIndex(locale, 'vector')}"`);
    }
    await knex.raw(`DROP INDEX IF EXISTS "${VECTOR_INDEX}"`);
    await knex.raw(`DROP INDEX IF EXISTS "${LOCALE_INDEX}"`);
    // The entries still without tags, found at boot without reading the table (empty once done).
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS "${UNTAGGED_INDEX}" ON "${TABLE}" ("id") WHERE "tag_vector" IS NULL`
    );
  } else {
    // An FTS5 table cannot take a column: one made before the tags is made again, empty (the
    // search service fills it from the entries' stored terms at boot).
    const [existing] = await knex('sqlite_master').where({ name: FTS }).select('sql');
    if (existing && !/\btags\b/.test(existing.sql)) await knex.raw(`DROP TABLE "${FTS}"`);
    await knex.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS "${FTS}" USING fts5(${FTS_COLUMNS}, tokenize = 'unicode61')`
    );
  }
}

module.exports = { up, idempotent: true, TABLE, FTS };
