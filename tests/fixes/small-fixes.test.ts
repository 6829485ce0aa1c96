import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import type { LogTarget } from '../../src/fixes/log-call.js';
import { CONSOLE_TARGET } from '../../src/fixes/log-target.js';
import { answeringStatement, insertLogBeforeFix, insertLogLineBeforeFix } from '../../src/fixes/log-before-statement.js';
import { insertFirstProperty } from '../../src/fixes/object-property.js';
import { generatedIdOptionFix } from '../../src/fixes/generated-id.js';
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
