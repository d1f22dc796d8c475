/** Domain modules are tested directly; integration tests boot the compiled app (see tests/harness). */
const onPostgres =
  process.env.DATABASE_CLIENT === 'postgres' ||
  /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Tests of PostgreSQL's own features (LISTEN/NOTIFY), which SQLite does not have.
  testPathIgnorePatterns: ['/node_modules/', ...(onPostgres ? [] : ['/tests/api/postgres-'])],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  globalSetup: '<rootDir>/tests/harness/global-setup.ts',
  testTimeout: 120000,
};
