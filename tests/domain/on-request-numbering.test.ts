import { OnRequestRuleError } from '../../src/plugins/disclosure/server/src/on-request/rules/errors';
import {
  caseNumber,
  parseCaseNumber,
} from '../../src/plugins/disclosure/server/src/on-request/rules/numbering';

describe('case numbers', () => {
  test('four digits of sequence, more past 9999', () => {
    expect(caseNumber('370000001', 2027, 1)).toBe('370000001-2027-0001');
    expect(caseNumber('370000001', 2027, 9999)).toBe('370000001-2027-9999');
    expect(caseNumber('370000001', 2027, 10000)).toBe('370000001-2027-10000');
  });

  test('parsed back, including codes with dashes', () => {
    expect(parseCaseNumber('370000001-2027-0001')).toEqual({
      organizationCode: '370000001',
      year: 2027,
      sequence: 1,
    });
    expect(parseCaseNumber('370000001-2027-10000')?.sequence).toBe(10000);
    expect(parseCaseNumber('SD-JN-01-2026-0042')).toEqual({
      organizationCode: 'SD-JN-01',
      year: 2026,
      sequence: 42,
    });
    for (const [code, year, sequence] of [
      ['ab', 2026, 1],
      ['x-2026', 2027, 12345],
    ] as const) {
      expect(parseCaseNumber(caseNumber(code, year, sequence))).toEqual({
        organizationCode: code,
        year,
        sequence,
      });
    }
  });

  test.each([
    '',
    '370000001-2027-001',
    '370000001-2027-00001',
    '370000001-2027-0000',
    '370000001-27-0001',
    '370000001-0999-0001',
    '370000001/2027-0001',
    '370000001-2027-0001 ',
    ' 370000001-2027-0001',
    '3-2027-0001',
    '370000001-2027-0001-',
    '机关-2027-0001',
    '370000001-2027-1234567890',
    `${'9'.repeat(40)}-2027-0001`,
    '370000001-2027-0001\n',
  ])('malformed: %p', (number) => {
    expect(parseCaseNumber(number)).toBeNull();
  });

  test('bad parts are refused, naming the part', () => {
    expect(() => caseNumber('机关', 2027, 1)).toThrow(
      expect.objectContaining({ field: 'organizationCode' })
    );
    expect(() => caseNumber('370000001', 27, 1)).toThrow(
      expect.objectContaining({ field: 'year' })
    );
    for (const sequence of [0, -1, 1.5]) {
      expect(() => caseNumber('370000001', 2027, sequence)).toThrow(OnRequestRuleError);
    }
  });
});
