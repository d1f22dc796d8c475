// @ts-check
/**
 * ESLint for the app, the disclosure plugin (server, admin, shared), the tests, the benchmark and the
 * scripts. Formatting is Prettier's (.prettierrc): eslint-config-prettier, last, turns off every rule
 * that would disagree with it. `npm run lint` runs both; `npm run format` fixes what they can.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PLUGIN = 'src/plugins/disclosure';
const ADMIN = ['src/admin/**/*.{ts,tsx}', `${PLUGIN}/admin/**/*.{ts,tsx}`];
const STRICT_ANY = [
  `${PLUGIN}/server/**/*.ts`,
  `${PLUGIN}/shared/**/*.ts`,
  `${PLUGIN}/admin/**/*.{ts,tsx}`,
];
const NOT_SHIPPED = ['tests/**', 'bench/**', 'scripts/**'];

const ANY_RULE = '@typescript-eslint/no-explicit-any';

/**
 * In the plugin's server, admin and shared code `any` is allowed only where a Strapi type is missing,
 * one line at a time and saying so: `// eslint-disable-next-line @typescript-eslint/no-explicit-any
 * -- <reason>`. This rule rejects a directive that turns no-explicit-any (or every rule) off without
 * a reason, or for a whole block or file.
 *
 * @type {import('eslint').Rule.RuleModule}
 */
const requireAnyReason = {
  meta: {
    type: 'problem',
    docs: { description: 'An eslint-disable of no-explicit-any names its line and gives a reason' },
    schema: [],
    messages: {
      reason: `Say why \`any\` is needed here: \`eslint-disable-next-line ${ANY_RULE} -- <the missing Strapi type>\`.`,
      block: `Turn ${ANY_RULE} off one line at a time (eslint-disable-next-line … -- <reason>), not for a block or a file.`,
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const text = comment.value.trim();
          const match =
            /^(eslint-disable(?:-next-line|-line)?|eslint-enable|eslint)(?:\s+([\s\S]*))?$/.exec(
              text
            );
          if (!match || match[1] === 'eslint-enable') continue;
          // ESLint's own syntax: `<directive> rule-a, rule-b -- description`.
          const [rulesPart, ...description] = (match[2] ?? '').split(/\s-{2,}\s/);
          const entries = rulesPart
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean);
          const rules = entries.map((entry) => entry.split(/[\s:]/)[0]);
          const coversAny =
            match[1] === 'eslint'
              ? // A configuration comment (`eslint <rule>: off`) that lowers the rule for the file.
                entries.some(
                  (entry) => entry.startsWith(ANY_RULE) && /:\s*["']?(off|warn|0|1)\b/.test(entry)
                )
              : rules.length === 0 || rules.includes(ANY_RULE);
          if (!coversAny) continue;
          // Reported at the comment's end, past a `/* eslint-disable <rules> */` of its own. (A bare
          // `/* eslint-disable */` turns this rule off too, so that one goes unreported.)
          const loc = { start: comment.loc.end, end: comment.loc.end };
          if (match[1] === 'eslint-disable' || match[1] === 'eslint') {
            context.report({ loc, messageId: 'block' });
          } else if (!description.join(' ').trim()) {
            context.report({ loc, messageId: 'reason' });
          }
        }
      },
    };
  },
};

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/build/',
    '**/.tmp/',
    '**/.cache/',
    '**/.strapi/',
    '**/coverage/',
    'types/generated/',
    'public/',
    'docs/',
    'bench/results/',
    'tests/artifacts/',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node, strapi: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // The plugin's shared/contracts are Strapi-style `export declare namespace GetX { Request;
      // Response }`: types only, nothing emitted. A namespace with code in it is still an error.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // Elsewhere in the app (its admin, content types, seed, config) `any` is reported, not blocking.
      [ANY_RULE]: 'warn',
    },
  },

  // Plain JavaScript files (scripts, bench, config files, the plugin's entry point) are CommonJS.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('crypto')` in a CommonJS module shadows Node's global, as intended.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },

  {
    files: STRICT_ANY,
    plugins: { local: { rules: { 'require-any-reason': requireAnyReason } } },
    rules: {
      [ANY_RULE]: 'error',
      'local/require-any-reason': 'error',
    },
  },

  {
    files: ADMIN,
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },

  { files: ['tests/**'], languageOptions: { globals: { ...globals.jest } } },
  { files: NOT_SHIPPED, rules: { [ANY_RULE]: 'off' } },

  prettier
);
