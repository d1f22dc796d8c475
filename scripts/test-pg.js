#!/usr/bin/env node
/**
 * `npm run test:pg`: the same suite on PostgreSQL. Each suite creates and drops its own database on
 * the server DATABASE_URL names (default: the local server, user postgres, trust auth).
 */
const { spawnSync } = require('child_process');

const env = {
  ...process.env,
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
};
const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), '--runInBand', ...process.argv.slice(2)],
  { env, stdio: 'inherit' }
);
process.exit(result.status ?? 1);
