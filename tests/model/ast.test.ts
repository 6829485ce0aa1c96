import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  contains,
  describeEnclosingFunction,
  fieldPath,
  followFields,
  findEnclosingClass,
  findVariable,
  calleeName,
  getCalleePath,
  getEnclosingFunction,
  getMemberPath,
  getNumberValue,
  getStringValue,
  getVariableInit,
  isFunctionNode,
  isOnlyUseOfConstFunction,
  lastSegment,
  referencesVariable,
  resolveFunction,
  returnedValues,
  skipTransparent,
  walkSameFunction,
} from '../../src/model/ast.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

/** `fn` applied to the first argument of every `p(…)` call, by call text. */
function ofArgument<T>(code: string, fn: (arg: TSESTree.Node, context: Parameters<Parameters<typeof probeCalls>[1]>[0]) => T, options: ProbeOptions = {}) {
  const all = probeCalls(
    code,
    (context, node) => (node.callee.type === 'Identifier' && node.callee.name === 'p' && node.arguments[0] ? { value: fn(node.arguments[0], context) } : null),
    options,
  );
  return (text: string): T => {
    const result = callResult(all, text);
    if (result === null) throw new Error(`${text} is not a p(…) call`);
    return result.value;
  };
}

describe('getMemberPath', () => {
  it.each([
    ['p(logger)', 'logger'],
    ['p(req.log)', 'req.log'],
    ['p(c.var.logger)', 'c.var.logger'],
    ['p(this)', 'this'],
    ['p(this.logger)', 'this.logger'],
    ["p(headers['authorization'])", 'headers.authorization'],
    ["p(a['b'].c)", 'a.b.c'],
    ['p(a[`b`])', 'a.b'],
    ['p(args[0])', 'args.0'],
    ['p(req?.log)', 'req.log'],
    ['p(a?.b?.c)', 'a.b.c'],
    ['p(a[b])', null],
    ['p(a[`${b}`])', null],
    ['p(a().b)', null],
    ['p(new Foo().x)', null],
    ["p('logger')", null],
  ])('%s → %j', (text, expected) => {
    const path = ofArgument(text, (arg) => getMemberPath(arg));
    expect(path(text)).toBe(expected);
  });

  it('reads private names and super', () => {
    const path = ofArgument('class A extends B { #log; m() { p(this.#log); p(super.logger); p(this.#log.child); } }', (arg) => getMemberPath(arg));
    expect(path('p(this.#log)')).toBe('this.#log');
    expect(path('p(super.logger)')).toBe('super.logger');
    expect(path('p(this.#log.child)')).toBe('this.#log.child');
  });

  it('sees through TypeScript wrappers', () => {
    const path = ofArgument(
      'p((req as any).log); p(req!.log); p((<Ctx>ctx).log); p((logger satisfies Logger).child); p(this.logger!);',
      (arg) => getMemberPath(arg),
      { ts: true },
    );
    expect(path('p((req as any).log)')).toBe('req.log');
    expect(path('p(req!.log)')).toBe('req.log');
    expect(path('p((<Ctx>ctx).log)')).toBe('ctx.log');
    expect(path('p((logger satisfies Logger).child)')).toBe('logger.child');
    expect(path('p(this.logger!)')).toBe('this.logger');
  });

  it('getCalleePath is the path of the callee', () => {
    const result = probeCalls("res.status(401); Sentry.captureException(e); fns[i](); new errors.NotFound('x');", (_context, node) => getCalleePath(node));
    expect(callResult(result, 'res.status(401)')).toBe('res.status');
    expect(callResult(result, 'Sentry.captureException(e)')).toBe('Sentry.captureException');
    expect(callResult(result, 'fns[i]()')).toBeNull();
  });

  it('calleeName is the last name of the callee, also when its object is no path', () => {
    const result = probeCalls('hash(x); bcrypt.hash(x); getClient().query(q); fns[i](); (f as Fn)(); this.run(); (() => 1)();', (_context, node) => calleeName(node), { ts: true });
    expect(callResult(result, 'hash(x)')).toBe('hash');
    expect(callResult(result, 'bcrypt.hash(x)')).toBe('hash');
    expect(callResult(result, 'getClient().query(q)')).toBe('query');
    expect(callResult(result, 'fns[i]()')).toBeNull();
    expect(callResult(result, '(f as Fn)()')).toBe('f');
    expect(callResult(result, 'this.run()')).toBe('run');
    expect(callResult(result, '(() => 1)()')).toBeNull();
  });

  it('lastSegment', () => {
    expect(lastSegment('a.b.c')).toBe('c');
    expect(lastSegment('next')).toBe('next');
    expect(lastSegment('this.#log')).toBe('#log');
  });
});

