import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { indentUnit, insertAtBlockStart, lineIndent } from '../../src/fixes/edits.js';
import { importFix, isModuleFile, moduleSpecifierFor } from '../../src/fixes/imports.js';
import { type LogTarget, buildLogCall } from '../../src/fixes/log-call.js';
import { describeEnclosingFunction, failureMessage, GENERIC_MESSAGES, swallowedFailureLevel } from '../../src/fixes/log-message.js';
import { getLogTarget } from '../../src/fixes/log-target.js';
import { chooseUnusedName, isNameInScope } from '../../src/fixes/names.js';
import { type ProbeOptions, applyFixes, callResult, probe, probeCalls, reportFix } from '../helpers/probe.js';

const target = (style: LogTarget['style'], expression = 'logger'): LogTarget => ({ expression, style, configured: true, importKind: 'named' });
const withLogger = (logger: Record<string, unknown>): ProbeOptions => ({ settings: { 'security-logging': { logger } } });

describe('buildLogCall', () => {
  it.each([
    ['pino', { level: 'error', message: 'login failed', error: 'err' }, "logger.error({ err }, 'login failed')"],
    ['pino', { level: 'error', message: 'login failed', error: 'e' }, "logger.error({ err: e }, 'login failed')"],
    ['pino', { level: 'warn', message: 'denied', fields: [{ key: 'userId' }, { key: 'ip', value: 'req.ip' }] }, "logger.warn({ userId, ip: req.ip }, 'denied')"],
    ['pino', { level: 'error', message: 'x', error: 'error', fields: [{ key: 'id', value: 'id' }] }, "logger.error({ err: error, id }, 'x')"],
    ['pino', { level: 'info', message: 'done' }, "logger.info('done')"],
    // bunyan serializes `{ err }` only with an err serializer; an Error first always keeps it.
    ['bunyan', { level: 'fatal', message: 'boom', error: 'e' }, "logger.fatal(e, 'boom')"],
    ['bunyan', { level: 'warn', message: 'denied', error: 'e', fields: [{ key: 'userId' }] }, "logger.child({ userId }).warn(e, 'denied')"],
    ['bunyan', { level: 'trace', message: 'step' }, "logger.trace('step')"],
    // winston expands an Error only as the meta argument itself; `{ err }` meta prints {}.
    ['winston', { level: 'error', message: 'login failed', error: 'err' }, "logger.error('login failed', err)"],
    ['winston', { level: 'warn', message: 'denied', error: 'e', fields: [{ key: 'userId' }] }, "logger.child({ userId }).warn('denied', e)"],
    ['log4js', { level: 'error', message: 'login failed', error: 'err', fields: [{ key: 'userId' }] }, "logger.error('login failed', err, { userId })"],
    // Nest's warn() takes (message, context): the stack goes inside the message object.
    ['nest', { level: 'warn', message: 'slow', error: 'e' }, "logger.warn({ message: 'slow', stack: e instanceof Error ? e.stack : String(e) })"],
    ['winston', { level: 'info', message: 'done' }, "logger.info('done')"],
    ['winston', { level: 'fatal', message: 'boom' }, "logger.error('boom')"],
    ['winston', { level: 'trace', message: 'step' }, "logger.debug('step')"],
    ['console', { level: 'error', message: 'login failed', error: 'err' }, "logger.error('login failed', err)"],
    ['console', { level: 'warn', message: 'denied', error: 'e', fields: [{ key: 'userId' }] }, "logger.warn('denied', e, { userId })"],
    ['console', { level: 'info', message: 'denied', fields: [{ key: 'userId' }] }, "logger.info('denied', { userId })"],
    ['console', { level: 'fatal', message: 'boom' }, "logger.error('boom')"],
    ['console', { level: 'trace', message: 'step' }, "logger.debug('step')"],
    ['nest', { level: 'error', message: 'login failed', error: 'e' }, "logger.error('login failed', e instanceof Error ? e.stack : String(e))"],
    ['nest', { level: 'error', message: 'x', error: 'e', fields: [{ key: 'userId' }] }, "logger.error({ message: 'x', userId }, e instanceof Error ? e.stack : String(e))"],
    ['nest', { level: 'info', message: 'created' }, "logger.log('created')"],
    ['nest', { level: 'trace', message: 'step', fields: [{ key: 'id', value: 'user.id' }] }, "logger.verbose({ message: 'step', id: user.id })"],
    ['nest', { level: 'warn', message: 'slow' }, "logger.warn('slow')"],
  ] as const)('%s %j', (style, spec, expected) => {
    expect(buildLogCall(target(style), spec)).toBe(expected);
  });

  it('uses the target expression', () => {
    expect(buildLogCall(target('nest', 'this.logger'), { level: 'error', message: 'x' })).toBe("this.logger.error('x')");
    expect(buildLogCall(target('pino', 'req.log'), { level: 'warn', message: 'x' })).toBe("req.log.warn('x')");
  });

  it('quotes the message safely', () => {
    expect(buildLogCall(target('pino'), { level: 'error', message: "user's \\ token\nrefresh failed" })).toBe(
      "logger.error('user\\'s \\\\ token refresh failed')",
    );
  });
});

