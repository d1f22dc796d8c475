import {
  LEDGER_READ_ACTION,
  REVIEW_ACTION,
  SETTINGS_MANAGE_ACTION,
} from '../../../shared/constants';

const permission = (action: string) => ({
  name: 'admin::hasPermissions',
  config: { actions: [action] },
});

/** Who may call an admin route: the policies each capability's routes take. */
export const ROUTE_ACCESS = {
  /** Any signed-in admin (the handler scopes what they see to their organizations). */
  authenticated: { policies: ['admin::isAuthenticatedAdmin'] },
  /** Syndication subscribers and sources hold endpoints and secrets: super admins only. */
  superAdmin: { policies: ['admin::isAuthenticatedAdmin', 'plugin::disclosure.is-super-admin'] },
  /** The auditor's permission (the Auditor role has it and nothing else; super admins have all). */
  canReadLedger: { policies: ['admin::isAuthenticatedAdmin', permission(LEDGER_READ_ACTION)] },
  /** 保密审查: reviewers (and super admins) only. */
  canRecordReview: { policies: ['admin::isAuthenticatedAdmin', permission(REVIEW_ACTION)] },
  /** The holiday calendar and the conversion dictionary: super admins, or roles given this permission. */
  canManageSettings: {
    policies: ['admin::isAuthenticatedAdmin', permission(SETTINGS_MANAGE_ACTION)],
  },
  /** Public content-API routes, answered to anyone. */
  public: { auth: false },
} as const;

/** A public content-API route limited to `max` requests per `perSeconds` from one address. */
export const publicRateLimited = (max: number, perSeconds: number) => ({
  auth: false,
  middlewares: [{ name: 'plugin::disclosure.rate-limit', config: { max, perSeconds } }],
});
