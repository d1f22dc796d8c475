/**
 * The catalogue's uniqueness rules, as the editor reads them and as the database enforces them
 * (the unique indexes of database/migrations/…catalogue-indexes.js). The catalogue rules check first,
 * under a lock; the index is what holds when two writes race past any check.
 */
export type UniqueField = 'indexNumber' | 'documentNumber' | 'code' | 'date';

export const uniqueClashMessage: Record<UniqueField, (value: string) => string> = {
  indexNumber: (value) =>
    `索引号（indexNumber）已被其他条目使用，须唯一：${value} (index number already used by another document)`,
  documentNumber: (value) =>
    `文号 ${value} 已被本机关的其他文件使用 (document number already used by this issuer)`,
  code: (value) =>
    `机构代码（code）已被其他机构使用，须唯一：${value} (organization code already used)`,
  date: (value) =>
    `${value} 已在节假日安排中，每个日期只能录入一次 (${value} is already in the holiday calendar; each date must be unique)`,
};

/**
 * Column → field per table. SQLite names the columns; PostgreSQL the index, whose name includes the
 * column. Longer names first: issuer_document_number contains document_number.
 */
const COLUMNS: Record<string, Array<[string, UniqueField]>> = {
  policy_documents: [
    ['issuer_document_number', 'documentNumber'],
    ['index_number', 'indexNumber'],
  ],
  organizations: [['code', 'code']],
  disclosure_calendar_days: [['date', 'date']],
};

/**
 * The field whose uniqueness a database error reports, or null for any other error.
 * PostgreSQL: SQLSTATE 23505 with the index name; SQLite: "UNIQUE constraint failed: table.column, …".
 */
export function uniqueViolationField(error: unknown, table: string): UniqueField | null {
  const candidate = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!candidate || typeof candidate !== 'object') return null;
  let described: string | null = null;
  if (candidate.code === '23505' && typeof candidate.constraint === 'string')
    described = candidate.constraint;
  else if (
    typeof candidate.code === 'string' &&
    candidate.code.startsWith('SQLITE_CONSTRAINT') &&
    typeof candidate.message === 'string'
  ) {
    described = candidate.message;
  }
  if (!described || !described.includes(table)) return null;
  return (COLUMNS[table] ?? []).find(([column]) => described!.includes(column))?.[1] ?? null;
}

/** The unique fields a table's rows carry. */
export const uniqueFieldsOf = (table: string): UniqueField[] =>
  (COLUMNS[table] ?? []).map(([, field]) => field);

/**
 * Whether an error is Strapi's own `unique` check (the entity validator's, a count before the insert)
 * refusing this field and nothing else. Two writes that race past a plugin's check usually meet it
 * before they reach the unique index (PostgreSQL: the first has committed by the time the second
 * counts), and its message names neither the value nor the rule.
 */
export function refusedAsNotUniqueBy(error: unknown, field: UniqueField): boolean {
  const candidate = error as { name?: unknown; details?: { errors?: unknown } } | null;
  if (!candidate || typeof candidate !== 'object' || candidate.name !== 'ValidationError')
    return false;
  const refusals = candidate.details?.errors;
  if (!Array.isArray(refusals) || refusals.length === 0) return false;
  return refusals.every(
    (refusal: { path?: unknown; message?: unknown } | null | undefined) =>
      Array.isArray(refusal?.path) &&
      refusal.path.join('.') === field &&
      /must be unique/i.test(String(refusal?.message ?? ''))
  );
}

/** The value stored for the per-issuer 文号 index: the issuer's documentId and the normalized 文号. */
export const issuerDocumentNumber = (
  issuerDocumentId: string | null | undefined,
  documentNumber: string | null | undefined
): string | null =>
  issuerDocumentId && documentNumber ? `${issuerDocumentId}:${documentNumber}` : null;
