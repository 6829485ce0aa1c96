/**
 * Does the application a linted file belongs to log the rejections nobody handles? A rejection
 * escaping a listener or timer reaches `process.on('unhandledRejection', handler)` wherever the
 * application installs it (Ghost's `core/boot.js`, Unleash's `server-impl.js`); when that handler logs
 * the reason with its stack, the failure is recorded, only without the operation's context.
 *
 * The answer is read from the file system, never from lint order: the nearest package root of the
 * linted file (its package.json), its entry points (`main`, `bin`, `exports`, `module`, an oclif CLI's
 * command files (`oclif.commands`), and the common
 * `index` / `server` / `serve` / `app` / `main` files under the root, `src/`, `dist/` and `lib/`), and the files
 * they reach through relative `require` / `import` specifiers, breadth first within MAX_DEPTH levels and
 * MAX_FILES files. Only a file whose text mentions `unhandledRejection` or `uncaughtException` is
 * parsed. A file that runs as a process of its own (a forked child, a worker thread, a command-line
 * program) starts from itself instead: the application's handler is not in its process.
 *
 * Asked only when a rule would otherwise report, once per linted file and rule. The answer is kept per
 * application (its package root, or the file that runs as its own process) and per lint configuration
 * (the settings and language options objects ESLint hands every file of one configuration: another
 * configuration, another parser or other logger settings search afresh), with the size and
 * modification time of every file the search read: a later ask whose files changed searches again.
 * Rule options never enter it. Anything unreadable answers "no" (the rule keeps reporting); nothing
 * here throws.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { Context } from './ast.js';
import { isCommandLineProgram } from './command-line.js';
import { parseProjectFile } from './project-files.js';
import { type ProcessFailureEvent, installsRejectionLogger, loggedProcessEvents } from './rejection-logger.js';
import { SETTINGS_KEY, getSettings } from '../core/settings.js';

/** At most this many `require` / `import` steps from an entry point. */
export const MAX_DEPTH = 4;
/** At most this many files read per application. */
export const MAX_FILES = 150;
/** At most this many command files of an oclif CLI start the search. */
const MAX_COMMANDS = 30;
/** Files larger than this are bundles or data, not the boot code. */
const MAX_BYTES = 1_000_000;

