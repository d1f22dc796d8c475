/**
 * Brute-force protection for logins, by address and by account separately: an attacker who varies
 * the account name is still held by the address limit, and one who spreads attempts over many
 * addresses is still held by the account lockout. (Strapi's own limiter keys on e-mail plus address
 * together, which neither catches.)
 */
import { RateLimiter } from './rate-limit';
import { clientKey } from './client-key';

export interface LoginPolicy {
  /** Failed logins after which an account is locked */
  maxFailures: number;
  /** How long a locked account stays locked, in seconds */
  lockoutSeconds: number;
  /** Login attempts one address may make… */
  attemptsPerAddress: number;
  /** …over this many seconds */
  addressWindowSeconds: number;
}

/** MLPS 2.0 practice: 5 failures lock the account for 15 minutes. */
export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  maxFailures: 5,
  lockoutSeconds: 15 * 60,
  attemptsPerAddress: 20,
  addressWindowSeconds: 15 * 60,
};

export interface LoginDecision {
  allowed: boolean;
  /** Why not, when not allowed */
  reason?: 'account-locked' | 'address-limit';
  /** Whole seconds until an attempt would be allowed (0 when allowed) */
  retryAfterSeconds: number;
}

interface AccountState {
  failures: number;
  lockedUntil: number;
}

export class LoginGuard {
  private readonly accounts = new Map<string, AccountState>();
  private readonly addresses: RateLimiter;

  constructor(
    readonly policy: LoginPolicy = DEFAULT_LOGIN_POLICY,
    private readonly now: () => number = Date.now,
    private readonly maxAccounts = 10_000
  ) {
    this.addresses = new RateLimiter(policy.attemptsPerAddress, policy.addressWindowSeconds, now);
  }

  /** Account names compare without case or surrounding space, as the login forms treat them. */
  static accountKey(account: unknown): string {
    return typeof account === 'string' ? account.trim().toLowerCase() : '';
  }

  /** Whether an attempt may go ahead; counts it against the address (an IPv6 one by its /64). */
  attempt(address: string, account: unknown): LoginDecision {
    const state = this.accounts.get(LoginGuard.accountKey(account));
    const now = this.now();
    if (state && state.lockedUntil > now) {
      return {
        allowed: false,
        reason: 'account-locked',
        retryAfterSeconds: Math.ceil((state.lockedUntil - now) / 1000),
      };
    }
    const byAddress = this.addresses.take(clientKey(address));
    if (!byAddress.allowed) {
      return {
        allowed: false,
        reason: 'address-limit',
        retryAfterSeconds: byAddress.retryAfterSeconds,
      };
    }
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** A wrong password: returns true when this failure locks the account. */
  failed(account: unknown): boolean {
    const key = LoginGuard.accountKey(account);
    if (!key) return false;
    const now = this.now();
    const state = this.accounts.get(key) ?? { failures: 0, lockedUntil: 0 };
    // A lockout that has run out starts the count again.
    if (state.lockedUntil && state.lockedUntil <= now)
      Object.assign(state, { failures: 0, lockedUntil: 0 });
    state.failures += 1;
    if (!this.accounts.has(key)) this.remember(key, state);
    if (state.failures >= this.policy.maxFailures) {
      state.lockedUntil = now + this.policy.lockoutSeconds * 1000;
      return true;
    }
    return false;
  }

  succeeded(account: unknown): void {
    this.accounts.delete(LoginGuard.accountKey(account));
  }

  private remember(key: string, state: AccountState) {
    if (this.accounts.size >= this.maxAccounts) {
      const now = this.now();
      for (const [other, value] of this.accounts)
        if (value.lockedUntil <= now) this.accounts.delete(other);
    }
    this.accounts.set(key, state);
  }
}
