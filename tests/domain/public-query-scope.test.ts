import {
  populateDepth,
  PublicQueryRefusal,
  scopePublicQuery,
  type PublicReadModel,
  type QuerySchema,
} from '../../src/plugins/disclosure/server/src/public-reads/rules/public-query-scope';

const DOC = 'api::policy-document.policy-document';
const INTERPRETATION = 'api::interpretation.interpretation';
const ORG = 'api::organization.organization';
const FILE = 'plugin::upload.file';

const schemas: Record<string, QuerySchema> = {
  [INTERPRETATION]: {
    options: { draftAndPublish: true },
    attributes: {
      title: { type: 'string' },
      answer: { type: 'blocks' },
      notes: { type: 'text', private: true },
      sourceDocument: { type: 'relation', relation: 'manyToOne', target: DOC },
      interpreter: { type: 'relation', relation: 'manyToOne', target: ORG },
      questions: { type: 'component', component: 'interpretation.qa-item' },
      review: { type: 'component', component: 'disclosure.review', private: true },
      media: { type: 'media' },
      localizations: { type: 'relation', relation: 'oneToMany', target: INTERPRETATION },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user', private: true },
      blocks: { type: 'dynamiczone', components: ['interpretation.qa-item'] },
      uncharted: { type: 'some-future-kind' },
    },
  },
  [DOC]: {
    options: { draftAndPublish: true },
    attributes: {
      title: { type: 'string' },
      implements: { type: 'relation', relation: 'manyToMany', target: DOC },
      issuingOrganization: { type: 'relation', relation: 'manyToOne', target: ORG },
      secretNumber: { type: 'string', private: true },
    },
  },
  [ORG]: {
    attributes: {
      name: { type: 'string' },
      parent: { type: 'relation', relation: 'manyToOne', target: ORG },
    },
  },
  [FILE]: {
    attributes: {
      name: { type: 'string' },
      related: { type: 'relation', relation: 'morphToMany' },
      folder: { type: 'relation', relation: 'manyToOne', target: 'plugin::upload.folder' },
    },
  },
  'interpretation.qa-item': {
    attributes: {
      question: { type: 'text' },
      note: { type: 'json' },
      source: { type: 'relation', relation: 'manyToOne', target: DOC },
    },
  },
  'disclosure.review': { attributes: { reviewer: { type: 'string' } } },
  'plugin::upload.folder': { attributes: { name: { type: 'string' } } },
  'admin::user': { attributes: { email: { type: 'email' } } },
};

const PROACTIVE = { disclosureAttribute: 'proactive' };
const model: PublicReadModel = {
  schema: (uid) => schemas[uid],
  visibleRows: (uid) =>
    uid === DOC ? { ...PROACTIVE } : [INTERPRETATION, ORG, FILE].includes(uid) ? {} : null,
};
const PUBLISHED = { publishedAt: { $notNull: true } };
const VISIBLE_DOC = { $and: [PUBLISHED, PROACTIVE] };

const scope = (params: Record<string, unknown>) => scopePublicQuery(params, INTERPRETATION, model);
const refusal = (params: Record<string, unknown>): PublicQueryRefusal => {
  try {
    scope(params);
  } catch (error) {
    if (error instanceof PublicQueryRefusal) return error;
    throw error;
  }
  throw new Error(`not refused: ${JSON.stringify(params)}`);
};

