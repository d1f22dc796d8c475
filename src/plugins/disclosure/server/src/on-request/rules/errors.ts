/**
 * A request the on-request rules refuse: the admin shows `messageZh`, logs and API clients read
 * `message`, and `field` names the body field at fault so the form can highlight it.
 */
export class OnRequestRuleError extends Error {
  constructor(
    public readonly messageZh: string,
    message: string,
    public readonly field?: string
  ) {
    super(message);
    this.name = 'OnRequestRuleError';
  }
}
