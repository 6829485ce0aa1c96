/**
 * The third-party corpus shared by the corpus integration test (tests/integration/corpus.test.ts)
 * and the benchmark (scripts/bench.mjs): the published sources of real server frameworks and
 * libraries, installed as devDependencies.
 *
 * Selection, so the set is real hand-written code and stays small enough for CI:
 * - `.js`, `.mjs`, `.cjs`, `.ts`, `.mts`, `.cts`; never declaration files (`.d.ts`, `.d.mts`, `.d.cts`);
 * - no nested `node_modules`;
 * - no duplicate builds: a file under a `cjs/` directory is skipped when the same file exists with
 *   `cjs/` dropped or replaced by `esm/` (hono ships `dist/` and `dist/cjs/`, bullmq `dist/esm/` and
 *   `dist/cjs/`), and `x.cjs` is skipped beside `x.js` / `x.mjs` (node-cron);
 * - no minified bundles (`.min.*`, or an average line longer than 300 characters) and no generated
 *   file over 200 kB (bullmq's embedded SQL scripts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Packages whose published sources make up the corpus (each a devDependency). */
export const CORPUS_PACKAGES = [
  'express',
  'koa',
  'fastify',
  '@nestjs/core',
  '@nestjs/common',
  'hono',
  'bullmq',
  'pino',
  'winston',
  'passport',
  'jsonwebtoken',
  'node-cron',
];

const SOURCE = /\.(?:[cm]?js|[cm]?ts)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;
const MINIFIED_NAME = /[.-]min\.[cm]?js$/u;
const MAX_BYTES = 200_000;
const MAX_AVERAGE_LINE = 300;
const ESM_SYNTAX = /^(?:import\s*[{*'"]|import\s+[\w$]|export\s+(?:\{|\*|default\b|const\b|let\b|var\b|function\b|async\b|class\b))/mu;

/** Top-level `import` / `export` statements. @param {string} text */
export function hasEsmSyntax(text) {
  return ESM_SYNTAX.test(text);
}

/** @param {string} file */
export function isTypeScript(file) {
  return /\.[cm]?ts$/u.test(file);
}

/**
 * Every source file under `dir` (no declaration files, no nested `node_modules` or dot directories).
 * @param {string} dir @param {string[]} [out]
 * @returns {string[]}
 */
export function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path, out);
    } else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/** @param {string} file */
export function isDuplicateBuild(file) {
  const parts = file.split(sep);
  const cjs = parts.lastIndexOf('cjs');
  if (cjs !== -1 && cjs < parts.length - 1) {
    const withoutCjs = [...parts.slice(0, cjs), ...parts.slice(cjs + 1)].join(sep);
    const asEsm = [...parts.slice(0, cjs), 'esm', ...parts.slice(cjs + 1)].join(sep);
    if (existsSync(withoutCjs) || existsSync(asEsm)) return true;
  }
  if (file.endsWith('.cjs')) {
    const base = file.slice(0, -'.cjs'.length);
    if (existsSync(`${base}.js`) || existsSync(`${base}.mjs`)) return true;
  }
  return false;
}

/** @param {string} file @param {string} text */
export function isMinifiedOrGenerated(file, text) {
  if (MINIFIED_NAME.test(file)) return true;
  if (text.length > MAX_BYTES) return true;
  const lines = text.split('\n').length;
  return text.length / lines > MAX_AVERAGE_LINE;
}

/** @type {Map<string, 'module' | 'commonjs'>} */
const packageTypeCache = new Map();

/** `type` of the nearest package.json at or above `dir`, up to the package's root (a directory below `root`). */
function packageType(dir, root) {
  const cached = packageTypeCache.get(dir);
  if (cached) return cached;
  let type = /** @type {'module' | 'commonjs'} */ ('commonjs');
  const manifest = join(dir, 'package.json');
  if (existsSync(manifest)) {
    type = JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? 'module' : 'commonjs';
  } else if (dirname(dir) !== dir && relative(root, dir).includes(sep)) {
    type = packageType(dirname(dir), root);
  }
  packageTypeCache.set(dir, type);
  return type;
}

/**
 * How Node would load the file: `.mjs`/`.mts` are modules, `.cjs`/`.cts` CommonJS, `.js` follows the
 * nearest package.json. TypeScript sources are always parsed as modules (that is how they are written).
 * @param {string} file
 * @param {string} [text]
 * @param {string} [root] the directory holding the packages (`node_modules` of this repository by default)
 * @returns {'module' | 'commonjs'}
 */
export function sourceTypeOf(file, text = '', root = join(ROOT, 'node_modules')) {
  if (/\.m[jt]s$/u.test(file)) return 'module';
  if (/\.c[jt]s$/u.test(file)) return 'commonjs';
  if (isTypeScript(file)) return 'module';
  // Some packages ship an ES module build without a `"type": "module"` package.json beside it
  // (bullmq's dist/esm is loaded through `exports.import`): top-level import/export decides.
  if (hasEsmSyntax(text)) return 'module';
  return packageType(dirname(file), root);
}

/**
 * @typedef {{ path: string, relativePath: string, pkg: string, text: string, typescript: boolean, sourceType: 'module' | 'commonjs' }} CorpusFile
 */

/**
 * Every corpus file with its text, in a stable order.
 * @param {{ packages?: string[] }} [options]
 * @returns {{ files: CorpusFile[], skipped: { path: string, reason: string }[] }}
 */
export function loadCorpus(options = {}) {
  const packages = options.packages ?? CORPUS_PACKAGES;
  /** @type {CorpusFile[]} */
  const files = [];
  /** @type {{ path: string, reason: string }[]} */
  const skipped = [];
  for (const pkg of packages) {
    const pkgDir = join(ROOT, 'node_modules', pkg);
    if (!existsSync(join(pkgDir, 'package.json'))) throw new Error(`corpus package ${pkg} is not installed: run \`npm ci\``);
    const found = walk(pkgDir).sort();
    for (const path of found) {
      const relativePath = relative(join(ROOT, 'node_modules'), path);
      if (isDuplicateBuild(path)) {
        skipped.push({ path: relativePath, reason: 'duplicate build' });
        continue;
      }
      if (statSync(path).size > MAX_BYTES * 4) {
        skipped.push({ path: relativePath, reason: 'generated (too large)' });
        continue;
      }
      const text = readFileSync(path, 'utf8');
      if (isMinifiedOrGenerated(path, text)) {
        skipped.push({ path: relativePath, reason: 'minified or generated' });
        continue;
      }
      files.push({ path, relativePath, pkg, text, typescript: isTypeScript(path), sourceType: sourceTypeOf(path, text) });
    }
  }
  return { files, skipped };
}
