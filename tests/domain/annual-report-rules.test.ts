import {
  previousPeriodKey,
  periodInstants,
  reportPeriod,
} from '../../src/plugins/disclosure/server/src/reports/rules/period';
import {
  computeTable3,
  TABLE3_ROW_KEYS,
  type CaseFacts,
} from '../../src/plugins/disclosure/server/src/reports/rules/table3';
import {
  computeTable4,
  type ChallengeFacts,
} from '../../src/plugins/disclosure/server/src/reports/rules/table4';
import {
  computeTable2,
  emptyCatalogueCounts,
  enteredFigure,
} from '../../src/plugins/disclosure/server/src/reports/rules/table2';
import {
  endedPeriods,
  reportDueDate,
} from '../../src/plugins/disclosure/server/src/reports/rules/report-deadline';
import {
  checkRegion,
  checkTables,
} from '../../src/plugins/disclosure/server/src/reports/rules/checks';
import { sumTables } from '../../src/plugins/disclosure/server/src/reports/rules/region';
import { TABLE3_ROWS } from '../../src/plugins/disclosure/server/src/on-request/rules/workflow';

/** 统计与年度报告: the period, tables 2–4 from facts, the checks and a region's sum (issue 26). */
const YEAR = reportPeriod(2025);

const facts = (overrides: Partial<CaseFacts>): CaseFacts => ({
  applicantType: 'natural-person',
  receivedOn: '2025-03-01',
  concludedOn: null,
  outcome: null,
  outcomeReason: null,
  ...overrides,
});

describe('the period', () => {
  test('a year, its halves, and the period before each', () => {
    expect(YEAR).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(reportPeriod(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(reportPeriod(2025, 2)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(previousPeriodKey({ year: 2025 })).toEqual({ year: 2024 });
    expect(previousPeriodKey({ year: 2025, half: 1 })).toEqual({ year: 2024, half: 2 });
    expect(previousPeriodKey({ year: 2025, half: 2 })).toEqual({ year: 2025, half: 1 });
  });

  test('as instants: from midnight Beijing time (16:00 UTC the day before)', () => {
    expect(periodInstants(YEAR)).toEqual({
      start: new Date('2024-12-31T16:00:00Z'),
      end: new Date('2025-12-31T16:00:00Z'),
    });
  });
});

describe('table 3', () => {
  test('new, carried over, each concluded case in one outcome row, carried forward', () => {
    const cases: CaseFacts[] = [
      // received last year, concluded this year: carried over, counted in 予以公开
      facts({
        receivedOn: '2024-12-20',
        concludedOn: '2025-01-10',
        outcome: 'disclosed',
      }),
      // received and concluded last year: not in this year's table
      facts({ receivedOn: '2024-05-01', concludedOn: '2024-06-01', outcome: 'disclosed' }),
      // received this year, concluded this year, by a company
      facts({
        applicantType: 'commercial-enterprise',
        receivedOn: '2025-02-01',
        concludedOn: '2025-02-20',
        outcome: 'not-disclosed',
        outcomeReason: 'state-secret',
      }),
      // received this year, concluded next year: carried forward
      facts({ applicantType: 'research-institution', receivedOn: '2025-12-25' }),
      // received last year, still open: carried over and carried forward
      facts({ applicantType: 'other-organization', receivedOn: '2024-11-11' }),
      // not received yet (online, unconfirmed): nowhere
      facts({ receivedOn: null }),
      // received next year: nowhere
      facts({ receivedOn: '2026-01-02' }),
    ];
    const { table, unclassified } = computeTable3(cases, YEAR);
    expect(unclassified).toBe(0);
    const { rows } = table;
    expect(Object.keys(rows)).toEqual(TABLE3_ROW_KEYS);
    expect(rows.new).toMatchObject({ commercialEnterprise: 1, researchInstitution: 1, total: 2 });
    expect(rows.carriedOver).toMatchObject({ naturalPerson: 1, otherOrganization: 1, total: 2 });
    expect(rows.disclosed).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(rows['notDisclosed.stateSecret']).toMatchObject({ commercialEnterprise: 1, total: 1 });
    expect(rows.total.total).toBe(2);
    expect(rows.carriedForward).toMatchObject({
      researchInstitution: 1,
      otherOrganization: 1,
      total: 2,
    });
    expect(checkTables({ table3: table, table4: computeTable4([], YEAR) }).every((c) => c.ok)).toBe(
      true
    );
  });

  test('every outcome row is a row of the table, each reachable by one case', () => {
    const pairs: CaseFacts[] = TABLE3_ROWS.map((row) => {
      const [outcome, reason] = row.split('.');
      const kebab = (code: string) => code.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return facts({
        receivedOn: '2025-04-01',
        concludedOn: '2025-04-20',
        outcome: kebab(outcome) as CaseFacts['outcome'],
        outcomeReason: (reason ? kebab(reason) : null) as CaseFacts['outcomeReason'],
      });
    });
    const { table, unclassified } = computeTable3(pairs, YEAR);
    expect(unclassified).toBe(0);
    for (const row of TABLE3_ROWS) expect(table.rows[row].naturalPerson).toBe(1);
    expect(table.rows.total.total).toBe(TABLE3_ROWS.length);
  });

  test('a concluded case without an outcome fails the checks, naming table 3', () => {
    const { table, unclassified } = computeTable3(
      [facts({ receivedOn: '2025-04-01', concludedOn: '2025-04-02' })],
      YEAR
    );
    expect(unclassified).toBe(1);
    const failed = checkTables({ table3: table, table4: computeTable4([], YEAR), unclassified })
      .filter((check) => !check.ok)
      .map((check) => check.message);
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^表三“自然人”列：新收 1 \+ 上年结转 0 ≠ 总计 0 \+ 结转下年度 0/),
        expect.stringMatching(/^表三“三、本年度办理结果”：1 件已办结申请没有可归入的办理结果/),
      ])
    );
  });
});

