/**
 * Which packages does the package a linted file belongs to depend on? Read from its nearest
 * package.json outside `node_modules` (the package root process-handlers.ts finds): the names under
 * `dependencies` and `peerDependencies` — what the code runs with, not `devDependencies`.
 *
 * Asked for facts a file does not show itself: a Backstage backend plugin's service file is handed its
 * logger by the plugin's module (`options.logger`) and imports nothing of Backstage, yet its package
 * depends on `@backstage/backend-plugin-api`. One read per linted file, and only when a rule asks;
 * anything unreadable (no file name, no package.json, bad JSON) answers "no dependencies". Nothing
 * here throws.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Context } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { packageRoot } from './process-handlers.js';

const NONE: ReadonlySet<string> = new Set();
const dependencyCache = fileCache<ReadonlySet<string>>();

/** The names the linted file's package depends on at run time (`dependencies`, `peerDependencies`). */
export function packageDependencies(context: Context): ReadonlySet<string> {
  return perFile(dependencyCache, context.sourceCode, () => readDependencies(context));
}

function readDependencies(context: Context): ReadonlySet<string> {
  const filename = context.physicalFilename || context.filename;
  if (!filename || filename.startsWith('<')) return NONE;
  const file = isAbsolute(filename) ? filename : resolve(context.cwd, filename);
  const root = packageRoot(dirname(file));
  if (root === null) return NONE;
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const names = new Set<string>();
    for (const field of ['dependencies', 'peerDependencies']) {
      const deps = manifest[field];
      if (deps !== null && typeof deps === 'object' && !Array.isArray(deps)) for (const name of Object.keys(deps)) names.add(name);
    }
    return names;
  } catch {
    return NONE;
  }
}
