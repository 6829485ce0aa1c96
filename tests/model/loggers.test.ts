import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  LOG_LEVELS,
  getDebugLogCall,
  getLoggerCall,
  getLoggerReferenceLevel,
  getLoggingLevel,
  isAtLeast,
  isLoggerObject,
  isReporterCall,
} from '../../src/model/loggers.js';
import { type ProbeOptions, callResult, probeCalls } from '../helpers/probe.js';

interface Summary {
  level: string;
  loggerPath: string | null;
  method: string | null;
  via: string;
  args: string[];
}

/** getLoggerCall for every call in `code`, by call text. */
function loggerCalls(code: string, options: ProbeOptions = {}): Map<string, Summary | null> {
  return probeCalls(
    code,
    (context, node) => {
      const call = getLoggerCall(context, node);
      if (!call) return null;
      return {
        level: call.level,
        loggerPath: call.loggerPath,
        method: call.method,
        via: call.via,
        args: call.args.map((a) => context.sourceCode.getText(a)),
      };
    },
    options,
  );
}

/** getLoggingLevel for every call in `code`, by call text. */
function loggingLevels(code: string, options: ProbeOptions = {}): Map<string, string | null> {
  return probeCalls(code, (context, node) => getLoggingLevel(context, node), options);
}

const settings = (s: Record<string, unknown>): ProbeOptions => ({ settings: { 'security-logging': s } });

describe('getLoggerCall: logger objects known by name', () => {
  const code = `
    console.error('a');
    logger.info('b');
    log.warn('c');
    req.log.error('d');
    request.log.info('e');
    reply.log.warn('f');
    ctx.log.fatal('g');
    fastify.log.debug('h');
    app.log.trace('i');
    c.var.logger.error('j');
    res.locals.logger.warn('k');
    auditLogger.warn('l');
    securityLog.error('m');
    audit_log.info('n');
    Logger.error('o');
    winston.error('p');
    n8n_workflow_1.LoggerProxy.warn('q');
    this.loggerService.error('r');
    auditLogService.info('s');
    log_1.default.error('t');
    logging_2.default.warn('u');
  `;
  const calls = loggerCalls(code);
  it.each([
    ["console.error('a')", 'error', 'console'],
    ["logger.info('b')", 'info', 'logger'],
    ["log.warn('c')", 'warn', 'log'],
    ["req.log.error('d')", 'error', 'req.log'],
    ["request.log.info('e')", 'info', 'request.log'],
    ["reply.log.warn('f')", 'warn', 'reply.log'],
    ["ctx.log.fatal('g')", 'fatal', 'ctx.log'],
    ["fastify.log.debug('h')", 'debug', 'fastify.log'],
    ["app.log.trace('i')", 'trace', 'app.log'],
    ["c.var.logger.error('j')", 'error', 'c.var.logger'],
    ["res.locals.logger.warn('k')", 'warn', 'res.locals.logger'],
    ["auditLogger.warn('l')", 'warn', 'auditLogger'],
    ["securityLog.error('m')", 'error', 'securityLog'],
    ["audit_log.info('n')", 'info', 'audit_log'],
    ["Logger.error('o')", 'error', 'Logger'],
    ["winston.error('p')", 'error', 'winston'],
    // a logger facade or service: n8n's LoggerProxy, a Nest LoggerService member, an audit log service
    ["n8n_workflow_1.LoggerProxy.warn('q')", 'warn', 'n8n_workflow_1.LoggerProxy'],
    ["this.loggerService.error('r')", 'error', 'this.loggerService'],
    ["auditLogService.info('s')", 'info', 'auditLogService'],
    // TypeScript's CommonJS output of \`import log from './log'\`
    ["log_1.default.error('t')", 'error', 'log_1.default'],
    ["logging_2.default.warn('u')", 'warn', 'logging_2.default'],
  ])('%s → %s on %s', (text, level, loggerPath) => {
    expect(callResult(calls, text)).toMatchObject({ level, loggerPath, via: 'logger' });
  });

  it('reports the method and the arguments', () => {
    expect(callResult(loggerCalls("logger.error({ err }, 'login failed')"), "logger.error({ err }, 'login failed')")).toEqual({
      level: 'error',
      loggerPath: 'logger',
      method: 'error',
      via: 'logger',
      args: ['{ err }', "'login failed'"],
    });
  });

  it('recognises c.get("logger") (Hono) as the logger object', () => {
    const result = loggerCalls("c.get('logger').warn('k'); c.get('user').warn('u');");
    expect(callResult(result, "c.get('logger').warn('k')")).toMatchObject({ level: 'warn', via: 'logger' });
    expect(callResult(result, "c.get('user').warn('u')")).toBeNull();
    // The getter itself does not log.
    expect(callResult(result, "c.get('logger')")).toBeNull();
  });

  it('recognises optional chaining and TS wrappers around the logger', () => {
    const result = loggerCalls("logger?.error('a'); (req as any).log.warn('b'); log!.info('c');", { ts: true });
    expect(callResult(result, "logger?.error('a')")).toMatchObject({ level: 'error', loggerPath: 'logger' });
    expect(callResult(result, "(req as any).log.warn('b')")).toMatchObject({ level: 'warn', loggerPath: 'req.log' });
    expect(callResult(result, "log!.info('c')")).toMatchObject({ level: 'info', loggerPath: 'log' });
  });
});

