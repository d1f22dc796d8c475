/**
 * What the generator cannot say from a route's `response` alone, set on each described operation:
 * the refusals' shape (Strapi's error answer, at every error status it lists), a 201 where the route
 * creates, and a body that is not JSON (the Atom feed). The answer-validation test holds them to the
 * real answers.
 */
import { z } from 'zod';
import {
  CREATED_ANSWERS,
  NON_JSON_ANSWERS,
  errorAnswer,
} from '../../../../shared/contracts/public-api';

type Schema = Record<string, unknown>;
interface Answer {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}
export interface Operation {
  responses?: Record<string, Answer>;
  [key: string]: unknown;
}

/** The component the error answers refer to. */
export const ERROR_SCHEMA_NAME = 'ErrorAnswer';
const ERROR_REF = { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` };

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without its `$schema` keyword. */
export const jsonSchema = (schema: z.ZodType): Schema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'output',
  }) as Schema;
  return rest;
};

export const errorSchema = (): Schema => jsonSchema(errorAnswer);

const isError = (status: string) => /^[45]\d\d$/.test(status);

/** One operation (`METHOD /path`) with its answers as the routes really give them. */
export function withOperationAnswers(key: string, operation: Operation): Operation {
  const responses: Record<string, Answer> = {};
  for (const [status, answer] of Object.entries(operation.responses ?? {})) {
    responses[status] = isError(status)
      ? { ...answer, content: { 'application/json': { schema: ERROR_REF } } }
      : answer;
  }
  const other = NON_JSON_ANSWERS[key];
  if (other) {
    responses['200'] = {
      description: 'OK',
      content: { [other.mediaType]: { schema: jsonSchema(other.schema) } },
    };
  }
  if (CREATED_ANSWERS.includes(key) && responses['200']) {
    // Same answer, at the status the route really sets.
    const { 200: created, ...rest } = responses;
    return { ...operation, responses: { 201: { ...created, description: 'Created' }, ...rest } };
  }
  return { ...operation, responses };
}