describe('getLogTarget', () => {
  const pinoLogger = { name: 'logger', importFrom: './logger', style: 'pino' };
  const targets = (code: string, options: ProbeOptions = {}) =>
    probeCalls(code, (context, node) => getLogTarget(context, node), options);

  it('falls back to console, not configured, without the setting', () => {
    expect(callResult(targets('import { logger } from "./logger"; here();'), 'here()')).toEqual({
      expression: 'console',
      style: 'console',
      configured: false,
      importKind: 'named',
    });
  });

  it('uses the configured logger as is when it is in scope', () => {
    const result = targets('import { logger } from "./log"; function f() { here(); }', withLogger(pinoLogger));
    expect(callResult(result, 'here()')).toEqual({ expression: 'logger', style: 'pino', configured: true, importKind: 'named' });
  });

  it('uses a logger that is a local variable or parameter in scope', () => {
    const result = targets(
      'function f(logger) { here(1); } function g() { const logger = make(); here(2); } function h() { here(3); }',
      withLogger({ name: 'logger', style: 'winston' }),
    );
    expect(callResult(result, 'here(1)')).toMatchObject({ expression: 'logger', configured: true, style: 'winston' });
    expect(callResult(result, 'here(2)')).toMatchObject({ expression: 'logger', configured: true });
    // Not in scope and nothing to import it from: a suggestion with console.
    expect(callResult(result, 'here(3)')).toMatchObject({ expression: 'console', configured: false });
  });

  it('asks for the import when the logger is not in scope but importable', () => {
    const result = targets('function f() { here(); }', withLogger({ ...pinoLogger, importKind: 'default' }));
    expect(callResult(result, 'here()')).toEqual({
      expression: 'logger',
      style: 'pino',
      configured: true,
      importFrom: './logger',
      importKind: 'default',
    });
  });

  it('uses this.logger inside a class, console outside or in a nested plain function', () => {
    const code = `
      class Svc { constructor(logger) { this.logger = logger; } run() { here(1); const cb = () => here(2); const fn = function () { here(3); }; } }
      function plain() { here(4); }
    `;
    const result = targets(code, withLogger({ name: 'this.logger', style: 'nest' }));
    expect(callResult(result, 'here(1)')).toEqual({ expression: 'this.logger', style: 'nest', configured: true, importKind: 'named' });
    expect(callResult(result, 'here(2)')).toMatchObject({ expression: 'this.logger', configured: true });
    expect(callResult(result, 'here(3)')).toMatchObject({ expression: 'console', configured: false });
    expect(callResult(result, 'here(4)')).toMatchObject({ expression: 'console', configured: false });
  });

  it('uses this.logger only in a class that visibly declares it (itself or a base class in the file)', () => {
    const code = `
      class Field { logger = new Logger(Field.name); m() { here(1); } }
      class Injected { constructor(private readonly logger: Logger) {} m() { here(2); } }
      class Getter { get logger() { return base; } m() { here(3); } }
      class Derived extends BaseService { m() { here(4); } }
      class Without { constructor(private readonly repo: Repo) { this.cache = new Map(); } m() { here(5); } }
      class StaticOnly { static logger = new Logger(); m() { here(6); } }
    `;
    const result = targets(code, { ...withLogger({ name: 'this.logger', style: 'nest' }), ts: true });
    expect(callResult(result, 'here(1)')).toMatchObject({ expression: 'this.logger', configured: true });
    expect(callResult(result, 'here(2)')).toMatchObject({ expression: 'this.logger', configured: true });
    expect(callResult(result, 'here(3)')).toMatchObject({ expression: 'this.logger', configured: true });
    // A base class we cannot see may not have it (TS2339 on a real app): console suggestion.
    expect(callResult(result, 'here(4)')).toMatchObject({ expression: 'console', configured: false });
    // Writing this.logger here would throw at run time: fall back to a console suggestion.
    expect(callResult(result, 'here(5)')).toMatchObject({ expression: 'console', configured: false });
    expect(callResult(result, 'here(6)')).toMatchObject({ expression: 'console', configured: false });
  });

  it('follows a base class declared in the same file', () => {
    const code = `
      class Base { protected readonly logger = new Logger('x'); }
      class Child extends Base { m() { here(1); } }
      class Grandchild extends Child { m() { here(2); } }
    `;
    const result = targets(code, { ...withLogger({ name: 'this.logger', style: 'nest' }), ts: true });
    expect(callResult(result, 'here(1)')).toMatchObject({ expression: 'this.logger', configured: true });
    expect(callResult(result, 'here(2)')).toMatchObject({ expression: 'this.logger', configured: true });
  });

  it('never writes this before super() in a derived constructor', () => {
    const code = `
      class Base { logger = new Logger('x'); }
      class Child extends Base {
        constructor() { try { here(1); } catch {} super(); here(2); }
      }
    `;
    const result = targets(code, { ...withLogger({ name: 'this.logger', style: 'nest' }), ts: true });
    expect(callResult(result, 'here(1)')).toMatchObject({ expression: 'console', configured: false });
    expect(callResult(result, 'here(2)')).toMatchObject({ expression: 'this.logger', configured: true });
  });

  it('adds a Nest logger member when the file imports from @nestjs/common and the class has no base', () => {
    const code = `
      import { Injectable } from '@nestjs/common';
      @Injectable() class NoLogger { m() { here(1); } }
      class Sub extends Other { m() { here(2); } }
    `;
    const result = targets(code, { ...withLogger({ name: 'this.logger', style: 'nest' }), ts: true });
    const added = callResult(result, 'here(1)') as LogTarget;
    expect(added).toMatchObject({ expression: 'this.logger', configured: true });
    expect(added.addMember).toMatchObject({ text: 'private readonly logger = new Logger(NoLogger.name);', importLogger: true });
    expect(callResult(result, 'here(2)')).toMatchObject({ expression: 'console', configured: false });
    // Without a @nestjs/common import the member cannot be added safely.
    const plain = targets('class NoLogger { m() { here(1); } }', { ...withLogger({ name: 'this.logger', style: 'nest' }), ts: true });
    expect(callResult(plain, 'here(1)')).toMatchObject({ expression: 'console', configured: false });
  });

  it('uses a member path whose root is in scope', () => {
    const result = targets('import { app } from "./app"; here(1); function f() { here(2); }', withLogger({ name: 'app.log', style: 'pino' }));
    expect(callResult(result, 'here(1)')).toMatchObject({ expression: 'app.log', configured: true });
    const missing = targets('here(1);', withLogger({ name: 'app.log', style: 'pino' }));
    expect(callResult(missing, 'here(1)')).toMatchObject({ expression: 'console', configured: false });
  });
});