describe('getLoggerCall: a method named for logging at a level', () => {
  const code = `
    self.logError('bigUploadUnauthorized', e);
    this.logWarn('stale-session', { id });
    logging.logWarning('x');
    apos.template.logInfo(req, 'complete', { username });
    self.logDebug(req);
    self.logErrors('x');
    self.catalogError('x');
    logError;
  `;
  const calls = loggerCalls(code);
  it.each([
    ["self.logError('bigUploadUnauthorized', e)", 'error', 'self', 'logError'],
    ["this.logWarn('stale-session', { id })", 'warn', 'this', 'logWarn'],
    ["logging.logWarning('x')", 'warn', 'logging', 'logWarning'],
  ])('%s → %s on %s, whatever the object is called', (text, level, loggerPath, method) => {
    expect(callResult(calls, text)).toMatchObject({ level, loggerPath, method, via: 'logger' });
  });

  it('takes a leading request as context, not as logged content, when more follows', () => {
    expect(callResult(calls, "apos.template.logInfo(req, 'complete', { username })")).toMatchObject({ level: 'info', args: ["'complete'", '{ username }'] });
    expect(callResult(calls, 'self.logDebug(req)')).toMatchObject({ level: 'debug', args: ['req'] });
  });

  it('needs the whole name', () => {
    expect(callResult(calls, "self.logErrors('x')")).toBeNull();
    expect(callResult(calls, "self.catalogError('x')")).toBeNull();
  });
});

describe("getLoggerCall: Hapi's tagged event log", () => {
  const code = `
    request.log(['auth', 'error'], 'Fails to find the user');
    request.log([cacheName, 'warn'], \`Failed to get the cache: \${err}\`);
    server.log(['startup'], 'listening');
    this.server.log(['db', 'fatal'], err);
    request.log(['auth', 'debug'], 'x');
    request.log([id], 'x');
    request.log('error', 'x');
    cart.log(['error'], 'x');
  `;
  const calls = loggerCalls(code);
  it.each([
    ["request.log(['auth', 'error'], 'Fails to find the user')", 'error', 'request'],
    ["server.log(['startup'], 'listening')", 'info', 'server'],
    ["request.log(['auth', 'debug'], 'x')", 'debug', 'request'],
    ["this.server.log(['db', 'fatal'], err)", 'fatal', 'this.server'],
  ])('%s → %s on %s', (text, level, loggerPath) => {
    expect(callResult(calls, text)).toMatchObject({ level, loggerPath, method: 'log', via: 'logger' });
  });
  it('takes the level from the written tags beside computed ones, and logs only what follows the tags', () => {
    const call = [...calls.entries()].find(([text]) => text.startsWith('request.log([cacheName'))?.[1];
    expect(call).toMatchObject({ level: 'warn', args: [expect.stringContaining('Failed to get the cache')] });
  });
  it('needs a written tag, a tag list and a request or server', () => {
    expect(callResult(calls, "request.log([id], 'x')")).toBeNull();
    expect(callResult(calls, "request.log('error', 'x')")).toBeNull();
    expect(callResult(calls, "cart.log(['error'], 'x')")).toBeNull();
  });
});

