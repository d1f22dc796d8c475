'use strict';

/**
 * Indexes for the public catalogue's filters and sorts, and real unique indexes where the model says
 * unique. Strapi creates neither: its list query scans the whole table, and `unique: true` is only
 * checked by the application, which two simultaneous writes can both pass.
 *
 * Strapi runs this file once, before it syncs the tables with the content types. On a new database
 * the tables do not exist yet, so the app's bootstrap runs `up` again after the sync, as it does for
 * every migration marked `idempotent` (every statement here is IF NOT EXISTS). Same SQL on SQLite and PostgreSQL: both take partial indexes.
 *
 * Each row of a draft-and-publish type exists twice per locale (draft and published), so uniqueness
 * is per locale and per state: two partial indexes.
 */

const PUBLISHED = 'published_at IS NOT NULL';
const DRAFT = 'published_at IS NULL';

/** { table, name, columns ("column" or "column DESC"), unique?, where? } */
const INDEXES = [
  // Public list: equality on locale (and category), newest issue date first; the other two columns
  // let the database skip drafts and non-proactive rows, and count, from the index alone.
  // Strapi breaks ties by id ascending, hence `issue_date DESC, id`: the index gives the exact order.
  {
    table: 'policy_documents',
    name: 'policy_documents_category_issue_idx',
    columns: [
      'locale',
      'category',
      'issue_date DESC',
      'id',
      'published_at',
      'disclosure_attribute',
    ],
  },
  {
    table: 'policy_documents',
    name: 'policy_documents_issue_idx',
    columns: ['locale', 'issue_date DESC', 'id', 'published_at', 'disclosure_attribute'],
  },
  {
    table: 'policy_documents',
    name: 'policy_documents_published_idx',
    columns: ['locale', 'published_at'],
  },
  {
    table: 'policy_documents',
    name: 'policy_documents_validity_idx',
    columns: ['locale', 'validity', 'issue_date'],
  },
  {
    table: 'policy_documents',
    name: 'policy_documents_topic_idx',
    columns: ['locale', 'topic', 'issue_date'],
  },
  // Per-category counts of what the public sees.
  {
    table: 'policy_documents',
    name: 'policy_documents_counts_idx',
    columns: ['locale', 'disclosure_attribute', 'category'],
    where: PUBLISHED,
  },
  // The public list's total (Strapi counts "id" with the list's filters): every matching entry is
  // next to the others and holds the id, so the count reads only those, from the index alone. With
  // the list index it was a range over the category's drafts and non-proactive rows as well.
  {
    table: 'policy_documents',
    name: 'policy_documents_list_count_idx',
    columns: ['locale', 'category', 'disclosure_attribute', 'id'],
    where: PUBLISHED,
  },
  // 索引号: one document per number.
  {
    table: 'policy_documents',
    name: 'policy_documents_index_number_draft_uq',
    columns: ['index_number', 'locale'],
    unique: true,
    where: `${DRAFT} AND index_number IS NOT NULL`,
  },
  {
    table: 'policy_documents',
    name: 'policy_documents_index_number_published_uq',
    columns: ['index_number', 'locale'],
    unique: true,
    where: `${PUBLISHED} AND index_number IS NOT NULL`,
  },
  // 文号 per issuer: the issuer is a relation (another table), so the catalogue rules keep
  // issuer_document_number = "<issuer documentId>:<文号>" on the row for this index.
  {
    table: 'policy_documents',
    name: 'policy_documents_issuer_document_number_draft_uq',
    columns: ['issuer_document_number', 'locale'],
    unique: true,
    where: `${DRAFT} AND issuer_document_number IS NOT NULL`,
  },
  {
    table: 'policy_documents',
    name: 'policy_documents_issuer_document_number_published_uq',
    columns: ['issuer_document_number', 'locale'],
    unique: true,
    where: `${PUBLISHED} AND issuer_document_number IS NOT NULL`,
  },
  // Organization codes (机构代码), one per locale row; holiday-calendar days, one per date.
  {
    table: 'organizations',
    name: 'organizations_code_uq',
    columns: ['code', 'locale'],
    unique: true,
    where: 'code IS NOT NULL',
  },
  {
    table: 'disclosure_calendar_days',
    name: 'disclosure_calendar_days_date_uq',
    columns: ['date'],
    unique: true,
    where: 'date IS NOT NULL',
  },
  // 依申请公开: one case per number (numbers are per organization and year, and carry its code), and
  // an applicant's cases by identity document, counted for the fee and the repeats check.
  {
    table: 'disclosure_applications',
    name: 'disclosure_applications_number_uq',
    columns: ['number'],
    unique: true,
    where: 'number IS NOT NULL',
  },
  {
    table: 'disclosure_applications',
    name: 'disclosure_applications_id_number_idx',
    columns: ['id_number', 'submitted_at'],
  },
  // 意见箱: one message per number, as for the cases; identical messages found by their fingerprint.
  {
    table: 'disclosure_public_messages',
    name: 'disclosure_public_messages_number_uq',
    columns: ['number'],
    unique: true,
    where: 'number IS NOT NULL',
  },
  {
    table: 'disclosure_public_messages',
    name: 'disclosure_public_messages_fingerprint_idx',
    columns: ['fingerprint', 'received_on'],
  },
  // The other public types are listed newest first.
  ...['interpretations', 'press_releases', 'consultations', 'public_concerns'].map((table) => ({
    table,
    name: `${table}_published_idx`,
    columns: ['locale', 'published_at'],
  })),
];

