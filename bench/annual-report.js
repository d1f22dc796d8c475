#!/usr/bin/env node
/**
 * The annual report of a province (bench/run.js runs this through bench/annual-report-report.js, in a
 * process of its own on a throwaway database): a province with BENCH_REPORT_ORGANIZATIONS
 * organizations (cities below it, departments below them), BENCH_REPORT_DOCUMENTS catalogue documents
 * (four rows each, zh-Hans and zh-Hant, draft and published, as the catalogue stores them) and
 * BENCH_REPORT_CASES on-request cases, written in bulk. Measured: the `annual-report` service's
 * compute for the province's region (every organization, per-organization breakdown, checks, figures)
 * against a plain `count(*)` over the same rows (the documents and the cases), paired rounds in
 * alternating order; the ratio of the medians. Prints one JSON line.
 */
const { runInChild } = require('./child-app');
const { median } = require('./stats');

const ORGANIZATIONS = Number(process.env.BENCH_REPORT_ORGANIZATIONS || 200);
const DOCUMENTS = Number(process.env.BENCH_REPORT_DOCUMENTS || 100000);
const CASES = Number(process.env.BENCH_REPORT_CASES || 20000);
const ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS || 15);
const BATCH = 250;
const YEAR = 2025;

function generator(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const elapsedMs = async (fn) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** A province, cities below it (about one in ten), departments below the cities. */
async function seedOrganizations(strapi) {
  const create = (data) => strapi.documents('api::organization.organization').create({ data });
  const province = await create({ name: '基准省人民政府', code: 'BP000', level: 'province' });
  const all = [province];
  const cities = [];
  const cityCount = Math.max(1, Math.round((ORGANIZATIONS - 1) / 10));
  for (let index = 0; index < cityCount && all.length < ORGANIZATIONS; index += 1) {
    const city = await create({
      name: `基准市${index + 1}`,
      code: `BC${String(index).padStart(3, '0')}`,
      level: 'city',
      parent: province.documentId,
    });
    cities.push(city);
    all.push(city);
  }
  for (let index = 0; all.length < ORGANIZATIONS; index += 1) {
    all.push(
      await create({
        name: `基准部门${index + 1}`,
        code: `BD${String(index).padStart(4, '0')}`,
        level: 'department',
        parent: cities[index % cities.length].documentId,
      })
    );
  }
  return { province, all };
}

async function seedRows(strapi, organizations) {
  const knex = strapi.db.connection;
  const random = generator(DOCUMENTS + CASES);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const meta = (uid) => strapi.db.metadata.get(uid);
  const linkOf = (uid, field) => {
    const { joinTable } = meta(uid).attributes[field];
    return {
      table: joinTable.name,
      item: joinTable.joinColumn.name,
      organization: joinTable.inverseJoinColumn.name,
    };
  };
  const date = (year, random01) =>
    new Date(Date.UTC(year, 0, 1) + Math.floor(random01 * 365) * 86400000)
      .toISOString()
      .slice(0, 10);
  const ids = organizations.map((organization) => organization.id);
  const insert = async (uid, field, rows, organizationOf) => {
    const { tableName } = meta(uid);
    const link = linkOf(uid, field);
    for (let first = 0; first < rows.length; first += BATCH) {
      const batch = rows.slice(first, first + BATCH);
      await knex.transaction(async (trx) => {
        const inserted = await trx(tableName).insert(batch).returning('id');
        const newIds = inserted.map((row) => (typeof row === 'object' ? row.id : row));
        await trx(link.table).insert(
          newIds.map((id, index) => ({
            [link.item]: id,
            [link.organization]: organizationOf(batch[index]),
          }))
        );
      });
    }
  };

  // The catalogue: one in ten documents a 规章 or 行政规范性文件, one in five a result item with a decision kind.
  const now = new Date();
  const documents = [];
  const issuerOf = new Map();
  for (let index = 0; index < DOCUMENTS; index += 1) {
    const issuer = pick(ids);
    const year = 2015 + Math.floor(random() * 12);
    const roll = random();
    const normativeKind = roll < 0.03 ? 'regulation' : roll < 0.1 ? 'normative-document' : null;
    const category =
      roll > 0.8 ? 'result' : pick(['decision', 'execution', 'management', 'service']);
    const repealed = normativeKind && random() < 0.2;
    const fields = {
      document_id: `bench${String(index).padStart(19, '0')}`,
      title: `基准文件${index + 1}`,
      index_number: `B/${index}`,
      category,
      decision_kind:
        category === 'result'
          ? pick([
              'administrative-licensing',
              'administrative-penalty',
              'administrative-enforcement',
            ])
          : null,
      disclosure_attribute: 'proactive',
      is_normative: normativeKind === 'normative-document',
      normative_kind: normativeKind,
      validity: repealed ? 'repealed' : 'effective',
      repealed_on: repealed ? date(year + 1, random()) : null,
      issue_date: date(year, random()),
      urgent: false,
      must_syndicate: false,
      created_at: now,
      updated_at: now,
    };
    for (const locale of ['zh-Hans', 'zh-Hant'])
      for (const published of [false, true]) {
        const row = { ...fields, locale, published_at: published ? now : null };
        issuerOf.set(row, issuer);
        documents.push(row);
      }
    if (documents.length >= 4 * 2000 || index === DOCUMENTS - 1) {
      await insert(
        'api::policy-document.policy-document',
        'issuingOrganization',
        documents,
        (row) => issuerOf.get(row)
      );
      documents.length = 0;
      issuerOf.clear();
    }
  }

  // Cases over three years, most concluded within a month, some still open.
  const outcomes = [
    ['disclosed', null],
    ['partially-disclosed', null],
    ['not-disclosed', 'third-party-rights'],
    ['unavailable', 'not-held'],
    ['not-processed', 'repeated'],
    ['other', 'no-correction'],
  ];
  const types = [
    'natural-person',
    'natural-person',
    'natural-person',
    'commercial-enterprise',
    'research-institution',
    'social-welfare-organization',
    'legal-service-organization',
    'other-organization',
  ];
  const cases = [];
  const caseOrganization = new Map();
  for (let index = 0; index < CASES; index += 1) {
    const year = YEAR - 1 + Math.floor(random() * 3);
    const receivedOn = date(year, random());
    const open = random() < 0.1;
    const [outcome, outcomeReason] = open ? [null, null] : pick(outcomes);
    const row = {
      document_id: `case${String(index).padStart(20, '0')}`,
      number: `B-${index}`,
      year,
      sequence: index + 1,
      lookup_code_hash: 'x',
      channel: 'online',
      applicant_type: pick(types),
      status: open ? 'assigned' : 'delivered',
      received_on: receivedOn,
      concluded_at: open
        ? null
        : new Date(Date.parse(`${receivedOn}T02:00:00Z`) + Math.floor(random() * 30) * 86400000),
      outcome,
      outcome_reason: outcomeReason,
      paid_on: random() < 0.05 ? receivedOn : null,
      paid_amount: 100,
      created_at: now,
      updated_at: now,
      published_at: now,
    };
    caseOrganization.set(row, pick(ids));
    cases.push(row);
  }
  await insert('plugin::disclosure.disclosure-application', 'organization', cases, (row) =>
    caseOrganization.get(row)
  );
  const postgres = strapi.db.dialect.client === 'postgres';
  await knex.raw(postgres ? 'VACUUM ANALYZE' : 'ANALYZE');
}

runInChild('annual-report', {}, async (app) => {
  const seedStart = Date.now();
  const { province, all } = await seedOrganizations(app);
  await seedRows(app, all);
  const seedMs = Date.now() - seedStart;
  const reports = app.plugin('disclosure').service('annual-report');
  const knex = app.db.connection;
  const compute = () => reports.compute({ organization: province.code, year: YEAR, region: true });
  // The same rows, counted plainly: every catalogue row and every case.
  const count = () =>
    Promise.all([
      knex(app.db.metadata.get('api::policy-document.policy-document').tableName).count({
        count: '*',
      }),
      knex(app.db.metadata.get('plugin::disclosure.disclosure-application').tableName).count({
        count: '*',
      }),
    ]);
  const data = await compute();
  await count();
  const reportTimes = [];
  const countTimes = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    if (global.gc) global.gc();
    if (round % 2) {
      countTimes.push(await elapsedMs(count));
      reportTimes.push(await elapsedMs(compute));
    } else {
      reportTimes.push(await elapsedMs(compute));
      countTimes.push(await elapsedMs(count));
    }
  }
  const reportMs = median(reportTimes);
  const countMs = median(countTimes);
  return {
    organizations: all.length,
    documents: DOCUMENTS,
    cases: CASES,
    rounds: ROUNDS,
    seedMs,
    reportMs: Number(reportMs.toFixed(1)),
    countMs: Number(countMs.toFixed(1)),
    ratio: Number((reportMs / countMs).toFixed(2)),
    regionOrganizations: data.region.organizations.length,
    casesInTable: data.tables.table3.rows.new.total + data.tables.table3.rows.carriedOver.total,
    checksFailed: data.checks.filter((check) => !check.ok).length,
  };
});
