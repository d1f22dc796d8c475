import {
  findDocumentNumbers,
  parseDocumentNumber,
} from '../../src/plugins/disclosure/server/src/catalogue/rules/document-number';

describe('document numbers (文号)', () => {
  test.each([
    ['鲁政办发〔2014〕8号', '鲁政办发〔2014〕8号'],
    ['鲁政办发[2014]8号', '鲁政办发〔2014〕8号'],
    ['鲁政办发(2014)8号', '鲁政办发〔2014〕8号'],
    ['鲁政办发（2014）8号', '鲁政办发〔2014〕8号'],
    ['鲁政办发【2014】8号', '鲁政办发〔2014〕8号'],
    ['鲁政办发［２０１４］８号', '鲁政办发〔2014〕8号'],
    [' 国办发 〔2013〕 100 号 ', '国办发〔2013〕100号'],
    ['辽政办发〔2013〕061号', '辽政办发〔2013〕61号'],
    ['粤办函〔2015〕第248号', '粤办函〔2015〕248号'],
  ])('%s normalizes to %s', (input, expected) => {
    expect(parseDocumentNumber(input)?.normalized).toBe(expected);
  });

  test('splits prefix, year and sequence', () => {
    expect(parseDocumentNumber('鲁政办发〔2014〕8号')).toEqual({
      prefix: '鲁政办发',
      year: 2014,
      sequence: 8,
      normalized: '鲁政办发〔2014〕8号',
    });
  });

  test.each([
    [''],
    ['鲁政办发2014年8号'],
    ['〔2014〕8号'],
    ['鲁政办发〔14〕8号'],
    ['鲁政办发〔2014〕0号'],
    ['鲁政办发〔1900〕8号'],
    ['鲁政办发〔2014〕8'],
    ['鲁政 办发〔2014〕8号'],
  ])('refuses %p', (input) => {
    expect(parseDocumentNumber(input)).toBeNull();
  });

  test('refuses a year after the latest allowed', () => {
    expect(parseDocumentNumber('鲁政办发〔2028〕1号', 2027)).toBeNull();
    expect(parseDocumentNumber('鲁政办发〔2027〕1号', 2027)?.year).toBe(2027);
  });

  test('finds cited numbers in running text', () => {
    expect(
      findDocumentNumbers(
        '按照（国办发〔2013〕100号）和(粤办函[2015]248号)精神，参照（国办发〔2013〕100号）'
      )
    ).toEqual(['国办发〔2013〕100号', '粤办函〔2015〕248号']);
  });
});
