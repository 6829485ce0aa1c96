import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import type { LogTarget } from '../../src/fixes/log-call.js';
import { CONSOLE_TARGET } from '../../src/fixes/log-target.js';
import { answeringStatement, insertLogBeforeFix, insertLogLineBeforeFix } from '../../src/fixes/log-before-statement.js';
import { appendProperty, appendToArray, insertFirstProperty } from '../../src/fixes/object-property.js';
import { listFix, redactFix, redactPathFor, stripQueryFix } from '../../src/fixes/access-log-redaction.js';
import { getAccessLoggerCreation, property } from '../../src/model/access-logs.js';
import { generatedIdOptionFix } from '../../src/fixes/generated-id.js';
import { dropTrailingValueFix, dropValueFix, redactValueFix, sha256Fix } from '../../src/fixes/secret-value.js';
import { projectSafeCompareFix, safeEqualFix } from '../../src/fixes/safe-compare.js';
import { visibleVariable } from '../../src/fixes/names.js';
import { enableFastifyLoggerFix, registerRequestLoggerFix } from '../../src/fixes/request-logger-setup.js';
import { getAppUsage } from '../../src/model/app-usage.js';
import { collectServers } from '../../src/model/servers.js';
import { type ProbeOptions, applyFixes, probe, reportFix } from '../helpers/probe.js';
import { probeServers } from '../helpers/servers.js';

/** Run `build` on every node the selector matches; apply the fixes it makes. Null when it made none. */
function fixWith(
  code: string,
  selector: string,
  build: (context: Context, node: TSESTree.Node) => TSESLint.ReportFixFunction | null,
  options: ProbeOptions = {},
): string | null {
  let made = false;
  const messages = probe(code, (context) => ({
    [selector](node: TSESTree.Node) {
      const fix = build(context, node);
      if (fix) {
        made = true;
        reportFix(context, node, fix as never);
      }
    },
  }), options);
  return made ? applyFixes(code, messages) : null;
}

describe('insertFirstProperty', () => {
  const add = (code: string) => fixWith(code, 'ObjectExpression', (context, node) => (fixer) => insertFirstProperty(context, fixer, node as TSESTree.ObjectExpression, 'genReqId: () => randomUUID()'));
  it('fills an empty object and adds to a one-line object after the brace', () => {
    expect(add('pinoHttp({});')).toBe('pinoHttp({ genReqId: () => randomUUID() });');
    expect(add('pinoHttp({ logger });')).toBe('pinoHttp({ genReqId: () => randomUUID(), logger });');
  });
  it('puts it on its own line in a multi-line object', () => {
    expect(add('pinoHttp({\n    logger,\n    autoLogging: true,\n});')).toBe('pinoHttp({\n    genReqId: () => randomUUID(),\n    logger,\n    autoLogging: true,\n});');
  });
});

describe('generatedIdOptionFix', () => {
  const add = (code: string) => fixWith(code, 'ObjectExpression', (context, node) => generatedIdOptionFix(context, node as TSESTree.ObjectExpression, 'genReqId'));
  it('adds the generator first and imports randomUUID from node:crypto', () => {
    expect(add("import pinoHttp from 'pino-http';\napp.use(pinoHttp({ logger }));")).toBe("import pinoHttp from 'pino-http';\nimport { randomUUID } from 'node:crypto';\napp.use(pinoHttp({ genReqId: () => randomUUID(), logger }));");
  });
  it('does not import randomUUID twice', () => {
    expect(add("import { randomUUID } from 'node:crypto';\nFastify({ logger: true });")).toBe("import { randomUUID } from 'node:crypto';\nFastify({ genReqId: () => randomUUID(), logger: true });");
  });
});