describe('importFix', () => {
  /** Apply importFix('logger', './logger', kind) once at the Program. */
  function withImport(code: string, kind: 'named' | 'default' = 'named', options: ProbeOptions = {}): string {
    const messages = probe(
      code,
      (context) => ({
        Program(node: TSESTree.Program) {
          reportFix(context, node, (fixer) => importFix(context, fixer, 'logger', './logger', kind));
        },
      }),
      options,
    );
    return applyFixes(code, messages);
  }

  it('ESM: after the last import', () => {
    expect(withImport("import express from 'express';\nimport { Router } from 'express';\n\nconst app = express();")).toBe(
      "import express from 'express';\nimport { Router } from 'express';\nimport { logger } from './logger';\n\nconst app = express();",
    );
  });

  it('ESM: default import', () => {
    expect(withImport("import a from 'a';\nrun();", 'default')).toBe("import a from 'a';\nimport logger from './logger';\nrun();");
  });

  it('ESM: after a directive, in a file with exports but no imports', () => {
    expect(withImport("'use server';\nexport async function save() {}")).toBe("'use server';\nimport { logger } from './logger';\nexport async function save() {}");
  });

  it('ESM: after a hashbang', () => {
    expect(withImport('#!/usr/bin/env node\nrun();')).toBe("#!/usr/bin/env node\nimport { logger } from './logger';\nrun();");
  });

  it('keeps a file header above the import and a JSDoc with its statement', () => {
    expect(withImport('/* Copyright (c) ACME */\n\nexport function f() {}')).toBe(
      "/* Copyright (c) ACME */\n\nimport { logger } from './logger';\nexport function f() {}",
    );
    expect(withImport('/** Does f. */\nexport function f() {}')).toBe("import { logger } from './logger';\n/** Does f. */\nexport function f() {}");
  });

  it('into an empty file', () => {
    expect(withImport('')).toBe("import { logger } from './logger';\n");
  });

  it('CommonJS: after the last top-level require', () => {
    expect(withImport("'use strict';\nconst express = require('express');\nconst { promisify } = require('util');\n\nmodule.exports = express();")).toBe(
      "'use strict';\nconst express = require('express');\nconst { promisify } = require('util');\nconst { logger } = require('./logger');\n\nmodule.exports = express();",
    );
    expect(withImport("const fs = require('fs');\nrun();", 'default', { sourceType: 'commonjs' })).toBe(
      "const fs = require('fs');\nconst logger = require('./logger');\nrun();",
    );
  });

  it('CommonJS: after "use strict" when nothing is required', () => {
    expect(withImport("'use strict';\nmodule.exports = 1;", 'named', { sourceType: 'commonjs' })).toBe(
      "'use strict';\nconst { logger } = require('./logger');\nmodule.exports = 1;",
    );
  });

  it('CommonJS: a module-typed file that only uses module.exports gets a require, not an import', () => {
    expect(withImport('module.exports = function onError(err, req, res, next) { res.status(500).end(); };')).toBe(
      "const { logger } = require('./logger');\nmodule.exports = function onError(err, req, res, next) { res.status(500).end(); };",
    );
  });

  it.each([
    ["import { logger } from './logger';\nrun();", {}],
    ["import logger from './logger';\nrun();", {}],
    ["import { log as logger } from './log';\nrun();", {}],
    ["const { logger } = require('./logger');\nrun();", {}],
    ["const { logger } = require('./logger');\nrun();", { sourceType: 'commonjs' }],
    ["var logger = require('./logger');\nrun();", { sourceType: 'script' }],
    ['function logger() {}\nrun();', {}],
    ["import type { Logger } from 'pino';\nimport { logger } from './logger';\nrun();", { ts: true }],
  ] as const)('adds nothing when the name is already declared: %j', (code, options) => {
    expect(withImport(code, 'named', options)).toBe(code);
  });

  it('still adds the import when the name is only declared inside a function', () => {
    expect(withImport("import a from 'a';\nfunction f(logger) {}")).toBe("import a from 'a';\nimport { logger } from './logger';\nfunction f(logger) {}");
  });

  it('is idempotent: applying the fix to its own output changes nothing', () => {
    for (const code of ["import a from 'a';\nrun();", "const a = require('a');\nrun();", 'run();']) {
      const once = withImport(code);
      expect(once).not.toBe(code);
      expect(withImport(once)).toBe(once);
    }
  });

  it('isModuleFile tells ESM from CommonJS', () => {
    const kind = (code: string, options: ProbeOptions = {}) => {
      let result: boolean | undefined;
      probe(code, (context) => ((result = isModuleFile(context)), {}), options);
      return result;
    };
    expect(kind("import a from 'a';")).toBe(true);
    expect(kind('export const a = 1;')).toBe(true);
    expect(kind('run();')).toBe(true);
    expect(kind("const a = require('a');")).toBe(false);
    expect(kind('exports.handler = async () => {};')).toBe(false);
    expect(kind('run();', { sourceType: 'commonjs' })).toBe(false);
    expect(kind('run();', { sourceType: 'script' })).toBe(false);
  });
});

