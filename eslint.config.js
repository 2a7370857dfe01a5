import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering, checked: a pure core at the bottom, the front doors (action, app, cli) at the top,
 * and no front door importing another. Each entry lists the folders a layer may not import from.
 */
const LAYERS = {
  core: ['collect', 'check', 'github', 'action', 'app', 'cli'],
  config: ['collect', 'check', 'github', 'action', 'app', 'cli'],
  collect: ['check', 'github', 'action', 'app', 'cli'],
  github: ['check', 'action', 'app', 'cli'],
  check: ['action', 'app', 'cli'],
  action: ['app', 'cli'],
  app: ['action', 'cli'],
  cli: ['action', 'app'],
};

function layerRule(layer, banned) {
  const patterns = banned.map((folder) => ({
    group: [`**/${folder}/*`, `**/${folder}/**`, `../${folder}`, `../../${folder}`],
    message: `src/${layer} may not import from src/${folder} (see the layering in eslint.config.js and the README's Design section)`,
  }));
  // core reads the config's types (the policy it evaluates) but none of its code.
  if (layer === 'core') {
    patterns.push({
      group: ['**/config/*', '**/config/**'],
      allowTypeImports: true,
      message: 'src/core may import only types from src/config',
    });
  }
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: ['node_modules/', 'build/', 'dist/', 'coverage/', 'examples/', 'test/fixtures/', 'reports/', 'bench/out/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  ...Object.entries(LAYERS).map(([layer, banned]) => layerRule(layer, banned)),
);