describe('appendProperty / appendToArray', () => {
  const add = (code: string) => fixWith(code, 'ObjectExpression', (context, node) => appendProperty(context, node as TSESTree.ObjectExpression, "redact: ['x']"));
  it('fills an empty object, appends to a one-line object, and puts it on its own line in a multi-line one', () => {
    expect(add('pinoHttp({});')).toBe("pinoHttp({ redact: ['x'] });");
    expect(add('pinoHttp({ logger });')).toBe("pinoHttp({ logger, redact: ['x'] });");
    expect(add('pinoHttp({\n  logger,\n  level: 1\n});')).toBe("pinoHttp({\n  logger,\n  level: 1,\n  redact: ['x'],\n});");
    expect(add('pinoHttp({\n  logger,\n});')).toBe("pinoHttp({\n  logger,\n  redact: ['x'],\n});");
  });
  it('appends items to an array literal, empty or not', () => {
    const append = (code: string) => fixWith(code, 'ArrayExpression', (context, node) => appendToArray(context, node as TSESTree.ArrayExpression, ["'a'", "'b'"]));
    expect(append('f([]);')).toBe("f(['a', 'b']);");
    expect(append("f(['x']);")).toBe("f(['x', 'a', 'b']);");
  });
});

describe('access-log redaction fixes', () => {
  const onCreation = (code: string, build: (context: Context, node: TSESTree.CallExpression) => TSESLint.ReportFixFunction | null) =>
    fixWith(code, 'CallExpression', (context, node) => {
      const creation = getAccessLoggerCreation(context, node as TSESTree.CallExpression);
      return creation ? build(context, node as TSESTree.CallExpression) : null;
    });
  it('writes redact paths dotted or bracketed', () => {
    expect(redactPathFor('req', 'authorization')).toBe('req.headers.authorization');
    expect(redactPathFor('res', 'set-cookie')).toBe('res.headers["set-cookie"]');
  });
  it("adds paths to pino-http's redact array, its { paths }, a new option, or empty options", () => {
    const redact = (code: string) =>
      onCreation(code, (context, node) => {
        const creation = getAccessLoggerCreation(context, node)!;
        return redactFix(context, creation, creation.options ? property(creation.options, 'redact') : null, ['req.headers.cookie']);
      });
    expect(redact("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: ['req.headers.authorization'] }));")).toBe(
      "import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: ['req.headers.authorization', 'req.headers.cookie'] }));",
    );
    expect(redact("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: { paths: [] } }));")).toBe("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: { paths: ['req.headers.cookie'] } }));");
    expect(redact("import pinoHttp from 'pino-http'; app.use(pinoHttp({ logger }));")).toBe("import pinoHttp from 'pino-http'; app.use(pinoHttp({ logger, redact: ['req.headers.cookie'] }));");
    expect(redact("import pinoHttp from 'pino-http'; app.use(pinoHttp());")).toBe("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: ['req.headers.cookie'] }));");
    // A redact value it cannot edit: no fix.
    expect(redact("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: shared }));")).toBeNull();
  });
  it("adds headers to express-winston's headerBlacklist, or the option", () => {
    const list = (code: string) =>
      onCreation(code, (context, node) => {
        const creation = getAccessLoggerCreation(context, node)!;
        return listFix(context, creation, creation.options ? property(creation.options, 'headerBlacklist') : null, 'headerBlacklist', ["'cookie'"]);
      });
    expect(list("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ headerBlacklist: ['authorization'] }));")).toBe(
      "import expressWinston from 'express-winston'; app.use(expressWinston.logger({ headerBlacklist: ['authorization', 'cookie'] }));",
    );
    expect(list("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ transports }));")).toBe(
      "import expressWinston from 'express-winston'; app.use(expressWinston.logger({ transports, headerBlacklist: ['cookie'] }));",
    );
  });
  it('logs the URL without its query: a pino-http req serializer, none when serializers exist', () => {
    const strip = (code: string) => onCreation(code, (context, node) => stripQueryFix(context, getAccessLoggerCreation(context, node)!)?.fix ?? null);
    expect(strip("import pinoHttp from 'pino-http'; app.use(pinoHttp());")).toBe(
      "import pinoHttp from 'pino-http'; app.use(pinoHttp({ serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }) } }));",
    );
    expect(strip("import pinoHttp from 'pino-http'; app.use(pinoHttp({ serializers: { err } }));")).toBeNull();
    expect(strip("import morgan from 'morgan'; app.use(morgan('combined'));")).toBeNull();
  });
});

