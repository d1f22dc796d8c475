#!/usr/bin/env node
/**
 * First run on a fresh clone: write a .env with freshly generated secrets, so `npm run develop` works
 * without a manual copy step. Never overwrites an existing .env; production deployments set their own
 * secrets in the environment.
 */
const fs = require('fs');
const path = require('path');
const { freshSecrets } = require('./fresh-secrets');

const file = path.join(__dirname, '..', '.env');
if (fs.existsSync(file)) process.exit(0);

const lines = [
  '# Generated on first run. Keep out of version control.',
  '# Refused by `npm start` in production: set real secrets there.',
  'SECRETS_FOR=development',
  'HOST=0.0.0.0',
  'PORT=1337',
  ...Object.entries(freshSecrets()).map(([name, value]) => `${name}=${value}`),
  'DATABASE_CLIENT=sqlite',
  'DATABASE_FILENAME=.tmp/data.db',
  '# Seed the demo catalogue on an empty database (development only).',
  'SEED_DEMO=true',
  '',
];
fs.writeFileSync(file, lines.join('\n'), { mode: 0o600 });
console.log('Wrote .env with new secrets (development).');
