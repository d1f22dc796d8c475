const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
/** The auditor's permission (the Auditor role has it and nothing else; super admins have all). */
const canReadLedger = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: ['plugin::disclosure.ledger.read'] } }],
};

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/compliance', handler: 'compliance.find', config: authenticated },
    { method: 'GET', path: '/ledger', handler: 'ledger.find', config: canReadLedger },
    { method: 'GET', path: '/translation-locks', handler: 'translation-locks.find', config: authenticated },
    { method: 'DELETE', path: '/translation-locks/:id', handler: 'translation-locks.unlock', config: authenticated },
  ],
};
