/**
 * The architecture, checked in CI (`npm run lint:deps`): stages under src/ import each other
 * only through their index.ts face, and no module imports itself back through a cycle (type-only
 * imports included). The viewer's browser app (src/viewer/app) is a separate bundle.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle, type-only imports included, makes stages impossible to test or load alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'stage-face-only',
      severity: 'error',
      comment: 'A stage reaches another stage only through its index.ts (its public face).',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/([^/]+)/',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/telemetry/client/index\\.ts$'],
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.d.ts'] },
    exclude: { path: ['^src/viewer/app/'] },
  },
};