describe('chooseUnusedName', () => {
  /** The name chosen for each catch clause, in source order. */
  function chosen(code: string, candidates: readonly string[] = ['err', 'error']): string[] {
    const names: string[] = [];
    probe(code, (context) => ({
      CatchClause(node: TSESTree.CatchClause) {
        names.push(chooseUnusedName(context, node.body, node, candidates));
      },
    }));
    return names;
  }

  it('takes the first candidate when it is free', () => {
    expect(chosen('try { a() } catch { b() }')).toEqual(['err']);
  });

  it('avoids names in scope, including outer and module scope', () => {
    expect(chosen('function f(err) { try { a() } catch { b() } }')).toEqual(['error']);
    expect(chosen("import err from 'x'; try { a() } catch { b() }")).toEqual(['error']);
    expect(chosen('let err; function f() { const error = 1; try { a() } catch { b() } }')).toEqual(['err2']);
  });

  it('avoids names used inside the region (globals and later declarations)', () => {
    expect(chosen('try { a() } catch { showErr(err) }')).toEqual(['error']);
    expect(chosen('try { a() } catch { const err = 1; report(error); }')).toEqual(['err2']);
  });

  it('does not mistake longer names for the candidate', () => {
    expect(chosen('try { a() } catch { errors.push(1); myErr(); err_count++; }')).toEqual(['err']);
  });

  it('numbers the first candidate until a name is free', () => {
    expect(chosen('function f(err, err2, error) { try { a() } catch { use(err3) } }')).toEqual(['err4']);
  });
});

