// The TypeScript house rules: eslint's and typescript-eslint's recommended sets (type-aware in
// src/, where a forgotten promise or an `any` leaking out of the API is a real bug), and
// prettier's config last so formatting is prettier's alone (`jlpm prettier:check`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'lib/',
      'node_modules/',
      'python/',
      'ui-tests/node_modules/',
      'ui-tests/test-results/',
      '**/*.js'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-namespace': 'off', // CommandIDs is JupyterLab's namespace idiom
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'all']
    }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // Lumino's `signal.connect(this._slot, this)` passes the method and its `this` together
      '@typescript-eslint/unbound-method': 'off'
    }
  },
  {
    files: ['src/__tests__/**/*.ts'],
    rules: {
      // fakes implement async interfaces without awaiting anything
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    files: ['ui-tests/tests/**/*.ts', 'ui-tests/hub/**/*.ts'],
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'smart'],
      // page.evaluate reaches into the page's `window` and poisons JSON bodies of any shape
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  prettier
);
