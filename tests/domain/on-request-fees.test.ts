import { OnRequestRuleError } from '../../src/plugins/disclosure/server/src/on-request/rules/errors';
import {
  FEE_PAYMENT_WORKING_DAYS,
  countFee,
  feeFor,
  pageFee,
} from '../../src/plugins/disclosure/server/src/on-request/rules/fees';

describe('fees by count (国办函〔2020〕109号 art. 4)', () => {
  test.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('the %i-th application in a month pays ¥%i', (nth, amount) => {
    expect(countFee(nth)).toBe(amount);
  });
});

describe('fees by pages (art. 5), each band only for its own pages', () => {
  test.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700], // 70 × 10
    [101, 720], // 700 + 1 × 20
    [200, 2700], // 700 + 100 × 20
    [201, 2740], // 2700 + 1 × 40
    [250, 4700], // 2700 + 50 × 40
  ])('%i pages: ¥%i', (pages, amount) => {
    expect(pageFee(pages)).toBe(amount);
  });
});

describe('invalid figures are refused', () => {
  test.each([0, -1, 2.5, Number.NaN, Infinity])('%p', (value) => {
    expect(() => countFee(value)).toThrow(OnRequestRuleError);
    expect(() => pageFee(value)).toThrow(OnRequestRuleError);
  });

  test('a missing figure or an unknown basis names the field', () => {
    expect(() => feeFor('pages', {})).toThrow(expect.objectContaining({ field: 'pages' }));
    expect(() => feeFor('count', { pages: 40 })).toThrow(
      expect.objectContaining({ field: 'nthInMonth' })
    );
    expect(() => feeFor('weight' as 'pages', { pages: 40 })).toThrow(
      expect.objectContaining({ field: 'basis' })
    );
  });
});

describe('the fee notice explains the computation', () => {
  test('by count', () => {
    expect(feeFor('count', { nthInMonth: 7 })).toEqual({
      amount: 0,
      explanation: '按件计收：本申请为申请人本自然月内第7件，累计10件以下（含10件）不收费。',
    });
    expect(feeFor('count', { nthInMonth: 12 })).toEqual({
      amount: 100,
      explanation:
        '按件计收：本申请为申请人本自然月内第12件，累计11—30件（含30件）的部分每件收费100元，应缴100元。',
    });
    expect(feeFor('count', { nthInMonth: 43 }).explanation).toContain(
      '累计41—50件（含50件）的部分每件收费300元'
    );
  });

  test('by pages', () => {
    expect(feeFor('pages', { pages: 20 })).toEqual({
      amount: 0,
      explanation: '按量计收：共20页，30页以下（含30页）不收费。',
    });
    expect(feeFor('pages', { pages: 201 })).toEqual({
      amount: 2740,
      explanation:
        '按量计收：共201页，30页以下（含30页）不收费；31—100页的部分70页×10元/页=700元；101—200页的部分100页×20元/页=2000元；200页以上的部分1页×40元/页=40元；合计2740元。',
    });
  });

  test('payment within 20 working days of the notice (art. 7)', () => {
    expect(FEE_PAYMENT_WORKING_DAYS).toBe(20);
  });
});