describe('insertAtBlockStart', () => {
  /** Insert `log(e);` (and `audit();` if two) at the start of every catch body. */
  function inserted(code: string, statements: readonly string[] = ['log(e);']): string {
    const messages = probe(code, (context) => ({
      'CatchClause > BlockStatement'(node: TSESTree.BlockStatement) {
        reportFix(context, node, (fixer) => insertAtBlockStart(context, fixer, node, statements));
      },
    }));
    return applyFixes(code, messages);
  }

  it('indents like the first statement (spaces)', () => {
    expect(inserted('try {\n  a();\n} catch (e) {\n  b();\n}')).toBe('try {\n  a();\n} catch (e) {\n  log(e);\n  b();\n}');
  });

  it('indents like the first statement (tabs)', () => {
    expect(inserted('function f() {\n\ttry {\n\t\ta();\n\t} catch (e) {\n\t\tb();\n\t}\n}')).toBe(
      'function f() {\n\ttry {\n\t\ta();\n\t} catch (e) {\n\t\tlog(e);\n\t\tb();\n\t}\n}',
    );
  });

  it('inserts several statements on their own lines', () => {
    expect(inserted('try {\n  a();\n} catch (e) {\n    b();\n}', ['log(e);', 'audit();'])).toBe(
      'try {\n  a();\n} catch (e) {\n    log(e);\n    audit();\n    b();\n}',
    );
  });

  it('opens an empty block one unit deeper than its line (4 spaces)', () => {
    expect(inserted('function f() {\n    try {\n        a();\n    } catch (e) {}\n}')).toBe(
      'function f() {\n    try {\n        a();\n    } catch (e) {\n        log(e);\n    }\n}',
    );
  });

  it('opens an empty block one unit deeper than its line (tabs)', () => {
    expect(inserted('function f() {\n\ttry { a(); } catch (e) {}\n}')).toBe('function f() {\n\ttry { a(); } catch (e) {\n\t\tlog(e);\n\t}\n}');
  });

  it('reads the indent unit past a leading JSDoc block', () => {
    expect(inserted('/**\n * Sync.\n */\nfunction f() {\n    try {\n        a();\n    } catch (e) {}\n}')).toBe(
      '/**\n * Sync.\n */\nfunction f() {\n    try {\n        a();\n    } catch (e) {\n        log(e);\n    }\n}',
    );
  });

  it('keeps the comments of an empty block, after the new statements', () => {
    expect(inserted('function f() {\n  try { a(); } catch (e) {\n    // optional: the cache may be cold\n    // and that is fine\n  }\n}')).toBe(
      'function f() {\n  try { a(); } catch (e) {\n    log(e);\n    // optional: the cache may be cold\n    // and that is fine\n  }\n}',
    );
    expect(inserted('try { a(); } catch (e) { /* ignore */ }')).toBe('try { a(); } catch (e) {\n  log(e);\n  /* ignore */\n}');
  });

  it('keeps a one-line block on one line', () => {
    expect(inserted('try { a(); } catch (e) { b(); }')).toBe('try { a(); } catch (e) { log(e); b(); }');
  });
});

