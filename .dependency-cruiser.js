/**
 * Which part of the repository may import which; `npm run lint` (and so `make test`) checks it
 * with dependency-cruiser (`npm run -s lint:deps`):
 *   apps -> libs; tools -> libs and apps; test/ -> anything;
 *   libs never import apps, tools or test/, and a lib imports only libs in layers below its own
 *   (LIB_LAYERS), so there is no cycle between libs;
 *   an app never imports another app, and an app's code (not its *.spec.ts or src/testing kit) never imports libs/testing or that kit.
 * Type-only imports count too.
 */

/** Libraries from the bottom up: a lib may import libs of lower layers only. A new lib goes here. */
const LIB_LAYERS = [
  ['contracts'], // topics, events and their schemas: no other lib
  ['platform'], // what every service shares at its edges: config, auth, errors, database, health
  ['messaging'], // outbox, relay, consumer (uses platform's error classification)
  ['infra', 'service'], // local broker and database for tools and tests; ServiceModule (platform + messaging)
  ['testing'], // test helpers over real infrastructure
];

const LIBS = LIB_LAYERS.flat();
const oneOf = (names) => `(?:${names.join('|')})`;
const SPEC = '\\.spec\\.ts$';
/** In-memory stores' wiring and fixtures for an app's unit tests. */
const TEST_KIT = '^apps/[^/]+/src/testing/';

const layerRules = LIB_LAYERS.flatMap((layer, index) =>
  layer.map((lib) => {
    const above = [...layer.filter((other) => other !== lib), ...LIB_LAYERS.slice(index + 1).flat()];
    const below = LIB_LAYERS.slice(0, index).flat();
    return {
      name: `lib-layers-${lib}`,
      comment: `libs/${lib} may import only ${below.length ? below.map((name) => `libs/${name}`).join(', ') : 'no other lib'} (LIB_LAYERS in .dependency-cruiser.js)`,
      severity: 'error',
      from: { path: `^libs/${lib}/`, pathNot: SPEC },
      to: { path: above.length ? `^libs/${oneOf(above)}/` : '^$' },
    };
  }),
).filter((rule) => rule.to.path !== '^$');

module.exports = {
  forbidden: [
    {
      name: 'lib-not-layered',
      comment: 'every folder of libs/ is listed in LIB_LAYERS (.dependency-cruiser.js), which says what it may import',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: `^libs/(?!${oneOf(LIBS)}/)` },
    },
    {
      name: 'libs-not-to-apps-tools-or-tests',
      comment: 'libs are used by apps, tools and tests, never the other way round',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(?:apps|tools|test)/' },
    },
    ...layerRules,
    {
      name: 'apps-only-to-libs',
      comment: 'an app imports libs (and its own code), never tools or tests',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^(?:tools|test)/' },
    },
    {
      name: 'app-not-to-another-app',
      comment: 'apps talk over Kafka and HTTP; shared code belongs in a lib',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'app-code-not-to-testing',
      comment:
        "libs/testing and an app's src/testing kit are for tests: an app's own code (not its *.spec.ts or its kit) never imports them",
      severity: 'error',
      from: { path: '^apps/', pathNot: [SPEC, TEST_KIT] },
      to: { path: ['^libs/testing/', TEST_KIT] },
    },
    {
      name: 'console-web-only-contracts',
      comment: "the browser app shares only the contracts' plain data with the services (never server code) and has no server part",
      severity: 'error',
      from: { path: '^apps/console/web/' },
      to: { path: ['^libs/(?!contracts/)', '^apps/console/src/'] },
    },
    {
      name: 'console-server-not-to-web',
      comment: 'the console server serves the built app; it never imports its code',
      severity: 'error',
      from: { path: '^apps/console/src/' },
      to: { path: '^apps/console/web/' },
    },
    {
      name: 'tools-not-to-tests',
      comment: 'tools import libs and apps, never the test suites',
      severity: 'error',
      from: { path: '^tools/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that does not resolve would slip past the rules above (typecheck says why)',
      severity: 'error',
      from: { path: '^(?:apps|libs|tools|test)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
