import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { PUBLIC_CONTENT_TYPES } from '../../../../shared/constants';
import { asAnswered, readAnswer } from '../rules/answer-shapes';
import { describedOperations, type DescribedRoute } from '../rules/described-routes';
import { COMPUTED_FIELDS } from '../../../../shared/contracts/public-api';
import {
  ERROR_SCHEMA_NAME,
  errorSchema,
  jsonSchema,
  withOperationAnswers,
} from '../rules/operation-answers';

/** An OpenAPI 3 document as the generator writes it (only the parts this service reads or sets). */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers?: Array<{ url: string; description?: string }>;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

interface RoutesMapEntry {
  method: string;
  path: string;
  handler?: unknown;
  config?: { auth?: unknown };
  info?: { apiName?: string; pluginName?: string };
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  [key: string]: unknown;
}

/** The fields a public type computes when read, as JSON Schema (contracts: COMPUTED_FIELDS). */
const computedFields = (uid: string): Record<string, Record<string, unknown>> =>
  Object.fromEntries(
    Object.entries(COMPUTED_FIELDS[uid] ?? {}).map(([name, schema]) => [name, jsonSchema(schema)])
  );

/** A content-API operation of src/api, its 200 answer as Strapi gives it (rules/answer-shapes). */
const withReadAnswer = (operation: Operation, uid: string): Operation => {
  const json = operation.responses?.['200']?.content?.['application/json'];
  if (!json?.schema) return operation;
  return {
    ...operation,
    responses: {
      ...operation.responses,
      200: {
        ...operation.responses?.['200'],
        content: {
          'application/json': { ...json, schema: readAnswer(json.schema, computedFields(uid)) },
        },
      },
    },
  };
};

/** Strapi's content-API prefix: the description's paths are relative to it (its one server). */
const API_PREFIX = '/api';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: OpenApiDocument | undefined;

  /** The content-API routes Strapi serves, with the prefix and whether they need a caller's token. */
  const routes = async (): Promise<DescribedRoute[]> => {
    const map = (await strapi.contentAPI.getRoutesMap()) as Record<string, RoutesMapEntry[]>;
    return Object.entries(map).flatMap(([origin, list]) =>
      list.map((route) => ({
        origin,
        method: route.method,
        path: route.path.startsWith(API_PREFIX) ? route.path.slice(API_PREFIX.length) : route.path,
        handler: typeof route.handler === 'string' ? route.handler : '',
        public: route.config?.auth === false,
      }))
    );
  };

  return {
    /**
     * What a municipal site or county portal calls: the public reads of every public type, the public
     * routes of src/api, and every content-API route of the plugin (token routes marked so). Generated
     * by Strapi's own generator from the routes and their request and response schemas, then kept to
     * those operations; the same document every time for the same code.
     */
    async describe(): Promise<OpenApiDocument> {
      if (cached) return cached;
      const generated = generate(strapi, { type: 'content-api' })
        .document as unknown as OpenApiDocument;
      const operations = describedOperations(await routes(), PUBLIC_CONTENT_TYPES);
      const paths: OpenApiDocument['paths'] = {};
      for (const [path, item] of Object.entries(generated.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          const described = operations.get(`${method.toUpperCase()} ${path}`);
          if (!described || typeof operation !== 'object') continue;
          // A public read of src/api (the core controller's find or findOne), e.g. `api::x.x.find`.
          const read = /^(api::[\w-]+\.[\w-]+)\.(find|findOne)$/.exec(described.handler);
          const answered = withOperationAnswers(
            `${method.toUpperCase()} ${path}`,
            read ? withReadAnswer(operation as Operation, read[1]) : (operation as Operation)
          );
          paths[path] = {
            ...paths[path],
            // An open route takes no token: `security: []` overrides the document's bearer default.
            [method]: described.public ? { ...answered, security: [] } : answered,
          };
        }
      }
      // The server's name and version are not the public's business (nor an attacker's shortcut).
      const {
        'x-powered-by': _poweredBy,
        'x-strapi-version': _version,
        ...described
      } = generated as OpenApiDocument & Record<string, unknown>;
      cached = {
        ...(described as OpenApiDocument),
        info: {
          ...generated.info,
          title: '政务公开 API (government information disclosure)',
          description:
            '公开目录、政策解读、依申请公开、工作日计算、简繁转换与转载接口。' +
            ' The public content API of the disclosure sites; see docs/openapi.md.',
        },
        servers: [{ url: API_PREFIX, description: 'Content API' }],
        paths,
        components: {
          ...generated.components,
          schemas: {
            ...(asAnswered(generated.components?.schemas ?? {}) as Record<string, unknown>),
            [ERROR_SCHEMA_NAME]: errorSchema(),
          },
        },
      };
      return cached;
    },
  };
};
