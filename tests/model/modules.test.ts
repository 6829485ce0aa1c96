import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findVariable, getRootIdentifier, skipTypeWrappers } from '../../src/model/ast.js';
import { getImportSource, getImportedBinding, getRequiredModule, isNodeCryptoBinding, systemModuleOf } from '../../src/model/modules.js';
import { inCommandAction, isCommandLineProgram } from '../../src/model/command-line.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

/** getImportSource of the root name of every call's callee, keyed by the call's text. */
function sources(code: string, options: ProbeOptions = {}) {
  return probeCalls(
    code,
    (context, node) => {
      const root = getRootIdentifier(node.callee);
      return root ? getImportSource(context, root) : null;
    },
    options,
  );
}

describe('getImportSource', () => {
  it('reads ES imports: default, named (renamed), namespace', () => {
    const r = sources("import cron from 'node-cron'; import { Worker as W } from 'bullmq'; import * as fs from 'fs';\ncron.schedule(); new W(); W(); fs.readFile();");
    expect(callResult(r, 'cron.schedule()')).toEqual({ source: 'node-cron', imported: 'default' });
    expect(callResult(r, 'W()')).toEqual({ source: 'bullmq', imported: 'Worker' });
    expect(callResult(r, 'fs.readFile()')).toEqual({ source: 'fs', imported: '*' });
  });

  it('reads CommonJS: whole module, destructured, member of a require', () => {
    const r = sources("const pino = require('pino'); const { Worker } = require('worker_threads'); const Q = require('bull').Queue;\npino(); Worker(); Q();", { sourceType: 'script' });
    expect(callResult(r, 'pino()')).toEqual({ source: 'pino', imported: 'default' });
    expect(callResult(r, 'Worker()')).toEqual({ source: 'worker_threads', imported: 'Worker' });
    expect(callResult(r, 'Q()')).toEqual({ source: 'bull', imported: 'Queue' });
  });

  it("reads TypeScript's CommonJS output: __importDefault / __importStar around require", () => {
    const r = sources("const chalk_1 = __importDefault(require('chalk')); const fs = __importStar(require('fs')); const x = wrap(require('y'));\nchalk_1.default.bold(); fs.readFile(); x();", { sourceType: 'script' });
    expect(callResult(r, 'chalk_1.default.bold()')).toEqual({ source: 'chalk', imported: 'default' });
    expect(callResult(r, 'fs.readFile()')).toEqual({ source: 'fs', imported: 'default' });
    expect(callResult(r, 'x()')).toBeNull();
  });

  it("reads TypeScript's import x = require('m')", () => {
    const r = sources("import express = require('express');\nexpress();", { ts: true });
    expect(callResult(r, 'express()')).toEqual({ source: 'express', imported: 'default' });
  });

  it('answers null for locals, parameters and globals', () => {
    const r = sources('const local = () => 1; function f(param) { param(); } local(); setTimeout();');
    expect(callResult(r, 'local()')).toBeNull();
    expect(callResult(r, 'param()')).toBeNull();
    expect(callResult(r, 'setTimeout()')).toBeNull();
  });
});