describe('fieldPath and followFields', () => {
  it('splits a plain member chain into its variable and fields, and follows the same fields from another reference', () => {
    const path = (text: string) => ofArgument(text, (arg) => {
      const found = fieldPath(arg);
      return found ? [found.root.name, ...found.fields].join(' ') : null;
    })(text);
    expect(path('p(msg)')).toBe('msg');
    expect(path('p(msg.data.user)')).toBe('msg data user');
    expect(path('p(msg[key].user)')).toBeNull();
    expect(path('p(this.msg)')).toBeNull();
    const followed: (string | null)[] = [];
    probe('const msg = get(); use(msg.data.user.id); use(msg.data); use(msg.other.user);', (context) => ({
      'Program:exit'() {
        const variable = context.sourceCode.scopeManager!.globalScope!.set.get('msg') ?? context.sourceCode.scopeManager!.scopes[1]!.set.get('msg');
        for (const ref of variable!.references) {
          if (ref.init) continue;
          const end = followFields(ref.identifier, ['data', 'user']);
          followed.push(end ? context.sourceCode.getText(end) : null);
        }
      },
    }));
    expect(followed).toEqual(['msg.data.user', null, null]);
  });
});

describe('skipTransparent, getStringValue, getNumberValue', () => {
  it('strips TS wrappers, optional chains and await', () => {
    const type = ofArgument('async function f() { p(await (x as any)!); p(a?.b); p(x satisfies T); p(y); p((z)); }', (arg) => skipTransparent(arg).type, { ts: true });
    expect(type('p(await (x as any)!)')).toBe('Identifier');
    expect(type('p(a?.b)')).toBe('MemberExpression');
    expect(type('p(x satisfies T)')).toBe('Identifier');
    expect(type('p((z))')).toBe('Identifier');
  });

  it('reads static strings and numbers only', () => {
    const str = ofArgument("p('a'); p(`b`); p(`c${d}`); p(1); p(x);", (arg) => getStringValue(arg));
    expect(str("p('a')")).toBe('a');
    expect(str('p(`b`)')).toBe('b');
    expect(str('p(`c${d}`)')).toBeNull();
    expect(str('p(1)')).toBeNull();
    expect(str('p(x)')).toBeNull();
    const num = ofArgument("p(401); p(500 as const); p('401'); p(-1); p(code);", (arg) => getNumberValue(arg), { ts: true });
    expect(num('p(401)')).toBe(401);
    expect(num('p(500 as const)')).toBe(500);
    expect(num("p('401')")).toBeNull();
    expect(num('p(-1)')).toBeNull();
    expect(num('p(code)')).toBeNull();
  });
});

describe('findVariable and getVariableInit', () => {
  it('finds the variable a name refers to, across scopes, with its single initializer', () => {
    const code = `
      const log = pino();
      let counter = 0;
      var twice = 1; var twice = 2;
      const { destructured } = obj;
      function f(param) {
        const log2 = log;
        p(log); p(counter); p(twice); p(destructured); p(param); p(log2); p(undeclaredName);
      }
    `;
    const init = ofArgument(code, (arg, context) => {
      const variable = findVariable(context, arg as TSESTree.Identifier);
      const value = getVariableInit(variable);
      return { found: variable?.name ?? null, init: value ? context.sourceCode.getText(value) : null };
    });
    expect(init('p(log)')).toEqual({ found: 'log', init: 'pino()' });
    expect(init('p(counter)')).toEqual({ found: 'counter', init: '0' });
    // Declared twice: no single initializer to trust.
    expect(init('p(twice)')).toEqual({ found: 'twice', init: null });
    expect(init('p(destructured)')).toEqual({ found: 'destructured', init: null });
    expect(init('p(param)')).toEqual({ found: 'param', init: null });
    expect(init('p(log2)')).toEqual({ found: 'log2', init: 'log' });
    expect(init('p(undeclaredName)')).toEqual({ found: null, init: null });
  });

  it('finds the same variables when one scope holds many references to many names', () => {
    // The per-scope reference index must answer like a scan of scope.references.
    const names = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const code = `function f(param) {
      ${names.map((n) => `const ${n} = make${n}();`).join('\n')}
      ${names.map((n) => `use(${n}); p(${n});`).join('\n')}
      p(param); p(undeclaredName);
    }`;
    const init = ofArgument(code, (arg, context) => {
      const variable = findVariable(context, arg as TSESTree.Identifier);
      const value = getVariableInit(variable);
      return { found: variable?.name ?? null, init: value ? context.sourceCode.getText(value) : null };
    });
    for (const n of names) expect(init(`p(${n})`)).toEqual({ found: n, init: `make${n}()` });
    expect(init('p(param)')).toEqual({ found: 'param', init: null });
    expect(init('p(undeclaredName)')).toEqual({ found: null, init: null });
  });

  it('respects shadowing', () => {
    const init = ofArgument('const x = outer(); function f() { const x = inner(); p(x); }', (arg, context) =>
      context.sourceCode.getText(getVariableInit(findVariable(context, arg as TSESTree.Identifier))!),
    );
    expect(init('p(x)')).toBe('inner()');
  });
});

