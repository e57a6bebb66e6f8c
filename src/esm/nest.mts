/**
 * The ESM entry of `oai-protocols/nest`: re-exports the CommonJS build of the
 * NestJS integration (same classes under `import` and `require`).
 * Compiled by the normal build to dist/esm/nest.mjs.
 */
export * from '../nest/index.js';
