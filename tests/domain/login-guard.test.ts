import { LoginGuard } from '../../src/plugins/disclosure/server/src/security/rules/login-guard';

const policy = {
  maxFailures: 5,
  lockoutSeconds: 900,
  attemptsPerAddress: 20,
  addressWindowSeconds: 900,
};

describe('login guard', () => {
  let now = 0;
  const guard = () => new LoginGuard(policy, () => now);

  beforeEach(() => {
    now = Date.UTC(2026, 4, 11);
  });

  test('the fifth failure locks the account for the lockout period, from any address', () => {
    const login = guard();
    for (let i = 1; i <= 4; i += 1) expect(login.failed('Chief@Example.gov.cn')).toBe(false);
    expect(login.failed(' chief@example.gov.cn ')).toBe(true);
    expect(login.attempt('10.0.0.9', 'CHIEF@example.gov.cn')).toEqual({
      allowed: false,
      reason: 'account-locked',
      retryAfterSeconds: 900,
    });
    now += 899_000;
    expect(login.attempt('10.0.0.1', 'chief@example.gov.cn').allowed).toBe(false);
    now += 1_000;
    expect(login.attempt('10.0.0.1', 'chief@example.gov.cn').allowed).toBe(true);
    // An expired lockout starts the count again.
    expect(login.failed('chief@example.gov.cn')).toBe(false);
  });

  test('a success clears the failures', () => {
    const login = guard();
    for (let i = 1; i <= 4; i += 1) login.failed('clerk');
    login.succeeded('clerk');
    for (let i = 1; i <= 4; i += 1) expect(login.failed('clerk')).toBe(false);
  });

  test('an address is limited however many accounts it names', () => {
    const login = guard();
    for (let i = 1; i <= 20; i += 1)
      expect(login.attempt('10.0.0.7', `user${i}`).allowed).toBe(true);
    const refused = login.attempt('10.0.0.7', 'user21');
    expect(refused).toMatchObject({ allowed: false, reason: 'address-limit' });
    expect(refused.retryAfterSeconds).toBe(45); // one attempt refills every 900 / 20 seconds
    expect(login.attempt('10.0.0.8', 'user21').allowed).toBe(true);
  });
});
