/**
 * The zh-Hant copy's own writes are marked on their document-service parameters, so the middlewares
 * that already acted on the zh-Hans write they follow (scope, syndication, deadlines, the sync
 * itself) can tell them apart. A symbol: no request body or query can carry it.
 */
export const TRADITIONAL_COPY = Symbol('disclosure.traditional-copy');

type Marked = { [TRADITIONAL_COPY]?: true };

/** Parameters for a write made by the zh-Hant sync. */
export const asTraditionalCopy = <Params extends object>(params: Params): Params & Marked => ({
  ...params,
  [TRADITIONAL_COPY]: true,
});

/** Whether a document-service call is one of the sync's own writes. */
export const isTraditionalCopy = (params: unknown): boolean =>
  typeof params === 'object' && params !== null && (params as Marked)[TRADITIONAL_COPY] === true;

/** A write made on behalf of another (a cascade) carries that write's mark, if it has one. */
export const withMarkOf = <Params extends object>(
  origin: unknown,
  params: Params
): Params & Marked => (isTraditionalCopy(origin) ? asTraditionalCopy(params) : params);
