/** The longest address taken from anyone (the schema's maxLength of `reprintedFromUrl`). */
export const MAX_WEB_ADDRESS_LENGTH = 2048;

/**
 * `value` as an http or https URL, or null. Addresses from partners and editors end up as links (in
 * the admin, on the municipal sites that show a reprint's source) or are fetched: any other scheme
 * (`javascript:`, `data:`, `file:`) would run or read something there. Parsed as browsers parse links
 * (WHATWG URL: tabs and newlines dropped, case folded), so the scheme checked is the one a link opens.
 */
export function webAddress(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > MAX_WEB_ADDRESS_LENGTH) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export const isWebAddress = (value: unknown): value is string => webAddress(value) !== null;
