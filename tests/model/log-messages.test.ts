import { describe, expect, it } from 'vitest';
import { createConstraintFinder } from '../../src/model/constrained-values.js';
import { composedInit, findMessageIndex, isComposedString, keyFor, logCallStyle, messageValue, rawPrintedArguments, toPieces } from '../../src/model/log-messages.js';
import { getLoggerCall } from '../../src/model/loggers.js';
import { createRequestInputTracker } from '../../src/model/request-input.js';
import { callResult, probeCalls } from '../helpers/probe.js';

describe('findMessageIndex', () => {
  const found = probeCalls(
    `
    logger.info({ userId }, \`login \${name}\`);
    logger.info(meta, \`login \${name}\`);
    log.info('auth', \`login by \${user}\`);
    logger.info(\`login \${name}\`);
    logger.info('login by %s', name);
    logger.info('a sentence with spaces', \`x \${y}\`);
  `,
    (_context, node) => findMessageIndex(node.arguments),
  );
  it('the message follows a merging object, a meta variable or a tag', () => {
    expect(callResult(found, 'logger.info({ userId }, `login ${name}`)')).toBe(1);
    expect(callResult(found, 'logger.info(meta, `login ${name}`)')).toBe(1);
    expect(callResult(found, "log.info('auth', `login by ${user}`)")).toBe(1);
  });
  it('otherwise the first argument is the message', () => {
    expect(callResult(found, 'logger.info(`login ${name}`)')).toBe(0);
    expect(callResult(found, "logger.info('login by %s', name)")).toBe(0);
    expect(callResult(found, "logger.info('a sentence with spaces', `x ${y}`)")).toBe(0);
  });
});