describe('secret value fixes: sha256Fix, dropValueFix, redactValueFix', () => {
  /** Apply `build` once, at the identifier named `secret` that is a value (not a property key: `{ secret }` has both). */
  const atSecret = (code: string, build: (context: Context, node: TSESTree.Identifier) => TSESLint.ReportFixFunction | null) => {
    let done = false;
    return fixWith(code, 'Identifier[name="secret"]', (context, node) => {
      if (done || (node.parent?.type === 'Property' && node.parent.value !== node)) return null;
      done = true;
      return build(context, node as TSESTree.Identifier);
    });
  };
  const logCall = (node: TSESTree.Node): TSESTree.CallExpression => {
    let current: TSESTree.Node | undefined = node;
    while (current && current.type !== 'CallExpression') current = current.parent;
    return current as TSESTree.CallExpression;
  };
  it('fingerprints with an existing createHash or crypto binding, else imports createHash', () => {
    expect(atSecret("import { createHash } from 'node:crypto';\nlogger.info({ key: secret });", sha256Fix)).toBe(
      "import { createHash } from 'node:crypto';\nlogger.info({ key: createHash('sha256').update(String(secret)).digest('hex').slice(0, 12) });",
    );
    expect(atSecret("import * as crypto from 'crypto';\nlogger.info('k', secret);", sha256Fix)).toBe(
      "import * as crypto from 'crypto';\nlogger.info('k', crypto.createHash('sha256').update(String(secret)).digest('hex').slice(0, 12));",
    );
    expect(atSecret("import x from 'y';\nlogger.info({ secret });", sha256Fix)).toBe(
      "import x from 'y';\nimport { createHash } from 'node:crypto';\nlogger.info({ secret: createHash('sha256').update(String(secret)).digest('hex').slice(0, 12) });",
    );
  });
  it('a createHash of another module gets an alias', () => {
    expect(atSecret("import { createHash } from 'hash-lib';\nlogger.info('k', secret);", sha256Fix)).toBe(
      "import { createHash } from 'hash-lib';\nimport { createHash as createSha256Hash } from 'node:crypto';\nlogger.info('k', createSha256Hash('sha256').update(String(secret)).digest('hex').slice(0, 12));",
    );
  });
  it('drops a property or an argument besides the message, not the only argument', () => {
    const drop = (code: string) => atSecret(code, (_context, node) => dropValueFix(logCall(node), node));
    expect(drop('logger.info({ user, key: secret });')).toBe('logger.info({ user });');
    expect(drop("logger.info('login', secret);")).toBe("logger.info('login');");
    expect(drop('logger.info(secret);')).toBeNull();
  });
  it('drops a property or the last argument only (another would shift the format string)', () => {
    const drop = (code: string) => atSecret(code, (_context, node) => dropTrailingValueFix(logCall(node), node));
    expect(drop('logger.info({ user, email: secret });')).toBe('logger.info({ user });');
    expect(drop("logger.info('user %s', secret);")).toBe("logger.info('user %s');");
    expect(drop("logger.info('%s logged in from %s', secret, ip);")).toBeNull();
    expect(drop('logger.info({ ...secret });')).toBeNull();
  });
  it('redacts a value, also inside a template literal; not a spread', () => {
    const redact = (code: string) => atSecret(code, redactValueFix);
    expect(redact('logger.info({ key: secret });')).toBe("logger.info({ key: '[REDACTED]' });");
    expect(redact('logger.info(`key=${secret} ok`);')).toBe('logger.info(`key=[REDACTED] ok`);');
    expect(redact('logger.info({ ...secret });')).toBeNull();
  });
  it('visibleVariable finds a declared name through enclosing scopes', () => {
    const found: (string | null)[] = [];
    probe('const createHash = 1; function f() { probeHere(); }', (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        found.push(visibleVariable(context, node, 'createHash')?.name ?? null, visibleVariable(context, node, 'crypto')?.name ?? null);
      },
    }));
    expect(found).toEqual(['createHash', null]);
  });
});

