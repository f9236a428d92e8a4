// ESLint flat config. Kept as a dot-file so the repository's top level stays as the README maps it;
// `npm run lint` passes it with --config.
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'dev-dist/**', 'dist-server/**', 'node_modules/**', 'coverage/**', 'bench/results.json'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/no-v-html': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Builds run petite-vue-i18n's runtime (scripts/i18n-precompile.ts), which has `t` but no
      // `te`, `tm`, `d` or `n`: code using them passes the tests and fails in production.
      'no-restricted-syntax': ['error', {
        selector: "VariableDeclarator[init.callee.name='useI18n'] > ObjectPattern > Property[key.name=/^(te|tm|rt|d|n)$/]",
        message: 'Production builds have only t() of vue-i18n (petite runtime): no te/tm/rt/d/n.',
      }],
    },
  },
  {
    // The core decides every number and must run in plain node: no UI, storage or DOM packages.
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['vue', 'vue/*', 'pinia', 'dexie', 'dexie/*', '@formkit/*', 'vue-router', 'vue-i18n', '@vue/*', '@/db/*', '@/stores/*', '@/components/*', '@/views/*'],
          message: 'src/core is pure TypeScript: no Vue, Pinia, Dexie, FormKit or app layers.',
        }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
  {
    // Screens talk to stores; stores talk to repositories (shared/architecture.md). Type imports
    // too: a view that needs a row's shape gets it from the store or from core.
    files: ['src/views/**/*.{ts,vue}', 'src/components/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'dexie', message: 'Views and components use stores (src/stores), not storage.' }],
        patterns: [{
          // `@/db`, `@/db/…` and relative paths into src/db alike.
          group: ['**/db', '**/db/*', 'dexie/*'],
          message: 'Views and components use stores (src/stores), not storage.',
        }],
      }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'tests/e2e/**/*.{js,mjs,ts}', 'bench/**/*.{js,mjs,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
