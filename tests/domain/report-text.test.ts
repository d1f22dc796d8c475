import type {
  AnnualReportData,
  ReportFigures,
  Table3Row,
} from '../../src/plugins/disclosure/shared/contracts/annual-report';
import { TABLE3_COLUMNS } from '../../src/plugins/disclosure/shared/contracts/annual-report';
import {
  blocksParagraphs,
  hasText,
  otherMattersText,
  overviewText,
  paragraphBlocks,
  reportTitle,
  yuan,
} from '../../src/plugins/disclosure/server/src/reports/rules/report-text';
import {
  outcomeLabel,
  placeCells,
  reportGrids,
} from '../../src/plugins/disclosure/server/src/reports/rules/report-layout';
import { TABLE3_ROWS } from '../../src/plugins/disclosure/server/src/on-request/rules/workflow';

/**
 * The annual report's words from the records (report-text) and its tables in the national layout
 * (report-layout): pre-filled sections, the title, blocks read back as paragraphs, and grids whose
 * rows fill their width exactly, with the national headings and the figures where they belong.
 */
const figures: ReportFigures = {
  itemsPublished: 1234,
  interpretations: 56,
  pressConferences: 7,
  consultations: 8,
  repliesOnTime: 19,
  repliesDue: 20,
  feesCollected: 300,
};

describe('the pre-filled sections', () => {
  test('一、总体情况 states every figure, in the national wording', () => {
    expect(overviewText(figures, {})).toBe(
      '本年度共主动公开政府信息1234条，发布政策解读56篇，召开新闻发布会7场，开展意见征集8次；' +
        '依申请公开答复按时19件（应答复20件）；收取信息处理费300元。'
    );
  });

  test('the half-year statistics speak of their half', () => {
    expect(overviewText(figures, { half: 1 })).toMatch(/^本年上半年共主动公开政府信息1234条/);
    expect(otherMattersText(figures, { half: 2 })).toMatch(/^本年下半年/);
  });

  test('六、其他需要报告的事项 states the fees collected; yuan keep their jiao', () => {
    expect(otherMattersText({ ...figures, feesCollected: 0 }, { half: null })).toBe(
      '本年度依据《政府信息公开信息处理费管理办法》收取信息处理费0元。'
    );
    expect(yuan(150.5)).toBe('150.50');
    expect(yuan(100)).toBe('100');
    expect(otherMattersText({ ...figures, feesCollected: 12.345 }, {})).toContain('12.35元');
  });

  test('counts are whole and never negative', () => {
    expect(overviewText({ ...figures, itemsPublished: -3, repliesDue: 2.7 }, {})).toContain(
      '共主动公开政府信息0条'
    );
  });

  test('the title names the organization and the year (or its half)', () => {
    expect(reportTitle('临沂市住房和城乡建设局', { year: 2026 })).toBe(
      '临沂市住房和城乡建设局2026年政府信息公开工作年度报告'
    );
    expect(reportTitle('临沂市人民政府', { year: 2026, half: 1 })).toBe(
      '临沂市人民政府2026年上半年政府信息公开工作统计报告'
    );
  });
});

describe('sections as blocks', () => {
  test('text becomes one paragraph per line, and reads back the same', () => {
    const blocks = paragraphBlocks('第一段。\n\n  第二段。 ');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '第一段。' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '第二段。' }] },
    ]);
    expect(blocksParagraphs(blocks)).toEqual(['第一段。', '第二段。']);
  });

  test('lists give a paragraph per item, links and bold runs their text, empty blocks nothing', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: '（一）主动公开' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '详见', bold: true },
          {
            type: 'link',
            url: 'https://example.gov.cn',
            children: [{ type: 'text', text: '门户网站' }],
          },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: '问题一' }] },
          { type: 'list-item', children: [{ type: 'text', text: '问题二' }] },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: '' }] },
    ];
    expect(blocksParagraphs(blocks)).toEqual([
      '（一）主动公开',
      '详见门户网站',
      '问题一',
      '问题二',
    ]);
    expect(hasText(blocks)).toBe(true);
    expect(hasText([{ type: 'paragraph', children: [{ type: 'text', text: ' ' }] }])).toBe(false);
    expect(hasText(null)).toBe(false);
    expect(hasText([])).toBe(false);
  });
});

/** A computed report built by hand: each table-3 cell a figure of its own, so a misplaced one shows. */
const row = (base: number): Table3Row =>
  Object.fromEntries(TABLE3_COLUMNS.map((column, index) => [column, base + index])) as Table3Row;
const tables: AnnualReportData['tables'] = {
  table2: {
    regulations: { issued: 2, repealed: 1, valid: 30 },
    normativeDocuments: { issued: 12, repealed: 3, valid: 88 },
    administrativeLicensing: { decisions: 451, source: 'entered' },
    administrativePenalty: { decisions: 67, source: 'catalogue' },
    administrativeEnforcement: { decisions: 5, source: 'entered' },
    administrativeFees: { amount: 12.5, source: 'entered' },
  },
  table3: {
    columns: [...TABLE3_COLUMNS],
    rows: {
      new: row(100),
      carriedOver: row(200),
      total: row(300),
      carriedForward: row(400),
      ...Object.fromEntries(TABLE3_ROWS.map((key, index) => [key, row(1000 + index * 10)])),
    },
  },
  table4: {
    reconsideration: { upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 },
    litigationDirect: { upheld: 5, corrected: 6, other: 7, pending: 8, total: 26 },
    litigationAfterReconsideration: { upheld: 9, corrected: 10, other: 11, pending: 12, total: 42 },
  },
};

