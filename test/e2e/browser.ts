/**
 * A headless Chromium for the browser tests, with nothing to install by hand:
 * the system's Chromium when there is one (`$CHROMIUM`, or `chromium` /
 * `chromium-browser` on the usual paths), otherwise the one that the registry
 * package `@sparticuz/chromium` ships inside itself (unpacked into the temp
 * folder on first use, no download).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Flags for a system Chromium in a container: no sandbox, no GPU, no network of its own. */
const SYSTEM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The system Chromium's path, or undefined when the machine has none. */
export function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM;
  if (fromEnv !== undefined) return fromEnv && fs.existsSync(fromEnv) ? fromEnv : undefined;
  return SYSTEM_PATHS.find((p) => fs.existsSync(p));
}

/** Launches headless Chromium: the system one when present, else the packaged one. */
export async function launchChromium(): Promise<Browser> {
  const system = systemChromium();
  if (system) return chromium.launch({ executablePath: system, args: SYSTEM_ARGS, timeout: 15_000 });
  const { executablePath, args } = packagedChromium();
  return chromium.launch({ executablePath, args, headless: true, timeout: 30_000 });
}

/**
 * Unpacks `@sparticuz/chromium` and returns its binary and flags. The package
 * is ESM-only, which jest's CommonJS runtime cannot load, so a plain Node
 * process asks it.
 */
function packagedChromium(): { executablePath: string; args: string[] } {
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => " +
    'process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))';
  const out = execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out) as { executablePath: string; args: string[] };
}
