import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { kitOptions } from './kit-options.ts';

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

export default defineConfig(({ command }) => ({
  plugins: [sveltekit(kitOptions())],
  define: {
    'import.meta.env.BRIEFING_STATIC': JSON.stringify(process.env.BRIEFING_ADAPTER === 'static'),
  },
  resolve: {
    conditions: clientConditions,
    // Only the build bundles it; `vite dev` leaves it to Node, which runs the Node entry as is.
    alias:
      command === 'build' ? [{ find: /^i18n-iso-countries$/, replacement: countriesEntry }] : [],
  },
  ssr: {
    resolve: { conditions: serverConditions },
    // The build bundles every dependency: pnpm keeps the workspace packages' own dependencies
    // (zod, yaml, feed…) out of this package's node_modules, so `build/` must not import them.
    // Except the store, run from its own build (dist/): it starts worker threads from its own
    // module files, and reads its data files beside them, which a bundle would not have.
    noExternal: command === 'build' ? /^(?!@briefing\/store$)/ : [/^@briefing\//],
    external: command === 'build' ? ['@briefing/store'] : [],
  },
}));