describe('populate', () => {
  test('"*" expands to what the public may follow, each relation held to its visible rows', () => {
    expect(scope({ populate: '*' }).populate).toEqual({
      sourceDocument: { filters: VISIBLE_DOC },
      interpreter: true,
      questions: true,
      media: true,
      localizations: { filters: PUBLISHED },
      blocks: true,
    });
  });

  test('comma and dot paths become nested objects, held at every depth', () => {
    expect(scope({ populate: 'sourceDocument.implements,interpreter.parent' }).populate).toEqual({
      sourceDocument: { populate: { implements: { filters: VISIBLE_DOC } }, filters: VISIBLE_DOC },
      interpreter: { populate: { parent: true } },
    });
  });

  test("a populate's own filters are kept, scoped, and combined with the rows it may see", () => {
    expect(
      scope({
        populate: {
          sourceDocument: { filters: { implements: { title: 'x' } }, fields: ['title'] },
        },
      }).populate
    ).toEqual({
      sourceDocument: {
        filters: { $and: [{ implements: { $and: [{ title: 'x' }, VISIBLE_DOC] } }, VISIBLE_DOC] },
        fields: ['title'],
      },
    });
  });

  test('relations inside components are held too; text "false" populates nothing', () => {
    expect(
      scope({ populate: { questions: { populate: { source: true } }, media: 'false' } }).populate
    ).toEqual({
      questions: { populate: { source: { filters: VISIBLE_DOC } } },
    });
  });

  test.each([
    [
      { populate: { media: { populate: { related: true } } } },
      'morph',
      'populate.media.populate.related',
    ],
    [
      { populate: { media: { populate: { folder: true } } } },
      'not-public',
      'populate.media.populate.folder',
    ],
    [{ populate: 'review' }, 'private', 'populate.review'],
    [{ populate: { createdBy: true } }, 'private', 'populate.createdBy'],
    [{ populate: { uncharted: true } }, 'unknown', 'populate.uncharted'],
    [
      {
        populate: {
          sourceDocument: { populate: { implements: { sort: 'issuingOrganization.name' } } },
        },
      },
      'sort-through-relation',
      'populate.sourceDocument.populate.implements.sort.issuingOrganization',
    ],
  ])('%j is refused (%s at %s)', (params, reason, path) => {
    expect(refusal(params)).toMatchObject({ reason, path });
  });

  test('"*" on a file leaves out its references and folder', () => {
    expect(scope({ populate: { media: { populate: '*' } } }).populate).toEqual({
      media: { populate: {} },
    });
  });
});

describe('filters', () => {
  test('a relation in a filter is held to the rows the public may see, at every depth', () => {
    expect(
      scope({ filters: { sourceDocument: { implements: { title: { $contains: 'x' } } } } }).filters
    ).toEqual({
      sourceDocument: {
        $and: [{ implements: { $and: [{ title: { $contains: 'x' } }, VISIBLE_DOC] } }, VISIBLE_DOC],
      },
    });
  });

  test('localizations are a relation like any other: published rows only', () => {
    expect(scope({ filters: { localizations: { title: { $eq: 'x' } } } }).filters).toEqual({
      localizations: { $and: [{ title: { $eq: 'x' } }, PUBLISHED] },
    });
  });

  test("logical operators are walked; the row's own fields and components pass unchanged", () => {
    const filters = {
      $or: [{ title: 'a' }, { $not: { questions: { question: { $null: true } } } }],
    };
    expect(scope({ filters }).filters).toEqual(filters);
  });

  test('blocks and JSON fields take the case-insensitive text operators (cast to text), and the rest', () => {
    const filters = {
      answer: { $containsi: 'x' },
      $or: [{ answer: { $null: true } }, { questions: { note: { $notContainsi: 'x' } } }],
    };
    expect(scope({ filters }).filters).toEqual(filters);
  });

  test.each([
    [{ filters: { notes: { $contains: 'x' } } }, 'private', 'filters.notes'],
    [
      { filters: { $or: [{ sourceDocument: { secretNumber: 'x' } }] } },
      'private',
      'filters.$or[0].sourceDocument.secretNumber',
    ],
    [{ filters: { review: { reviewer: 'x' } } }, 'private', 'filters.review'],
    [{ filters: { media: { related: { id: 1 } } } }, 'morph', 'filters.media.related'],
    [
      { filters: { sourceDocument: { $null: true } } },
      'relation-operator',
      'filters.sourceDocument',
    ],
    [{ filters: { sourceDocument: 3 } }, 'relation-operator', 'filters.sourceDocument'],
    [{ filters: { createdBy: { email: { $contains: '@' } } } }, 'private', 'filters.createdBy'],
    [{ filters: { nonsense: 1 } }, 'unknown', 'filters.nonsense'],
    // PostgreSQL cannot compare a joined row's jsonb as text: refused rather than a 500.
    [
      { filters: { localizations: { answer: { $contains: 'x' } } } },
      'structured-through-relation',
      'filters.localizations.answer',
    ],
    // Strapi writes these as a plain `jsonb LIKE ?`, which PostgreSQL refuses, on the type's own
    // row too: refused at any depth rather than a 500.
    [
      { filters: { answer: { $contains: 'x' } } },
      'structured-text-operator',
      'filters.answer.$contains',
    ],
    [
      { filters: { answer: { $not: { $startsWith: 'x' } } } },
      'structured-text-operator',
      'filters.answer.$not.$startsWith',
    ],
    [
      { filters: { $or: [{ answer: { $endsWith: 'x' } }] } },
      'structured-text-operator',
      'filters.$or[0].answer.$endsWith',
    ],
    [
      { filters: { questions: { note: { $notContains: 'x' } } } },
      'structured-text-operator',
      'filters.questions.note.$notContains',
    ],
    [
      { populate: { localizations: { filters: { answer: { $contains: 'x' } } } } },
      'structured-text-operator',
      'populate.localizations.filters.answer.$contains',
    ],
    // Under $not a hidden joined row would match (its condition negated): no relation there.
    [
      { filters: { $not: { sourceDocument: { id: { $notNull: true } } } } },
      'negated-relation',
      'filters.$not.sourceDocument',
    ],
    [
      { filters: { $or: [{ $not: { localizations: { title: 'x' } } }] } },
      'negated-relation',
      'filters.$or[0].$not.localizations',
    ],
    [
      { filters: { sourceDocument: { $not: { implements: { title: 'x' } } } } },
      'negated-relation',
      'filters.sourceDocument.$not.implements',
    ],
    [
      { filters: { $not: { questions: { source: { title: 'x' } } } } },
      'negated-relation',
      'filters.$not.questions.source',
    ],
    [{ filters: { $not: [{ title: 'x' }] } }, 'unknown', 'filters.$not'],
  ])('%j is refused (%s at %s)', (params, reason, path) => {
    expect(refusal(params)).toMatchObject({ reason, path });
  });
});

