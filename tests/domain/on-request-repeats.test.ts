import {
  likelyRepeats,
  normalizeText,
  similarity,
} from '../../src/plugins/disclosure/server/src/on-request/rules/repeats';

describe('similarity of requests', () => {
  test('full-width, spaces and punctuation do not matter', () => {
    expect(normalizeText('请提供 ２０２６年 《城市总体规划》！')).toBe('请提供2026年城市总体规划');
    expect(similarity('请提供２０２６年《城市总体规划》。', '请提供 2026 年 城市总体规划')).toBe(1);
  });

  test('reworded requests score high, other subjects low', () => {
    const asked = '申请公开本区2025年老旧小区改造项目的资金使用明细';
    const again = '请公开本区2025年老旧小区改造项目资金使用明细';
    const other = '申请公开本区2025年义务教育阶段学校招生计划';
    // By hand: 26 characters (25 bigrams) and 24 (23); all of the second's but 目资 are in the first,
    // which also has 申请, 目的, 的资: 22 shared, 2·22 / (25 + 23) = 11/12.
    expect(similarity(asked, again)).toBeCloseTo(11 / 12, 10);
    // The other subject shares only 申请 … 5年 (10 of its 22 bigrams): 2·10 / (25 + 22) = 20/47,
    // under the default threshold of 0.6.
    expect(similarity(asked, other)).toBeCloseTo(20 / 47, 10);
    expect(similarity(asked, again)).toBeCloseTo(similarity(again, asked), 10);
  });

  test('Dice of bigrams, worked by hand', () => {
    // 规划许可 → 规划, 划许, 许可; 规划公示 → 规划, 划公, 公示: one shared of 3 + 3 → 2/6.
    expect(similarity('规划许可', '规划公示')).toBeCloseTo(1 / 3, 10);
    // Single characters compare as themselves.
    expect(similarity('税', '税')).toBe(1);
    expect(similarity('', '')).toBe(0);
    expect(similarity('。。。', '规划')).toBe(0);
  });
});

describe('likely repeats', () => {
  const candidate = {
    idNumber: '37010219800101123x',
    description: '请公开2025年老旧小区改造项目资金使用明细',
    receivedOn: '2026-03-02',
  };
  const earlier = [
    {
      number: '370000001-2025-0101',
      idNumber: '37010219800101123X',
      description: '申请公开2025年老旧小区改造项目的资金使用明细',
      receivedOn: '2025-09-01',
    },
    {
      number: '370000001-2025-0001',
      idNumber: '37010219800101123X',
      description: '请公开2025年老旧小区改造项目资金使用明细',
      receivedOn: '2025-03-01', // 366 days before: outside the year
    },
    {
      number: '370000001-2026-0003',
      idNumber: '370102199001011234', // someone else
      description: '请公开2025年老旧小区改造项目资金使用明细',
      receivedOn: '2026-02-01',
    },
    {
      number: '370000001-2026-0004',
      idNumber: '37010219800101123X',
      description: '申请公开本区2025年义务教育阶段学校招生计划',
      receivedOn: '2026-02-01', // same person, other subject
    },
    {
      number: '370000001-2026-0005',
      idNumber: '３７０１０２１９８００１０１１２３Ｘ',
      description: '请公开2025年老旧小区改造项目资金使用明细。',
      receivedOn: '2025-03-02', // exactly 365 days before; full-width identity number
    },
  ];

  test('same applicant, within 365 days, similar request; most similar first', () => {
    expect(likelyRepeats(candidate, earlier)).toEqual([
      '370000001-2026-0005',
      '370000001-2025-0101',
    ]);
  });

  test('the threshold decides how similar', () => {
    expect(likelyRepeats(candidate, earlier, 0.99)).toEqual(['370000001-2026-0005']);
    expect(likelyRepeats(candidate, earlier, 0)).toContain('370000001-2026-0004');
  });

  test('no identity document, no match', () => {
    expect(likelyRepeats({ ...candidate, idNumber: ' ' }, earlier)).toEqual([]);
  });
});
