/**
 * The BUILT package (dist/), loaded the way a user loads it. Types come from
 * src/ (type-only), so type-checking the bench does not need dist/ to exist.
 */
import * as path from 'path';

/** Absolute path of the package entry point the bench measures. */
export const DIST_ENTRY = path.resolve(__dirname, '../dist/index.js');

/** The package's exports, from dist/. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const lib: typeof import('../src') = require(DIST_ENTRY);
