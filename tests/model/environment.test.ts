import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  envComparisonMeansDevelopment,
  envComparisonMeansExplicitDevelopment,
  holdsOnlyInDebugOrDevelopment,
  holdsOnlyInDevelopment,
  isOnOnlyInDebugOrDevelopment,
  existsOnlyInDevelopment,
  runsOnlyInDevelopment,
} from '../../src/model/environment.js';
import { probe } from '../helpers/probe.js';

/** The test of every `if` in `code`, in order. */
function tests(code: string): TSESTree.Expression[] {
  const out: TSESTree.Expression[] = [];
  probe(code, () => ({
    IfStatement(node: TSESTree.IfStatement) {
      out.push(node.test);
    },
  }));
  return out;
}

describe('holdsOnlyInDevelopment', () => {
  it('environment comparisons and development flags', () => {
    const answers = tests(`
      if (process.env.NODE_ENV === 'development') a();
      if (process.env.NODE_ENV !== 'production') a();
      if (app.get('env') === 'test') a();
      if (isDev) a();
      if (config.isDevelopment) a();
      if (process.env.NODE_ENV === 'production') a();
      if (process.env.NODE_ENV !== 'development') a();
      if (status >= 500) a();
      if (showStack) a();
    `).map((t) => holdsOnlyInDevelopment(t));
    expect(answers).toEqual([true, true, true, true, true, false, false, false, false]);
  });
});

describe('holdsOnlyInDebugOrDevelopment, isOnOnlyInDebugOrDevelopment', () => {
  it('debug and verbose flags, alone or with development tests', () => {
    const answers = tests(`
      if (startupConfig.debug) a();
      if (isDev || process.env.DEBUG_MODE) a();
      if (config.verbose) a();
      if (isDev || enabled) a();
      if (debugger1) a();
    `).map((t) => holdsOnlyInDebugOrDevelopment(t));
    expect(answers).toEqual([true, true, true, false, false]);
  });

  it('an option value that is off unless debugging or in development', () => {
    const values: boolean[] = [];
    probe(
      'f({ a: config.debug || false, b: isDev ? new Logger() : false, c: config.logger || false, d: true, e: debug ? pino() : console });',
      () => ({
        Property(node: TSESTree.Property) {
          values.push(isOnOnlyInDebugOrDevelopment(node.value));
        },
      }),
    );
    expect(values).toEqual([true, true, false, false, false]);
  });
});

describe('envComparisonMeansDevelopment', () => {
  it('answers for the branch taken (holds) and the other one, and null for other comparisons', () => {
    const [dev, notProd, other] = tests(`
      if (process.env.NODE_ENV === 'development') a();
      if (env !== 'production') a();
      if (err.name === 'ValidationError') a();
    `) as TSESTree.BinaryExpression[];
    expect(envComparisonMeansDevelopment(dev!, true)).toBe(true);
    expect(envComparisonMeansDevelopment(dev!, false)).toBe(false);
    expect(envComparisonMeansDevelopment(notProd!, true)).toBe(true);
    expect(envComparisonMeansDevelopment(notProd!, false)).toBe(false);
    expect(envComparisonMeansDevelopment(other!, true)).toBeNull();
  });
});

describe('envComparisonMeansExplicitDevelopment', () => {
  it('only a test naming a development environment; "not production" fails open when NODE_ENV is unset', () => {
    const [dev, notProd, prodElse, notDev, other] = tests(`
      if (app.get('env') === 'development') a();
      if (process.env.NODE_ENV !== 'production') a();
      if (app.get('env') === 'production') a();
      if (process.env.NODE_ENV !== 'development') a();
      if (err.name === 'ValidationError') a();
    `) as TSESTree.BinaryExpression[];
    expect(envComparisonMeansExplicitDevelopment(dev!, true)).toBe(true);
    expect(envComparisonMeansExplicitDevelopment(notProd!, true)).toBe(false);
    expect(envComparisonMeansExplicitDevelopment(prodElse!, false)).toBe(false);
    expect(envComparisonMeansExplicitDevelopment(prodElse!, true)).toBe(false);
    expect(envComparisonMeansExplicitDevelopment(notDev!, false)).toBe(true);
    expect(envComparisonMeansExplicitDevelopment(other!, true)).toBeNull();
  });
});

describe('runsOnlyInDevelopment', () => {
  /** For every call to `log(…)`, whether it runs only in development within its function body. */
  function answers(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, () => ({
      'CallExpression[callee.name="log"]'(node: TSESTree.CallExpression) {
        let fn: TSESTree.Node | undefined = node.parent;
        while (fn && fn.type !== 'FunctionDeclaration') fn = fn.parent;
        out.push(runsOnlyInDevelopment(node, (fn as TSESTree.FunctionDeclaration).body));
      },
    }));
    return out;
  }

  it('branches, ternaries and && guarded by a development test', () => {
    expect(
      answers(`
        function a(err) { if (process.env.NODE_ENV === 'development') log(err.stack); }
        function b(err) { isDev ? log(err) : 0; }
        function c(err) { config.isDevelopment && log(err); }
      `),
    ).toEqual([true, true, true]);
  });

  it('production branches, else branches, and tests outside a nested function do not count', () => {
    expect(
      answers(`
        function a(err) { if (process.env.NODE_ENV === 'production') log(err); }
        function b(err) { if (isDev) {} else log(err); }
        function c(err) { if (isDev) { function inner() { log(err); } } }
        function d(err) { log(err); }
      `),
    ).toEqual([false, false, false, false]);
  });
});

describe('existsOnlyInDevelopment', () => {
  /** existsOnlyInDevelopment for every `log.debug(…)` call, in order. */
  function answers(code: string): boolean[] {
    const out: boolean[] = [];
    probe(code, () => ({
      'CallExpression[callee.property.name="debug"]'(node: TSESTree.CallExpression) {
        out.push(existsOnlyInDevelopment(node));
      },
    }));
    return out;
  }

  it('a route registered only in a named development environment, across the handler function', () => {
    expect(
      answers(`
      if (isDev) { app.post('/test-webhook', (req, res) => { log.debug(req.headers); }); }
      if (process.env.NODE_ENV === 'development') { router.get('/x', function (req) { log.debug(req.body); }); }
      config.isDevelopment && app.use((req, res, next) => { log.debug(req.headers); next(); });
    `),
    ).toEqual([true, true, true]);
  });

  it("not production is not development (NODE_ENV unset); production code and the else branch are not", () => {
    expect(
      answers(`
      if (process.env.NODE_ENV !== 'production') { app.post('/a', (req) => { log.debug(req.headers); }); }
      app.post('/b', (req) => { log.debug(req.headers); });
      if (isDev) { a(); } else { app.post('/c', (req) => { log.debug(req.headers); }); }
    `),
    ).toEqual([false, false, false]);
  });
});