describe('resolveFunction', () => {
  const code = `
    function declared(e) { a(); }
    const arrow = (e) => b();
    const expr = function named(e) { c(); };
    let reassigned = () => d(); 
    var dup = () => 1; var dup = () => 2;
    import { imported } from './x';
    class Svc {
      helper(e) { h(); }
      field = (e) => { k(); };
      static util() {}
      run(param) {
        declared(1); arrow(2); expr(3); dup(4); imported(5); param(6);
        this.helper(7); this.field(8); this.util(9); this.missing(10); obj.method(11);
        (() => 0)(12);
        const plain = function () { this.helper(13); };
      }
    }
  `;
  const resolved = probeCalls(code, (context, node) => {
    const fn = resolveFunction(context, node.callee);
    return fn ? context.sourceCode.getText(fn).split('{')[0]!.trim() : null;
  });
  it.each([
    ['declared(1)', 'function declared(e)'],
    ['arrow(2)', '(e) => b()'],
    ['expr(3)', 'function named(e)'],
    ['this.helper(7)', '(e)'],
    ['this.field(8)', '(e) =>'],
    ['(() => 0)(12)', '() => 0'],
  ])('%s resolves to %s', (text, start) => {
    expect(callResult(resolved, text)).toBe(start);
  });
  it.each([
    ['dup(4)', 'declared twice'],
    ['imported(5)', 'imported from another file'],
    ['param(6)', 'a parameter'],
    ['this.util(9)', 'a static method is not on this'],
    ['this.missing(10)', 'no such member'],
    ['obj.method(11)', 'not this'],
    ['this.helper(13)', 'this in a nested plain function is not the class'],
  ])('%s does not resolve (%s)', (text) => {
    expect(callResult(resolved, text)).toBeNull();
  });
});

describe('findEnclosingClass and getEnclosingFunction', () => {
  it('finds the class whose this a node sees', () => {
    const code = `
      class Outer {
        field = p(this);
        arrowField = () => p(this);
        method() {
          p(this);
          const cb = () => p(this);
          const fn = function () { p(this); };
          const obj = { m() { p(this); } };
          class Inner { m() { p(this); } }
        }
        static { p(this); }
      }
      const Expr = class { m() { p(this); } };
      function free() { p(this); }
      p(this);
    `;
    const seen: (string | null)[] = [];
    probe(code, (context) => ({
      ThisExpression(node: TSESTree.ThisExpression) {
        const cls = findEnclosingClass(node);
        seen.push(cls ? (cls.id?.name ?? `anonymous at line ${cls.loc.start.line}`) : null);
        void context;
      },
    }));
    expect(seen).toEqual(['Outer', 'Outer', 'Outer', 'Outer', null, null, 'Inner', 'Outer', 'anonymous at line 14', null, null]);
  });

  it('getEnclosingFunction is the nearest function of any kind', () => {
    const result = probeCalls('function a() { p(1); const b = () => { p(2); }; } p(3); class C { m() { p(4); } }', (_context, node) => {
      const fn = getEnclosingFunction(node);
      return fn ? `${fn.type}@${fn.loc.start.column}` : null;
    });
    expect(callResult(result, 'p(1)')).toBe('FunctionDeclaration@0');
    expect(callResult(result, 'p(2)')).toBe('ArrowFunctionExpression@31');
    expect(callResult(result, 'p(3)')).toBeNull();
    expect(callResult(result, 'p(4)')).toBe('FunctionExpression@67');
  });

  it('isFunctionNode', () => {
    const result = ofArgument('p(() => 1); p(function () {}); p(class {}); p(x);', (arg) => isFunctionNode(arg));
    expect(result('p(() => 1)')).toBe(true);
    expect(result('p(function () {})')).toBe(true);
    expect(result('p(class {})')).toBe(false);
    expect(result('p(x)')).toBe(false);
  });
});

