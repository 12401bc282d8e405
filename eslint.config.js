import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_FOCUSED_TESTS = {
  selector:
    "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
  message: 'Do not commit focused tests (.only).',
};

/**
 * The web never decides who may do what from a role: it asks `useCan(action)`
 * (src/capabilities), which answers from the capabilities the server sent.
 */
const ROLE_LITERAL = 'Literal[value=/^(owner|editor|commenter|viewer)$/]';
const NO_ROLE_CHECKS = [
  {
    selector: `BinaryExpression[operator=/^[!=]==?$/] > ${ROLE_LITERAL}`,
    message: 'Ask useCan(action) instead of comparing roles (packages/shared/src/capabilities).',
  },
  {
    selector: `SwitchCase > ${ROLE_LITERAL}.test`,
    message: 'Ask useCan(action) instead of switching on roles (packages/shared/src/capabilities).',
  },
  {
    selector: `CallExpression[callee.property.name='includes'] ${ROLE_LITERAL}`,
    message: 'Ask useCan(action) instead of looking roles up (packages/shared/src/capabilities).',
  },
];

/** Renaming a test hook must never break the app (drag and drop found cells by test id once). */
const NO_TEST_IDS = {
  selector: 'Literal[value=/data-testid/], TemplateElement[value.raw=/data-testid/]',
  message: 'App code finds elements by its own attributes or refs; data-testid is for tests only.',
};

/**
 * The web talks to the server through the typed client over the shared REST
 * contract (src/api/client.ts: `call(routes.x.y, …)`, `stream(…)`), from
 * TanStack Query hooks; no other code sends requests or writes an API path.
 */
const NO_RAW_REQUESTS = [
  {
    selector: "CallExpression[callee.name='fetch'], CallExpression[callee.property.name='fetch']",
    message: 'Use the typed client (src/api/client.ts) through a query hook, not fetch.',
  },
  {
    selector: 'Literal[value=/^\\/api\\//], TemplateElement[value.raw=/^\\/api\\//]',
    message: 'REST paths are written once, in packages/shared/src/api/routes (call(routes.x.y)).',
  },
];

/**
 * Test files share one module cache per worker (vitest.workspace.ts), so a file
 * that replaces a module must say so in its name and run isolated.
 */
const NO_SHARED_MODULE_MOCKS = {
  selector:
    "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock|resetModules)$/]",
  message:
    'Test files share modules; a file that mocks one is named *.isolated.test.* (vitest.workspace.ts).',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '**/.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.workspace.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify plugins are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', NO_FOCUSED_TESTS],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', NO_FOCUSED_TESTS, ...NO_ROLE_CHECKS],
      // Components reach the board only through src/board/*: never Y.* directly.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'yjs', message: 'Use the board model (src/board) instead of Y.* in the UI.' },
          ],
        },
      ],
    },
  },
  {
    // App code only (tests may find elements by test id and mock the wire by URL).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: [
      'apps/web/src/**/*.test.{ts,tsx}',
      'apps/web/src/test/**',
      'apps/web/src/**/testing/**',
    ],
    rules: {
      // One list: a later block's no-restricted-syntax replaces, not extends, an earlier one's.
      'no-restricted-syntax': [
        'error',
        NO_FOCUSED_TESTS,
        ...NO_ROLE_CHECKS,
        NO_TEST_IDS,
        ...NO_RAW_REQUESTS,
      ],
    },
  },
  {
    // The typed client is the one place that sends requests.
    files: ['apps/web/src/api/client.ts'],
    rules: {
      'no-restricted-syntax': ['error', NO_FOCUSED_TESTS, ...NO_ROLE_CHECKS, NO_TEST_IDS],
    },
  },
  {
    files: ['apps/web/src/board/**/*.{ts,tsx}', 'apps/web/src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['apps/server/**/*.test.ts'],
    ignores: ['**/*.isolated.test.*'],
    rules: { 'no-restricted-syntax': ['error', NO_FOCUSED_TESTS, NO_SHARED_MODULE_MOCKS] },
  },
  {
    files: ['apps/web/src/**/*.test.{ts,tsx}'],
    ignores: ['**/*.isolated.test.*'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_FOCUSED_TESTS,
        ...NO_ROLE_CHECKS,
        NO_SHARED_MODULE_MOCKS,
      ],
    },
  },
  {
    // Tests read untyped JSON bodies (`response.json()`) on purpose.
    files: ['**/*.test.{ts,tsx}', '**/test/**/*.ts', 'apps/web/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    files: ['apps/web/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
