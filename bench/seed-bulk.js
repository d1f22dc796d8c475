/**
 * Bulk seeder for benchmarks: a realistic catalogue of N policy documents written straight to the
 * tables in batches (not one document-service call per row, which would take hours at 100,000).
 *
 * Each document is what the app itself would store: a draft and a published row, each in zh-Hans and
 * zh-Hant (converted by the app's own converter), ~2,000-character bodies drawn from the four real
 * policies, numbers in the offices' formats, 92% proactive and the rest on request or not disclosed,
 * issue dates over 2010–2026, each row linked to its issuer. Deterministic: the same N gives the same
 * catalogue.
 */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const ROOT = path.join(__dirname, '..');
const DOC_TABLE = 'policy_documents';
const ISSUER_LINK = 'policy_documents_issuing_organization_lnk';
const CATEGORIES = ['decision', 'execution', 'management', 'service', 'result'];
const GENRES = [
  'notice',
  'opinion',
  'implementation-plan',
  'work-points',
  'measures',
  'circular',
  'reply',
  'plan',
];
const GENRE_WORDS = {
  notice: '通知',
  opinion: '意见',
  'implementation-plan': '实施方案',
  'work-points': '工作要点',
  measures: '办法',
  circular: '通报',
  reply: '批复',
  plan: '规划',
};
const TOPICS = [
  '政务公开',
  '营商环境',
  '乡村振兴',
  '生态环境',
  '教育',
  '医疗卫生',
  '社会保障',
  '交通运输',
  '住房保障',
  '安全生产',
  '财政预决算',
  '市场监管',
];
const VALIDITY = ['effective', 'effective', 'effective', 'amended', 'repealed', 'expired'];
const BODY_CHARACTERS = 2000;
const DOCUMENTS_PER_BATCH = 200;

/** mulberry32: a small seeded generator, so every run seeds the same catalogue. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const documentIdFor = (index) =>
  crypto.createHash('sha1').update(`bench-${index}`).digest('hex').slice(0, 24);

/** Paragraphs of the four real policies, in both scripts. */
function paragraphPool(convert) {
  const fixtures = path.join(ROOT, 'src/seed/fixtures');
  const hans = fs
    .readdirSync(fixtures)
    .flatMap((file) => fs.readFileSync(path.join(fixtures, file), 'utf8').split(/\n+/))
    .map((line) => line.trim())
    .filter((line) => line.length >= 30);
  return hans.map((text) => ({ hans: text, hant: convert(text) }));
}

/**
 * Seeds `documents` policy documents. `strapi` is a loaded instance (its schema synced); returns how
 * long it took and how many rows were written.
 */
