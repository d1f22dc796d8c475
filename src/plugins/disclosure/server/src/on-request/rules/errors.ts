import { RuleError } from '../../utils/rule-error';

/**
 * A request the on-request rules refuse (the plugin's one rule error, utils/rule-error): the admin
 * shows `messageZh`, logs and API clients read `message`, and `field` names the body field at fault.
 */
export const OnRequestRuleError = RuleError;
export type OnRequestRuleError = RuleError;
