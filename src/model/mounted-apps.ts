/**
 * Does a sub-app or router that an app mounts from a module of the project log its requests? A
 * root app that only mounts its API (`app.use('/sync', syncApp.handlers)`,
 * `app.use(baseUrl, await middleware(config))`) is logged by what it mounts when each mounted module
 * registers a request logger: its source names one (morgan, pino-http, express-winston, …, an
 * imported `requestLoggerMiddleware`), or it mounts, in turn, a router of its own module that does
 * (mongo-express: `app.js` mounts `lib/middleware.js`'s app, which mounts `lib/router.js`'s router,
 * which uses morgan). Read as text, two modules deep at most; `extra` (the rule's configured names)
 * is an argument, never cached. Anything unreadable answers no.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Context } from './ast.js';
import { REQUEST_LOGGER_PACKAGES } from './servers.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
/** A request-logger package or middleware by name. */
export const REQUEST_LOGGER_NAMES = `${[...REQUEST_LOGGER_PACKAGES].map(escapeRegExp).join('|')}|requestLogger|RequestLogger|httpLogger|HttpLogger|accessLog|AccessLog|LoggerMiddleware|LoggingInterceptor`;
/**
 * A module that registers a request logger by package or name. Not a log call that mentions
 * `req.method`: in a module of routes and handler wrappers that is a route's own log line.
 */
export const ROUTER_LOGGER_TEXT = new RegExp(REQUEST_LOGGER_NAMES, 'u');
/** `import x from './m'`, `import * as x from './m'`, `const x = require('./m')` (also through `_interopRequireDefault`). */
const DEFAULT_IMPORT = /\bimport\s+(?:\*\s+as\s+)?([\w$]+)\s+from\s*['"](\.{1,2}\/[^'"\n]+)['"]|\b(?:const|let|var)\s+([\w$]+)\s*=\s*(?:[\w$]+\()?require\(\s*['"](\.{1,2}\/[^'"\n]+)['"]\s*\)/gu;
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];
const MAX_BYTES = 1_000_000;

/** The module `specifier` (relative to the linted file) registers request logging, or mounts a module of its own that does. */
export function mountedModuleLogsRequests(context: Context, specifier: string, extra: readonly string[]): boolean {
  const filename = context.physicalFilename || context.filename;
  if (!filename || filename.startsWith('<') || !specifier.startsWith('.')) return false;
  const from = isAbsolute(filename) ? filename : resolve(context.cwd, filename);
  const first = readModule(dirname(from), specifier);
  if (first === null) return false;
  if (namesRequestLogger(first.text, extra)) return true;
  // app.use('/', await router(config)) with `import router from './router.js'`
  for (const match of first.text.matchAll(DEFAULT_IMPORT)) {
    const name = match[1] ?? match[3]!;
    const spec = match[2] ?? match[4]!;
    const mounts = new RegExp(`\\.(?:use|route|mount)\\([^;]*?(?<![\\w$.])${escapeRegExp(name)}\\b`, 'u');
    if (!mounts.test(first.text)) continue;
    const second = readModule(dirname(first.file), spec);
    if (second !== null && namesRequestLogger(second.text, extra)) return true;
  }
  return false;
}

function namesRequestLogger(text: string, extra: readonly string[]): boolean {
  return ROUTER_LOGGER_TEXT.test(text) || extra.some((name) => text.includes(name));
}

/** The file and text a relative specifier names from `dir` (written extension, a TypeScript source for `.js`, an index). */
function readModule(dir: string, specifier: string): { file: string; text: string } | null {
  const target = resolve(dir, specifier);
  const base = target.replace(/\.[cm]?[jt]s$/u, '');
  for (const file of [target, ...EXTENSIONS.map((ext) => base + ext)]) {
    try {
      const text = readFileSync(file, 'utf8');
      return text.length > MAX_BYTES ? null : { file, text };
    } catch {
      // not this candidate (missing, a directory)
    }
  }
  return null;
}