async function seedCatalogue(strapi, documents) {
  const started = Date.now();
  const knex = strapi.db.connection;
  const postgres = strapi.db.dialect.client === 'postgres';
  // The converter the app uses for zh-Hant, with the office's dictionary.
  const converter = await strapi.plugin('disclosure').service('conversion').converter();
  const convert = (text) => converter.toTraditional(text);
  const pool = paragraphPool(convert);
  const random = generator(documents);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const timestamp = (date) =>
    postgres ? date : date.toISOString().replace('T', ' ').replace('Z', '');

  // Issuers: a province, its departments and cities, written the normal way (few, and the rules apply).
  const organizations = [];
  for (let index = 0; index < 40; index += 1) {
    const code = `37${String(index).padStart(4, '0')}001`;
    const organization = await strapi.documents('api::organization.organization').create({
      data: {
        name: `基准测试市第${index + 1}局`,
        code,
        level: index === 0 ? 'province' : 'department',
        regionCode: `37${String(index).padStart(4, '0')}`,
      },
    });
    organizations.push({ documentId: organization.documentId, code, prefix: `基测${index + 1}发` });
  }
  const organizationRows = await knex('organizations').select('id', 'document_id', 'locale');
  const organizationRow = new Map(
    organizationRows.map((row) => [`${row.document_id}:${row.locale}`, row.id])
  );
  const rowIdOf = (organization, locale) =>
    organizationRow.get(`${organization.documentId}:${locale}`) ??
    organizationRow.get(`${organization.documentId}:zh-Hans`);

  let nextId = Number((await knex(DOC_TABLE).max({ max: 'id' }).first()).max ?? 0) + 1;
  let nextLinkId = Number((await knex(ISSUER_LINK).max({ max: 'id' }).first()).max ?? 0) + 1;
  const sequenceByIssuerYear = new Map();
  let rowsWritten = 0;

  for (let first = 0; first < documents; first += DOCUMENTS_PER_BATCH) {
    const rows = [];
    const links = [];
    for (let index = first; index < Math.min(documents, first + DOCUMENTS_PER_BATCH); index += 1) {
      const issuer = pick(organizations);
      const year = 2010 + Math.floor(random() * 17);
      const issueDate = new Date(
        Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28))
      );
      const key = `${issuer.code}:${year}`;
      const sequence = (sequenceByIssuerYear.get(key) ?? 0) + 1;
      sequenceByIssuerYear.set(key, sequence);
      const documentNumber = `${issuer.prefix}〔${year}〕${sequence}号`;
      const topic = pick(TOPICS);
      const genre = pick(GENRES);
      const roll = random();
      const disclosureAttribute =
        roll < 0.92 ? 'proactive' : roll < 0.97 ? 'on-request' : 'not-disclosed';
      const paragraphs = [];
      let length = 0;
      let at = Math.floor(random() * pool.length);
      while (length < BODY_CHARACTERS) {
        paragraphs.push(pool[at % pool.length]);
        length += pool[at % pool.length].hans.length;
        at += 1;
      }
      const hansTitle = `关于${topic}工作的${GENRE_WORDS[genre]}（第${index + 1}号）`;
      const versions = {
        'zh-Hans': {
          title: hansTitle,
          topic,
          summary: paragraphs[0].hans.slice(0, 120),
          body: paragraphs.map((p) => p.hans),
        },
        'zh-Hant': {
          title: convert(hansTitle),
          topic: convert(topic),
          summary: paragraphs[0].hant.slice(0, 120),
          body: paragraphs.map((p) => p.hant),
        },
      };
      const publishedAt = new Date(issueDate.getTime() + 86_400_000);
      for (const locale of ['zh-Hans', 'zh-Hant']) {
        for (const published of [false, true]) {
          const version = versions[locale];
          const id = nextId;
          nextId += 1;
          rows.push({
            id,
            document_id: documentIdFor(index),
            title: version.title,
            document_number: documentNumber,
            index_number: `${issuer.code}/${year}-${String(sequence).padStart(5, '0')}`,
            issuer_document_number: `${issuer.documentId}:${documentNumber}`,
            written_date: issueDate.toISOString().slice(0, 10),
            issue_date: issueDate.toISOString().slice(0, 10),
            category: pick(CATEGORIES),
            topic: version.topic,
            genre,
            disclosure_attribute: disclosureAttribute,
            non_disclosure_reason:
              disclosureAttribute === 'proactive'
                ? null
                : disclosureAttribute === 'on-request'
                  ? 'process-information'
                  : 'state-secret',
            non_disclosure_explanation:
              disclosureAttribute === 'proactive' ? null : '依法不予主动公开',
            is_normative: genre === 'measures',
            validity: pick(VALIDITY),
            summary: version.summary,
            body: JSON.stringify(
              version.body.map((text) => ({
                type: 'paragraph',
                children: [{ type: 'text', text }],
              }))
            ),
            urgent: false,
            must_syndicate: false,
            created_at: timestamp(issueDate),
            updated_at: timestamp(publishedAt),
            published_at: published ? timestamp(publishedAt) : null,
            locale,
          });
          links.push({
            id: nextLinkId,
            policy_document_id: id,
            organization_id: rowIdOf(issuer, locale),
          });
          nextLinkId += 1;
        }
      }
      // Draft and published rows share the category: it was decided once, for the document.
      for (const row of rows.slice(-4)) row.category = rows[rows.length - 4].category;
    }
    await knex.transaction(async (trx) => {
      await trx.batchInsert(DOC_TABLE, rows, 250);
      await trx.batchInsert(ISSUER_LINK, links, 250); // SQLite: at most 500 rows per INSERT…SELECT
    });
    rowsWritten += rows.length;
  }

  if (postgres) {
    for (const table of [DOC_TABLE, ISSUER_LINK]) {
      await knex.raw(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`
      );
    }
  }
  // As the database's own maintenance (autovacuum) would after a bulk load: the planner knows the
  // tables' sizes, and PostgreSQL's visibility map lets counts read the index alone.
  await knex.raw(postgres ? 'VACUUM ANALYZE' : 'ANALYZE');
  // Written below the document service: tell the response cache, as a write through it would.
  strapi.plugin('disclosure').service('response-cache').contentChanged();
  await strapi.plugin('disclosure').service('response-cache').announced();
  return { documents, rows: rowsWritten, ms: Date.now() - started };
}

module.exports = { seedCatalogue, documentIdFor };