describe('lineIndent and indentUnit', () => {
  const unit = (code: string) => {
    let result = '';
    probe(code, (context) => ((result = indentUnit(context)), {}));
    return result;
  };
  it.each([
    ['function f() {\n\treturn 1;\n}', '\t'],
    ['function f() {\n    return 1;\n}', '    '],
    ['function f() {\n  return 1;\n}', '  '],
    ['run();', '  '],
    ['/**\n * doc\n */\nfunction f() {\n\treturn 1;\n}', '\t'],
  ])('indentUnit of %j is %j', (code, expected) => {
    expect(unit(code)).toBe(expected);
  });

  it('lineIndent is the whitespace at the start of the node’s line', () => {
    const result = probeCalls('function f() {\n    if (x) {\n\t\there(1);\n    }\n  here(2); }', (context, node) => lineIndent(context, node));
    expect(callResult(result, 'here(1)')).toBe('\t\t');
    expect(callResult(result, 'here(2)')).toBe('  ');
  });
});

describe('isNameInScope', () => {
  it('sees declarations up the scope chain, not below or beside', () => {
    const code = `
      import { db } from './db';
      const top = 1;
      function outer(param) {
        here(1);
        function inner() { const local = 2; }
      }
      class K { m() { here(2); } }
    `;
    const result = probeCalls(code, (context, node) => ({
      db: isNameInScope(context, node, 'db'),
      top: isNameInScope(context, node, 'top'),
      param: isNameInScope(context, node, 'param'),
      local: isNameInScope(context, node, 'local'),
      outer: isNameInScope(context, node, 'outer'),
      K: isNameInScope(context, node, 'K'),
      undeclared: isNameInScope(context, node, 'undeclared'),
    }));
    expect(callResult(result, 'here(1)')).toEqual({ db: true, top: true, param: true, local: false, outer: true, K: true, undeclared: false });
    expect(callResult(result, 'here(2)')).toEqual({ db: true, top: true, param: false, local: false, outer: true, K: true, undeclared: false });
  });

  it('counts configured globals but not implicit ones', () => {
    const result = probeCalls('here();', (context, node) => [isNameInScope(context, node, 'console'), isNameInScope(context, node, 'mystery')]);
    expect(callResult(result, 'here()')).toEqual([false, false]);
  });
});

