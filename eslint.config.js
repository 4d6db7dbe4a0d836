import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// ncc joins the modules of a bundle into one scope: a top-level `const URL` in one of them
// broke the bundle's own start-up ("Cannot access 'URL' before initialization").
const BUNDLE_GLOBALS = '/^(URL|URLSearchParams|Buffer|process|console|TextDecoder|TextEncoder|decodeURIComponent|encodeURIComponent|setTimeout|clearTimeout|performance|globalThis|structuredClone)$/'
const hidingGlobal = (declaration) => ({
  selector: `Program > ${declaration}[id.name=${BUNDLE_GLOBALS}], Program > ExportNamedDeclaration > ${declaration}[id.name=${BUNDLE_GLOBALS}]`,
  message: 'This top-level name hides a global that bundled code needs: rename it.',
})

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'bench/corpus/', 'src/schemas/validators.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...['FunctionDeclaration', 'ClassDeclaration'].map(hidingGlobal), hidingGlobal('VariableDeclaration > VariableDeclarator')],
    },
  },
)
