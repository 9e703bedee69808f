// `pnpm test` runs this first (`depcruise`): the package lines that issue 12 drew, kept drawn.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      comment: 'An app is what runs; what two apps share belongs in a package (packages/*).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-package-to-app',
      comment: 'Packages are libraries: they never import an app.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      comment:
        'Files that import each other in a circle cannot be understood or moved apart. A cycle made only of type imports (erased at build) is allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|build|build-static|\\.svelte-kit|test-output)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    // Workspace packages resolve to their sources, as the tests and the CLIs run them.
    enhancedResolveOptions: {
      conditionNames: ['briefing-source', 'import', 'types', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.js', '.svelte', '.json'],
    },
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
