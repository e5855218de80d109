// ESLint: TypeScript, React hooks and accessibility everywhere; in src/ui no literal text in JSX (every word a
// person reads comes from the catalogs in src/i18n and the rooms' strings); the layer boundaries of
// shared/ARCHITECTURE.md (engine -> nothing of the page; store -> no ui or viz; viz -> no ui).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Text that is not a word in any language: symbols, units and punctuation that JSX may hold as they are. */
const SYMBOLS = [
  '·',
  '×',
  '%',
  '(',
  ')',
  ':',
  ',',
  '.',
  '—',
  '–',
  '-',
  '/',
  '+',
  '−',
  '=',
  '≈',
  '…',
  '|',
  '→',
  '←',
  '↑',
  '↓',
  '✓',
  '✗',
  'δ',
  'η',
  'ε',
  'α',
  'σ',
  'λ',
  '∂',
  'Σ',
  '∘',
  '≥',
  '≤',
  '<',
  '>',
  '[',
  ']',
  '{',
  '}',
  '#',
  '@',
  '?',
  '!',
  ';',
  '*',
  '^',
  '0',
  '1',
];

/** Attributes whose text a person reads (or hears): they must come from the catalogs too. */
const READ_ATTRIBUTES =
  '/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|alt|placeholder|label)$/';

const layer = (from, patterns, why) => ({
  files: [from],
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: why })) }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'public/**',
      'test-results/**',
      'runs/**',
      'src/engine/wasm/build/**',
      '.look/**',
      'src/engine/wasm/assembly/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'tests/**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: 'detect' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/viz/**/*.tsx'],
    rules: {
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: SYMBOLS }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXAttribute[name.name=${READ_ATTRIBUTES}] > Literal`,
          message: 'Text a person reads comes from the catalogs (t(...)), not a literal.',
        },
        {
          selector: `JSXAttribute[name.name=${READ_ATTRIBUTES}] > JSXExpressionContainer > Literal`,
          message: 'Text a person reads comes from the catalogs (t(...)), not a literal.',
        },
        {
          selector: `JSXAttribute[name.name=${READ_ATTRIBUTES}] > JSXExpressionContainer > TemplateLiteral`,
          message: 'Text a person reads comes from the catalogs (t(...)), not a template.',
        },
      ],
    },
  },
  layer(
    'src/engine/**',
    [
      'react',
      'react-dom',
      'three',
      '@react-three/*',
      'zustand',
      '**/store/**',
      '**/ui/**',
      '**/viz/**',
      '**/worker/**',
      '**/i18n/**',
    ],
    'The engine is pure TypeScript: it imports nothing of the page.',
  ),
  layer(
    'src/worker/**',
    ['react', 'react-dom', 'three', '@react-three/*', 'zustand', '**/store/**', '**/ui/**', '**/viz/**', '**/i18n/**'],
    'The worker imports the engine and its protocol only.',
  ),
  layer(
    'src/store/**',
    ['**/ui/**', '**/viz/**', 'react-dom', 'three', '@react-three/*'],
    'The store holds plain data: it imports neither the view nor the panels.',
  ),
  layer('src/viz/**', ['**/ui/**'], 'The view does not import the panels.'),
  prettier,
);