describe('sort and fields', () => {
  test.each([
    'title',
    'title:desc',
    ['title:asc', 'id'],
    { title: 'asc' },
    'questions.question:asc',
    [{ questions: { question: 'desc' } }],
  ])("%j sorts by the type's own fields and passes", (sort) => {
    expect(scope({ sort }).sort).toEqual(sort);
  });

  test.each([
    ['sourceDocument.title', 'sort.sourceDocument'],
    [[{ sourceDocument: { title: 'asc' } }], 'sort[0].sourceDocument'],
    ['localizations.title:desc', 'sort.localizations'],
    ['media.name', 'sort.media'],
    ['questions', 'sort.questions'],
  ])('%j is refused: an order through a relation (%s)', (sort, path) => {
    expect(refusal({ sort })).toMatchObject({ reason: 'sort-through-relation', path });
  });

  test('a private sort or field is refused', () => {
    expect(refusal({ sort: 'notes' })).toMatchObject({ reason: 'private', path: 'sort.notes' });
    expect(refusal({ fields: ['title', 'notes'] })).toMatchObject({
      reason: 'private',
      path: 'fields.notes',
    });
    expect(refusal({ fields: ['sourceDocument'] })).toMatchObject({
      reason: 'unknown',
      path: 'fields.sourceDocument',
    });
    expect(scope({ fields: ['title', 'documentId'] }).fields).toEqual(['title', 'documentId']);
  });
});

describe('search', () => {
  test('_q becomes a search over public text fields only, beside the filters', () => {
    const scoped = scope({ _q: '住房', filters: { title: 'a' } });
    expect(scoped._q).toBeUndefined();
    expect(scoped.filters).toEqual({
      $and: [{ title: 'a' }, { $or: [{ title: { $containsi: '住房' } }] }],
    });
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
    [
      {
        interpretations: { populate: { sourceDocument: { populate: { interpretations: true } } } },
      },
      3,
    ],
    [{ interpretations: { fields: ['title'] } }, 1],
  ])('%j reaches %i levels', (populate, depth) => {
    expect(populateDepth(populate)).toBe(depth);
  });
});
