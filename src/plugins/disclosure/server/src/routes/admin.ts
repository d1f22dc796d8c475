import { LEDGER_READ_ACTION, REVIEW_ACTION, SETTINGS_MANAGE_ACTION } from '../constants';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
/** Syndication subscribers and sources hold endpoints and secrets: super admins only. */
const superAdmin = { policies: ['admin::isAuthenticatedAdmin', 'plugin::disclosure.is-super-admin'] };
/** The auditor's permission (the Auditor role has it and nothing else; super admins have all). */
const canReadLedger = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [LEDGER_READ_ACTION] } }],
};
/** 保密审查: reviewers (and super admins) only. */
const canRecordReview = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [REVIEW_ACTION] } }],
};
/** The holiday calendar and the conversion dictionary: super admins, or roles given this permission. */
const canManageSettings = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [SETTINGS_MANAGE_ACTION] } }],
};

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/compliance', handler: 'compliance.report', config: authenticated },
    { method: 'GET', path: '/due-today', handler: 'compliance.dueToday', config: authenticated },
    { method: 'GET', path: '/item-status', handler: 'item-status.find', config: authenticated },
    { method: 'GET', path: '/ledger', handler: 'ledger.find', config: canReadLedger },
    { method: 'POST', path: '/reviews', handler: 'reviews.record', config: canRecordReview },
    { method: 'GET', path: '/subscribers', handler: 'subscribers.find', config: superAdmin },
    { method: 'POST', path: '/subscribers', handler: 'subscribers.create', config: superAdmin },
    { method: 'PUT', path: '/subscribers/:id', handler: 'subscribers.update', config: superAdmin },
    { method: 'POST', path: '/subscribers/:id/rotate-secret', handler: 'subscribers.rotateSecret', config: superAdmin },
    { method: 'POST', path: '/subscribers/:id/resend', handler: 'subscribers.resend', config: superAdmin },
    { method: 'GET', path: '/sources', handler: 'sources.find', config: superAdmin },
    { method: 'POST', path: '/sources', handler: 'sources.create', config: superAdmin },
    { method: 'PUT', path: '/sources/:id', handler: 'sources.update', config: superAdmin },
    { method: 'GET', path: '/syndication-status', handler: 'syndication-status.report', config: superAdmin },
    { method: 'GET', path: '/deliveries', handler: 'subscribers.deliveries', config: superAdmin },
    { method: 'POST', path: '/deliveries/:id/retry', handler: 'subscribers.retry', config: superAdmin },
    { method: 'GET', path: '/translation-locks', handler: 'translation-locks.find', config: authenticated },
    { method: 'DELETE', path: '/translation-locks/:id', handler: 'translation-locks.unlock', config: authenticated },
    { method: 'GET', path: '/calendar', handler: 'settings.calendar', config: authenticated },
    { method: 'POST', path: '/calendar/days', handler: 'settings.addCalendarDay', config: canManageSettings },
    { method: 'DELETE', path: '/calendar/days/:id', handler: 'settings.removeCalendarDay', config: canManageSettings },
    { method: 'GET', path: '/conversion-terms', handler: 'settings.conversionTerms', config: authenticated },
    { method: 'POST', path: '/conversion-terms', handler: 'settings.createConversionTerm', config: canManageSettings },
    { method: 'PUT', path: '/conversion-terms/:id', handler: 'settings.updateConversionTerm', config: canManageSettings },
    { method: 'DELETE', path: '/conversion-terms/:id', handler: 'settings.removeConversionTerm', config: canManageSettings },
    { method: 'GET', path: '/deadline-rules', handler: 'settings.deadlineRules', config: authenticated },
  ],
};
