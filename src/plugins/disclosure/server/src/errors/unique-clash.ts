import {
  refusedAsNotUniqueBy,
  uniqueClashMessage,
  uniqueFieldsOf,
  uniqueViolationField,
} from './rules/unique-constraints';
import { throwIfViolated, violation } from './rule-violations';

/**
 * A write refused for a unique field, by the index or by Strapi's own unique check (which a write
 * racing past a service's own check can meet first): the editor's message naming the value.
 */
export function refuseUniqueClash(error: unknown, data: unknown, table: string): never {
  const field =
    uniqueViolationField(error, table) ??
    uniqueFieldsOf(table).find((candidate) => refusedAsNotUniqueBy(error, candidate));
  if (field)
    throwIfViolated([
      violation(
        field,
        uniqueClashMessage[field](
          String((data as Record<string, unknown> | undefined)?.[field] ?? '')
        )
      ),
    ]);
  throw error;
}
