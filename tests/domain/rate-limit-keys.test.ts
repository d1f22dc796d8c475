import { clientKey } from '../../src/plugins/disclosure/server/src/security/rules/client-key';
import { RateLimiter } from '../../src/plugins/disclosure/server/src/security/rules/rate-limit';
import { LoginGuard } from '../../src/plugins/disclosure/server/src/security/rules/login-guard';

/**
 * Per-address limits key a client by the block one subscriber has: IPv4 by address, IPv6 by /64
 * (IPv4-mapped IPv6 as its IPv4 address); and they remember a bounded number of clients.
 */
describe('clientKey', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:cb00:7107', '203.0.113.7'],
    ['0:0:0:0:0:ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:1:2::203.0.113.7', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['64:ff9b::203.0.113.7', '64:ff9b:0:0::/64'],
    ['not an address', 'not an address'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });

  test('every address of one /64 is one client; the next /64 another', () => {
    const keys = new Set(
      Array.from({ length: 50 }, (_, i) => clientKey(`2001:db8:aa:bb:${i.toString(16)}::${i + 1}`))
    );
    expect([...keys]).toEqual(['2001:db8:aa:bb::/64']);
    expect(clientKey('2001:db8:aa:bc::1')).not.toBe(clientKey('2001:db8:aa:bb::1'));
    expect(clientKey('203.0.113.8')).not.toBe(clientKey('203.0.113.7'));
  });

  test('the login guard holds an IPv6 host rotating through its /64 to one allowance', () => {
    const guard = new LoginGuard(
      { maxFailures: 5, lockoutSeconds: 900, attemptsPerAddress: 3, addressWindowSeconds: 900 },
      () => 0
    );
    const decisions = [1, 2, 3, 4].map(
      (i) => guard.attempt(`2001:db8:5:6::${i}`, `user${i}@example.gov.cn`).reason
    );
    expect(decisions).toEqual([undefined, undefined, undefined, 'address-limit']);
  });
});

describe('RateLimiter memory', () => {
  test('never remembers more than its cap, however many clients come', () => {
    const limiter = new RateLimiter(2, 60, () => 0, 100);
    for (let i = 0; i < 5_000; i += 1) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(100);
  });

  test('drops the least recently used client first, and a flood does not reset the others', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60, () => now, 3);
    limiter.take('busy');
    limiter.take('busy');
    expect(limiter.take('busy').allowed).toBe(false);
    limiter.take('a');
    limiter.take('b');
    // 'busy' is used again (refused), so 'a', the least recently used, goes for 'c'.
    now += 1;
    expect(limiter.take('busy').allowed).toBe(false);
    limiter.take('c');
    expect(limiter.size).toBe(3);
    expect(limiter.take('busy').allowed).toBe(false);
    // 'a' was forgotten: a full allowance again.
    expect(limiter.take('a').remaining).toBe(1);
  });
});
