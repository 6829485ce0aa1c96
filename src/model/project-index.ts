/**
 * What the project's source files say as text, indexed once per package: which files import the
 * linted file, and whether the application logs through anything but `console`.
 *
 * Which files of the project import the linted file? From one file, a module that exports an app or
 * a middleware looks the same whether the platform serves it (`export default app` of a Cloudflare
 * Workers / Bun / Deno entry) or another file mounts it (`root.route('/users', users)`); the
 * project's other files tell them apart.
 *
 * The project is the linted file's package (the nearest directory with a package.json, see
 * process-handlers.ts `packageRoot`): every source file under it (`.js`, `.ts`, `.mjs`, `.cjs`,
 * `.mts`, `.cts`, `.jsx`, `.tsx`; not `.d.ts`, not under `node_modules`, dot-directories or a nested
 * package), read as text once and indexed by what its import / require / export-from / `import()`
 * specifiers name: a relative specifier resolved the way Node and TypeScript resolve it (written
 * extension, a source for `.js`, a directory's index), or an alias (`@/routes/users`, `~/lib/app`,
 * `#routes/users`) whose path after its first segment ends the file's path. Test files
 * (`*.test.*`, `test/`, …) are no importers: a test drives an app, it does not serve or mount it.
 *
 * Does the application log only through `console`? When no source file of the package (test files
 * excepted) calls a logger's level method (`logger.info(…)`, `this.log.error(…)`, `log.warn(…)`,
 * `obj.log(…)`) or a log function of its own (`authLog(…)`, `sendServerLog(…)`), `console` is its
 * only log channel (a `debug(…)` tracer is off in production and does not count).
 *
 * The index is kept per package root with the size and modification time of every file read and
 * every directory listed: an ask whose tree changed (a file edited, added or removed) indexes
 * afresh. It holds text facts only — no parser, settings or rule options. More than MAX_FILES
 * source files, no file name, no package root, a linted file the tree does not hold (not saved
 * yet): unknown (null). Nothing here throws.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { type Context } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { packageRoot } from './process-handlers.js';
import { isTestFile } from './servers.js';

/** At most this many source files are indexed per package; a larger tree answers "unknown". */
export const MAX_FILES = 6000;
const MAX_BYTES = 1_000_000;
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** A log call through something else than console: a level method of any other object, or a function named `…Log`. */
const OTHER_LOG_CHANNEL = /(?<![\w$.])(?!console\.|Math\.)[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.(?:info|warn|warning|error|fatal|verbose|silly|notice|crit|critical|log)\s*\(|\b[a-z][A-Za-z]*Log\s*\(/u;
/** `require('x')`, `from 'x'`, `import('x')`, `import 'x'`. */
const SPECIFIER = /(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/gu;

/** A file or directory as the index saw it. */
interface Stamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** An importer of a file and the specifiers it names the file by. */
export interface Importer {
  file: string;
  specifiers: readonly string[];
}

interface Index {
  /** Some non-test source file logs through something else than console. */
  otherLogChannel: boolean;
  /** Every source file listed. */
  files: ReadonlySet<string>;
  /** Resolved relative imports: target file → importer → specifiers. */
  relative: Map<string, Map<string, string[]>>;
  /** Alias specifiers by their last path segment: segment → importer → specifiers. */
  aliases: Map<string, Map<string, string[]>>;
  stamps: Stamp[];
}

const indexes = new Map<string, Index | null>();
const stampsOfUnknown = new Map<string, Stamp[]>();

/**
 * The project files (test files excepted) that import the linted file, with the specifiers they use;
 * an empty list when none does; null when the project cannot be indexed.
 */
export function projectImporters(context: Context): readonly Importer[] | null {
  try {
    const file = lintedFile(context);
    if (file === null) return null;
    const root = packageRoot(dirname(file));
    if (root === null) return null;
    const index = indexOf(context, root);
    // A file the tree does not hold (not saved yet, outside the listed sources): the tree says nothing of it.
    if (index === null || !index.files.has(file)) return null;
    const found = new Map<string, string[]>();
    const add = (importer: string, specs: readonly string[]) => {
      if (importer === file) return;
      const list = found.get(importer) ?? [];
      found.set(importer, list);
      for (const s of specs) if (!list.includes(s)) list.push(s);
    };
    for (const [importer, specs] of index.relative.get(file) ?? []) add(importer, specs);
    const stem = stemOf(file);
    const last = stem.slice(stem.lastIndexOf(sep) + 1);
    for (const [importer, specs] of index.aliases.get(last) ?? []) {
      const matching = specs.filter((spec) => aliasNames(spec, stem));
      if (matching.length > 0) add(importer, matching);
    }
    return [...found].map(([f, specifiers]) => ({ file: f, specifiers }));
  } catch {
    return null;
  }
}

/**
 * The linted file's application logs only through `console` (see above): true or false for a file the
 * indexed tree holds, null when unknown.
 */
export function projectLogsOnlyThroughConsole(context: Context): boolean | null {
  try {
    const file = lintedFile(context);
    const root = file === null ? null : packageRoot(dirname(file));
    const index = root === null ? null : indexOf(context, root);
    return index === null || !index.files.has(file!) ? null : !index.otherLogChannel;
  } catch {
    return null;
  }
}

function lintedFile(context: Context): string | null {
  const filename = context.physicalFilename || context.filename;
  if (!filename || filename.startsWith('<')) return null;
  return isAbsolute(filename) ? filename : resolve(context.cwd, filename);
}

/**
 * The package's index: kept while every file and directory it saw is unchanged, which is checked once
 * per linted file (its Program node), not on every question the file's rules ask.
 */
function indexOf(context: Context, root: string): Index | null {
  const checked = perFileMap(checkedFor, context.sourceCode);
  if (checked.has(root)) return checked.get(root)!;
  const known = indexes.get(root);
  let index: Index | null;
  if (known !== undefined && unchanged(known === null ? (stampsOfUnknown.get(root) ?? []) : known.stamps)) index = known;
  else {
    const stamps: Stamp[] = [];
    const files = listSources(root, stamps);
    index = files === null ? null : buildIndex(files, stamps);
    indexes.set(root, index);
    if (index === null) stampsOfUnknown.set(root, stamps);
  }
  checked.set(root, index);
  return index;
}

/** The index each linted file (by its Program node, see file-cache.ts) already validated, per package root. */
const checkedFor = fileCache<Map<string, Index | null>>();

function unchanged(stamps: readonly Stamp[]): boolean {
  for (const { path, size, mtimeMs } of stamps) {
    const now = statSync(path, { throwIfNoEntry: false });
    if (now === undefined || now.size !== size || now.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/** The package's source files (stamping each directory listed), or null beyond MAX_FILES. */
function listSources(root: string, stamps: Stamp[]): string[] | null {
  const files: string[] = [];
  const dirs = [root];
  while (dirs.length > 0) {
    const dir = dirs.pop()!;
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    stamps.push({ path: dir, size: stat.size, mtimeMs: stat.mtimeMs });
    const entries = readdirSync(dir, { withFileTypes: true });
    if (dir !== root && entries.some((e) => e.isFile() && e.name === 'package.json')) continue;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) dirs.push(path);
      else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(path);
        if (files.length > MAX_FILES) return null;
      }
    }
  }
  return files;
}

function buildIndex(files: readonly string[], stamps: Stamp[]): Index {
  const known = new Set(files);
  const relative = new Map<string, Map<string, string[]>>();
  const aliases = new Map<string, Map<string, string[]>>();
  let otherLogChannel = false;
  const note = (table: Map<string, Map<string, string[]>>, key: string, importer: string, spec: string) => {
    let byImporter = table.get(key);
    if (byImporter === undefined) table.set(key, (byImporter = new Map()));
    const specs = byImporter.get(importer) ?? [];
    byImporter.set(importer, specs);
    if (!specs.includes(spec)) specs.push(spec);
  };
  for (const file of files) {
    const text = readStamped(file, stamps);
    if (text === null || isTestFile(file)) continue;
    otherLogChannel ||= OTHER_LOG_CHANNEL.test(text);
    for (const match of text.matchAll(SPECIFIER)) {
      const spec = match[2]!;
      if (spec.startsWith('.')) {
        const target = resolveIn(known, resolve(dirname(file), spec));
        if (target !== null) note(relative, target, file, spec);
      } else if (spec.includes('/') && !spec.startsWith('node:')) {
        const segments = spec.split('/').filter((s) => s.length > 0);
        const last = segments[segments.length - 1]!.replace(/\.[cm]?[jt]sx?$/u, '');
        note(aliases, last === 'index' && segments.length > 1 ? segments[segments.length - 2]! : last, file, spec);
      }
    }
  }
  return { otherLogChannel, files: known, relative, aliases, stamps };
}

function readStamped(file: string, stamps: Stamp[]): string | null {
  try {
    const stat = statSync(file);
    stamps.push({ path: file, size: stat.size, mtimeMs: stat.mtimeMs });
    return stat.size > MAX_BYTES ? null : readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The indexed file a resolved specifier names: itself, with a source extension, or its directory's index. */
function resolveIn(known: ReadonlySet<string>, path: string): string | null {
  const ext = extname(path);
  const base = /^\.[cm]?[jt]sx?$/u.test(ext) ? path.slice(0, -ext.length) : path;
  if (known.has(path)) return path;
  for (const e of RESOLVE_EXTENSIONS) if (known.has(base + e)) return base + e;
  for (const e of RESOLVE_EXTENSIONS) if (known.has(join(path, `index${e}`))) return join(path, `index${e}`);
  return null;
}

/** A file's path without its extension, and without a trailing `/index`. */
function stemOf(file: string): string {
  const ext = extname(file);
  const stem = file.slice(0, file.length - ext.length);
  return stem.endsWith(`${sep}index`) ? stem.slice(0, -`${sep}index`.length) : stem;
}

/** `@/routes/users` names `…/src/routes/users`: its path after the first segment ends the stem. */
function aliasNames(spec: string, stem: string): boolean {
  const segments = spec.replace(/\.[cm]?[jt]sx?$/u, '').replace(/\/index$/u, '').split('/').filter((s) => s.length > 0);
  const tail = segments.slice(1).join(sep);
  return tail.length > 0 && stem.endsWith(`${sep}${tail}`);
}
