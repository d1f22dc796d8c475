import {
  asAnswered,
  PAGINATION_META,
  readAnswer,
} from '../../src/plugins/disclosure/server/src/openapi/rules/answer-shapes';
import {
  describedOperations,
  openApiPath,
  type DescribedRoute,
} from '../../src/plugins/disclosure/server/src/openapi/rules/described-routes';
import {
  ERROR_SCHEMA_NAME,
  errorSchema,
  withOperationAnswers,
} from '../../src/plugins/disclosure/server/src/openapi/rules/operation-answers';

const route = (overrides: Partial<DescribedRoute>): DescribedRoute => ({
  origin: 'plugin::disclosure',
  method: 'GET',
  path: '/disclosure/feed',
  handler: 'plugin::disclosure.feed.events',
  public: false,
  ...overrides,
});

describe('described routes', () => {
  test('path parameters in OpenAPI form', () => {
    expect(openApiPath('/disclosure/applications/:number')).toBe(
      '/disclosure/applications/{number}'
    );
    expect(openApiPath('/consultations/:documentId/feedback')).toBe(
      '/consultations/{documentId}/feedback'
    );
  });

  test("the plugin's routes, public reads and open routes of src/api; nothing else", () => {
    const kept = describedOperations(
      [
        route({}),
        route({
          method: 'GET',
          path: '/policy-documents',
          origin: 'api::policy-document',
          handler: 'api::policy-document.policy-document.find',
        }),
        route({
          method: 'GET',
          path: '/policy-documents/:id',
          origin: 'api::policy-document',
          handler: 'api::policy-document.policy-document.findOne',
        }),
        route({
          method: 'POST',
          path: '/policy-documents',
          origin: 'api::policy-document',
          handler: 'api::policy-document.policy-document.create',
        }),
        route({
          method: 'GET',
          path: '/ledger-things',
          origin: 'api::secret',
          handler: 'api::secret.secret.find',
        }),
        route({
          method: 'POST',
          path: '/consultations/:documentId/feedback',
          origin: 'api::consultation',
          handler: 'api::consultation.consultation.submitFeedback',
          public: true,
        }),
        route({
          method: 'POST',
          path: '/auth/local',
          origin: 'plugin::users-permissions',
          handler: 'auth.callback',
          public: true,
        }),
      ],
      ['api::policy-document.policy-document']
    );
    expect([...kept.keys()].sort()).toEqual([
      'GET /disclosure/feed',
      'GET /policy-documents',
      'GET /policy-documents/{id}',
      'POST /consultations/{documentId}/feedback',
    ]);
  });
});

describe('answer shapes', () => {
  const generated = {
    type: 'object',
    properties: {
      documentId: { type: 'string', format: 'uuid', pattern: '^…$' },
      title: { type: 'string' },
      summary: { description: 'A string field', type: 'string' },
      urgent: { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
      publishedAt: { type: 'string', default: '2026-12-06T02:17:58.566Z' },
    },
    required: ['documentId', 'title'],
    additionalProperties: false,
  };

  test("Strapi's documentId, nulls for optional attributes, no default of 'now'", () => {
    expect(asAnswered(generated)).toEqual({
      type: 'object',
      properties: {
        documentId: { type: 'string', description: 'The document ID (Strapi documentId)' },
        title: { type: 'string' },
        summary: { description: 'A string field', anyOf: [{ type: 'string' }, { type: 'null' }] },
        urgent: { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
        publishedAt: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
      required: ['documentId', 'title'],
      additionalProperties: false,
    });
  });

  test('a read answer gains meta (pagination); one that has meta keeps it', () => {
    const answer = { type: 'object', properties: { data: generated }, required: ['data'] };
    const read = readAnswer(answer) as { properties: Record<string, unknown> };
    expect(Object.keys(read.properties)).toEqual(['data', 'meta']);
    expect(read.properties.meta).toEqual(PAGINATION_META);
    expect(read.properties.data).toEqual(asAnswered(generated));
    const withMeta = {
      type: 'object',
      properties: { data: generated, meta: { type: 'object' } },
      required: ['data', 'meta'],
    };
    expect((readAnswer(withMeta) as typeof withMeta).properties.meta).toEqual({ type: 'object' });
  });

  test("fields the type computes when read are added to the entries, a list's or an item's", () => {
    const status = { type: 'string', enum: ['open', 'closed'] };
    const list = readAnswer(
      {
        type: 'object',
        properties: { data: { type: 'array', items: generated } },
        required: ['data'],
      },
      { status }
    ) as { properties: { data: { items: { properties: object; required: string[] } } } };
    expect(list.properties.data.items.properties).toMatchObject({
      status,
      title: { type: 'string' },
    });
    expect(list.properties.data.items.required).toEqual(['documentId', 'title', 'status']);
    const item = readAnswer(
      { type: 'object', properties: { data: generated }, required: ['data'] },
      { status }
    ) as {
      properties: { data: { properties: object } };
    };
    expect(item.properties.data.properties).toMatchObject({ status });
  });

  test('a blocks field, written as required whatever its attribute says, is null when empty', () => {
    const withBlocks = {
      type: 'object',
      properties: { body: { type: 'array', items: {}, description: 'A blocks field' } },
      required: ['body'],
    };
    expect(asAnswered(withBlocks)).toEqual({
      ...withBlocks,
      properties: {
        body: {
          description: 'A blocks field',
          anyOf: [{ type: 'array', items: {} }, { type: 'null' }],
        },
      },
    });
  });
});

describe('operation answers', () => {
  const ok = { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } };
  const generated = {
    responses: { 200: ok, 400: { description: 'Bad request' }, 404: { description: 'Not found' } },
  };
  const errorRef = {
    'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } },
  };

  test("refusals are Strapi's error answer, Chinese first", () => {
    const { responses } = withOperationAnswers('GET /disclosure/working-days/add', generated);
    expect(responses).toEqual({
      200: ok,
      400: { description: 'Bad request', content: errorRef },
      404: { description: 'Not found', content: errorRef },
    });
    expect(errorSchema()).toMatchObject({
      type: 'object',
      properties: { data: { type: 'null' } },
      required: ['data', 'error'],
    });
  });

  test('a route that creates answers 201; the Atom feed answers Atom, not JSON', () => {
    const created = withOperationAnswers('POST /disclosure/applications', generated).responses!;
    expect(Object.keys(created)).toEqual(['201', '400', '404']);
    expect(created['201']).toEqual({ ...ok, description: 'Created' });
    const atom = withOperationAnswers('GET /disclosure/feed.atom', {
      responses: { 400: { description: 'Bad request' } },
    }).responses!;
    expect(Object.keys(atom['200'].content!)).toEqual(['application/atom+xml']);
    expect(atom['200'].content!['application/atom+xml'].schema).toMatchObject({ type: 'string' });
  });
});
