import { repealedOnFor } from '../../src/plugins/disclosure/server/src/catalogue/rules/repeal-date';

/** 废止日期: defaulted the day a document becomes 已废止, the editor's date kept, cleared when no longer repealed. */
const TODAY = '2025-08-15';

test('becoming repealed without a date: today (Beijing)', () => {
  expect(
    repealedOnFor({ validity: 'effective', repealedOn: null }, { validity: 'repealed' }, TODAY)
  ).toBe(TODAY);
  // The content manager sends every field, the empty date among them.
  expect(
    repealedOnFor({ validity: 'effective' }, { validity: 'repealed', repealedOn: null }, TODAY)
  ).toBe(TODAY);
  expect(repealedOnFor(null, { validity: 'repealed' }, TODAY)).toBe(TODAY);
});

test('the editor’s date, or the date already stored, is kept', () => {
  expect(
    repealedOnFor(null, { validity: 'repealed', repealedOn: '2025-06-30' }, TODAY)
  ).toBeUndefined();
  expect(
    repealedOnFor({ validity: 'repealed', repealedOn: '2025-06-30' }, { title: '新标题' }, TODAY)
  ).toBeUndefined();
  expect(
    repealedOnFor(
      { validity: 'repealed', repealedOn: '2025-06-30' },
      { validity: 'repealed' },
      TODAY
    )
  ).toBeUndefined();
});

test('a document no longer repealed has no repeal date; others are left alone', () => {
  expect(
    repealedOnFor(
      { validity: 'repealed', repealedOn: '2025-06-30' },
      { validity: 'effective' },
      TODAY
    )
  ).toBeNull();
  expect(
    repealedOnFor(null, { validity: 'effective', repealedOn: '2025-06-30' }, TODAY)
  ).toBeNull();
  expect(repealedOnFor({ validity: 'effective' }, { title: '新标题' }, TODAY)).toBeUndefined();
  expect(repealedOnFor(null, { validity: 'effective' }, TODAY)).toBeUndefined();
});