describe('safe-compare fixes', () => {
  const compare = (code: string, build: (context: Context, node: TSESTree.BinaryExpression) => TSESLint.ReportFixFunction | null, options: ProbeOptions = {}) =>
    fixWith(code, 'BinaryExpression', (context, node) => {
      const b = node as TSESTree.BinaryExpression;
      return build(context, b);
    }, options);
  it('safeEqual: replaces the comparison, adds the helper and imports node:crypto once', () => {
    const out = compare("import x from 'y';\nif (key !== process.env.API_KEY) deny();", (context, node) => safeEqualFix(context, node, node.left, node.right, true));
    expect(out).toContain('if (!safeEqual(key, process.env.API_KEY)) deny();');
    expect(out).toContain("import nodeCrypto from 'node:crypto';");
    expect(out).toContain('function safeEqual(presented, expected) {');
    expect(out).toContain('return nodeCrypto.timingSafeEqual(a, b);');
  });
  it('safeEqual already in scope: only the call', () => {
    expect(compare('function safeEqual(a, b) { return true; }\nif (key === secret) ok();', (context, node) => safeEqualFix(context, node, node.left, node.right, false))).toBe(
      'function safeEqual(a, b) { return true; }\nif (safeEqual(key, secret)) ok();',
    );
  });
  it("the project's safeCompare from settings, imported; none without the setting", () => {
    const settings = { 'security-logging': { safeCompare: { name: 'safeCompare', importFrom: './crypto-utils' } } };
    expect(compare("import x from 'y';\nif (key === secret) ok();", (context, node) => projectSafeCompareFix(context, node, node.left, node.right, false), { settings })).toBe(
      "import x from 'y';\nimport { safeCompare } from './crypto-utils';\nif (safeCompare(key, secret)) ok();",
    );
    expect(compare('if (key === secret) ok();', (context, node) => projectSafeCompareFix(context, node, node.left, node.right, false))).toBeNull();
  });
});

describe('answeringStatement / insertLogBeforeFix', () => {
  const log = "console.warn('Request validation failed');";
  const insert = (code: string) => fixWith(code, 'CallExpression[callee.property.name="status"]', (context, node) => {
    const at = answeringStatement(node);
    return at ? insertLogBeforeFix(context, at, log, CONSOLE_TARGET) : null;
  });
  it('writes the log on its own line in a block, or on the same line after other code', () => {
    expect(insert('function h(req, res) {\n  if (bad) {\n    return res.status(400).end();\n  }\n}')).toBe(`function h(req, res) {\n  if (bad) {\n    ${log}\n    return res.status(400).end();\n  }\n}`);
    expect(insert('function h(req, res) { if (bad) { return res.status(400).end(); } }')).toBe(`function h(req, res) { if (bad) { ${log} return res.status(400).end(); } }`);
  });
  it('wraps an if branch in braces', () => {
    expect(insert('function h(req, res) { if (bad) return res.status(400).end(); }')).toBe(`function h(req, res) { if (bad) { ${log} return res.status(400).end(); } }`);
  });
  it('climbs out of an expression-bodied arrow to the statement that holds it (it does not stop at functions)', () => {
    expect(insert('const h = (req, res) => res.status(400).end();')).toBe(`${log}\nconst h = (req, res) => res.status(400).end();`);
  });
  it('finds no statement above the program', () => {
    let found: TSESTree.Node | null | undefined;
    probe('run();', () => ({ Program: (node: TSESTree.Program) => { found = answeringStatement(node); } }));
    expect(found).toBeNull();
  });
  it('imports the configured logger when it is not in scope', () => {
    const target: LogTarget = { expression: 'logger', style: 'pino', configured: true, importFrom: './logger', importKind: 'named' };
    const out = fixWith('export function h(req, res) {\n  return res.status(400).end();\n}', 'CallExpression[callee.property.name="status"]', (context, node) => insertLogBeforeFix(context, answeringStatement(node)!, "logger.warn('x');", target));
    expect(out).toBe("import { logger } from './logger';\nexport function h(req, res) {\n  logger.warn('x');\n  return res.status(400).end();\n}");
  });
});

describe('insertLogLineBeforeFix', () => {
  const log = "console.warn('Rate limit exceeded');";
  const insert = (code: string) => fixWith(code, 'ReturnStatement', (context, node) => insertLogLineBeforeFix(context, node, log, CONSOLE_TARGET));
  it('writes the log on its own line in a block, or before the statement on a shared line', () => {
    expect(insert('function h(req, res) {\n  return res.status(429).end();\n}')).toBe(`function h(req, res) {\n  ${log}\n  return res.status(429).end();\n}`);
    expect(insert('function h(req, res) { return res.status(429).end(); }')).toBe(`function h(req, res) { ${log} return res.status(429).end(); }`);
  });
  it('wraps an if branch in a multi-line block', () => {
    expect(insert('function h(req, res) {\n  if (over) return res.status(429).end();\n}')).toBe(`function h(req, res) {\n  if (over) {\n    ${log}\n    return res.status(429).end();\n  }\n}`);
  });
  it('leaves a branch with a comment before it alone', () => {
    expect(insert('function h(req, res) {\n  if (over) /* limit */ return res.status(429).end();\n}')).toBeNull();
  });
});

