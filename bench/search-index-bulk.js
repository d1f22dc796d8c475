/**
 * The search index of a bulk-seeded catalogue (bench/seed-bulk.js) written in bulk: the rows the
 * reindex service would write, without its one-entry-at-a-time statements and without segmenting
 * the same paragraph again for every document that quotes it (the seeded bodies are drawn from a
 * pool of a few hundred paragraphs). At 100,000 documents the reindex service (npm run
 * search:reindex) takes 5–9 ms an entry on this machine, about 20 minutes per database.
 *
 * The entries come from the app's own code (dist/): the public rows as the reindex service reads them
 * (public-access rules), `buildEntry` for every column but the summary's and body's terms, and those
 * cut paragraph by paragraph with the same normalization and segmentation, remembered per paragraph.
 * jieba cuts at every line break anyway, so the terms are the same unless the Traditional → Simplified
 * fallback (whole text, not per paragraph) differs: a sample of entries is compared with `buildEntry`
 * over the whole row, and any difference stops the benchmark.
 */
const path = require('path');

const ROOT = path.join(__dirname, '..');
const SEARCH = path.join(ROOT, 'dist/src/plugins/disclosure/server/src/search');
const { buildEntry } = require(path.join(SEARCH, 'rules/entry'));
const { indexTerms, normalizeText } = require(path.join(SEARCH, 'rules/text'));
const { SEARCHABLE_TYPES } = require(path.join(SEARCH, 'rules/searchable-types'));
const { SEARCH_TABLE, SEARCH_FTS, FTS_COLUMNS, columnsOf, ftsValues, vectorsOf } = require(
  path.join(SEARCH, 'services/search')
);
const { blocksParagraphs } = require(
  path.join(ROOT, 'dist/src/plugins/disclosure/server/src/reports/rules/report-text')
);

const READ_BATCH = 1000;
const INSERT_BATCH = 100;
const SAMPLE_EVERY = 997;

/** Fills the (empty) search index of the policy documents seeded in bulk; { entries, ms, sampled }. */
async function fillSearchIndex(strapi) {
  const started = Date.now();
  const knex = strapi.db.connection;
  const postgres = strapi.db.dialect.client === 'postgres';
  const converter = await strapi.plugin('disclosure').service('conversion').converter();
  const simplified = (text) => converter.toSimplified(text);
  const type = SEARCHABLE_TYPES.find((item) => item.key === 'policy-document');
  const access = strapi.plugin('disclosure').service('public-access');

  const remembered = new Map();
  const paragraphTerms = (paragraph) => {
    let terms = remembered.get(paragraph);
    if (terms === undefined) {
      terms = indexTerms(normalizeText(paragraph, simplified)).join(' ');
      remembered.set(paragraph, terms);
    }
    return terms;
  };
  const termsOf = (text) => text.split('\n').map(paragraphTerms).filter(Boolean).join(' ');
  const textOf = (row, fields) =>
    fields
      .map((field) => blocksParagraphs(row[field]).join('\n'))
      .filter(Boolean)
      .join('\n');
  const withoutLongText = (row) => {
    const copy = { ...row };
    for (const field of [...type.summary, ...type.body]) copy[field] = null;
    return copy;
  };

  let nextId = Number((await knex(SEARCH_TABLE).max({ max: 'id' }).first()).max ?? 0) + 1;
  let entries = 0;
  let sampled = 0;
  for (let offset = 0; ; offset += READ_BATCH) {
    const rows = await strapi.db.query(type.uid).findMany({
      where: access.publicRows(type.uid),
      populate: { [type.organization]: { select: ['documentId'] } },
      orderBy: { id: 'asc' },
      offset,
      limit: READ_BATCH,
    });
    if (!rows.length) break;
    const built = rows.map((row, index) => {
      const summaryText = textOf(row, type.summary);
      const bodyText = textOf(row, type.body);
      const entry = {
        ...buildEntry(type, withoutLongText(row), simplified),
        summaryText,
        bodyText,
        summaryTerms: termsOf(summaryText),
        bodyTerms: termsOf(bodyText),
      };
      if ((offset + index) % SAMPLE_EVERY === 0) {
        const whole = buildEntry(type, row, simplified);
        for (const [key, value] of Object.entries(whole))
          if (entry[key] !== value)
            throw new Error(
              `bench: the bulk search entry of ${row.documentId} (${row.locale}) differs from buildEntry in ${key}`
            );
        sampled += 1;
      }
      return entry;
    });
    const values = built.map((entry) => {
      const id = nextId;
      nextId += 1;
      return { id, entry };
    });
    const vectorColumns = (trx, entry) =>
      Object.fromEntries(
        Object.entries(vectorsOf(entry)).map(([column, text]) => [
          column,
          trx.raw('?::tsvector', [text]),
        ])
      );
    await knex.transaction(async (trx) => {
      await trx.batchInsert(
        SEARCH_TABLE,
        values.map(({ id, entry }) => ({
          id,
          ...columnsOf(entry),
          ...(postgres ? vectorColumns(trx, entry) : {}),
        })),
        INSERT_BATCH
      );
      if (!postgres) {
        for (let at = 0; at < values.length; at += INSERT_BATCH) {
          const chunk = values.slice(at, at + INSERT_BATCH);
          const row = `(?, ${FTS_COLUMNS.map(() => '?').join(', ')})`;
          await trx.raw(
            `INSERT INTO "${SEARCH_FTS}" (rowid, ${FTS_COLUMNS.join(', ')}) VALUES ${chunk.map(() => row).join(', ')}`,
            chunk.flatMap(({ id, entry }) => [id, ...ftsValues(entry)])
          );
        }
      }
    });
    entries += rows.length;
  }
  if (postgres)
    await knex.raw(
      `SELECT setval(pg_get_serial_sequence('${SEARCH_TABLE}', 'id'), (SELECT MAX(id) FROM "${SEARCH_TABLE}"))`
    );
  // As after seeding (bench/seed-bulk.js): what autovacuum would do after a bulk load.
  await knex.raw(postgres ? `VACUUM ANALYZE "${SEARCH_TABLE}"` : 'ANALYZE');
  return { entries, ms: Date.now() - started, sampled, paragraphs: remembered.size };
}

module.exports = { fillSearchIndex };
