// ESLint flat config. Kept as a dot-file so the repository's top level stays as the README maps it;
// `npm run lint` passes it with --config.
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', 'coverage/**', 'bench/results.json'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/no-v-html': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
    files: ['scripts/**/*.{js,mjs}', 'tests/e2e/**/*.{js,mjs,ts}', 'bench/**/*.{js,mjs,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
