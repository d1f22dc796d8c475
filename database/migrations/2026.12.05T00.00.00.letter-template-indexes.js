'use strict';

/**
 * 依申请公开文书模板: one stored wording per letter and organization (or office-wide). The relation to
 * the organization lives in a link table, so the letters service keeps `scope` ("<key>@<organization
 * documentId>", "@*" office-wide) on the row for this index: the service checks first, the index holds
 * when two saves race past the check. Idempotent (IF NOT EXISTS), as the catalogue's indexes: the app's
 * bootstrap runs it again after Strapi has made the table.
 */
const TABLE = 'disclosure_letter_templates';
const INDEX = 'disclosure_letter_templates_scope_uq';

async function up(knex) {
  if (!(await knex.schema.hasTable(TABLE)) || !(await knex.schema.hasColumn(TABLE, 'scope')))
    return;
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS "${INDEX}" ON "${TABLE}" ("scope")`);
}

module.exports = { up, idempotent: true, INDEX };
