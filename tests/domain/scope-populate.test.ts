import { populateDepth, scopePopulate } from '../../src/plugins/disclosure/server/src/utils/scope-populate';

const DOC = 'api::policy-document.policy-document';
const schemas: Record<string, any> = {
  'api::interpretation.interpretation': {
    attributes: {
      title: { type: 'string' },
      sourceDocument: { type: 'relation', target: DOC },
      interpreter: { type: 'relation', target: 'api::organization.organization' },
      questions: { type: 'component', component: 'interpretation.qa-item' },
      media: { type: 'media' },
    },
  },
  [DOC]: {
    attributes: {
      implements: { type: 'relation', target: DOC },
      issuingOrganization: { type: 'relation', target: 'api::organization.organization' },
    },
  },
  'api::organization.organization': { attributes: { parent: { type: 'relation', target: 'api::organization.organization' } } },
  'interpretation.qa-item': { attributes: { question: { type: 'text' } } },
};
const scope = (populate: unknown) =>
  scopePopulate(populate, 'api::interpretation.interpretation', (uid) => schemas[uid], (target) => (target === DOC ? { ok: true } : undefined));

describe('scopePopulate', () => {
  test('"*" expands to every populatable attribute, filtering the relations to the target type', () => {
    expect(scope('*')).toEqual({
      sourceDocument: { filters: { ok: true } },
      interpreter: true,
      questions: true,
      media: true,
    });
  });

  test('comma and dot paths become nested objects, filtered at every depth', () => {
    expect(scope('sourceDocument.implements,interpreter.parent')).toEqual({
      sourceDocument: { populate: { implements: { filters: { ok: true } } }, filters: { ok: true } },
      interpreter: { populate: { parent: true } },
    });
  });

  test('existing filters are kept and combined', () => {
    expect(scope({ sourceDocument: { filters: { title: 'x' }, fields: ['title'] } })).toEqual({
      sourceDocument: { filters: { $and: [{ title: 'x' }, { ok: true }] }, fields: ['title'] },
    });
  });

  test('nothing to populate stays as it was', () => {
    expect(scope(undefined)).toBeUndefined();
    expect(scope({ title: true })).toEqual({ title: true });
  });
});

describe('populate depth', () => {
  test.each([
    [undefined, 0],
    ['*', 1],
    ['issuingOrganization,interpretations.sourceDocument', 2],
    [['a.b.c'], 3],
    [{ interpretations: true }, 1],
    [{ interpretations: { populate: '*' } }, 2],
    [{ interpretations: { populate: { sourceDocument: { populate: { interpretations: true } } } } }, 3],
    [{ interpretations: { fields: ['title'] } }, 1],
  ])('%j reaches %i levels', (populate, depth) => {
    expect(populateDepth(populate)).toBe(depth);
  });
});
