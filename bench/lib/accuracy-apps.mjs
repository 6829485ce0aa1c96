/**
 * The pinned applications of bench/accuracy/apps.json: fetched into a cache with `npm pack` and
 * selected file by file (include / exclude globs, no duplicate builds, nothing minified or
 * generated), as the accuracy harness (scripts/accuracy.mjs) and the fix check
 * (scripts/accuracy-fixes.mjs) lint them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { hasEsmSyntax, isDuplicateBuild, isMinifiedOrGenerated, isTypeScript, sourceTypeOf, walk } from '../corpus.mjs';

// ---------------------------------------------------------------------------------------------
// Fetching

/** The extracted package root of `app` under `cache`, fetched with `npm pack` on first use. */
export function fetchApp(app, cache) {
  const dir = join(cache, 'apps', `${app.package.replace('/', '+')}@${app.version}`);
  const root = join(dir, 'package');
  if (existsSync(join(root, 'package.json'))) return root;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`fetching ${app.package}@${app.version}`);
  const packed = JSON.parse(
    execFileSync('npm', ['pack', `${app.package}@${app.version}`, '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 }),
  )[0];
  if (app.integrity && packed.integrity !== app.integrity) {
    throw new Error(`${app.package}@${app.version}: integrity ${packed.integrity}, apps.json pins ${app.integrity}`);
  }
  execFileSync('tar', ['xzf', join(dir, packed.filename), '-C', dir]);
  rmSync(join(dir, packed.filename));
  return root;
}

// ---------------------------------------------------------------------------------------------
// Selecting

/** A glob of apps.json as a regular expression: `**` spans segments, `*` and `?` stay within one. */
function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

const CJS_SYNTAX = /\brequire\s*\(|\bmodule\.exports\b|^\s*exports\.[\w$]+\s*=/mu;

/** How a JavaScript file is written: ES module syntax wins, then CommonJS syntax, then its package.json. */
function sourceTypeFor(path, text, root) {
  if (!isTypeScript(path) && /\.jsx?$/u.test(path) && !hasEsmSyntax(text) && CJS_SYNTAX.test(text)) return 'commonjs';
  return sourceTypeOf(path, text, resolve(root, '..'));
}

export function selectFiles(app, root) {
  const include = app.include.map(globToRegExp);
  const exclude = (app.exclude ?? []).map(globToRegExp);
  const files = [];
  const skipped = { duplicate: 0, generated: 0 };
  for (const path of walk(root).sort()) {
    const file = relative(root, path).split(sep).join('/');
    if (!include.some((re) => re.test(file)) || exclude.some((re) => re.test(file))) continue;
    if (isDuplicateBuild(path)) {
      skipped.duplicate++;
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (isMinifiedOrGenerated(path, text)) {
      skipped.generated++;
      continue;
    }
    files.push({ path, file, text, typescript: isTypeScript(path), jsx: /x$/u.test(path), sourceType: sourceTypeFor(path, text, root) });
  }
  return { files, skipped };
}