describe('isComposedString and composedInit', () => {
  const found = probeCalls(
    `
    const msg = \`login \${req.body.user}\`;
    let later = 'x'; later = \`y \${z}\`;
    const plain = 'login';
    log(\`a \${b}\`, 'a' + b, 'plain', \`no expressions\`, msg, later, plain);
  `,
    (context, node) => node.arguments.map((a) => [isComposedString(a), composedInit(context, a) !== null]),
  );
  it('templates with expressions and concatenations are composed; a const holding one is followed', () => {
    const answers = callResult(found, "log(`a ${b}`, 'a' + b, 'plain', `no expressions`, msg, later, plain)");
    expect(answers).toEqual([
      [true, false],
      [true, false],
      [false, false],
      [false, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
  });
});

describe('isComposedString: compiled templates', () => {
  const found = probeCalls(
    `log("open(".concat(port, ") id=").concat(id), "a".concat(b), x.concat(y), "plain".concat());`,
    (_context, node) => node.arguments.map((a) => isComposedString(a)),
  );
  it('a "…".concat(x) chain rooted in a string literal is a composed string (Babel, ES5 TypeScript)', () => {
    expect(callResult(found, 'log("open(".concat(port, ") id=").concat(id), "a".concat(b), x.concat(y), "plain".concat())')).toEqual([true, true, false, false]);
  });
});

describe('toPieces', () => {
  const found = probeCalls(
    `
    app.post('/login', (req, res) => {
      logger.info(\`login user=\${req.body.user} from \${region}\`);
      logger.info('Login by ' + req.query.name);
      logger.info(\`count \${items.length}\`);
      logger.info("login user=".concat(req.body.user, " from ").concat(region));
    });
  `,
    (context, node) => {
      if (!getLoggerCall(context, node)) return null;
      const tracker = createRequestInputTracker(context);
      const pieces = toPieces(node.arguments[0]!, tracker, context, false, createConstraintFinder(context, tracker));
      return pieces?.map((p) => (p.kind === 'text' ? `text:${p.cooked}` : `${p.tainted ? 'input' : 'expr'}:${p.text}${p.label ? `=${p.label}` : ''}`));
    },
  );
  it('marks request input and takes the label it was given', () => {
    expect(callResult(found, 'logger.info(`login user=${req.body.user} from ${region}`)')).toEqual(['text:login ', 'input:req.body.user=user', 'text: from ', 'expr:region']);
    expect(callResult(found, "logger.info('Login by ' + req.query.name)")).toEqual(['text:Login by ', 'input:req.query.name']);
  });
  it('reads a compiled "…".concat() chain like the template it came from', () => {
    expect(callResult(found, 'logger.info("login user=".concat(req.body.user, " from ").concat(region))')).toEqual(['text:login ', 'input:req.body.user=user', 'text: from ', 'expr:region']);
  });
  it('leaves values that are not request input unmarked', () => {
    expect(callResult(found, 'logger.info(`count ${items.length}`)')).toEqual(['text:count ', 'expr:items.length']);
  });
});

describe('keyFor', () => {
  const found = probeCalls("use(req.query.user, req.get('user-agent'), name.trim(), cookies.get('session')?.value, req.body['first-name'], 42)", (_context, node) =>
    node.arguments.map((a) => keyFor(a, undefined)),
  );
  it('names a field after the property, header or variable', () => {
    expect(callResult(found, "use(req.query.user, req.get('user-agent'), name.trim(), cookies.get('session')?.value, req.body['first-name'], 42)")).toEqual([
      'user',
      'userAgent',
      'name',
      'session',
      'firstName',
      'value',
    ]);
  });
  it('prefers a label that is an identifier', () => {
    const labelled = probeCalls('use(req.query.q)', (_context, node) => [keyFor(node.arguments[0]!, 'term'), keyFor(node.arguments[0]!, 'not valid')]);
    expect(callResult(labelled, 'use(req.query.q)')).toEqual(['term', 'q']);
  });
});

describe('logCallStyle', () => {
  const found = probeCalls(
    `
    import pino from 'pino';
    const logger = pino();
    logger.info(\`x \${y}\`);
    log.info({ a }, 'x');
    this.logger.warn('x');
    someLogger.info('x');
    this.logger.error('x', err.stack);
    this.logger.info('x');
    this.logger.error('server failed', { code: error.code });
  `,
    (context, node) => {
      const call = getLoggerCall(context, node);
      return call && logCallStyle(context, call);
    },
  );
  it('a logger created in the file is known', () => {
    expect(callResult(found, 'logger.info(`x ${y}`)')).toEqual({ style: 'pino', known: true });
  });
  it('an unknown logger gets a guess from its shape, not known', () => {
    expect(callResult(found, "log.info({ a }, 'x')")).toEqual({ style: 'pino', known: false });
    expect(callResult(found, "this.logger.warn('x')")).toMatchObject({ known: false });
    // the one guess every rule shares (guessLoggerStyle): console's shape, which winston and log4js print too
    expect(callResult(found, "someLogger.info('x')")).toEqual({ style: 'console', known: false });
    // Nest's Logger has no `info`: `this.logger.info` is not Nest's
    expect(callResult(found, "this.logger.error('x', err.stack)")).toEqual({ style: 'nest', known: false });
    expect(callResult(found, "this.logger.info('x')")).toEqual({ style: 'console', known: false });
    // nor is one given an object after the message (n8n's own Logger: message, meta)
    expect(callResult(found, "this.logger.error('server failed', { code: error.code })")).toEqual({ style: 'console', known: false });
  });
});

describe('messageValue', () => {
  it("a variable's initializer when never reassigned; the node itself otherwise", () => {
    const code = 'const line = describe(u); logger.warn(line); let msg = a(u); msg = b(u); logger.warn(msg); logger.warn(fmt(u));';
    const results = probeCalls(code, (context, node) => {
      const call = getLoggerCall(context, node);
      return call ? context.sourceCode.getText(messageValue(context, call.args[0]!)) : null;
    });
    expect(callResult(results, 'logger.warn(line)')).toBe('describe(u)');
    expect(callResult(results, 'logger.warn(msg)')).toBe('msg');
    expect(callResult(results, 'logger.warn(fmt(u))')).toBe('fmt(u)');
  });
});

describe('rawPrintedArguments', () => {
  it('console and printf formats print later arguments as text, object literals as data; other calls none', () => {
    const code = "console.log('login by', user, { id }); logger.info('login by %s', user); logger.info('login', user); logger.info({ user }, 'login');";
    const results = probeCalls(code, (context, node) => {
      const call = getLoggerCall(context, node);
      return call ? rawPrintedArguments(call, findMessageIndex(call.args)).map((a) => context.sourceCode.getText(a)) : null;
    });
    expect(callResult(results, "console.log('login by', user, { id })")).toEqual(['user']);
    expect(callResult(results, "logger.info('login by %s', user)")).toEqual(['user']);
    expect(callResult(results, "logger.info('login', user)")).toEqual([]);
    expect(callResult(results, "logger.info({ user }, 'login')")).toEqual([]);
  });
});