describe('describeEnclosingFunction', () => {
  it('names the function around a node', () => {
    const code = `
      function getUser() { here(1); }
      const saveUser = async () => { here(2); };
      const del = function remove() { here(3); };
      class Repo { find() { here(4); } load = () => { here(5); }; }
      const api = { fetch() { here(6); } };
      app.get('/', (req, res) => { here(7); });
      here(8);
    `;
    const result = probeCalls(code, (_context, node) => describeEnclosingFunction(node));
    expect(callResult(result, 'here(1)')).toBe('getUser');
    expect(callResult(result, 'here(2)')).toBe('saveUser');
    expect(callResult(result, 'here(3)')).toBe('remove');
    expect(callResult(result, 'here(4)')).toBe('find');
    expect(callResult(result, 'here(5)')).toBe('load');
    expect(callResult(result, 'here(6)')).toBe('fetch');
    expect(callResult(result, 'here(7)')).toBeNull();
    expect(callResult(result, 'here(8)')).toBeNull();
  });
});

describe('moduleSpecifierFor', () => {
  const specifierIn = (filename: string, from: string): string => {
    let answer = '';
    probe('x;', (context) => ({ Program() { answer = moduleSpecifierFor(context, from); } }), { filename, cwd: '/proj' });
    return answer;
  };

  it('rewrites a relative importFrom (relative to the ESLint cwd) for a file in another folder', () => {
    expect(specifierIn('/proj/src/routes/auth.js', './src/logger.js')).toBe('../logger.js');
    expect(specifierIn('/proj/src/logger-user.js', './src/logger.js')).toBe('./logger.js');
    expect(specifierIn('/proj/app.js', './src/logger.js')).toBe('./src/logger.js');
  });

  it('keeps package names and import aliases as they are', () => {
    expect(specifierIn('/proj/src/routes/auth.js', '@app/logging')).toBe('@app/logging');
    expect(specifierIn('/proj/src/routes/auth.js', '#logger')).toBe('#logger');
  });
});

