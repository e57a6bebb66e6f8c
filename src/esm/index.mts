/**
 * The ESM entry of `oai-protocols`: re-exports the CommonJS build, so
 * `import` and `require` hand out the very same classes (no dual-package
 * hazard: `instanceof` holds whichever way an instance was made).
 * Compiled by the normal build to dist/esm/index.mjs.
 */
export * from '../index.js';
