import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useFailureText } from '../components/common';

export interface DisclosureDataOptions {
  /** Query parameters. Compared by value: an inline object does not load again on every render. */
  params?: Record<string, unknown>;
  /** Anything else whose change should load again (the edited document's version, a look-up count); not sent. */
  refreshKey?: unknown;
  /**
   * What a failed request shows (default: useFailureText, the server's message). Answering null makes
   * the failure an answer, not a fault (a 404 meaning "none"): data and error are then both null.
   */
  errorText?: (failure: unknown) => string | null;
  /** Forget the previous answer (and error) when the url, params or refreshKey change; reload() keeps it. */
  resetOnChange?: boolean;
}

/** A route's `meta` (a list's pagination), for answers that have one. */
export type MetaOf<TResponse> = TResponse extends { meta: infer M } ? M : never;

export interface DisclosureData<T, M = never> {
  /** The answer's `data`; null before the first answer (and after a failure answered null). Kept while reloading. */
  data: T | null;
  /** The same answer's `meta` (a list's pagination), when the route sends one; null alongside `data`. */
  meta: M | null;
  /** The last request's failure, in words; cleared by the next answer. */
  error: string | null;
  /** A request is under way. */
  isLoading: boolean;
  /** Loads again with the current url and params; resolves when the answer is in (never rejects). */
  reload: () => Promise<void>;
  /** Replaces the data held (an updated row from a PUT's answer) without asking the server. */
  setData: React.Dispatch<React.SetStateAction<T | null>>;
}

interface State<T, M> {
  data: T | null;
  meta: M | null;
  error: string | null;
  isLoading: boolean;
  /** The url and params (as a key) and refreshKey the data answers; null before the first request. */
  asked: { key: string; refreshKey: unknown } | null;
}

/**
 * GET a plugin admin route (`/disclosure/…`) with Strapi's fetch client and hold its answer: loads on
 * mount and whenever `url`, `options.params` or `options.refreshKey` change; `url` null loads nothing.
 *
 * Every request has an AbortController of its own: a newer request (new parameters, reload) or
 * unmounting aborts the one before, and an answer arriving for an aborted request is dropped, so a
 * slow answer to an older question never overwrites a newer one.
 *
 * `TResponse` is the route's response type from shared/contracts (`{ data: … }`).
 */
export function useDisclosureData<TResponse extends { data: unknown }>(
  url: string | null,
  options: DisclosureDataOptions = {}
): DisclosureData<TResponse['data'], MetaOf<TResponse>> {
  type T = TResponse['data'];
  type M = MetaOf<TResponse>;
  const { get } = useFetchClient();
  const failureText = useFailureText();
  const { params, refreshKey, resetOnChange = false } = options;

  const [state, setState] = React.useState<State<T, M>>({
    data: null,
    meta: null,
    error: null,
    isLoading: false,
    asked: null,
  });
  // The latest arguments, for reload() and the effect (which runs on the key, not on object identity).
  const latest = React.useRef({ url, params, errorText: options.errorText ?? failureText });
  // Declared before the loading effect, so it has the arguments of the same render.
  React.useLayoutEffect(() => {
    latest.current = { url, params, errorText: options.errorText ?? failureText };
  });
  const inFlight = React.useRef<AbortController | null>(null);

  /** Asks with the latest arguments; `asked` is what a new question is about (reload keeps the current one). */
  const load = React.useCallback(
    (asked: State<T, M>['asked'] | 'same', reset: boolean): Promise<void> => {
      inFlight.current?.abort();
      inFlight.current = null;
      const { url: target, params: query } = latest.current;
      if (target === null) {
        setState({ data: null, meta: null, error: null, isLoading: false, asked: null });
        return Promise.resolve();
      }
      const controller = new AbortController();
      inFlight.current = controller;
      setState((current) => ({
        ...(reset ? { data: null, meta: null, error: null } : current),
        isLoading: true,
        asked: asked === 'same' ? current.asked : asked,
      }));
      return get<TResponse>(target, { params: query, signal: controller.signal }).then(
        ({ data: body }) => {
          if (controller.signal.aborted) return;
          inFlight.current = null;
          setState((current) => ({
            ...current,
            data: body.data as T,
            meta: 'meta' in body ? (body.meta as M) : null,
            error: null,
            isLoading: false,
          }));
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          inFlight.current = null;
          const text = latest.current.errorText(failure);
          setState((current) => ({
            ...current,
            data: text === null ? null : current.data,
            meta: text === null ? null : current.meta,
            error: text,
            isLoading: false,
          }));
        }
      );
    },
    [get]
  );

  const key = url === null ? null : JSON.stringify([url, params ?? {}]);
  React.useEffect(() => {
    load(key === null ? null : { key, refreshKey }, resetOnChange);
  }, [key, refreshKey, load, resetOnChange]);
  React.useEffect(() => () => inFlight.current?.abort(), []);

  const reload = React.useCallback(() => load('same', false), [load]);
  const setData = React.useCallback<React.Dispatch<React.SetStateAction<T | null>>>(
    (update) =>
      setState((current) => ({
        ...current,
        data:
          typeof update === 'function'
            ? (update as (previous: T | null) => T | null)(current.data)
            : update,
      })),
    []
  );

  if (key === null)
    return { data: null, meta: null, error: null, isLoading: false, reload, setData };
  // Between a change of the question and the effect that asks it (one render), the answer held is
  // about the previous question: loading, and with resetOnChange not shown.
  const stale =
    state.asked === null ||
    state.asked.key !== key ||
    !Object.is(state.asked.refreshKey, refreshKey);
  if (stale && resetOnChange)
    return { data: null, meta: null, error: null, isLoading: true, reload, setData };
  return {
    data: state.data,
    meta: state.meta,
    error: state.error,
    isLoading: state.isLoading || stale,
    reload,
    setData,
  };
}