describe('failureMessage', () => {
  const messages = (code: string, options: ProbeOptions = {}) => probeCalls(code, (context, node) => failureMessage(context, node), options);

  it('names the awaited call of the try block, else its first call that is work, else the function', () => {
    const result = messages(`
      async function get(id) { try { log.info('x'); await this.users.loadUserSettings(id); } catch (e) { here(1); } }
      function parse(s) { try { console.debug(s); return JSON.parse(s); } catch { here(2); } }
      function quiet() { try { x = 1; } catch { here(3); } }
      load().then(show).catch((e) => here(4));
      p.then(show, (e) => here(5));
      User.find({}, (err, users) => { if (err) here(6); });
      app.use((err, req, res, next) => { here(7); });
      class Filter { catch(exception, host) { here(8); } }
      app.get('/', async (req, res) => { try { await next(); } catch { here(9); } });
    `);
    expect(callResult(result, 'here(1)')).toBe('users.loadUserSettings failed');
    expect(callResult(result, 'here(2)')).toBe('JSON.parse failed');
    expect(callResult(result, 'here(3)')).toBe('quiet failed');
    expect(callResult(result, 'here(4)')).toBe('load failed');
    expect(callResult(result, 'here(5)')).toBe('p failed');
    expect(callResult(result, 'here(6)')).toBe('User.find failed');
    expect(callResult(result, 'here(7)')).toBe('request handler failed');
    expect(callResult(result, 'here(8)')).toBe('request handler failed');
    expect(callResult(result, 'here(9)')).toBe('downstream handler failed');
  });

  it('names the call that can fail for an outside reason, not a string helper before or around it', () => {
    const result = messages(`
      function revision() { try { return execSync('git rev-parse HEAD').toString().trim(); } catch { here(1); } }
      function find(email) { try { const e = email.trim().toLowerCase(); return db.query('select', [e]); } catch { here(2); } }
      function local(s) { try { const t = s.trim(); return canonicalEmail(t); } catch { here(3); } }
    `);
    expect(callResult(result, 'here(1)')).toBe('execSync failed');
    expect(callResult(result, 'here(2)')).toBe('db.query failed');
    // Nothing external: the first call that is not a pure helper.
    expect(callResult(result, 'here(3)')).toBe('canonicalEmail failed');
  });

  it('a function stored by assignment is named by where it is stored, not by the function that stores it (mockoon server.js)', () => {
    const result = messages(`
      class Server { constructor() {
        this.errorHandler = (error, request, response, _next) => { here(1); };
        this.onClose = () => { here(2); };
      } }
      let onStop; onStop = function () { here(3); };
    `);
    expect(callResult(result, 'here(1)')).toBe('request handler failed');
    expect(callResult(result, 'here(2)')).toBe('onClose failed');
    expect(callResult(result, 'here(3)')).toBe('onStop failed');
  });

  it('never writes a generic phrase: with nothing to name, it names the line', () => {
    const result = messages('try { x = 1; } catch { here(); }');
    expect(callResult(result, 'here()')).toBe('code at line 1 failed');
    for (const value of Object.values(Object.fromEntries(result))) expect(GENERIC_MESSAGES.has(String(value))).toBe(false);
  });
});

describe('swallowedFailureLevel', () => {
  const levels = (code: string) => probeCalls(code, (context, node) => {
    let n: TSESTree.Node | undefined = node;
    while (n && n.type !== 'CatchClause') n = n.parent;
    return swallowedFailureLevel(n?.type === 'CatchClause' ? n.body : null);
  });

  it('warns when the handler recovers with a fallback, errors when it only swallows', () => {
    const result = levels(`
      function a() { try { run(); } catch { here(1); return null; } }
      function b() { let v; try { v = run(); } catch { here(2); v = 0; } }
      function c() { for (const x of xs) { try { run(x); } catch { here(3); continue; } } }
      function d() { try { run(); } catch { here(4); } }
      function e(ctx) { try { run(); } catch { here(5); ctx.body = { error: 'x' }; } }
    `);
    expect(callResult(result, 'here(1)')).toBe('warn');
    expect(callResult(result, 'here(2)')).toBe('warn');
    expect(callResult(result, 'here(3)')).toBe('warn');
    expect(callResult(result, 'here(4)')).toBe('error');
    // Setting a response is not a recovery.
    expect(callResult(result, 'here(5)')).toBe('error');
  });
});

describe('swallowedFailureLevel with a response', () => {
  it('a 5xx response reports the failure (error); a 4xx is an expected outcome (warn)', () => {
    const result = probeCalls(
      `
      app.get('/health', async (req, res) => { try { await db.ping(); } catch (err) { here(1); return res.status(503).json({ ok: false }); } });
      app.get('/user', async (req, res) => { try { await db.find(); } catch (err) { here(2); return res.status(404).json({ error: 'not found' }); } });
      export async function GET() { try { await db.ping(); } catch { here(3); return NextResponse.json({ ok: false }, { status: 500 }); } }
      `,
      (context, node) => {
        let n: TSESTree.Node | undefined = node;
        while (n && n.type !== 'CatchClause') n = n.parent;
        return swallowedFailureLevel(n?.type === 'CatchClause' ? n.body : null);
      },
    );
    expect(callResult(result, 'here(1)')).toBe('error');
    expect(callResult(result, 'here(2)')).toBe('warn');
    expect(callResult(result, 'here(3)')).toBe('error');
  });
});
