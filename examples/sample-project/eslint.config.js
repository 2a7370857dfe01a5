import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['coverage/**', 'reports/**'] },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      'no-console': 'warn',
      eqeqeq: 'warn',
      'prefer-const': 'warn',
      'no-unused-vars': 'warn',
    },
  },
];
