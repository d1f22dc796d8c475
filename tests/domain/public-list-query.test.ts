import {
  planPublicDocument,
  planPublicList,
  type PublicListModel,
} from '../../src/plugins/disclosure/server/src/public-reads/rules/public-list-query';

/** The public fields of a catalogue item: no private field, relation or component is ever given. */
const model: PublicListModel = {
  fields: {
    title: 'string',
    category: 'enumeration',
    issueDate: 'date',
    isNormative: 'boolean',
    body: 'blocks',
    locale: 'string',
    createdAt: 'datetime',
  },
  locales: ['zh-Hans', 'zh-Hant'],
};

test('the list a portal asks for is planned: one category, newest first, 25 a page, in a locale', () => {
  expect(
    planPublicList(
      {
        filters: { category: { $eq: 'service' } },
        sort: 'issueDate:desc',
        pagination: { pageSize: '25' },
        locale: 'zh-Hant',
      },
      model
    )
  ).toEqual({
    select: null,
    where: { category: 'service' },
    orderBy: [{ issueDate: 'desc' }],
    pagination: { pageSize: 25 },
    locale: 'zh-Hant',
  });
});

test('no parameters: every public field (in the table’s order), Strapi’s default order and page, the default locale', () => {
  expect(planPublicList({}, model)).toEqual({
    select: null,
    where: {},
    orderBy: [],
    pagination: {},
  });
});

test('sorts in each of Strapi’s spellings, ascending unless said', () => {
  expect(planPublicList({ sort: 'title' }, model)?.orderBy).toEqual([{ title: 'asc' }]);
  expect(planPublicList({ sort: 'category,issueDate:desc' }, model)?.orderBy).toEqual([
    { category: 'asc' },
    { issueDate: 'desc' },
  ]);
  expect(planPublicList({ sort: ['category:asc', 'id:desc'] }, model)?.orderBy).toEqual([
    { category: 'asc' },
    { id: 'desc' },
  ]);
});

test('chosen fields are read as asked, each once, after id and documentId (as Strapi reads them)', () => {
  expect(planPublicList({ fields: ['issueDate', 'title'] }, model)?.select).toEqual([
    'id',
    'documentId',
    'issueDate',
    'title',
  ]);
  expect(planPublicList({ fields: ['title', 'issueDate', 'title'] }, model)?.select).toEqual([
    'id',
    'documentId',
    'title',
    'issueDate',
  ]);
  expect(planPublicList({ fields: 'title' }, model)?.select).toEqual(['id', 'documentId', 'title']);
  expect(planPublicList({ fields: ['documentId'] }, model)?.select).toEqual(['id', 'documentId']);
});

test('equality filters, written out or short, on text fields', () => {
  expect(
    planPublicList({ filters: { category: 'decision', title: { $eq: '通知' } } }, model)?.where
  ).toEqual({ category: 'decision', title: '通知' });
});

test.each([
  ['an unknown parameter', { search: 'x' }],
  ['populate', { populate: '*' }],
  ['a field the public may not see', { fields: ['issuerDocumentNumber'] }],
  ['a filter on a field the public may not see', { filters: { issuerDocumentNumber: 'x' } }],
  ['a filter through a relation', { filters: { issuingOrganization: { name: { $eq: 'x' } } } }],
  ['an operator other than $eq', { filters: { title: { $contains: '通知' } } }],
  ['two operators', { filters: { title: { $eq: 'a', $ne: 'b' } } }],
  ['a filter whose value is cast (boolean)', { filters: { isNormative: 'true' } }],
  ['a filter on a date', { filters: { issueDate: { $eq: '2026-03-10' } } }],
  ['a filter on locale (the parameter chooses it)', { filters: { locale: 'zh-Hant' } }],
  ['an inherited name', { filters: { constructor: 'x' } }],
  ['a logical operator', { filters: { $or: [{ category: 'service' }] } }],
  ['a sort on JSON', { sort: 'body:asc' }],
  ['a sort direction in capitals', { sort: 'issueDate:DESC' }],
  ['a malformed sort', { sort: 'issueDate:desc:x' }],
  ['offset pagination', { pagination: { start: '0', limit: '10' } }],
  ['page zero', { pagination: { page: '0' } }],
  ['a page that is not a number', { pagination: { page: '1e3' } }],
  ['a count switched off', { pagination: { withCount: 'false' } }],
  ['an unknown locale', { locale: 'en' }],
  ['every locale', { locale: 'all' }],
  ['drafts', { status: 'draft' }],
  ['a repeated locale', { locale: ['zh-Hans', 'zh-Hant'] }],
])('left to the generic pipeline: %s', (_name, query) => {
  expect(planPublicList(query, model)).toBeNull();
});

test('a type that is not localized takes no locale', () => {
  const unlocalized = { ...model, locales: [] };
  expect(planPublicList({}, unlocalized)).not.toBeNull();
  expect(planPublicList({ locale: 'zh-Hans' }, unlocalized)).toBeNull();
});

test('one document: its documentId the one condition, with the fields and locale asked for', () => {
  expect(
    planPublicDocument(
      'abc123',
      { fields: ['title', 'body'], locale: 'zh-Hant', status: 'published' },
      model
    )
  ).toEqual({
    select: ['id', 'documentId', 'title', 'body'],
    where: { documentId: 'abc123' },
    orderBy: [],
    pagination: {},
    locale: 'zh-Hant',
  });
  expect(planPublicDocument('abc123', {}, model)).toEqual({
    select: null,
    where: { documentId: 'abc123' },
    orderBy: [],
    pagination: {},
  });
});

test('one document: filters, sorts, pages, populate, odd ids and bad values are the pipeline’s', () => {
  for (const query of [
    { filters: { category: 'service' } },
    { sort: 'title' },
    { pagination: { page: '1' } },
    { populate: '*' },
    { locale: 'en' },
    { status: 'draft' },
    { fields: ['secret'] },
  ]) {
    expect(planPublicDocument('abc123', query, model)).toBeNull();
  }
  for (const documentId of [undefined, '', ['a', 'b'], { $ne: 'x' }])
    expect(planPublicDocument(documentId, {}, model)).toBeNull();
});
