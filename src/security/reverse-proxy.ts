/**
 * Behind a reverse proxy every request comes from the proxy's address, so per-address limits (the
 * feedback and conversion limits, the login guard) and the audit log's addresses would all be the
 * proxy's. With IS_PROXIED=true Koa reads the visitor's address from the proxy's header instead, but
 * only the entries the trusted proxies appended: a client can put anything it likes at the start of
 * X-Forwarded-For, and only the last PROXY_TRUSTED_HOPS entries were written by our own proxies.
 */
export interface ReverseProxyConfig {
  /** Koa's `proxy`: trust the proxy's headers at all */
  koa: boolean;
  /** The header the proxy writes the visitor's address into */
  ipHeader: string;
  /** How many entries, counted from the right, the trusted proxies wrote (Koa's maxIpsCount) */
  maxIpsCount: number;
}

export const DEFAULT_PROXY_IP_HEADER = 'X-Forwarded-For';
/** One proxy (nginx, the load balancer) in front of Strapi: its entry is the last one. */
export const DEFAULT_PROXY_TRUSTED_HOPS = 1;

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Strapi's `server.proxy` from the environment. Throws, stopping the start, on a header name that is
 * not one or a hop count that is not a positive whole number: Koa reads 0 as "every entry", which
 * would believe the client's own.
 */
export function reverseProxyConfig(env: Record<string, string | undefined>): ReverseProxyConfig {
  const koa = (env.IS_PROXIED ?? '').trim().toLowerCase() === 'true';
  const ipHeader = (env.PROXY_IP_HEADER ?? '').trim() || DEFAULT_PROXY_IP_HEADER;
  if (!HEADER_NAME.test(ipHeader))
    throw new Error(`PROXY_IP_HEADER is not an HTTP header name: "${ipHeader}"`);
  const hops = (env.PROXY_TRUSTED_HOPS ?? '').trim() || String(DEFAULT_PROXY_TRUSTED_HOPS);
  if (!/^[1-9]\d{0,1}$/.test(hops)) {
    throw new Error(
      `PROXY_TRUSTED_HOPS must be a whole number from 1 to 99 (the proxies in front of the server), not "${hops}"`
    );
  }
  return { koa, ipHeader, maxIpsCount: Number(hops) };
}
