/**
 * The secrets Strapi needs, freshly generated: for the first .env, for test instances and for
 * benchmark runs (each run its own, so nothing reuses a development secret).
 */
const crypto = require('crypto');

const secret = () => crypto.randomBytes(16).toString('base64');

/** @returns {Record<string, string>} APP_KEYS and the five salts/secrets, as environment variables */
function freshSecrets() {
  return {
    APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

module.exports = { freshSecrets };
