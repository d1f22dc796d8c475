import { errors } from '@strapi/utils';
import type { RuleViolation } from '../catalogue/rules/disclosure-attribute';

/**
 * Turns domain rule violations into the ValidationError Strapi answers with 400, in the same shape as
 * its own schema validation (`details.errors[].path`), so the admin highlights the field.
 */
export function throwIfViolated(violations: RuleViolation[]): void {
  if (violations.length === 0) return;
  const message = violations.map((violation) => violation.message).join('；');
  throw new errors.ValidationError(message, {
    errors: violations.map(({ field, message: fieldMessage }) => ({
      path: [field],
      message: fieldMessage,
      name: 'ValidationError',
      value: undefined,
    })),
  });
}

export const violation = (field: string, message: string): RuleViolation => ({ field, message });
