import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key per-address limits count a client by. IPv4: the address. IPv6: its /64 (the first four
 * groups), the smallest block one subscriber is given, so a host cannot escape a limit by rotating
 * through the 2^64 addresses of its own network; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, as a
 * dual-stack server sees IPv4 clients) is the IPv4 address it maps. Anything else (no address, a
 * malformed one) is counted as it is written.
 */
export function clientKey(address: string | undefined | null): string {
  if (!address) return 'unknown';
  const trimmed = address.trim();
  if (isIPv4(trimmed)) return trimmed;
  // A zone (fe80::1%eth0) names an interface, not another client.
  const unzoned = trimmed.replace(/%.*$/, '');
  if (!isIPv6(unzoned)) return trimmed;
  const groups = ipv6Groups(unzoned);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    const high = groups[6]!;
    const low = groups[7]!;
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail as two groups). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((group) => parseInt(group, 16)) : [];
  const first = parse(head);
  const last = parse(tail);
  const zeros = tail === undefined ? [] : Array<number>(8 - first.length - last.length).fill(0);
  return [...first, ...zeros, ...last];
}