describe('getLoggerCall: variables created by logger factories', () => {
  it.each([
    ['const p = pino(); p.error("x");', 'p.error("x")', 'error'],
    ['const p = pino({ level: "info" }, dest); p.warn("x");', 'p.warn("x")', 'warn'],
    ['const q = require("pino")(); q.info("x");', 'q.info("x")', 'info'],
    ['const b = require("bunyan").createLogger({ name: "app" }); b.fatal("x");', 'b.fatal("x")', 'fatal'],
    ['const w = winston.createLogger({ transports }); w.error("x");', 'w.error("x")', 'error'],
    ['const b = bunyan.createLogger({ name: "a" }); b.warn("x");', 'b.warn("x")', 'warn'],
    ['const l = log4js.getLogger("auth"); l.error("x");', 'l.error("x")', 'error'],
    ['const l = new Logger("Auth"); l.warn("x");', 'l.warn("x")', 'warn'],
    ['import { createLogger } from "winston"; const w = createLogger({}); w.info("x");', 'w.info("x")', 'info'],
    ['const base = pino(); const child = base.child({ module: "auth" }); child.error("x");', 'child.error("x")', 'error'],
    ['const base = pino(); base.child({ a: 1 }).warn("x");', 'base.child({ a: 1 }).warn("x")', 'warn'],
    ['const scoped = req.log.child({ id }); scoped.info("x");', 'scoped.info("x")', 'info'],
    ['const l = pino().child({ module: "auth" }); l.warn("x");', 'l.warn("x")', 'warn'],
    ['const l = require("pino")().child({}); l.error("x");', 'l.error("x")', 'error'],
    ['const w = require("winston").createLogger({}); w.warn("x");', 'w.warn("x")', 'warn'],
    ['const alias = logger; alias.error("x");', 'alias.error("x")', 'error'],
  ])('%s', (code, text, level) => {
    expect(callResult(loggerCalls(code), text)).toMatchObject({ level, via: 'logger' });
  });

  it('does not count the factory or child call itself as logging', () => {
    const result = loggerCalls('const p = pino(); const c = p.child({}); winston.createLogger({});');
    expect(callResult(result, 'pino()')).toBeNull();
    expect(callResult(result, 'p.child({})')).toBeNull();
    expect(callResult(result, 'winston.createLogger({})')).toBeNull();
  });

  it('does not treat .child() of something that is not a logger as a logger', () => {
    const result = loggerCalls('const node = tree.child(0); node.error("x"); const el = dom.child(); el.warn("y");');
    expect(callResult(result, 'node.error("x")')).toBeNull();
    expect(callResult(result, 'el.warn("y")')).toBeNull();
  });

  it('does not treat a variable named otherwise and initialised from a non-factory as a logger', () => {
    const result = loggerCalls('const validator = createValidator(); validator.error("x"); const r = fetch(u); r.info("y");');
    expect(callResult(result, 'validator.error("x")')).toBeNull();
    expect(callResult(result, 'r.info("y")')).toBeNull();
  });
});

describe('getLoggerCall: class members (NestJS and friends)', () => {
  const code = `
    import { Injectable, Logger } from '@nestjs/common';
    @Injectable()
    export class AuthService {
      private readonly logger = new Logger(AuthService.name);
      private readonly out: Logger;
      private readonly p = pino();
      constructor(
        private readonly audit: AuditLogger,
        private readonly pinoLog: PinoLogger,
        private readonly users: Repository<User>,
        private readonly dialog: DialogService,
        private readonly writer: Logger,
        @InjectPinoLogger(AuthService.name) private readonly injected: PinoLogger,
        private readonly maybe?: Logger,
      ) {}
      login() {
        this.logger.log('A');
        this.logger.error('B', err.stack);
        this.out.warn('C');
        this.p.error('D');
        this.audit.info('E');
        this.pinoLog.error('F');
        this.users.log('G');
        this.dialog.error('H');
        this.log('I');
        this.writer.warn('W');
        this.injected.info('X');
        this.maybe?.error('Y');
        const legacy = function () { this.audit.warn('J'); };
        const arrow = () => this.audit.warn('K');
      }
    }
    class Worker { helper = new Logger(); run() { this.helper.error('L'); this.helper.child({ job }).warn('M'); } }
    class Plain { log(msg) {} run() { this.log('N'); } }
  `;
  const calls = loggerCalls(code, { ts: true });
  it.each([
    ["this.logger.log('A')", 'info'],
    ["this.logger.error('B', err.stack)", 'error'],
    ["this.out.warn('C')", 'warn'],
    ["this.p.error('D')", 'error'],
    ["this.audit.info('E')", 'info'],
    ["this.pinoLog.error('F')", 'error'],
    ["this.audit.warn('K')", 'warn'],
    ["this.writer.warn('W')", 'warn'],
    ["this.injected.info('X')", 'info'],
    ["this.maybe?.error('Y')", 'error'],
    ["this.helper.error('L')", 'error'],
    ["this.helper.child({ job }).warn('M')", 'warn'],
  ])('%s → %s', (text, level) => {
    expect(callResult(calls, text)).toMatchObject({ level, via: 'logger' });
  });

  it.each([
    ["this.users.log('G')", 'a repository typed member'],
    ["this.dialog.error('H')", 'a member typed as some other service'],
    ["this.log('I')", 'a method on `this`'],
    ["this.audit.warn('J')", '`this` inside a nested plain function is not the class'],
    ["this.log('N')", 'a class method that happens to be called log'],
  ])('%s is not a logger call (%s)', (text) => {
    expect(callResult(calls, text)).toBeNull();
  });
});