/** A project folder with a package.json of these dependencies; the linted file sits in it. */
function project(dependencies: Record<string, string>): ProbeOptions {
  const dir = mkdtempSync(join(tmpdir(), 'req-setup-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', dependencies }));
  return { filename: join(dir, 'server.js'), cwd: dir };
}

describe('registerRequestLoggerFix', () => {
  /** The fix for the file's first server creation, applied; null when there is none. */
  function setup(code: string, options: ProbeOptions): { what: string; output: string } | null {
    let what: string | null = null;
    const messages = probeServers(code, (context, servers) => {
      const creation = servers.creations[0]!;
      const usage = getAppUsage(context, creation.node, creation.framework, servers.calls);
      const made = registerRequestLoggerFix(context, creation.framework, usage.path!, usage.statement!);
      if (made) {
        what = made.what;
        reportFix(context, creation.node, made.fix as never);
      }
    }, options);
    return what === null ? null : { what, output: applyFixes(code, messages) };
  }
  it('registers the request logger the project depends on, with credentials redacted', () => {
    const r = setup("import express from 'express';\nconst app = express();\napp.listen(3000);", project({ express: '^5', 'pino-http': '^11' }));
    expect(r?.what).toContain('pino-http');
    expect(r?.output).toBe("import express from 'express';\nimport pinoHttp from 'pino-http';\nconst app = express();\napp.use(pinoHttp({ redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers[\"x-api-key\"]', 'res.headers[\"set-cookie\"]'] }));\napp.listen(3000);");
    const koa = setup("const Koa = require('koa');\nconst app = new Koa();\napp.listen(3000);", project({ koa: '^2', 'koa-logger': '^3' }));
    expect(koa?.output).toBe("const Koa = require('koa');\nconst koaLogger = require('koa-logger');\nconst app = new Koa();\napp.use(koaLogger());\napp.listen(3000);");
  });
  it('suggests nothing when the project has none of the framework\'s request loggers', () => {
    expect(setup("import express from 'express';\nconst app = express();\napp.listen(3000);", project({ express: '^5' }))).toBeNull();
  });
});

describe('enableFastifyLoggerFix', () => {
  const enable = (code: string) => fixWith(code, 'Program:exit', (context) => {
    let out: TSESLint.ReportFixFunction | null = null;
    // The creation is the one call of the file to fastify().
    const call = (context.sourceCode.ast.body.find((s) => s.type === 'VariableDeclaration') as TSESTree.VariableDeclaration | undefined)?.declarations[0]?.init;
    if (call && call.type === 'CallExpression') {
      const servers = collectServers(context);
      servers.onCall(call);
      const creation = servers.creations[0];
      if (creation) out = enableFastifyLoggerFix(context, creation);
    }
    return out;
  });
  const head = "import Fastify from 'fastify';\n";
  it('adds logger: true, or turns a literal false on', () => {
    expect(enable(`${head}const app = Fastify();`)).toBe(`${head}const app = Fastify({ logger: true });`);
    expect(enable(`${head}const app = Fastify({ trustProxy: true });`)).toBe(`${head}const app = Fastify({ logger: true, trustProxy: true });`);
    expect(enable(`${head}const app = Fastify({ logger: false });`)).toBe(`${head}const app = Fastify({ logger: true });`);
    expect(enable(`${head}const app = Fastify({ logger: true, disableRequestLogging: true });`)).toBe(`${head}const app = Fastify({ logger: true, disableRequestLogging: false });`);
  });
  it('leaves options it cannot edit safely', () => {
    expect(enable(`${head}const app = Fastify(options);`)).toBeNull();
    expect(enable(`${head}const app = Fastify({ logger: level });`)).toBeNull();
  });
});
