import tsParser from '@typescript-eslint/parser';
import { type Linter as LinterType, Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * Identical catches in one file get identical verdicts (issue 15: two health checks, two adjacent
 * parse probes, one reported and the other not, read as randomness). Each shape is written twice in
 * one file, in two blocks; both copies must be reported the same way, in default and strict mode.
 */
const SHAPES: Record<string, string> = {
  'health check': 'async function health() {\n  try {\n    await db.raw("select 1");\n    return true;\n  } catch {\n    return false;\n  }\n}',
  'health check answering a status': 'async function status() {\n  try {\n    await redis.ping();\n    return { redis: "up" };\n  } catch {\n    return { redis: "down" };\n  }\n}',
  'parse probe': 'function read(s) {\n  try {\n    return JSON.parse(s);\n  } catch {\n    return null;\n  }\n}',
  'long parse probe': 'function read(model) {\n  let doc;\n  try {\n    doc = JSON.parse(model.doc);\n    if (!doc.cards) doc = blank;\n    model.ok = true;\n    model.seen = Date.now();\n  } catch {\n    doc = blank;\n  }\n  return doc;\n}',
  'URL probe': 'function host(raw) {\n  try {\n    return new URL(raw).host;\n  } catch {\n    return "";\n  }\n}',
  'database lookup to null': 'async function user(id) {\n  try {\n    return await users.findById(id);\n  } catch {\n    return null;\n  }\n}',
  'empty catch around a write': 'function save(f, d) {\n  try {\n    fs.writeFileSync(f, d);\n  } catch {}\n}',
  'empty catch around an unknown call': 'function go() {\n  try {\n    run();\n  } catch {}\n}',
  'fallback to an unknown call': 'function go() {\n  try {\n    return run();\n  } catch {\n    return 0;\n  }\n}',
  'rejection swallowed': 'function send(u) {\n  mail.send(u).catch(() => {});\n}',
  'rejection of a stored promise': 'async function boot() {\n  const p = load();\n  p.catch(() => undefined);\n  await other();\n  await p;\n}',
  '5xx without a log': 'async function h(req, res) {\n  try {\n    await work();\n  } catch {\n    res.status(500).end();\n  }\n}',
  'quiet log': 'async function h() {\n  try {\n    await work();\n  } catch (e) {\n    logger.debug(e);\n  }\n}',
  'error test with silent complement': 'async function h() {\n  try {\n    await work();\n  } catch (e) {\n    if (e.status >= 500) {\n      logger.error(e);\n      return 1;\n    }\n    return 0;\n  }\n}',
  'retry': 'async function h(n) {\n  try {\n    return await api.get(n);\n  } catch {\n    return h(n + 1);\n  }\n}',
  'telemetry beside other work': 'function done(id) {\n  jobs.delete(id);\n  telemetry.send("job-done", { id }).catch(() => {});\n}',
  'unexpected errors rethrown first': 'async function list(dir) {\n  try {\n    return await fsp.readdir(dir);\n  } catch (e) {\n    if (e.code !== "ENOENT") throw e;\n    return [];\n  }\n}',
  'failure counted in a metric': 'async function probe(metric) {\n  try {\n    await redis.ping();\n  } catch {\n    metric.inc();\n  }\n}',
  'cleanup in a rethrowing catch': 'async function put(name) {\n  try {\n    await store.save(name);\n  } catch (e) {\n    await store.delete(name).catch(() => {});\n    throw e;\n  }\n}',
  'session lookup to null': 'async function userForSession(req) {\n  try {\n    return await sessions.get(req.sessionId);\n  } catch {\n    return null;\n  }\n}',
  'credential decryption swallowed': 'async function auth(dest) {\n  try {\n    dest.auth = await this.decryptCredentials(dest.id);\n  } catch {}\n}',
  'in-process signature parse': 'function signature(msg) {\n  let der = null;\n  try {\n    der = forge.asn1.fromDer(forge.util.createBuffer(msg));\n  } catch {}\n  return der;\n}',
  'metric refresh': 'const tokens = createGauge({ name: "tokens" });\nasync function refreshTokens() {\n  try {\n    tokens.set(await stats.countTokens());\n  } catch {}\n}',
  'credential label': 'async function fillState(id) {\n  try {\n    const c = await credentials.decrypt(id);\n    return c.a ? "filled" : "blank";\n  } catch {\n    return "unknown";\n  }\n}',
};

function lint(code: string, strict: boolean): LinterType.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as unknown as LinterType.Parser, sourceType: 'module' },
        plugins: { sl: { rules: { 'no-silent-catch': rule as unknown as Rule.RuleModule } } },
        rules: { 'sl/no-silent-catch': ['error', ...(strict ? [{ minimumLevel: 'warn', reportFallbacks: true }] : [])] },
      },
    ],
    'twins.ts',
  );
}

describe('no-silent-catch: identical catches get identical verdicts', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const strict of [false, true]) {
      it(`${name} (${strict ? 'strict' : 'default'})`, () => {
        const lines = shape.split('\n').length;
        // Line 1 is `{`; the second copy starts `lines + 2` lines later.
        const code = `{\n${shape}\n}\n{\n${shape}\n}`;
        const messages = lint(code, strict);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const first = messages.filter((m) => m.line <= lines + 1).map((m) => `${m.messageId}@${m.line}:${m.column}`);
        const second = messages.filter((m) => m.line > lines + 2).map((m) => `${m.messageId}@${m.line - (lines + 2)}:${m.column}`);
        expect(second).toEqual(first);
      });
    }
  }

  // Default: a security control's failure made to look ordinary, and a 5xx without a log. The other
  // swallowed failures are deliberate fallbacks on real code nine times in ten: strict reports them.
  const EXPECTED: Record<string, { default: number; strict: number }> = {
    'health check': { default: 0, strict: 2 },
    'health check answering a status': { default: 0, strict: 2 },
    'parse probe': { default: 0, strict: 0 },
    'long parse probe': { default: 0, strict: 2 },
    'URL probe': { default: 0, strict: 0 },
    'database lookup to null': { default: 0, strict: 2 },
    'empty catch around a write': { default: 0, strict: 2 },
    'empty catch around an unknown call': { default: 0, strict: 2 },
    'fallback to an unknown call': { default: 0, strict: 2 },
    'rejection swallowed': { default: 0, strict: 2 },
    'rejection of a stored promise': { default: 0, strict: 0 },
    '5xx without a log': { default: 2, strict: 2 },
    'quiet log': { default: 0, strict: 2 },
    'error test with silent complement': { default: 0, strict: 2 },
    retry: { default: 0, strict: 2 },
    'telemetry beside other work': { default: 0, strict: 2 },
    'unexpected errors rethrown first': { default: 0, strict: 0 },
    'failure counted in a metric': { default: 0, strict: 0 },
    'cleanup in a rethrowing catch': { default: 0, strict: 2 },
    'session lookup to null': { default: 2, strict: 2 },
    'credential decryption swallowed': { default: 2, strict: 2 },
    'in-process signature parse': { default: 0, strict: 2 },
    'metric refresh': { default: 0, strict: 2 },
    'credential label': { default: 0, strict: 2 },
  };

  it.each([false, true])('reports the real shapes twice and the probes never (strict: %s)', (strict) => {
    const counts = Object.fromEntries(
      Object.entries(SHAPES).map(([name, shape]) => [name, lint(`{\n${shape}\n}\n{\n${shape}\n}`, strict).length]),
    );
    expect(counts).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([name, e]) => [name, strict ? e.strict : e.default])));
  });
});
