/** Domain modules are tested directly; integration tests boot the compiled app (see tests/harness). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  globalSetup: '<rootDir>/tests/harness/global-setup.ts',
  testTimeout: 120000,
};
