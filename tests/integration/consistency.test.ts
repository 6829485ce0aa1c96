/**
 * One answer per shared question: run every rule that inserts log statements (with each example
 * app's own settings) with fixes on the example apps and compare the log calls the fixes insert
 * within one file. All of them must write to the same logger (one log-target precedence), in the
 * same call shape (one logger-style resolution), and name the request's fields the same way (one
 * set of request field names: `method`, `path`, `ip`, `userAgent` — never `url` or `originalUrl`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { register } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pluginEntry = pathToFileURL(join(root, 'dist', 'index.js')).href;

// The examples are not installed; resolve their `eslint-plugin-security-logging` import to dist/.
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'eslint-plugin-security-logging') return { url: ${JSON.stringify(pluginEntry)}, shortCircuit: true };
  return next(specifier, context);
}`)}`,
);

const examples = readdirSync(join(root, 'examples')).filter((name) =>
  ['eslint.config.js', 'eslint.config.mjs'].some((f) => existsSync(join(root, 'examples', name, f))),
);

const INSERTING = [
  'no-silent-catch',
  'require-error-handler-logging',
  'no-error-details-in-response',
  'background-task-error-handling',
  'log-auth-failures',
  'log-rate-limit-violations',
  'log-validation-failures',
  'no-fail-open-auth',
  'log-auth-success',
];

/** `logger.warn(`, `this.logger.error(`, `request.log.error(`, `logger.child({ … }).error(`, `console.warn(`. */
const LOG_CALL = /((?:this\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*?)(?:\.child\((\{[^)]*\})\))?\.(trace|debug|info|warn|error|fatal|log|verbose)\((.*)$/u;

interface Inserted {
  file: string;
  line: string;
  target: string;
  /** `object-first` (pino/bunyan), `message-first` (winston, console, Nest, log4js), or `error-first` (bunyan). */
  shape: string;
  requestKeys: string[];
}

/** Log statements the fixes added: lines of the fixed text that the original does not have. */
function insertedLogCalls(file: string, before: string, after: string): Inserted[] {
  const old = new Map<string, number>();
  for (const line of before.split('\n')) old.set(line.trim(), (old.get(line.trim()) ?? 0) + 1);
  const out: Inserted[] = [];
  for (const raw of after.split('\n')) {
    const line = raw.trim();
    const seen = old.get(line) ?? 0;
    if (seen > 0) {
      old.set(line, seen - 1);
      continue;
    }
    const m = LOG_CALL.exec(line);
    if (!m) continue;
    const [, target, childFields, , args] = m;
    const shape = args!.startsWith('{') ? 'object-first' : /^['`"]/u.test(args!) ? 'message-first' : 'error-first';
    const text = `${childFields ?? ''} ${args}`;
    const requestKeys = [...text.matchAll(/\b(method|path|url|originalUrl|ip|userAgent|user_agent|ua)\s*:/gu)].map((k) => k[1]!);
    out.push({ file, line, target: target!, shape, requestKeys });
  }
  return out;
}

describe.each(examples)('examples/%s: every rule inserts logs the same way', (name) => {
  // Linted in place: with `fix: true` and no outputFixes(), ESLint returns the fixed text without writing it.
  const dir = join(root, 'examples', name);

  let inserted: Inserted[] = [];

  it('fixes the app with every rule', async () => {
    const configFile = ['eslint.config.js', 'eslint.config.mjs'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
    const { default: plugin } = await import(pluginEntry);
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: configFile,
      // Every rule that inserts log statements, not only the example's set: the question is whether
      // they agree. (The others only rewrite existing calls, which keep their own logger.)
      overrideConfig: { rules: Object.fromEntries(Object.keys(plugin.rules).map((r) => [`security-logging/${r}`, INSERTING.includes(r) ? 'error' : 'off'])) },
      fix: true,
    });
    const results = await eslint.lintFiles(['.']);
    inserted = results.flatMap((r) => (r.output === undefined ? [] : insertedLogCalls(relative(dir, r.filePath), readFileSync(r.filePath, 'utf8'), r.output)));
    expect(results.length).toBeGreaterThan(0);
    // Every example has findings whose fixes insert a log: the comparison below is not vacuous.
    expect(inserted.length).toBeGreaterThan(0);
  });

  it('writes to one logger per file, in one call shape', () => {
    const byFile = new Map<string, Inserted[]>();
    for (const call of inserted) byFile.set(call.file, [...(byFile.get(call.file) ?? []), call]);
    for (const [file, calls] of byFile) {
      // A Nest class logs with this.logger; a plain function in the same file may only use console.
      const targets = new Set(calls.map((c) => c.target));
      expect([...targets], `${file}:\n${calls.map((c) => c.line).join('\n')}`).toHaveLength(1);
      const shapes = new Set(calls.filter((c) => c.target === calls[0]!.target).map((c) => c.shape));
      expect([...shapes], `${file}:\n${calls.map((c) => c.line).join('\n')}`).toHaveLength(1);
    }
  });

  it('names the request fields method, path, ip, userAgent', () => {
    for (const call of inserted) {
      for (const key of call.requestKeys) expect(['method', 'path', 'ip', 'userAgent'], `${call.file}: ${call.line}`).toContain(key);
    }
  });
});