describe('getImportedBinding', () => {
  const bindings = (code: string, options: ProbeOptions = {}) => probeCalls(code, (context, node) => getImportedBinding(context, node.callee), options);

  it('names what a callee takes from a module: an imported name, or a member of a whole-module binding', () => {
    const r = bindings("import express from 'express'; import * as http from 'http'; import { Hono } from 'hono';\nexpress(); http.createServer(); Hono(); express.Router();");
    expect(callResult(r, 'express()')).toEqual({ source: 'express', imported: 'default' });
    expect(callResult(r, 'http.createServer()')).toEqual({ source: 'http', imported: 'createServer' });
    expect(callResult(r, 'Hono()')).toEqual({ source: 'hono', imported: 'Hono' });
    expect(callResult(r, 'express.Router()')).toEqual({ source: 'express', imported: 'Router' });
  });

  it("reads a module loaded with `await import()`: its members; a bare import() (a promise) is not the module", () => {
    const r = bindings("async function f() {\n  const appModule = await import('./app.module.js');\n  appModule.AppModule();\n  const pending = import('./other.js');\n  pending.Other();\n}", { sourceType: 'module' });
    expect(callResult(r, 'appModule.AppModule()')).toEqual({ source: './app.module.js', imported: 'AppModule' });
    expect(callResult(r, 'pending.Other()')).toBeNull();
  });

  it('reads a member or a destructured name of an awaited `import()` as that import: `(await import(m)).default`, `{ default: x } = await import(m)`', () => {
    const r = bindings(
      "async function f() {\n  const express = (await import('express')).default;\n  express();\n  const { default: fastify, errorCodes } = await import('fastify');\n  fastify();\n  errorCodes();\n  const later = import('koa').default;\n  later();\n}",
      { sourceType: 'module' },
    );
    expect(callResult(r, 'express()')).toEqual({ source: 'express', imported: 'default' });
    expect(callResult(r, 'fastify()')).toEqual({ source: 'fastify', imported: 'default' });
    expect(callResult(r, 'errorCodes()')).toEqual({ source: 'fastify', imported: 'errorCodes' });
    expect(callResult(r, 'later()')).toBeNull();
  });

  it("reads compiled imports: TypeScript's (0, m_1.default)() and m_1.Name, Babel's _m.default", () => {
    const r = bindings(
      "const express_1 = __importDefault(require('express')); const core_1 = require('@nestjs/core'); var _koa = _interopRequireDefault(require('koa'));\n(0, express_1.default)(); core_1.NestFactory(); (0, _koa.default)();",
      { sourceType: 'script' },
    );
    expect(callResult(r, '(0, express_1.default)()')).toEqual({ source: 'express', imported: 'default' });
    expect(callResult(r, 'core_1.NestFactory()')).toEqual({ source: '@nestjs/core', imported: 'NestFactory' });
    expect(callResult(r, '(0, _koa.default)()')).toEqual({ source: 'koa', imported: 'default' });
  });

  it('answers null for members of named imports, locals and deeper chains', () => {
    const r = bindings("import { Router } from 'express'; const local = {}; const m = require('m');\nRouter.x(); local.y(); m.a.b();", { sourceType: 'module' });
    expect(callResult(r, 'Router.x()')).toBeNull();
    expect(callResult(r, 'local.y()')).toBeNull();
    expect(callResult(r, 'm.a.b()')).toBeNull();
  });
});

describe('getRequiredModule, getRootIdentifier, skipTypeWrappers', () => {
  it('reads require calls only', () => {
    const r = probeCalls("require('a'); required('b'); require(name);", (_context, node) => getRequiredModule(node));
    expect(callResult(r, "require('a')")).toBe('a');
    expect(callResult(r, "required('b')")).toBeNull();
    expect(callResult(r, 'require(name)')).toBeNull();
  });

  it('finds the root of a member chain, crossing calls only when asked', () => {
    const r = probeCalls('res.status(500).json(x);', (_context, node) => {
      const callee = node.callee as TSESTree.MemberExpression;
      return [getRootIdentifier(callee.object)?.name ?? null, getRootIdentifier(callee.object, true)?.name ?? null];
    });
    expect(callResult(r, 'res.status(500).json(x)')).toEqual([null, 'res']);
    expect(callResult(r, 'res.status(500)')).toEqual(['res', 'res']);
  });

  it('strips TypeScript wrappers but keeps await', () => {
    const r = probeCalls('async function f() { g((await p) as T); g(q! satisfies U); }', (_context, node) => skipTypeWrappers(node.arguments[0]!).type, { ts: true });
    expect(callResult(r, 'g((await p) as T)')).toBe('AwaitExpression');
    expect(callResult(r, 'g(q! satisfies U)')).toBe('Identifier');
  });
});

describe('isNodeCryptoBinding', () => {
  it('a named import of the member, or the module itself; not another module or member', () => {
    const code = [
      "import { createHash, randomUUID } from 'node:crypto'; import * as crypto from 'crypto'; import nodeCrypto from 'node:crypto'; import { createHash as h2 } from 'hash-lib';",
      'createHash(1); randomUUID(2); crypto.createHash(3); nodeCrypto.createHash(4); h2(5);',
    ].join('\n');
    const results = probeCalls(code, (context, node) => {
      const root = getRootIdentifier(node.callee);
      const variable = root ? findVariable(context, root) : null;
      return variable ? [isNodeCryptoBinding(context, variable, 'createHash'), isNodeCryptoBinding(context, variable, null)] : null;
    });
    expect(callResult(results, 'createHash(1)')).toEqual([true, false]);
    expect(callResult(results, 'randomUUID(2)')).toEqual([false, false]);
    expect(callResult(results, 'crypto.createHash(3)')).toEqual([false, true]);
    expect(callResult(results, 'nodeCrypto.createHash(4)')).toEqual([false, true]);
    expect(callResult(results, 'h2(5)')).toEqual([false, false]);
  });
  it('a require of crypto is the module', () => {
    const results = probeCalls("const crypto = require('crypto'); crypto.randomBytes(8);", (context, node) => {
      const root = getRootIdentifier(node.callee);
      const variable = root && root.name === 'crypto' ? findVariable(context, root) : null;
      return variable ? isNodeCryptoBinding(context, variable, null) : null;
    }, { sourceType: 'commonjs' });
    expect(callResult(results, 'crypto.randomBytes(8)')).toBe(true);
  });
});