describe('getLoggerCall: a class that is itself a logger or error reporter', () => {
  // n8n-core's dist/errors/error-reporter.js (trimmed): the reporter's own `error` method reports the error.
  const code = `
    let ErrorReporter = class ErrorReporter {
      error(e, options) { const toReport = this.wrap(e); if (toReport) this.report(toReport, options); }
      init() {
        process.on('uncaughtException', (error) => { this.error(error); });
        const legacy = function () { this.error('A'); };
      }
    };
    class AppLogger { warn(m) { console.warn(m); } clean() { this.warn('B'); } }
    const CrashReporter = class { error(e) {} run() { this.error('C'); } };
    class Reporter { error(e) {} run() { this.error('D'); } }
    class TestReporter { error(e) {} run() { this.error('E'); } }
    class Dialog { error(e) {} run() { this.error('F'); } }
  `;
  const calls = loggerCalls(code);
  it.each([
    ['this.error(error)', 'error'],
    ["this.warn('B')", 'warn'],
    ["this.error('C')", 'error'],
  ])('%s → %s', (text, level) => {
    expect(callResult(calls, text)).toMatchObject({ level, via: 'logger', loggerPath: 'this' });
  });

  it.each([
    ["this.error('A')", '`this` of a nested plain function is not the class'],
    ["this.error('D')", 'a reporter of nothing in particular'],
    ["this.error('E')", 'a test reporter reports no errors of the app'],
    ["this.error('F')", 'a class named for something else'],
  ])('%s is not a logger call (%s)', (text) => {
    expect(callResult(calls, text)).toBeNull();
  });
});

describe('getLoggerCall: settings.loggers', () => {
  const code = 'tracker.error("a"); this.audit.warn("b"); svc.events.info("c"); other.error("d");';
  it('counts configured names and member paths', () => {
    const configured = loggerCalls(code, settings({ loggers: ['tracker', 'this.audit', 'svc.events'] }));
    expect(callResult(configured, 'tracker.error("a")')).toMatchObject({ level: 'error', loggerPath: 'tracker' });
    expect(callResult(configured, 'this.audit.warn("b")')).toMatchObject({ level: 'warn', loggerPath: 'this.audit' });
    expect(callResult(configured, 'svc.events.info("c")')).toMatchObject({ level: 'info', loggerPath: 'svc.events' });
    expect(callResult(configured, 'other.error("d")')).toBeNull();
  });
  it('does not count them without the setting', () => {
    const plain = loggerCalls(code);
    expect(callResult(plain, 'tracker.error("a")')).toBeNull();
    expect(callResult(plain, 'this.audit.warn("b")')).toBeNull();
    expect(callResult(plain, 'svc.events.info("c")')).toBeNull();
  });
});

describe('getLoggerCall: the name check before the look-up', () => {
  // Calls by any name count when settings list log functions or reporters; without them only
  // level methods and reporter names are looked at further.
  const code = `
    reportFailure(err); utils.track(err); audit(err);
    Sentry.captureException(err); client['x.captureException'](err); notify(err); bugsnag.notify(err);
    (logger as any).error(err); logger!.warn(err); log?.info(err); this.logger['error'](err);
    logger.toString(); format(err); (getLogger())(err);
  `;
  it('finds configured log functions and reporters whatever their name', () => {
    const found = loggerCalls(code, { ...settings({ logFunctions: ['reportFailure', 'utils.track'], reporters: ['audit'] }), ts: true });
    expect(callResult(found, 'reportFailure(err)')).toMatchObject({ level: 'error', via: 'logFunction' });
    expect(callResult(found, 'utils.track(err)')).toMatchObject({ level: 'error', via: 'logFunction' });
    expect(callResult(found, 'audit(err)')).toMatchObject({ level: 'error', via: 'reporter' });
    expect(callResult(found, 'format(err)')).toBeNull();
  });
  it('finds reporters and level methods through computed keys and TypeScript wrappers', () => {
    const found = loggerCalls(code, { ts: true });
    expect(callResult(found, 'reportFailure(err)')).toBeNull();
    expect(callResult(found, 'audit(err)')).toBeNull();
    expect(callResult(found, 'Sentry.captureException(err)')).toMatchObject({ via: 'reporter' });
    expect(callResult(found, "client['x.captureException'](err)")).toMatchObject({ via: 'reporter' });
    expect(callResult(found, 'bugsnag.notify(err)')).toMatchObject({ via: 'reporter' });
    expect(callResult(found, 'notify(err)')).toBeNull();
    expect(callResult(found, '(logger as any).error(err)')).toMatchObject({ level: 'error', via: 'logger' });
    expect(callResult(found, 'logger!.warn(err)')).toMatchObject({ level: 'warn', via: 'logger' });
    expect(callResult(found, 'log?.info(err)')).toMatchObject({ level: 'info', via: 'logger' });
    expect(callResult(found, "this.logger['error'](err)")).toMatchObject({ level: 'error', loggerPath: 'this.logger' });
    expect(callResult(found, 'logger.toString()')).toBeNull();
    expect(callResult(found, '(getLogger())(err)')).toBeNull();
  });
});