const quote = (identifier) => `"${identifier.replace(/"/g, '""')}"`;
const columnName = (column) => column.split(' ')[0];
const indexColumn = (column) =>
  [quote(columnName(column)), ...column.split(' ').slice(1)].join(' ');

const rowsOf = (result) => (Array.isArray(result) ? result : result.rows);

/** Whether the index is there already: then this start has nothing to check or build for it. */
async function indexExists(knex, name) {
  const postgres = /^(pg|postgres)/.test(knex.client.config.client);
  const sql = postgres
    ? 'SELECT 1 FROM pg_indexes WHERE indexname = ?'
    : "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?";
  return rowsOf(await knex.raw(sql, [name])).length > 0;
}

/**
 * Rows written before issuer_document_number existed get it from their issuer link: once, before its
 * unique index is made (afterwards the catalogue rules keep it).
 */
async function backfillIssuerDocumentNumbers(knex) {
  if (await indexExists(knex, 'policy_documents_issuer_document_number_draft_uq')) return;
  const link = 'policy_documents_issuing_organization_lnk';
  if (
    !(await knex.schema.hasTable(link)) ||
    !(await knex.schema.hasColumn('policy_documents', 'issuer_document_number'))
  )
    return;
  await knex.raw(
    `UPDATE policy_documents SET issuer_document_number = (
       SELECT o.document_id || ':' || policy_documents.document_number
       FROM ${link} l JOIN organizations o ON o.id = l.organization_id
       WHERE l.policy_document_id = policy_documents.id LIMIT 1)
     WHERE issuer_document_number IS NULL AND document_number IS NOT NULL`
  );
}

async function up(knex) {
  await backfillIssuerDocumentNumbers(knex);
  for (const index of INDEXES) {
    // Every start runs this: an index already built costs one lookup, not a scan for duplicates.
    if (await indexExists(knex, index.name)) continue;
    if (!(await knex.schema.hasTable(index.table))) continue;
    let present = true;
    for (const column of index.columns)
      present = present && (await knex.schema.hasColumn(index.table, columnName(column)));
    if (!present) continue;

    if (index.unique) {
      const columns = index.columns.map(quote).join(', ');
      // Named in the message rather than left to fail on the DDL.
      const result = await knex.raw(
        `SELECT ${columns}, COUNT(*) AS copies FROM ${quote(index.table)} WHERE ${index.where} GROUP BY ${columns} HAVING COUNT(*) > 1 LIMIT 5`
      );
      const clashes = rowsOf(result);
      if (clashes.length) {
        throw new Error(
          `${index.table}: ${index.columns.join(', ')} must be unique but these values repeat; correct them and restart: ${JSON.stringify(clashes)}`
        );
      }
    }
    await knex.raw(
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(index.name)} ON ${quote(index.table)} (${index.columns.map(indexColumn).join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`
    );
  }
}

module.exports = { up, idempotent: true, INDEXES };
