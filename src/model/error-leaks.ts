/**
 * "Which details of a caught error does this response payload carry?" — the leaks of
 * no-error-details-in-response, each with where the error is read, where it enters the payload,
 * and every node whose guards count.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, contains, findVariable, getMemberPath, getPropertyName, isFunctionNode, lastSegment, resolveFunction, skipTransparent, unwrapIndirectCall, walkSameFunction } from './ast.js';
import { fileCache, perFileMap } from './file-cache.js';
import { type ResponseSink, isFastifyReplyName } from './responses.js';
import { unknownErrorOf } from './unknown-errors.js';
import { isErrorTextHelper } from './errors.js';
import { getImportSource } from './modules.js';

/** What of the error reaches the client: its message, its stack, the object, or its text (class and message). */
export type LeakForm = 'message' | 'stack' | 'whole' | 'string';

/** One place a caught error's details enter a response payload. */
export interface Leak {
  form: LeakForm;
  /** Where the error is read (`err.message`). */
  read: TSESTree.Node;
  /** The expression inside the sink's payload that carries it (the read, or a variable holding it). */
  use: TSESTree.Node;
  /** Every node whose guards count: the read, the writes of variables it passed through, the use. */
  sites: TSESTree.Node[];
  error: TSESLint.Scope.Variable;
}


/** Calls that escape text for HTML, XML or a URL and return it: `htmlEscape`, `escapeHtml`, `escape`, `he.encode`, `encodeURIComponent`. */
const ESCAPING_CALL = /^(?:html|xml)?(?:escape|encode)(?:html|xml|uri|uricomponent|entities|special(?:chars)?)?$/iu;

/** Template engines whose render call (or default export) fills a template with the data it is given. */
const TEMPLATE_MODULES = new Set(['art-template', 'ejs', 'pug', 'nunjucks', 'handlebars', 'mustache', 'eta', 'squirrelly', 'liquidjs', 'hogan.js']);

/**
 * Helpers named for building a message or a page: `format500ErrorMessage`, `buildErrorPage`, `generateErrorHtml`.
 * Not `render…`: a render function of an unknown module fills a template, which decides what it shows.
 */
const MESSAGE_BUILDER = /^(?:format|build|make|compose|generate)\w*(?:Message|Text|Html|Page)$/u;

