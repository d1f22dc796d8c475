/**
 * The document service accepts a relation as a documentId, a numeric id, an object with either, or
 * { connect | set: [...] }. Rules that depend on the related entry need to know which one was meant.
 */
export type RelationTarget = { documentId: string } | { id: number };

/** undefined: the data does not touch the relation; null: it clears it. */
export function singleRelationTarget(value: unknown): RelationTarget | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value ? { documentId: value } : null;
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value))
    return value.length ? singleRelationTarget(value[value.length - 1]) : null;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.documentId === 'string') return { documentId: record.documentId };
    if (typeof record.id === 'number') return { id: record.id };
    if ('set' in record) return singleRelationTarget(record.set);
    const connect = record.connect;
    if (Array.isArray(connect) && connect.length)
      return singleRelationTarget(connect[connect.length - 1]);
    // The admin sends { connect: [], disconnect: [] } for a relation left as it was.
    const disconnect = record.disconnect;
    if (Array.isArray(disconnect) && disconnect.length) return null;
  }
  return undefined;
}