describe('getLoggerCall: levels', () => {
  it.each([
    ['trace', 'trace'],
    ['silly', 'trace'],
    ['debug', 'debug'],
    ['verbose', 'debug'],
    ['info', 'info'],
    ['log', 'info'],
    ['http', 'info'],
    ['notice', 'info'],
    ['warn', 'warn'],
    ['warning', 'warn'],
    ['error', 'error'],
    ['crit', 'error'],
    ['critical', 'error'],
    ['fatal', 'fatal'],
    ['alert', 'fatal'],
    ['emerg', 'fatal'],
  ])('logger.%s → %s', (method, level) => {
    const text = `logger.${method}('m')`;
    expect(callResult(loggerCalls(text), text)).toMatchObject({ level, method });
  });

  it('maps console methods', () => {
    const result = loggerCalls("console.log('a'); console.info('b'); console.warn('c'); console.error('d'); console.debug('e'); console.table(rows);");
    expect(callResult(result, "console.log('a')")?.level).toBe('info');
    expect(callResult(result, "console.info('b')")?.level).toBe('info');
    expect(callResult(result, "console.warn('c')")?.level).toBe('warn');
    expect(callResult(result, "console.error('d')")?.level).toBe('error');
    expect(callResult(result, "console.debug('e')")?.level).toBe('debug');
    expect(callResult(result, 'console.table(rows)')?.level).toBe('info');
  });

  it('reads the level of winston logger.log(level, …) and drops it from the arguments', () => {
    const result = loggerCalls("logger.log('error', 'payment failed', { err }); logger.log('warning', 'slow');");
    expect(callResult(result, "logger.log('error', 'payment failed', { err })")).toMatchObject({
      level: 'error',
      method: 'log',
      args: ["'payment failed'", '{ err }'],
    });
    expect(callResult(result, "logger.log('warning', 'slow')")).toMatchObject({ level: 'warn', args: ["'slow'"] });
  });

  it('reads the level of winston logger.log({ level, … })', () => {
    const text = "logger.log({ level: 'warn', message: 'locked out', user })";
    expect(callResult(loggerCalls(text), text)).toMatchObject({ level: 'warn', args: ["{ level: 'warn', message: 'locked out', user }"] });
  });

  it('treats logger.log(message) (Nest, console-like) as info, keeping the message', () => {
    const result = loggerCalls("logger.log('User created'); console.log('error', e); this.logger.log(`done ${id}`);");
    expect(callResult(result, "logger.log('User created')")).toMatchObject({ level: 'info', args: ["'User created'"] });
    // console.log never takes a level: its first argument is the message.
    expect(callResult(result, "console.log('error', e)")).toMatchObject({ level: 'info', args: ["'error'", 'e'] });
    expect(callResult(result, 'this.logger.log(`done ${id}`)')).toMatchObject({ level: 'info' });
  });
});

describe('getLoggerCall: things that are not logging', () => {
  const code = `
    Math.log(x);
    dialog.error('a');
    catalog.info('b');
    backlog.warn('c');
    blogService.warn('c2');
    dialogService.error('c3');
    blog.post(p);
    res.json(body);
    errorLog.push(e);
    logger.child({ a });
    logger.isLevelEnabled('debug');
    logger.flush();
    console.assert(ok);
    console.time('t');
    git.log();
    history.log(entry);
    logs.error('d');
    this.log('e');
    emitter.emit('error', e);
    process.stderr.write(msg);
    logger.toString();
    logger.hasOwnProperty('info');
    logger.log('constructor');
    print('x');
    error('y');
    dialog_1.default.error('z');
    log_1.other.error('z2');
  `;
  const calls = loggerCalls(code);
  it.each([
    'Math.log(x)',
    "dialog.error('a')",
    "catalog.info('b')",
    "backlog.warn('c')",
    "blogService.warn('c2')",
    "dialogService.error('c3')",
    'blog.post(p)',
    'res.json(body)',
    'errorLog.push(e)',
    'logger.child({ a })',
    "logger.isLevelEnabled('debug')",
    'logger.flush()',
    'console.assert(ok)',
    "console.time('t')",
    'git.log()',
    'history.log(entry)',
    "logs.error('d')",
    "this.log('e')",
    "emitter.emit('error', e)",
    'process.stderr.write(msg)',
    'logger.toString()',
    "logger.hasOwnProperty('info')",
    "print('x')",
    "error('y')",
    "dialog_1.default.error('z')",
    "log_1.other.error('z2')",
  ])('%s', (text) => {
    expect(callResult(calls, text)).toBeNull();
  });

  it("logger.log('constructor') is info, not a level taken from Object.prototype", () => {
    expect(callResult(calls, "logger.log('constructor')")).toMatchObject({ level: 'info', args: ["'constructor'"] });
  });
});

