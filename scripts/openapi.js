#!/usr/bin/env node
/**
 * `npm run openapi`: rewrites docs/openapi.json, the OpenAPI description of the public API, from a
 * fresh app (the description served at /api/disclosure/openapi.json, generated from the routes).
 * `npm run openapi -- --check`: fails, changing nothing, when docs/openapi.json is stale.
 * Both boot the app on a throwaway SQLite database through tests/api/openapi.test.ts, which also
 * validates the real answers of every documented route against the description.
 */
const { spawnSync } = require('child_process');

const check = process.argv.includes('--check');
const env = { ...process.env, OPENAPI_WRITE: check ? '0' : '1' };
delete env.DATABASE_URL;
delete env.DATABASE_CLIENT;
const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), '--runInBand', 'tests/api/openapi.test.ts'],
  { env, stdio: 'inherit' }
);
if (result.status !== 0 && check)
  console.error('docs/openapi.json is stale or the API answers differ: run `npm run openapi`.');
process.exit(result.status ?? 1);