describe('the tables in the national layout', () => {
  const grids = reportGrids(tables);
  const at = (key: string) => {
    const grid = grids.find((candidate) => candidate.key === key)!;
    return { grid, placed: placeCells(grid) };
  };
  const valueAt = (key: string, row: number, column: number) =>
    at(key).placed.find((cell) => cell.row === row && cell.column === column)?.cell.value;

  test('every row of every table fills its width exactly', () => {
    expect(grids.map((grid) => [grid.key, grid.columns])).toEqual([
      ['table2', 4],
      ['table3', 10],
      ['table4', 15],
    ]);
    for (const grid of grids) expect(() => placeCells(grid)).not.toThrow();
  });

  test('table 3: merged applicant headings, then the rows 一 to 四 with the numbered reasons', () => {
    const { grid, placed } = at('table3');
    expect(grid.title).toBe('三、收到和处理政府信息公开申请情况');
    expect(valueAt('table3', 0, 3)).toBe('申请人情况');
    expect(placed.find((cell) => cell.cell.value === '申请人情况')!.cell.colSpan).toBe(7);
    expect(valueAt('table3', 1, 3)).toBe('自然人');
    expect(valueAt('table3', 1, 4)).toBe('法人或其他组织');
    expect(valueAt('table3', 1, 9)).toBe('总计');
    expect([4, 5, 6, 7, 8].map((column) => valueAt('table3', 2, column))).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(valueAt('table3', 3, 0)).toBe('一、本年新收政府信息公开申请数量');
    expect(valueAt('table3', 3, 3)).toBe(100);
    expect(valueAt('table3', 3, 9)).toBe(106);
    expect(valueAt('table3', 4, 0)).toBe('二、上年结转政府信息公开申请数量');
    expect(valueAt('table3', 5, 0)).toBe('三、本年度办理结果');
    expect(valueAt('table3', 5, 1)).toBe('（一）予以公开');
    expect(valueAt('table3', 5, 3)).toBe(1000);
    expect(valueAt('table3', 6, 1)).toBe('（二）部分公开');
    expect(valueAt('table3', 7, 1)).toBe('（三）不予公开');
    expect(valueAt('table3', 7, 2)).toBe('1.属于国家秘密');
    expect(valueAt('table3', 14, 2)).toBe('8.属于行政查询事项');
    expect(valueAt('table3', 15, 1)).toBe('（四）无法提供');
    expect(valueAt('table3', 18, 1)).toBe('（五）不予处理');
    expect(valueAt('table3', 23, 1)).toBe('（六）其他处理');
    expect(valueAt('table3', 25, 2)).toBe('3.其他');
    expect(valueAt('table3', 26, 1)).toBe('（七）总计');
    expect(valueAt('table3', 26, 3)).toBe(300);
    expect(valueAt('table3', 27, 0)).toBe('四、结转下年度继续办理');
    expect(valueAt('table3', 27, 9)).toBe(406);
    expect(placed.find((cell) => cell.cell.value === '三、本年度办理结果')!.cell.rowSpan).toBe(
      TABLE3_ROWS.length + 1
    );
    // Every outcome row's figures sit under its own label.
    TABLE3_ROWS.forEach((key, index) =>
      expect(valueAt('table3', 5 + index, 3)).toBe(1000 + index * 10)
    );
  });

  test('an outcome label splits into its group and its numbered reason', () => {
    expect(outcomeLabel('notDisclosed.stateSecret')).toEqual({
      group: '（三）不予公开',
      item: '1.属于国家秘密',
    });
    expect(outcomeLabel('disclosed')).toEqual({ group: '（一）予以公开', item: null });
  });

  test('table 2: the articles, the columns, and the figures', () => {
    expect(valueAt('table2', 0, 0)).toBe('第二十条第（一）项');
    expect([0, 1, 2, 3].map((column) => valueAt('table2', 1, column))).toEqual([
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
    ]);
    expect([0, 1, 2, 3].map((column) => valueAt('table2', 3, column))).toEqual([
      '行政规范性文件',
      12,
      3,
      88,
    ]);
    expect(valueAt('table2', 6, 1)).toBe(451);
    expect(valueAt('table2', 13, 0)).toBe('行政事业性收费');
    expect(valueAt('table2', 13, 1)).toBe(12.5);
  });

  test('table 4: 行政复议 and 行政诉讼 over their five columns, fifteen figures', () => {
    expect(valueAt('table4', 0, 0)).toBe('行政复议');
    expect(valueAt('table4', 0, 5)).toBe('行政诉讼');
    expect(valueAt('table4', 1, 5)).toBe('未经复议直接起诉');
    expect(valueAt('table4', 1, 10)).toBe('复议后起诉');
    expect(valueAt('table4', 2, 5)).toBe('结果维持');
    expect(valueAt('table4', 2, 14)).toBe('总计');
    expect(Array.from({ length: 15 }, (_, column) => valueAt('table4', 3, column))).toEqual([
      1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 9, 10, 11, 12, 42,
    ]);
  });
});