const ENTRY_DIRS = ['', 'src', 'dist', 'lib'];
const ENTRY_NAMES = ['index', 'server', 'serve', 'app', 'main'];
const EXTENSIONS = ['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts'];
const GATE = /unhandledRejection|uncaughtException/u;
/** `require('./x')`, `import … from './x'`, `import('./x')`, `export … from './x'`, `import './x'`. */
const RELATIVE_SPECIFIER = /(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]*|\.{1,2})\1/gu;
/** The file runs as a process of its own: a forked child (`process.send`, `process.on('message')`) or a worker thread. */
const OWN_PROCESS = /\bprocess(?:_\d+\.default)?\.send\s*\(|\bprocess(?:_\d+\.default)?\.on\(\s*['"]message['"]|\bparentPort\b|\bworkerData\b/u;

const rootOfDir = new Map<string, string | null>();

/** A file the search read, as it was then. */
export interface Stamp {
  file: string;
  size: number;
  mtimeMs: number;
}
/** What one search found, and every file it read (the package.json and each source). */
interface Search {
  value: unknown;
  read: readonly Stamp[];
}
/** Searches by settings object, then language options object, then application (root or own-process file). */
const searches = new WeakMap<object, WeakMap<object, Map<string, Search>>>();
const NO_OBJECT = {};

/**
 * Unhandled rejections of the linted file's process are logged with their stack: the
 * `logsUnhandledRejections` setting when given (it forces yes or no), else a handler in this file or
 * in a file the application's entry points reach.
 */
export function applicationLogsRejections(context: Context): boolean {
  const declared = getSettings(context).logsUnhandledRejections;
  if (declared !== undefined) return declared;
  return installsRejectionLogger(context) || applicationLogsProcessEvent(context, 'unhandledRejection');
}

/**
 * The application of the linted file logs `event` in a process-level handler with the failure's
 * stack (another file's `process.on('unhandledRejection', (e) => logger.error('…', e))`).
 */
export function applicationLogsProcessEvent(context: Context, event: ProcessFailureEvent): boolean {
  const events = searchApplication(context, 'process-events', (starts, read) => collectLoggedEvents(context, starts, read));
  return events?.has(event) ?? false;
}

/**
 * What `compute` finds in the linted file's application — from its package's entry points, or from the file
 * itself when it runs as a process of its own — kept per application, configuration and `kind` until a file the
 * search read changes (see the module comment). Null when the file has no application (no package root, no
 * file name); `compute` gets the start files and the list to stamp each file it reads into (readApplicationFile).
 */
export function searchApplication<T>(context: Context, kind: string, compute: (starts: readonly string[], read: Stamp[]) => T): T | null {
  try {
    const filename = context.physicalFilename || context.filename;
    if (!filename || filename.startsWith('<')) return null;
    const file = isAbsolute(filename) ? filename : resolve(context.cwd, filename);
    const own = isCommandLineProgram(context) || OWN_PROCESS.test(context.sourceCode.text);
    const root = own ? null : packageRoot(dirname(file));
    if (!own && root === null) return null;
    const key = `${kind}\u0000${own ? `file\u0000${file}` : `root\u0000${root}`}`;
    const known = searchesOf(context);
    let search = known.get(key);
    if (search === undefined || !unchanged(search.read)) {
      search = own ? searchFrom([file], [], compute) : searchPackage(root!, compute);
      known.set(key, search);
    }
    return search.value as T;
  } catch {
    return null;
  }
}

/**
 * The searches made under the linted file's configuration: this plugin's settings object and the language
 * options object. Not `context.settings` itself: without a `settings` key ESLint hands every file a fresh
 * `{}`, which would search the whole application again for each linted file.
 */
function searchesOf(context: Context): Map<string, Search> {
  const own = (context.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY];
  const settings = typeof own === 'object' && own !== null ? own : NO_OBJECT;
  const languageOptions = (context as unknown as { languageOptions?: object }).languageOptions ?? NO_OBJECT;
  let byOptions = searches.get(settings);
  if (byOptions === undefined) searches.set(settings, (byOptions = new WeakMap()));
  let known = byOptions.get(languageOptions);
  if (known === undefined) byOptions.set(languageOptions, (known = new Map()));
  return known;
}

/** Every file read by a search still has the size and modification time it had then. */
function unchanged(read: readonly Stamp[]): boolean {
  for (const { file, size, mtimeMs } of read) {
    const now = statSync(file, { throwIfNoEntry: false });
    if (now === undefined || now.size !== size || now.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/** The search from a package's entry points (none: no start files), its package.json stamped with the files read. */
function searchPackage<T>(root: string, compute: (starts: readonly string[], read: Stamp[]) => T): Search {
  const read: Stamp[] = [];
  const manifest = join(root, 'package.json');
  const stat = statSync(manifest, { throwIfNoEntry: false });
  if (stat !== undefined) read.push({ file: manifest, size: stat.size, mtimeMs: stat.mtimeMs });
  return searchFrom(entryPoints(root), read, compute);
}

/** The nearest directory above `dir` holding a package.json (outside `node_modules`), else null. */
export function packageRoot(dir: string): string | null {
  const seen: string[] = [];
  let found: string | null = null;
  for (let d = dir; ; d = dirname(d)) {
    const known = rootOfDir.get(d);
    if (known !== undefined) {
      found = known;
      break;
    }
    seen.push(d);
    if (existsSync(join(d, 'package.json'))) {
      found = d;
      break;
    }
    if (dirname(d) === d || d.endsWith(`${'/'}node_modules`)) break;
  }
  for (const d of seen) rootOfDir.set(d, found);
  return found;
}

/** The package's entry points that exist: package.json `main`, `module`, `bin`, `exports`, then the common entry names. */
export function entryPoints(root: string): string[] {
  const specifiers: string[] = [];
  let commandDir: string | null = null;
  try {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['main', 'module', 'bin', 'exports']) collectStrings(manifest[field], specifiers, 0);
    commandDir = oclifCommandDir(manifest.oclif);
  } catch {
    // no readable package.json: the common names below still count
  }
  const files: string[] = [];
  const add = (f: string | null): void => {
    if (f !== null && !files.includes(f)) files.push(f);
  };
  for (const s of specifiers) if (!s.includes('*')) add(resolveFile(resolve(root, s)));
  if (commandDir !== null) for (const f of commandFiles(resolve(root, commandDir))) add(f);
  for (const dir of ENTRY_DIRS) for (const name of ENTRY_NAMES) add(resolveFile(join(root, dir, name)));
  return files;
}

/**
 * An oclif CLI's commands directory (`"oclif": { "commands": "./dist/commands" }`, or a `{ "target": … }`
 * strategy): its bin only calls `oclif.run()`, which loads each command file from there as the program.
 */
function oclifCommandDir(oclif: unknown): string | null {
  if (oclif === null || typeof oclif !== 'object') return null;
  const commands = (oclif as Record<string, unknown>).commands;
  if (typeof commands === 'string') return commands;
  const target = commands !== null && typeof commands === 'object' ? (commands as Record<string, unknown>).target : undefined;
  return typeof target === 'string' ? target : null;
}

/** The source files directly in a commands directory (no declarations), at most MAX_COMMANDS. */
function commandFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => EXTENSIONS.includes(extname(name)) && !name.endsWith('.d.ts'))
      .sort()
      .slice(0, MAX_COMMANDS)
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Every string of a package.json field (`bin` maps, `exports` conditions), a few levels deep. */
function collectStrings(value: unknown, into: string[], depth: number): void {
  if (typeof value === 'string') into.push(value);
  else if (value !== null && typeof value === 'object' && depth < 4) for (const v of Object.values(value)) collectStrings(v, into, depth + 1);
}

/** The source file a path names: itself, with a source extension (`./x.js` written for `x.ts`), or its directory's index. */
function resolveFile(path: string): string | null {
  const ext = extname(path);
  const base = EXTENSIONS.includes(ext) ? path.slice(0, -ext.length) : path;
  const candidates = [path, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(path, `index${e}`))];
  for (const candidate of candidates) {
    if (candidate.endsWith('.d.ts') || candidate.includes(`${'/'}node_modules${'/'}`)) continue;
    try {
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    } catch {
      // not a directory on the way (ENOTDIR), unreadable: try the next candidate
    }
  }
  return null;
}

function searchFrom<T>(starts: readonly string[], read: Stamp[], compute: (starts: readonly string[], read: Stamp[]) => T): Search {
  return { value: compute(starts, read), read };
}

/** The process events some file reached from `starts` logs with their stack. */
function collectLoggedEvents(context: Context, starts: readonly string[], read: Stamp[]): ReadonlySet<ProcessFailureEvent> {
  const events = new Set<ProcessFailureEvent>();
  walkApplication(starts, read, GATE, (_file, text) => {
    const module = parseProjectFile(context, text);
    if (module !== null) for (const e of loggedProcessEvents(module.context, module.ast)) events.add(e);
    return events.size === 2;
  });
  return events;
}

/**
 * Breadth first from `starts` through relative specifiers, within MAX_DEPTH levels and MAX_FILES files:
 * each reached file whose text matches `gate` goes to `visit` (its path and text); `visit` answering true ends the walk.
 */
export function walkApplication(starts: readonly string[], read: Stamp[], gate: RegExp, visit: (file: string, text: string) => boolean): void {
  const seen = new Set<string>(starts);
  let level = [...starts];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const file of level) {
      const text = readApplicationFile(file, read);
      if (text === null) continue;
      if (gate.test(text) && visit(file, text)) return;
      if (depth === MAX_DEPTH) continue;
      for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
        if (seen.size >= MAX_FILES) break;
        const target = resolveFile(resolve(dirname(file), match[2]!));
        if (target === null || seen.has(target)) continue;
        seen.add(target);
        next.push(target);
      }
    }
    level = next;
  }
}

/** The source file a relative specifier written in `from` names (`./filters/all.filter` → its `.ts` / `.js` / index file), or null. */
export function resolveRelative(from: string, specifier: string): string | null {
  return /^\.{1,2}(?:\/|$)/u.test(specifier) ? resolveFile(resolve(dirname(from), specifier)) : null;
}

/** A source file's text (null when unreadable or too large to be boot code), stamped into `read`. */
export function readApplicationFile(file: string, read: Stamp[]): string | null {
  try {
    const stat = statSync(file);
    read.push({ file, size: stat.size, mtimeMs: stat.mtimeMs });
    return stat.size > MAX_BYTES ? null : readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
