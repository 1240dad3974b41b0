// @ts-check
/**
 * One jest run for the three tiers (STYLE.md habit 10): `npx jest` runs them all,
 * `npx jest --selectProjects unit` (or `integration`, `e2e`) runs one.
 *
 * The code compiles to CommonJS, but @nestjs/* (and file-type, which @nestjs/common pulls in) ship
 * as ES modules only. Jest's module system cannot load ESM without --experimental-vm-modules, so
 * those packages go through @swc/jest as well and come out as CommonJS.
 */

/** Packages in node_modules that have no CommonJS build and so must be transformed. */
const ESM_ONLY_PACKAGES = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
  // openapi-typescript's own dependencies, for the test that regenerates the web app's types.
  'parse-json',
  'index-to-position',
  'supports-color',
  'change-case',
];

/** @type {import('@swc/core').Options} */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    // Nest names providers and log contexts after classes; keep the names.
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/**
 * The @app/* aliases, from the one place that defines them: `@app/domain` names a library's entry
 * point, `@app/api/*` and `@app/worker/*` a module under that app's src/ (scripts run the apps' code).
 */
const { paths } = require('./tsconfig.base.json').compilerOptions;
const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => {
    const file = `<rootDir>/${target.replace(/^\.\//, '')}`;
    return alias.endsWith('/*') ? [`^${alias.slice(0, -1)}(.*)$`, file.replace(/\*$/, '$1')] : [`^${alias}$`, file];
  }),
);

/** @type {import('jest').Config} */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swcOptions] },
  // Also where npm nests them: node_modules/openapi-typescript/node_modules/parse-json.
  transformIgnorePatterns: [`/node_modules/(?!(.*/node_modules/)?(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  // The web app has its own tools (vitest, Playwright) and its own tsconfig.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/apps/web/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
};

/** Integration and e2e tests share one template database per run, built once by globalSetup. */
const withDatabase = {
  ...shared,
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
};

/** @type {import('jest').Config} */
module.exports = {
  // The machine has two cores; integration tests also share one Postgres and one Redis.
  maxWorkers: 2,
  // Generous for the integration tier (migrations, Redis restarts); unit tests finish in ms anyway.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
    },
    {
      ...withDatabase,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.int-spec.ts'],
    },
    {
      ...withDatabase,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
    },
  ],
};
