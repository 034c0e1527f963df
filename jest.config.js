const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
swc.jsc.baseUrl = __dirname;

const moduleNameMapper = {
  '^@paritrana/(contracts|infra|messaging|platform|service|testing)$': '<rootDir>/libs/$1/src',
  '^@paritrana/(contracts|infra|messaging|platform|service|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper,
};

/** @type {import('jest').Config} */
module.exports = {
  // Two workers: the unit suites are CPU-bound, and each integration worker starts its own broker.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tools/jest/plain-summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: '<rootDir>/tools/jest/captured-logs-environment.js',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/unit-setup.ts'],
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testEnvironment: '<rootDir>/tools/jest/captured-logs-environment.js',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/integration-setup.ts'],
    },
  ],
};