describe('getLoggingLevel', () => {
  it('counts configured logFunctions, by name and by member path', () => {
    const code = 'logError(e); utils.reportError(e); logWarning(e);';
    const configured = loggingLevels(code, settings({ logFunctions: ['logError', 'utils.reportError'] }));
    expect(callResult(configured, 'logError(e)')).toBe('error');
    expect(callResult(configured, 'utils.reportError(e)')).toBe('error');
    expect(callResult(configured, 'logWarning(e)')).toBeNull();
    const plain = loggingLevels(code);
    expect(callResult(plain, 'logError(e)')).toBeNull();
    expect(callResult(plain, 'utils.reportError(e)')).toBeNull();
  });

  it('counts built-in and configured error reporters as error level', () => {
    const code = 'Sentry.captureException(e); newrelic.noticeError(e); Bugsnag.notify(e); appInsights.trackException({ exception: e }); alerts.page(e); Sentry.setUser(u);';
    const configured = loggingLevels(code, settings({ reporters: ['alerts.page'] }));
    expect(callResult(configured, 'Sentry.captureException(e)')).toBe('error');
    expect(callResult(configured, 'newrelic.noticeError(e)')).toBe('error');
    expect(callResult(configured, 'Bugsnag.notify(e)')).toBe('error');
    expect(callResult(configured, 'appInsights.trackException({ exception: e })')).toBe('error');
    expect(callResult(configured, 'alerts.page(e)')).toBe('error');
    expect(callResult(configured, 'Sentry.setUser(u)')).toBeNull();
    expect(callResult(loggingLevels(code), 'alerts.page(e)')).toBeNull();
  });

  it('says how a reporter or log function was recognised', () => {
    const result = loggerCalls('Sentry.captureException(e); logError(e);', settings({ logFunctions: ['logError'] }));
    expect(callResult(result, 'Sentry.captureException(e)')).toMatchObject({ via: 'reporter', level: 'error', loggerPath: 'Sentry.captureException', args: ['e'] });
    expect(callResult(result, 'logError(e)')).toMatchObject({ via: 'logFunction', level: 'error', loggerPath: 'logError' });
  });

  it('counts same-file helpers that log on every path', () => {
    const code = `
      function logFailure(e) { logger.error(e); }
      const warnFailure = (e) => logger.warn(e);
      const noteFailure = (e) => { const msg = e.message; console.warn(msg); return false; };
      function report(e) { logFailure(e); }
      function toSentry(e) { return Sentry.captureException(e); }
      async function awaited(e) { await logger.error(e); }
      function classify(e, res) {
        if (e.status) { logger.warn(e); return res.status(e.status).end(); }
        logger.error(e);
        res.status(500).end();
      }
      function branches(e) { if (e.expected) { logger.info(e); } else { logger.error(e); } }
      function loopFirst(e) { for (const h of hooks) h(e); logger.error(e); }
      function fail(e) { logger.error(e); throw e; }
      logFailure(1); warnFailure(2); noteFailure(3); report(4); toSentry(5); awaited(6);
      classify(7, res); branches(8); loopFirst(9); fail(10);
    `;
    const result = loggingLevels(code);
    expect(callResult(result, 'logFailure(1)')).toBe('error');
    expect(callResult(result, 'warnFailure(2)')).toBe('warn');
    expect(callResult(result, 'noteFailure(3)')).toBe('warn');
    expect(callResult(result, 'report(4)')).toBe('error');
    expect(callResult(result, 'toSentry(5)')).toBe('error');
    expect(callResult(result, 'awaited(6)')).toBe('error');
    // Every path logs; the quietest path decides the level.
    expect(callResult(result, 'classify(7, res)')).toBe('warn');
    expect(callResult(result, 'branches(8)')).toBe('info');
    expect(callResult(result, 'loopFirst(9)')).toBe('error');
    expect(callResult(result, 'fail(10)')).toBe('error');
  });

  it('counts this.method() helpers of the enclosing class', () => {
    const code = `
      class Orders {
        fail(e) { this.logger.error('order failed', e); }
        quiet(e) { this.metrics.inc(); }
        run() { this.fail(1); this.quiet(2); this.missing(3); }
      }
    `;
    const result = loggingLevels(code);
    expect(callResult(result, 'this.fail(1)')).toBe('error');
    expect(callResult(result, 'this.quiet(2)')).toBeNull();
    expect(callResult(result, 'this.missing(3)')).toBeNull();
  });

  it('does not count helpers that log only on some paths', () => {
    const code = `
      function onlyIf(e) { if (e) logger.error(e); }
      function earlyReturn(e) { if (e.expected) return; logger.error(e); }
      function shortCircuit(e) { e && logger.error(e); }
      function returnInTry(e) { try { return send(e); } catch {} console.error(e); }
      function returnInLoop(e) { for (const h of hooks) { if (h(e)) return; } logger.error(e); }
      function returnInSwitch(e) { switch (e.code) { case 'E1': return; } logger.error(e); }
      function logsInLoop(e) { for (const x of xs) logger.error(x); }
      function logsInTry(e) { try { logger.error(e); } catch {} }
      function nested(e) { setTimeout(() => logger.error(e)); }
      function noLog(e) { metrics.increment('fail'); }
      onlyIf(1); earlyReturn(2); shortCircuit(3); returnInTry(4); returnInLoop(5);
      returnInSwitch(6); logsInLoop(7); logsInTry(8); nested(9); noLog(10); unknownHelper(11);
    `;
    const result = loggingLevels(code);
    for (const text of [
      'onlyIf(1)',
      'earlyReturn(2)',
      'shortCircuit(3)',
      'returnInTry(4)',
      'returnInLoop(5)',
      'returnInSwitch(6)',
      'logsInLoop(7)',
      'logsInTry(8)',
      'nested(9)',
      'noLog(10)',
      'unknownHelper(11)',
    ]) {
      expect(callResult(result, text), text).toBeNull();
    }
  });

  it('survives recursive helpers', () => {
    const code = 'function a(e) { b(e); } function b(e) { a(e); } function c(e) { logger.warn(e); c(e); } a(1); c(2);';
    const result = loggingLevels(code);
    expect(callResult(result, 'a(1)')).toBeNull();
    expect(callResult(result, 'c(2)')).toBe('warn');
  });
});