describe('the checks on a tampered table', () => {
  const base = () =>
    computeTable3(
      [
        facts({ receivedOn: '2025-01-05', concludedOn: '2025-01-20', outcome: 'disclosed' }),
        facts({ applicantType: 'legal-service-organization', receivedOn: '2024-12-30' }),
      ],
      YEAR
    ).table;

  test('the untouched tables pass every check', () => {
    const checks = checkTables({ table3: base(), table4: computeTable4([], YEAR) });
    expect(checks.length).toBeGreaterThanOrEqual(4);
    expect(checks.every((check) => check.ok)).toBe(true);
  });

  test('a changed outcome cell: the total row and the row’s own total fail, each named', () => {
    const table3 = base();
    table3.rows.disclosed.naturalPerson = 2;
    const failed = checkTables({ table3, table4: computeTable4([], YEAR) })
      .filter((check) => !check.ok)
      .map((check) => check.message);
    expect(failed).toEqual([
      '表三“三、（七）总计”行“自然人”列：1 ≠ 各办理结果行之和 2 (table 3, row total, column naturalPerson: not the sum of the outcome rows)',
      '表三“（一）予以公开”行“总计”列：1 ≠ 各申请人列之和 2 (table 3, row disclosed, column total: not the sum of the applicant columns)',
    ]);
  });

  test('a changed carried-forward cell breaks the balance of its column', () => {
    const table3 = base();
    table3.rows.carriedForward.legalServiceOrganization = 0;
    const messages = checkTables({ table3, table4: computeTable4([], YEAR) })
      .filter((check) => !check.ok)
      .map((check) => check.message);
    expect(messages[0]).toMatch(
      /^表三“法人或其他组织·法律服务机构”列：新收 0 \+ 上年结转 1 ≠ 总计 0 \+ 结转下年度 0 \(table 3, column legalServiceOrganization/
    );
  });

  test('carried over this year against last year’s carried forward', () => {
    const table3 = base();
    const previous = { ...table3.rows.carriedOver };
    expect(
      checkTables({
        table3,
        table4: computeTable4([], YEAR),
        previousCarriedForward: previous,
      }).filter((check) => !check.ok)
    ).toEqual([]);
    previous.legalServiceOrganization = 3;
    const failed = checkTables({
      table3,
      table4: computeTable4([], YEAR),
      previousCarriedForward: previous,
    }).filter((check) => !check.ok);
    expect(failed.map((check) => check.message)).toEqual([
      expect.stringMatching(
        /^表三“二、上年结转政府信息公开申请数量”行“法人或其他组织·法律服务机构”列：1 ≠ 上期报告结转下年度 3/
      ),
    ]);
  });

  test('table 4: a changed total fails, naming the group and column', () => {
    const table4 = computeTable4(
      [
        {
          kind: 'reconsideration',
          filedOn: '2025-02-01',
          result: 'upheld',
          decidedOn: '2025-03-01',
        },
      ],
      YEAR
    );
    table4.reconsideration.total = 2;
    const failed = checkTables({ table3: base(), table4 }).filter((check) => !check.ok);
    expect(failed.map((check) => check.message)).toEqual([
      '表四“行政复议”“总计”列：2 ≠ 结果维持、结果纠正、其他结果、尚未审结之和 1 (table 4, reconsideration, column total: not upheld + corrected + other + pending)',
    ]);
  });
});

describe('table 4', () => {
  test('decided in the period by result; filed and not decided by its end: pending', () => {
    const records: ChallengeFacts[] = [
      { kind: 'reconsideration', filedOn: '2025-01-05', result: 'upheld', decidedOn: '2025-02-01' },
      {
        kind: 'reconsideration',
        filedOn: '2025-01-05',
        result: 'corrected',
        decidedOn: '2025-03-01',
      },
      { kind: 'reconsideration', filedOn: '2024-12-05', result: 'other', decidedOn: '2025-01-03' },
      // decided next year: pending in this one, whatever its result
      { kind: 'reconsideration', filedOn: '2025-12-01', result: 'upheld', decidedOn: '2026-01-05' },
      // decided last year: not counted
      { kind: 'reconsideration', filedOn: '2024-01-05', result: 'upheld', decidedOn: '2024-02-01' },
      { kind: 'litigation-direct', filedOn: '2025-05-01', result: 'pending', decidedOn: null },
      {
        kind: 'litigation-after-reconsideration',
        filedOn: '2025-06-01',
        result: 'corrected',
        decidedOn: '2025-09-01',
      },
      // filed next year: not counted
      { kind: 'litigation-direct', filedOn: '2026-01-01', result: null, decidedOn: null },
    ];
    expect(computeTable4(records, YEAR)).toEqual({
      reconsideration: { upheld: 1, corrected: 1, other: 1, pending: 1, total: 4 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    });
  });
});

describe('table 2', () => {
  test('counted from the catalogue unless the office entered the figure; fees only entered', () => {
    const counts = emptyCatalogueCounts();
    counts.regulations = { issued: 1, repealed: 0, valid: 3 };
    counts.decisions['administrative-licensing'] = 4;
    counts.decisions['administrative-penalty'] = 2;
    const table2 = computeTable2(counts, [
      { kind: 'administrative-penalty', half: null, value: 9 },
      { kind: 'administrative-fees', half: null, value: 1.25 },
    ]);
    expect(table2).toEqual({
      regulations: { issued: 1, repealed: 0, valid: 3 },
      normativeDocuments: { issued: 0, repealed: 0, valid: 0 },
      administrativeLicensing: { decisions: 4, source: 'catalogue' },
      administrativePenalty: { decisions: 9, source: 'entered' },
      administrativeEnforcement: { decisions: 0, source: 'catalogue' },
      administrativeFees: { amount: 1.25, source: 'entered' },
    });
  });

  test('an entered figure: a half’s own; the year’s, else the sum of the halves', () => {
    const halves = [
      { kind: 'administrative-fees' as const, half: 1 as const, value: 1 },
      { kind: 'administrative-fees' as const, half: 2 as const, value: 2 },
    ];
    expect(enteredFigure(halves, 'administrative-fees', 2)).toBe(2);
    expect(enteredFigure(halves, 'administrative-fees')).toBe(3);
    expect(
      enteredFigure(
        [...halves, { kind: 'administrative-fees', half: null, value: 5 }],
        'administrative-fees'
      )
    ).toBe(5);
    expect(enteredFigure(halves, 'administrative-penalty')).toBeNull();
  });
});

test('a region’s summary is the sum of its parts, cell by cell', () => {
  const part = (receivedOn: string, fees: number) => ({
    table2: computeTable2(emptyCatalogueCounts(), [
      { kind: 'administrative-fees', half: null, value: fees },
    ]),
    table3: computeTable3([facts({ receivedOn })], YEAR).table,
    table4: computeTable4(
      [{ kind: 'litigation-direct', filedOn: '2025-01-01', result: null, decidedOn: null }],
      YEAR
    ),
  });
  const sum = sumTables([part('2025-01-01', 0.1), part('2024-06-01', 0.2)]);
  expect(sum.table3.rows.new.total).toBe(1);
  expect(sum.table3.rows.carriedOver.total).toBe(1);
  expect(sum.table3.rows.carriedForward.naturalPerson).toBe(2);
  expect(sum.table4.litigationDirect).toEqual({
    upheld: 0,
    corrected: 0,
    other: 0,
    pending: 2,
    total: 2,
  });
  expect(sum.table2.administrativeFees).toEqual({ amount: 0.3, source: 'entered' });
  expect(checkTables({ table3: sum.table3, table4: sum.table4 }).every((c) => c.ok)).toBe(true);
});

describe('a region’s checks', () => {
  const part = (receivedOn: string) => ({
    table3: computeTable3([facts({ receivedOn })], YEAR).table,
    table4: computeTable4([], YEAR),
  });
  const organization = (code: string, name: string) => ({ code, name });

  test('the summed tables are checked, and a failing organization is named by its figures', () => {
    const city = part('2025-01-01');
    const county = part('2025-02-01');
    county.table3.rows.new.naturalPerson += 1; // a figure of the county's that does not add up
    county.table3.rows.new.total += 1;
    const sum = sumTables([
      { table2: computeTable2(emptyCatalogueCounts(), []), ...city },
      { table2: computeTable2(emptyCatalogueCounts(), []), ...county },
    ]);
    const checks = checkRegion({ table3: sum.table3, table4: sum.table4 }, [
      { organization: organization('371300000', '临沂市人民政府'), ...city },
      { organization: organization('371321000', '沂南县人民政府'), ...county },
    ]);
    const failed = checks.filter((check) => !check.ok).map((check) => check.message);
    expect(failed).toEqual([
      // the sum: 3 new, 2 carried forward
      expect.stringMatching(
        /^表三“自然人”列：新收 3 \+ 上年结转 0 ≠ 总计 0 \+ 结转下年度 2 \(table 3/
      ),
      expect.stringMatching(/^表三“总计”列：新收 3 \+ 上年结转 0 ≠ 总计 0 \+ 结转下年度 2/),
      // the county, named; the city adds up and is not
      expect.stringMatching(
        /^沂南县人民政府（371321000）：表三“自然人”列：新收 2 \+ 上年结转 0 ≠ 总计 0 \+ 结转下年度 1 \(371321000: table 3/
      ),
      expect.stringMatching(/^沂南县人民政府（371321000）：表三“总计”列/),
    ]);
    expect(failed.join('\n')).not.toContain('临沂市人民政府');
  });

  test('parts that fail in ways that cancel out in the sum are still named', () => {
    const a = part('2025-01-01');
    const b = part('2025-01-01');
    a.table3.rows.carriedForward.naturalPerson += 1;
    a.table3.rows.carriedForward.total += 1;
    b.table3.rows.carriedForward.naturalPerson -= 1;
    b.table3.rows.carriedForward.total -= 1;
    const parts = [a, b].map((tables) => ({
      table2: computeTable2(emptyCatalogueCounts(), []),
      ...tables,
    }));
    const sum = sumTables(parts);
    const checks = checkRegion({ table3: sum.table3, table4: sum.table4 }, [
      { organization: organization('A', '甲县人民政府'), ...a },
      { organization: organization('B', '乙县人民政府'), ...b },
    ]);
    const failed = checks.filter((check) => !check.ok).map((check) => check.message);
    expect(failed.length).toBe(4);
    expect(failed.filter((message) => message.startsWith('甲县人民政府（A）：'))).toHaveLength(2);
    expect(failed.filter((message) => message.startsWith('乙县人民政府（B）：'))).toHaveLength(2);
  });
});

describe('when a report falls due', () => {
  test('31 January for a department or a township, 31 March for a county-level or higher government', () => {
    expect(reportDueDate('department', 2025)).toBe('2026-01-31');
    expect(reportDueDate('township', 2025)).toBe('2026-01-31');
    for (const level of ['county', 'city', 'province', 'national'])
      expect([level, reportDueDate(level, 2025)]).toEqual([level, '2026-03-31']);
  });

  test('the half-year statistics: 10 July and 10 January, whatever the level', () => {
    expect(reportDueDate('department', 2025, 1)).toBe('2025-07-10');
    expect(reportDueDate('city', 2025, 1)).toBe('2025-07-10');
    expect(reportDueDate('city', 2025, 2)).toBe('2026-01-10');
  });

  test('the periods ended by a Beijing date: last year, and the latest half', () => {
    expect(endedPeriods('2026-01-01')).toEqual([{ year: 2025 }, { year: 2025, half: 2 }]);
    expect(endedPeriods('2026-06-30')).toEqual([{ year: 2025 }, { year: 2025, half: 2 }]);
    expect(endedPeriods('2026-07-01')).toEqual([{ year: 2025 }, { year: 2026, half: 1 }]);
    expect(endedPeriods('2026-12-31')).toEqual([{ year: 2025 }, { year: 2026, half: 1 }]);
  });
});