describe('systemModuleOf', () => {
  it("names Node's fs, child_process and dns (and fs-extra), imported, required or compiled by TypeScript", () => {
    const r = probeCalls(
      `import fs from 'node:fs'; import { ensureDir } from 'fs-extra/esm'; import * as dns from 'dns/promises';
      const promises_1 = require('node:fs/promises'); const cp = __importStar(require('child_process')); const { execSync } = require('child_process');
      fs.rmSync(d); fs.promises.rm(d); ensureDir(d); dns.reverse(ip); (0, promises_1.readFile)(f); cp.spawn(c); execSync(c);
      storage.rmSync(d); this.fs.rm(d); readFile(f); path.join(a, b);`,
      (context, node) => systemModuleOf(context, node),
    );
    expect(callResult(r, 'fs.rmSync(d)')).toBe('fs');
    expect(callResult(r, 'fs.promises.rm(d)')).toBe('fs');
    expect(callResult(r, 'ensureDir(d)')).toBe('fs');
    expect(callResult(r, 'dns.reverse(ip)')).toBe('dns');
    expect(callResult(r, '(0, promises_1.readFile)(f)')).toBe('fs');
    expect(callResult(r, 'cp.spawn(c)')).toBe('child_process');
    expect(callResult(r, 'execSync(c)')).toBe('child_process');
    expect(callResult(r, 'storage.rmSync(d)')).toBeNull();
    expect(callResult(r, 'this.fs.rm(d)')).toBeNull();
    expect(callResult(r, 'readFile(f)')).toBeNull();
    expect(callResult(r, 'path.join(a, b)')).toBeNull();
  });

  it('follows a module-level promisify of an fs function and names path-removal packages', () => {
    const r = probeCalls(
      `const fs_1 = require('fs'); const util_1 = require('util'); const { promisify } = require('util'); const rimraf = require('rimraf');
      import { deleteAsync } from 'del';
      const closeAsync = (0, util_1.promisify)(fs_1.close); const statAsync = promisify(fs_1.stat); const runAsync = promisify(worker.run);
      closeAsync(fd); statAsync(p); runAsync(job); rimraf(d); deleteAsync(d);`,
      (context, node) => systemModuleOf(context, node),
    );
    expect(callResult(r, 'closeAsync(fd)')).toBe('fs');
    expect(callResult(r, 'statAsync(p)')).toBe('fs');
    expect(callResult(r, 'runAsync(job)')).toBeNull();
    expect(callResult(r, 'rimraf(d)')).toBe('fs');
    expect(callResult(r, 'deleteAsync(d)')).toBe('fs');
  });
});

describe('isCommandLineProgram', () => {
  const cli = (code: string, filename?: string) => {
    let found: boolean | null = null;
    probe(code, (context) => ({ 'Program:exit'() { found = isCommandLineProgram(context); } }), filename ? { filename } : {});
    return found;
  };
  it('is a file starting with #! or in a bin/ directory', () => {
    expect(cli('#!/usr/bin/env node\nrun();')).toBe(true);
    expect(cli('run();', 'bin/cli.js')).toBe(true);
    expect(cli('run();', 'dist/bin/platforms/linux.js')).toBe(true);
    expect(cli('run();', 'src/server.js')).toBe(false);
    expect(cli('run();', 'src/binary/cli.js')).toBe(false);
    expect(cli('run(); // #!/usr/bin/env node')).toBe(false);
  });
});

describe('inCommandAction', () => {
  /** Whether each `probeHere()` runs in a command-line command's handler. */
  const inAction = (code: string) => {
    const out: boolean[] = [];
    probe(code, () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'probeHere') out.push(inCommandAction(node));
      },
    }));
    return out;
  };
  it('is the handler of .command(…)….action(cb) or yargs .command(name, desc, builder, handler), nested callbacks included', () => {
    expect(inAction("program.command('gen').option('-n <n>').action(async (o) => { probeHere(); await x.then(() => probeHere()); });")).toEqual([true, true]);
    expect(inAction("yargs.command('token', 'make one', (y) => y, (argv) => { probeHere(); });")).toEqual([true]);
  });
  it('is not an action of something else, a listener, or the builder', () => {
    expect(inAction("store.dispatch(x).action(() => probeHere());")).toEqual([false]);
    expect(inAction("app.on('afterStart', () => probeHere());")).toEqual([false]);
    expect(inAction("yargs.command('token', 'make one', (y) => { probeHere(); return y; }, (argv) => run(argv));")).toEqual([false]);
    expect(inAction('probeHere();')).toEqual([false]);
  });
});
