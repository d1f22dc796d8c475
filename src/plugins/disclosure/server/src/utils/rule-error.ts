/**
 * A request a capability's rules refuse: the admin shows `messageZh`, logs and API clients read
 * `message`, and `field` names the body field at fault so the form can highlight it. Pure (no Strapi):
 * the services turn it into a 400 (`asValidationError`).
 */
export class RuleError extends Error {
  constructor(
    public readonly messageZh: string,
    message: string,
    public readonly field?: string
  ) {
    super(message);
    this.name = 'RuleError';
  }
}
