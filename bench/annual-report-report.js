/**
 * The annual report of a province, per database (bench/run.js calls annualReportBench):
 * bench/annual-report.js in a process of its own on a throwaway database, then its check and the
 * report's section. The goal (issue 26): under one second on PostgreSQL for 200 organizations,
 * 100,000 documents and 20,000 cases; reported beside the plain count over the same rows.
 */
const { runChildBench } = require('./child-app');
const { throwawayDatabase } = require('./reads');

const count = (value) => Number(value).toLocaleString('en');

function markdownOf(runs) {
  if (!runs.length) return [];
  const [first] = runs;
  const row = (measure, value) => `| ${measure} | ${runs.map(value).join(' | ')} |`;
  return [
    '## Annual report of a province',
    '',
    `A province with ${count(first.organizations)} organizations (cities below it, departments below them), ${count(first.documents)} catalogue documents (four rows each) and ${count(first.cases)} on-request cases, written in bulk; the \`annual-report\` service's region report for ${2025} (every organization's tables, the summary, checks and section figures) against a plain \`count(*)\` of the documents' and the cases' rows, ${first.rounds} paired rounds in alternating order (medians).`,
    '',
    `| measure | ${runs.map((run) => run.database).join(' | ')} |`,
    `|---|${runs.map(() => '---|').join('')}`,
    row('region report', (run) => `${run.reportMs} ms`),
    row('plain count over the same rows', (run) => `${run.countMs} ms`),
    row('report / count', (run) => run.ratio),
    row('organizations in the breakdown', (run) => run.regionOrganizations),
    row('cases in table 3 (new + carried over)', (run) => count(run.casesInTable)),
    row('failed checks', (run) => run.checksFailed),
    row('seeding', (run) => `${count(run.seedMs)} ms`),
    '',
  ];
}

/**
 * The report on each database: { runs, checks, markdown }. Smoke: 20 organizations, 2,000 documents,
 * 400 cases, 3 rounds.
 */
async function annualReportBench({ smoke, databases, root }) {
  const size = smoke
    ? {
        BENCH_REPORT_ORGANIZATIONS: '20',
        BENCH_REPORT_DOCUMENTS: '2000',
        BENCH_REPORT_CASES: '400',
        BENCH_REPORT_ROUNDS: '3',
      }
    : {};
  const runs = [];
  for (const database of databases) {
    console.error(`bench: annual report on ${database}…`);
    const throwaway = await throwawayDatabase(database);
    try {
      runs.push({
        database,
        ...(await runChildBench(root, 'annual-report.js', { ...size, ...throwaway.env }, [
          '--expose-gc',
        ])),
      });
    } finally {
      await throwaway.drop();
    }
  }
  const checks = runs.flatMap((run) => [
    {
      target: `annual report (${run.database}): a province's region report computed with every check passing`,
      measured: `${run.regionOrganizations} organizations, ${run.checksFailed} checks failed`,
      met: run.regionOrganizations === run.organizations && run.checksFailed === 0,
    },
    ...(run.database === 'postgres'
      ? [
          {
            target: `annual report (postgres): a province (${count(run.organizations)} organizations, ${count(run.documents)} documents, ${count(run.cases)} cases) under one second`,
            measured: `${run.reportMs} ms (${run.ratio} × a plain count of the same rows, ${run.countMs} ms)`,
            met: run.reportMs < 1000,
          },
        ]
      : []),
  ]);
  return { runs, checks, markdown: markdownOf(runs) };
}

module.exports = { annualReportBench };