/** String methods that return (a piece of) the text they are called on. */
const TEXT_PIECES = new Set(['trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'substr', 'toLowerCase', 'toUpperCase', 'normalize', 'padEnd', 'padStart', 'concat', 'split', 'at']);

/** `art(file, data)`, `ejs.render(text, data)`, `nunjucks.renderString(text, data)`: a template engine rendering its data. */
function isTemplateRender(context: Context, callee: TSESTree.Node): boolean {
  const c = skipTransparent(callee);
  if (c.type === AST_NODE_TYPES.MemberExpression && !/^render(?:File|String)?$/u.test(getPropertyName(c) ?? '')) return false;
  const root = skipTransparent(c.type === AST_NODE_TYPES.MemberExpression ? c.object : c);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const source = getImportSource(context, root)?.source;
  return source !== undefined && TEMPLATE_MODULES.has(source);
}

/**
 * Every place `payload` (a response sink's payload) carries a caught error's details: the error
 * itself, its `message` or `stack`, its text (`String(err)`, `${err}`, `getErrorMessage(err)`), through
 * objects, arrays, ternaries, fallbacks, `JSON.stringify`, `Object.assign`, a template filled by `.replace()`
 * or rendered by a template engine (`art(file, { message })`) and variables that hold them. Appends to `out`.
 */
export function collectLeaks(context: Context, payload: TSESTree.Node, sink: ResponseSink, out: Leak[]): void {
  const seen = new Set<TSESTree.Node>();
  const expanding = new Set<TSESLint.Scope.Variable>();
  const visit = (raw: TSESTree.Node, use: TSESTree.Node | null, sites: readonly TSESTree.Node[], depth: number): void => {
    if (depth > 6 || seen.has(raw)) return;
    seen.add(raw);
    const n = skipTransparent(raw);
    const at = use ?? raw;
    const leak = (form: LeakForm, read: TSESTree.Node, error: TSESLint.Scope.Variable) =>
      out.push({ form, read, use: at, sites: [...sites, read, at], error });
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const error = unknownErrorOf(context, n);
        if (error) {
          // Fastify's reply.send(err) hands the error to the error handler; sendError(res, err) to a helper that decides what of it to send.
          const handedOn = (sink.helper || (sink.receiver && isFastifyReplyName(sink.receiver.name))) && sink.payload.includes(raw as TSESTree.Expression);
          if (!handedOn) leak('whole', raw, error);
          return;
        }
        const destructured = destructuredCatchField(context, n);
        if (destructured) {
          leak(destructured.form, raw, destructured.error);
          return;
        }
        // A variable holding it: const message = err.message; let body = …
        const variable = findVariable(context, n);
        if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return;
        // `message = responseObj.message || message`: the variable's own earlier value, whose writes are visited here already
        // (read again through this write, a leak would take on that write's guards).
        if (expanding.has(variable)) return;
        const def = variable.defs[0]!;
        if (def.node.id !== def.name) return;
        const writes: TSESTree.Node[] = [];
        if (def.node.init) writes.push(def.node.init);
        for (const ref of variable.references) {
          const parent = ref.identifier.parent;
          if (!ref.init && ref.isWrite() && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) writes.push(parent.right);
        }
        expanding.add(variable);
        for (const write of writes) visit(write, at, [...sites, write], depth + 1);
        expanding.delete(variable);
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const object = skipTransparent(n.object);
        // err.message.split('\n')[0]: an element of the pieces is a piece of the text
        if (n.computed && object.type === AST_NODE_TYPES.CallExpression) {
          visit(object, use, sites, depth + 1);
          return;
        }
        if (object.type !== AST_NODE_TYPES.Identifier) return;
        const error = unknownErrorOf(context, object);
        if (!error) return;
        const name = getPropertyName(n);
        if (name === 'message' || name === 'stack') leak(name, n, error);
        return;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        for (const e of n.expressions) visitText(e);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') {
          visitText(n.left);
          visitText(n.right);
        }
        return;
      case AST_NODE_TYPES.ObjectExpression:
        for (const prop of n.properties) {
          if (prop.type === AST_NODE_TYPES.Property) visit(prop.value, null, sites, depth + 1);
          else visit(prop.argument, null, sites, depth + 1);
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const e of n.elements) if (e) visit(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e, null, sites, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        visit(n.consequent, use, sites, depth + 1);
        visit(n.alternate, use, sites, depth + 1);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        visit(n.left, use, sites, depth + 1);
        visit(n.right, use, sites, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression: {
        // `(0, util_1.escapeHtml)(err.message)`: compiled code calls an imported function through the indirect form.
        const path = getMemberPath(unwrapIndirectCall(n.callee));
        const arg = n.arguments[0];
        const callee = skipTransparent(n.callee);
        // String(err), err.toString()
        if (path === 'String' && arg) {
          const error = errorIdentifier(arg);
          if (error) leak('string', n, error);
          else visit(arg, use, sites, depth + 1);
          return;
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'toString') {
          const error = errorIdentifier(callee.object);
          if (error) leak('string', n, error);
          return;
        }
        // getErrorMessage(e), errorToString(e), toErrorText(e): the app's own helpers that turn a caught error into text
        if (path !== null && isErrorTextHelper(lastSegment(path))) {
          for (const a of n.arguments) {
            const error = a.type === AST_NODE_TYPES.SpreadElement ? null : errorIdentifier(a);
            if (error) {
              leak('string', n, error);
              return;
            }
          }
        }
        // htmlEscape(err.message), escapeHtml(…), he.encode(…), encodeURIComponent(…): escaped for the page or the URL, still the message
        if (path !== null && ESCAPING_CALL.test(lastSegment(path)) && arg && arg.type !== AST_NODE_TYPES.SpreadElement) {
          visitText(arg);
          return;
        }
        // Object.assign({ error: err.message }, err.details): every source's fields reach the payload; a template engine renders its data into the page
        if (path === 'Object.assign' || isTemplateRender(context, callee)) {
          for (const a of n.arguments) visit(a.type === AST_NODE_TYPES.SpreadElement ? a.argument : a, null, sites, depth + 1);
          return;
        }
        // format500ErrorMessage(err.message), buildErrorPage(title, error.message): a helper named for building a message
        // or a page from the text it is given (an imported one included) returns it inside
        if (path !== null && MESSAGE_BUILDER.test(lastSegment(path))) {
          for (const a of n.arguments) if (a.type !== AST_NODE_TYPES.SpreadElement) visitText(a);
          return;
        }
        // err.message.trim(), err.message.slice(0, 200), String(err).split('\n')[0]: a piece of the text is the text
        if (callee.type === AST_NODE_TYPES.MemberExpression && TEXT_PIECES.has(getPropertyName(callee) ?? '')) {
          visit(callee.object, use, sites, depth + 1);
          return;
        }
        // page.replace(/{{ERROR_BODY}}/g, escapeHtml(err.message)): a template filled with the text
        if (callee.type === AST_NODE_TYPES.MemberExpression && /^replace(?:All)?$/u.test(getPropertyName(callee) ?? '') && n.arguments[1] && n.arguments[1].type !== AST_NODE_TYPES.SpreadElement) {
          visitText(n.arguments[1]);
          visit(callee.object, use, sites, depth + 1);
          return;
        }
        if (path !== null && /^(?:JSON\.stringify|util\.inspect|inspect|serializeError|util\.format|format)$/u.test(path)) {
          for (const a of n.arguments) if (a.type !== AST_NODE_TYPES.SpreadElement) visit(a, use, sites, depth + 1);
          return;
        }
        // res.send(this.renderCallbackPage(false, message)), res.send(errorPage(err.message)): a same-file function builds
        // what it returns from the arguments it is given — a value built from an error's text still carries it.
        for (const index of argumentsCarriedByCall(context, n)) {
          const a = n.arguments[index];
          if (a && a.type !== AST_NODE_TYPES.SpreadElement) visit(a, use, sites, depth + 1);
        }
        return;
      }
      default:
        return;
    }

    function visitText(e: TSESTree.Node): void {
      const error = errorIdentifier(e);
      const x = skipTransparent(e);
      if (error) leak('string', e, error);
      // `${e?.message || e}`, `${err ? err : 'unknown'}`: either side is written as text
      else if (x.type === AST_NODE_TYPES.LogicalExpression) [x.left, x.right].forEach(visitText);
      else if (x.type === AST_NODE_TYPES.ConditionalExpression) [x.consequent, x.alternate].forEach(visitText);
      else visit(e, use, sites, depth + 1);
    }
  };
  const errorIdentifier = (node: TSESTree.Node): TSESLint.Scope.Variable | null => {
    const n = skipTransparent(node);
    return n.type === AST_NODE_TYPES.Identifier ? unknownErrorOf(context, n) : null;
  };
  visit(payload, null, [], 0);
}

/**
 * Whether collectLeaks could find a leak in `node`, read from its shape alone (no look-up): false only for
 * a value its `visit` ends at without reading anything — a literal, `this`, a function, `new X()`, a
 * comparison or negation, a member read that is not `message` / `stack` of a plain name (`req.body`,
 * `this.x`, `a.b.c`), a template or an object, array, ternary, fallback or concatenation made only of
 * such values. A name, a call or `err.message` may carry one (what it holds is decided by look-ups).
 * Kept beside collectLeaks: every case its `visit` follows must answer true here (tests/model/leak-gate.test.ts).
 */
export function mayCarryLeak(node: TSESTree.Node): boolean {
  // Asked for every argument of every call of a file: plain loops, the common shapes first.
  const n = skipTransparent(node);
  switch (n.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.CallExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression: {
      if (n.computed && skipTransparent(n.object).type === AST_NODE_TYPES.CallExpression) return true;
      if (skipTransparent(n.object).type !== AST_NODE_TYPES.Identifier) return false;
      const name = getPropertyName(n);
      return name === 'message' || name === 'stack';
    }
    case AST_NODE_TYPES.ObjectExpression:
      for (const prop of n.properties) if (mayCarryLeak(prop.type === AST_NODE_TYPES.Property ? prop.value : prop.argument)) return true;
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      for (const e of n.expressions) if (mayCarryLeak(e)) return true;
      return false;
    case AST_NODE_TYPES.BinaryExpression:
      return n.operator === '+' && (mayCarryLeak(n.left) || mayCarryLeak(n.right));
    case AST_NODE_TYPES.ArrayExpression:
      for (const e of n.elements) if (e !== null && mayCarryLeak(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e)) return true;
      return false;
    case AST_NODE_TYPES.ConditionalExpression:
      return mayCarryLeak(n.consequent) || mayCarryLeak(n.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return mayCarryLeak(n.left) || mayCarryLeak(n.right);
    default:
      return false;
  }
}

const NO_PARAMS: ReadonlySet<number> = new Set();
const carriedCache = fileCache<Map<AnyFunction, ReadonlySet<number>>>();

/**
 * The indices of the arguments whose value the same-file function (or `this.method`) a call runs
 * puts into what it returns: a page, text or object built from a parameter (template literal,
 * concatenation, object or array, a ternary or fallback, `JSON.stringify`, an escaping call, a local
 * variable initialised from one, another same-file function that carries it). Not for an async or
 * generator function (what it returns is a promise or an iterator), nor a recursive call.
 */
function argumentsCarriedByCall(context: Context, call: TSESTree.CallExpression): ReadonlySet<number> {
  if (call.arguments.length === 0) return NO_PARAMS;
  const fn = resolveFunction(context, call.callee);
  if (!fn || fn.async || fn.generator || contains(fn, call)) return NO_PARAMS;
  return carriedParams(context, fn);
}

function carriedParams(context: Context, fn: AnyFunction): ReadonlySet<number> {
  const answers = perFileMap(carriedCache, context.sourceCode);
  const cached = answers.get(fn);
  if (cached) return cached;
  // A function that reaches itself is answered "none" on the way.
  answers.set(fn, NO_PARAMS);
  const result = computeCarriedParams(context, fn);
  answers.set(fn, result);
  return result;
}

function computeCarriedParams(context: Context, fn: AnyFunction): ReadonlySet<number> {
  if (!isFunctionNode(fn) || !fn.params.some((p) => p.type === AST_NODE_TYPES.Identifier || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier))) return NO_PARAMS;
  const returned: TSESTree.Node[] = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
  else
    walkSameFunction(
      fn.body,
      (node) => {
        if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
      },
      context.sourceCode.visitorKeys,
    );
  if (returned.length === 0) return NO_PARAMS;
  const found = new Set<number>();
  const seen = new Set<TSESTree.Node>();
  const carry = (raw: TSESTree.Node, depth: number): void => {
    if (depth > 6 || seen.has(raw)) return;
    seen.add(raw);
    const n = skipTransparent(raw);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = findVariable(context, n);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (!variable || !def) return;
        if (def.type === 'Parameter' && def.node === fn) {
          // A parameter the body reassigns no longer holds what the caller gave.
          if (variable.references.some((r) => r.isWrite() && !r.init)) return;
          const index = fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name));
          if (index !== -1) found.add(index);
          return;
        }
        // const message = JSON.stringify({ error }); return `…${message}…`
        if (def.type === 'Variable' && def.node.id === def.name && def.node.init && contains(fn, def.node)) carry(def.node.init, depth + 1);
        return;
      }
      case AST_NODE_TYPES.TemplateLiteral:
        n.expressions.forEach((e) => carry(e, depth + 1));
        return;
      case AST_NODE_TYPES.TaggedTemplateExpression:
        n.quasi.expressions.forEach((e) => carry(e, depth + 1));
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') [n.left, n.right].forEach((e) => carry(e, depth + 1));
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        [n.consequent, n.alternate].forEach((e) => carry(e, depth + 1));
        return;
      case AST_NODE_TYPES.LogicalExpression:
        [n.left, n.right].forEach((e) => carry(e, depth + 1));
        return;
      case AST_NODE_TYPES.ObjectExpression:
        for (const prop of n.properties) carry(prop.type === AST_NODE_TYPES.Property ? prop.value : prop.argument, depth + 1);
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const e of n.elements) if (e) carry(e.type === AST_NODE_TYPES.SpreadElement ? e.argument : e, depth + 1);
        return;
      case AST_NODE_TYPES.CallExpression: {
        const path = getMemberPath(unwrapIndirectCall(n.callee));
        const first = n.arguments[0];
        if (path !== null && (/^(?:JSON\.stringify|String)$/u.test(path) || ESCAPING_CALL.test(lastSegment(path))) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
          carry(first, depth + 1);
          return;
        }
        const callee = skipTransparent(n.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && /^replace(?:All)?$/u.test(getPropertyName(callee) ?? '')) {
          if (n.arguments[1] && n.arguments[1].type !== AST_NODE_TYPES.SpreadElement) carry(n.arguments[1], depth + 1);
          carry(callee.object, depth + 1);
          return;
        }
        for (const index of argumentsCarriedByCall(context, n)) {
          const a = n.arguments[index];
          if (a && a.type !== AST_NODE_TYPES.SpreadElement) carry(a, depth + 1);
        }
        return;
      }
      default:
        return;
    }
  };
  for (const value of returned) carry(value, 0);
  return found.size === 0 ? NO_PARAMS : found;
}

/** `catch ({ message })`: a field read straight off the caught error. */
function destructuredCatchField(context: Context, id: TSESTree.Identifier): { form: LeakForm; error: TSESLint.Scope.Variable } | null {
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'CatchClause' || def.node.param === def.name) return null;
  const prop = def.name.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.parent?.type !== AST_NODE_TYPES.ObjectPattern || prop.parent !== def.node.param) return null;
  const key = getPropertyName(prop);
  return key === 'message' || key === 'stack' ? { form: key, error: variable } : null;
}