describe('getLoggerReferenceLevel', () => {
  /** The level of the first argument of every `p.catch(X)` / `p.then(ok, X)` call. */
  function referenceLevels(code: string, options: ProbeOptions = {}): Map<string, string | null> {
    return probeCalls(
      code,
      (context, node) => {
        const arg = node.arguments[node.arguments.length - 1];
        return arg ? getLoggerReferenceLevel(context, arg as TSESTree.Node) : null;
      },
      options,
    );
  }
  const code = `
    p.catch(console.error);
    p.catch(logger.warn.bind(logger));
    p.catch(this.logger.error);
    p.then(ok, req.log.fatal);
    p.catch(Sentry.captureException);
    p.catch(logError);
    p.catch(res.json);
    p.catch(Math.log);
    p.catch(noop);
    p.catch(logger.child);
    p.catch(logger.toString);
    p.catch((e) => logger.error(e));
  `;
  const result = referenceLevels(code, settings({ logFunctions: ['logError'] }));
  it.each([
    ['p.catch(console.error)', 'error'],
    ['p.catch(logger.warn.bind(logger))', 'warn'],
    ['p.catch(this.logger.error)', 'error'],
    ['p.then(ok, req.log.fatal)', 'fatal'],
    ['p.catch(Sentry.captureException)', 'error'],
    ['p.catch(logError)', 'error'],
  ])('%s → %s', (text, level) => {
    expect(callResult(result, text)).toBe(level);
  });
  it.each(['p.catch(res.json)', 'p.catch(Math.log)', 'p.catch(noop)', 'p.catch(logger.child)', 'p.catch(logger.toString)', 'p.catch((e) => logger.error(e))'])(
    '%s → null',
    (text) => {
      expect(callResult(result, text)).toBeNull();
    },
  );
});

