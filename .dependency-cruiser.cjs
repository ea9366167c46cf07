/**
 * The layering `npm run lint` checks (dependency-cruiser). Core is the domain: it never reaches
 * out to transport (functions), the local engines or the site. Inside core, kernel/ is the shared
 * base every module may use and that uses no module; a module reaches another only through its
 * public face: its index.ts, and its module.ts, which declares its entities and from which the
 * services are composed. No import cycles. Tests reach the local package through its exports.
 */
const CORE = "^packages/core/src/";
const OUTSIDE_CORE = "^(packages/(functions|local|scripts)|web|stacks)/";

module.exports = {
  forbidden: [
    {
      name: "core-is-the-domain",
      comment: "core never imports functions, local, scripts, web or stacks",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: OUTSIDE_CORE },
    },
    {
      name: "functions-are-transport",
      comment: "functions never import the local engines, the site or the stacks",
      severity: "error",
      from: { path: "^packages/functions/src/" },
      to: { path: "^(packages/(local|scripts)|web|stacks)/" },
    },
    {
      name: "scripts-are-data-tooling",
      comment: "scripts (data migrations) use core, and their tests the local engines; never functions, the site or the stacks",
      severity: "error",
      from: { path: "^packages/scripts/" },
      to: { path: "^(packages/functions|web|stacks)/" },
    },
    {
      name: "kernel-is-the-base",
      comment: "kernel/ is shared by every module and uses none of them",
      severity: "error",
      from: { path: `${CORE}kernel/` },
      to: { path: CORE, pathNot: `${CORE}kernel/` },
    },
    {
      name: "module-public-face",
      comment: "a core module reaches another only through its public face (index.ts)",
      severity: "error",
      from: { path: `${CORE}([^/]+)/` },
      to: { path: `${CORE}[^/]+/.+`, pathNot: [`${CORE}$1/`, `${CORE}kernel/`, `${CORE}[^/]+/(index|module)\\.ts$`] },
    },
    {
      name: "module-declares-its-entities",
      comment: "a module.ts declares its own entities: it imports only its folder's *.entity.ts files and the kernel",
      severity: "error",
      from: { path: `${CORE}([^/]+)/module\\.ts$` },
      to: { path: CORE, pathNot: [`${CORE}$1/.+\\.entity\\.ts$`, `${CORE}kernel/`] },
    },
    {
      name: "entities-are-declarations",
      comment: "an entity file imports only the kernel, its own module's files and other modules' declarations (module.ts)",
      severity: "error",
      from: { path: `${CORE}([^/]+)/.+\\.entity\\.ts$` },
      to: { path: CORE, pathNot: [`${CORE}$1/`, `${CORE}kernel/`, `${CORE}[^/]+/module\\.ts$`] },
    },
    {
      name: "no-import-cycles",
      comment: "no file reaches itself through its imports (a module's face included)",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "packages-through-their-exports",
      comment: "other packages, tests and the site import core, functions, local and scripts by package name, never by a relative path",
      severity: "error",
      from: { path: "^(packages/[^/]+|web|stacks)/" },
      to: { path: "^packages/(core|functions|local|scripts)/src/", dependencyTypes: ["local"], dependencyTypesNot: ["aliased"], pathNot: "^$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(node_modules|/dist/|/\\.astro/|/\\.sst/)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "types", "default"], extensions: [".ts", ".js", ".mjs", ".json"] },
  },
};
