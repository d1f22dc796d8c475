import {
  organizationAndBelow,
  organizationCondition,
} from '../../src/plugins/disclosure/server/src/roles/rules/organization-scope';

const tree = [
  { documentId: 'province', parentDocumentId: null },
  { documentId: 'city', parentDocumentId: 'province' },
  { documentId: 'countyA', parentDocumentId: 'city' },
  { documentId: 'countyB', parentDocumentId: 'city' },
  { documentId: 'otherCity', parentDocumentId: 'province' },
];

test('an organization and all below it, at any depth', () => {
  expect(organizationAndBelow(tree, 'city').sort()).toEqual(['city', 'countyA', 'countyB']);
  expect(organizationAndBelow(tree, 'province')).toHaveLength(5);
  expect(organizationAndBelow(tree, 'countyA')).toEqual(['countyA']);
});

test('a cycle in the data does not loop', () => {
  const cyclic = [
    { documentId: 'a', parentDocumentId: 'b' },
    { documentId: 'b', parentDocumentId: 'a' },
  ];
  expect(organizationAndBelow(cyclic, 'a').sort()).toEqual(['a', 'b']);
});

test('the condition names each type’s organization field; no organization means nothing', () => {
  expect(organizationCondition('api::policy-document.policy-document', ['city'])).toEqual({
    'issuingOrganization.documentId': { $in: ['city'] },
  });
  expect(organizationCondition('api::interpretation.interpretation', ['city'])).toEqual({
    'interpreter.documentId': { $in: ['city'] },
  });
  expect(organizationCondition('api::organization.organization', ['city'])).toEqual({
    documentId: { $in: ['city'] },
  });
  expect(organizationCondition('api::policy-document.policy-document', null)).toBe(false);
  expect(organizationCondition('api::policy-document.policy-document', [])).toBe(false);
  expect(organizationCondition('plugin::upload.file', ['city'])).toBe(true);
});
