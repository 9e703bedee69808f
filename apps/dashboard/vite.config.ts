import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Workspace packages resolve to their TypeScript sources; vite transpiles them.
const clientConditions = ['briefing-source', 'module', 'browser', 'development|production'];
const serverConditions = ['briefing-source', 'module', 'node', 'development|production'];

// i18n-iso-countries' Node entry `require`s every locale file by a computed name, which a bundle
// cannot follow; its browser entry is the same code without that loop (the schema registers `en`).
const schemaRequire = createRequire(new URL('../../packages/schema/package.json', import.meta.url));
const countriesEntry = join(
  dirname(schemaRequire.resolve('i18n-iso-countries/package.json')),
  'index.js',
);

/**
 * `createRequire(import.meta.url)('x/package.json')` (the schema's parse cache reads yaml's
 * version that way) resolves from the bundle's location at run time, where pnpm keeps no `x`:
 * read the file at build time instead and put its contents in the bundle.
 */
function inlinePackageJson(): Plugin {
  const pattern = /createRequire\(import\.meta\.url\)\((['"])([^'"]+\/package\.json)\1\)/g;
  return {
    name: 'briefing:inline-package-json',
    enforce: 'pre',
    transform(code, id) {
      if (!code.includes('createRequire(import.meta.url)(')) return undefined;
      const requireHere = createRequire(id);
      return code.replace(pattern, (_match, _quote, specifier: string) =>
        JSON.stringify(requireHere(specifier)),
      );
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [inlinePackageJson(), sveltekit()],
  define: {
    'import.meta.env.BRIEFING_STATIC': JSON.stringify(process.env.BRIEFING_ADAPTER === 'static'),
  },
  resolve: {
    conditions: clientConditions,
    alias: [{ find: /^i18n-iso-countries$/, replacement: countriesEntry }],
  },
  ssr: {
    resolve: { conditions: serverConditions },
    // The build bundles every dependency: pnpm keeps the workspace packages' own dependencies
    // (zod, yaml, feed…) out of this package's node_modules, so `build/` must not import them.
    noExternal: command === 'build' ? true : [/^@briefing\//],
  },
}));