describe('isLoggerObject and isReporterCall', () => {
  it('answers for the object of a call', () => {
    const result = probeCalls(
      'logger.foo(); Math.floor(x); const p = pino(); p.bar(); dialog.open();',
      (context, node) => (node.callee.type === 'MemberExpression' ? isLoggerObject(context, node.callee.object) : null),
    );
    expect(callResult(result, 'logger.foo()')).toBe(true);
    expect(callResult(result, 'p.bar()')).toBe(true);
    expect(callResult(result, 'Math.floor(x)')).toBe(false);
    expect(callResult(result, 'dialog.open()')).toBe(false);
  });

  it('recognises reporters, not their sibling methods', () => {
    const result = probeCalls(
      'Sentry.captureException(e); Sentry.init(opts); Bugsnag.start(); rollbar.error(e); tracker.captureException(e); team.notify(e);',
      (context, node) => isReporterCall(context, node),
    );
    expect(callResult(result, 'Sentry.captureException(e)')).toBe(true);
    expect(callResult(result, 'rollbar.error(e)')).toBe(true);
    expect(callResult(result, 'tracker.captureException(e)')).toBe(true);
    expect(callResult(result, 'Sentry.init(opts)')).toBe(false);
    expect(callResult(result, 'Bugsnag.start()')).toBe(false);
    expect(callResult(result, 'team.notify(e)')).toBe(false);
  });
});

describe('LOG_LEVELS and isAtLeast', () => {
  it('orders levels from trace to fatal', () => {
    expect(LOG_LEVELS).toEqual(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
  });
  it('compares levels', () => {
    expect(isAtLeast('error', 'warn')).toBe(true);
    expect(isAtLeast('warn', 'warn')).toBe(true);
    expect(isAtLeast('info', 'warn')).toBe(false);
    expect(isAtLeast('fatal', 'error')).toBe(true);
    expect(isAtLeast('trace', 'debug')).toBe(false);
  });
});

describe('getDebugLogCall: namespaced debug functions', () => {
  const code = `
    const createDebug = require('debug');
    const wrapper = require('./debug');
    import debugModule from 'debug';
    const a = require('debug')('app:a');
    const b = createDebug('app:b');
    const c = (0, wrapper.createDebug)('app:c');
    const d = debugModule('app:d');
    const e = b.extend('e');
    const f = makeThing('app:f');
    const g = createDebug(options);
    a('x'); b('x'); c('x'); d('x'); e('x'); f('x'); g('x'); debug('x');
  `;
  const results = probeCalls(code, (context, node) => getDebugLogCall(context, node)?.level ?? null, { sourceType: 'module' });
  it('recognizes the debug package, a createDebug wrapper and extend()', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) expect(callResult(results, `${name}('x')`)).toBe('debug');
  });
  it('leaves other functions, a factory without a namespace and unbound names alone', () => {
    for (const name of ['f', 'g', 'debug']) expect(callResult(results, `${name}('x')`)).toBeNull();
  });
});

describe('getDebugLogCall: an object of debug functions, a debug function the class keeps', () => {
  const code = `
    const debug = { error: require('debug')('formio:error'), handler: require('debug')('formio:middleware:tokenHandler') };
    const other = { handler: makeHandler('x'), error: console.error };
    class SecretsDb { constructor() { this.debug = createDebug('actual:secrets-db'); this.send = makeSender('x'); } set(name) { this.debug('setting ' + name); this.send('x'); } }
    debug.handler('x'); debug.error('x'); other.handler('x'); debug.missing('x'); debug.extend('y');
  `;
  const results = probeCalls(code, (context, node) => getDebugLogCall(context, node)?.level ?? null, { sourceType: 'module' });
  it('recognizes a debug function held in an object literal or given to this in the constructor', () => {
    for (const text of ["debug.handler('x')", "debug.error('x')", "this.debug('setting ' + name)"]) expect(callResult(results, text)).toBe('debug');
  });
  it('leaves other members alone', () => {
    for (const text of ["other.handler('x')", "debug.missing('x')", "debug.extend('y')", "this.send('x')"]) expect(callResult(results, text)).toBeNull();
  });
});

describe("getLoggerCall: hapi's tagged request and server events", () => {
  it('request.log / server.log with a tag array log at the level a tag names, info otherwise', () => {
    const calls = loggerCalls(
      [
        "request.log(['auth', 'error'], `Fails to find the user ${name}`);",
        "server.log(['warn', 'db'], 'slow query');",
        "request.log(['auth'], 'logged in');",
        "req.log(tagsFromConfig, 'x');",
        "registry.log(['error'], 'not hapi');",
      ].join('\n'),
    );
    expect(callResult(calls, "request.log(['auth', 'error'], `Fails to find the user ${name}`)")).toMatchObject({ level: 'error', args: ['`Fails to find the user ${name}`'] });
    expect(callResult(calls, "server.log(['warn', 'db'], 'slow query')")?.level).toBe('warn');
    expect(callResult(calls, "request.log(['auth'], 'logged in')")?.level).toBe('info');
    expect(callResult(calls, "req.log(tagsFromConfig, 'x')")).toBeNull();
    expect(callResult(calls, "registry.log(['error'], 'not hapi')")).toBeNull();
  });
});
