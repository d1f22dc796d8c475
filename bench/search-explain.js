/**
 * Where one search's time goes: the search service run once with every SQL statement it sends
 * recorded, then each statement run again alone, timed, and on PostgreSQL with EXPLAIN (ANALYZE,
 * BUFFERS) (on SQLite, EXPLAIN QUERY PLAN). Run in a bench instance (bench/server.js) after its
 * measurements, on its catalogue.
 */
const path = require('path');

const { parseSearchQuery } = require(
  path.join(__dirname, '..', 'dist/src/plugins/disclosure/server/src/search/rules/query')
);

/**
 * Resolves once the database has had no statement for `ms`: requests of a load that just ended may
 * still be answered, and their statements would be recorded as this search's.
 */
async function quiet(knex, ms = 500) {
  let last = Date.now();
  const seen = () => {
    last = Date.now();
  };
  knex.on('query', seen);
  try {
    while (Date.now() - last < ms) await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    knex.removeListener('query', seen);
  }
}

async function explainSearch(strapi, { q, locale = 'zh-Hans' }) {
  const knex = strapi.db.connection;
  await quiet(knex);
  const postgres = strapi.db.dialect.client === 'postgres';
  const converter = await strapi.plugin('disclosure').service('conversion').converter();
  const parsed = parseSearchQuery(q, (text) => converter.toSimplified(text));
  if (!parsed.query) throw new Error(`bench: "${q}" is not a search query (${parsed.problem})`);
  const statements = [];
  const record = (query) => statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex.on('query', record);
  const started = process.hrtime.bigint();
  try {
    await strapi
      .plugin('disclosure')
      .service('search')
      .search(parsed.query, { locale, page: 1, pageSize: 10 });
  } finally {
    knex.removeListener('query', record);
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const explained = [];
  // Replayed in one transaction, so that a setting the search makes for its statements (SET LOCAL)
  // holds for their replays too; the transaction's own statements are not replayed.
  await knex.transaction(async (trx) => {
    for (const statement of statements) {
      if (/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(statement.sql)) continue;
      // knex reports PostgreSQL's placeholders as $1, $2…; knex.raw takes ?.
      const sql = postgres ? statement.sql.replace(/\$\d+/g, '?') : statement.sql;
      if (/^\s*SET\b/i.test(sql)) {
        await trx.raw(sql, statement.bindings);
        explained.push({ sql: statement.sql, ms: 0, plan: [] });
        continue;
      }
      const start = process.hrtime.bigint();
      await trx.raw(sql, statement.bindings);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const plan = await trx.raw(
        `${postgres ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN QUERY PLAN'} ${sql}`,
        statement.bindings
      );
      explained.push({
        sql: statement.sql,
        ms: Number(ms.toFixed(1)),
        plan: postgres ? plan.rows.map((row) => row['QUERY PLAN']) : plan.map((row) => row.detail),
      });
    }
  });
  return { q, totalMs: Number(totalMs.toFixed(1)), statements: explained };
}

module.exports = { explainSearch };