describe('walkSameFunction', () => {
  function calledIn(code: string, skip?: string): string[] {
    const calls: string[] = [];
    probe(code, (context) => ({
      'FunctionDeclaration[id.name="root"]'(node: TSESTree.FunctionDeclaration) {
        walkSameFunction(
          node.body,
          (n) => {
            if (n.type === 'CallExpression' && n.callee.type === 'Identifier') calls.push(n.callee.name);
            if (skip && n.type === 'IfStatement') return false;
            return undefined;
          },
          context.sourceCode.visitorKeys,
        );
      },
    }));
    return calls;
  }

  const code = `
    function root() {
      first();
      if (x) { inIf(); }
      const cb = () => nestedArrow();
      items.forEach(function (i) { nestedFn(); });
      function inner() { nestedDecl(); }
      class K { m() { inMethod(); } }
      try { inTry(); } catch (e) { inCatch(outerArg(() => inArgArrow())); }
      last();
    }
  `;

  it('visits the function body in source order without entering nested functions', () => {
    expect(calledIn(code)).toEqual(['first', 'inIf', 'inTry', 'inCatch', 'outerArg', 'last']);
  });

  it('skips the children of a node when the visitor returns false', () => {
    expect(calledIn(code, 'if')).toEqual(['first', 'inTry', 'inCatch', 'outerArg', 'last']);
  });
});

describe('contains and referencesVariable', () => {
  it('contains compares ranges', () => {
    let outer: TSESTree.Node | undefined;
    let inner: TSESTree.Node | undefined;
    let sibling: TSESTree.Node | undefined;
    probe('function f() { g(); } h();', () => ({
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        outer = node;
      },
      'CallExpression[callee.name="g"]'(node: TSESTree.CallExpression) {
        inner = node;
      },
      'CallExpression[callee.name="h"]'(node: TSESTree.CallExpression) {
        sibling = node;
      },
    }));
    expect(contains(outer!, inner!)).toBe(true);
    expect(contains(outer!, outer!)).toBe(true);
    expect(contains(inner!, outer!)).toBe(false);
    expect(contains(outer!, sibling!)).toBe(false);
  });

  it('referencesVariable finds references of a variable inside an expression', () => {
    const result = probeCalls(
      'const token = t(); const other = 1; function f(token) { q(token, 1); } q(token); q(other); q({ token }); q(() => token);',
      (context, node) => {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'q') return null;
        const moduleScope = context.sourceCode.getScope(context.sourceCode.ast).childScopes[0]!;
        return referencesVariable(node, moduleScope.set.get('token')!);
      },
    );
    expect(callResult(result, 'q(token)')).toBe(true);
    expect(callResult(result, 'q({ token })')).toBe(true);
    expect(callResult(result, 'q(() => token)')).toBe(true);
    expect(callResult(result, 'q(other)')).toBe(false);
    // The parameter shadows the module-level token.
    expect(callResult(result, 'q(token, 1)')).toBe(false);
  });
});

describe('describeEnclosingFunction', () => {
  it('names the function around a node by its declaration, variable, method or property', () => {
    const code = 'function getUser() { here(1); } const saveUser = () => { here(2); }; class Repo { find() { here(3); } } app.get("/", (req, res) => { here(4); });';
    const result = probeCalls(code, (_context, node) => describeEnclosingFunction(node));
    expect(['here(1)', 'here(2)', 'here(3)', 'here(4)'].map((t) => callResult(result, t))).toEqual(['getUser', 'saveUser', 'find', null]);
  });
});

describe('returnedValues', () => {
  it('the expression body, or every return argument of the function itself', () => {
    const out: string[][] = [];
    probe('const a = () => poll(); function b(x) { if (x) return first(); const inner = () => { return nested(); }; return; } function c() { return second(); }', (context) => {
      const record = (node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration) => {
        // Only the top-level functions: `inner` is probed through b.
        if (getEnclosingFunction(node) === null) out.push(returnedValues(node, context.sourceCode.visitorKeys).map((n) => context.sourceCode.getText(n)));
      };
      return { ArrowFunctionExpression: record, FunctionDeclaration: record };
    });
    expect(out).toEqual([['poll()'], ['first()'], ['second()']]);
  });
});

describe('isOnlyUseOfConstFunction', () => {
  it.each([
    ["const onProgress = (job) => save(job); job.on('progress', p(onProgress));", true],
    ["const onProgress = (job) => save(job); job.on('progress', p(onProgress)); job.off('progress', onProgress);", true],
    ["const onProgress = (job) => save(job); job.on('progress', p(onProgress)); job.removeListener('progress', onProgress);", true],
    ["const onProgress = (job) => save(job); job.on('progress', p(onProgress)); onProgress(job);", false],
    ["const onProgress = (job) => save(job); job.on('progress', p(onProgress)); other.on('progress', onProgress);", false],
    ["let onProgress = (job) => save(job); job.on('progress', p(onProgress));", false],
  ])('%s → %j', (code, expected) => {
    expect(ofArgument(code, (arg, context) => isOnlyUseOfConstFunction(context, arg))('p(onProgress)')).toBe(expected);
  });
});
