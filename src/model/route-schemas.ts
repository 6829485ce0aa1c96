/**
 * "Does the route's own schema make this request value a number before the handler runs?" — Hapi's
 * `validate.params` / `validate.query` (Joi: `Joi.object({ id: Joi.number().integer() })`, or a plain
 * object of Joi schemas) and Fastify's `schema.params` / `schema.querystring` (JSON Schema
 * `{ properties: { id: { type: 'integer' } } }`, TypeBox `Type.Object({ id: Type.Integer() })`). The
 * framework refuses a request whose value is no number, and converts the text to one (Joi's `convert`,
 * Ajv's `coerceTypes`, both on by default): what the handler reads cannot carry a line break.
 * Only a schema written in the file is read; one imported from another module is unknown — except the
 * schema of a data model's record identifier (`schema.models.pipeline.base.extract('id')`, see
 * `RECORD_ID_KEY`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findVariable, getPropertyName, getStringValue, getVariableInit, isFunctionNode, skipTransparent } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { isLineSafePattern } from './line-breaks.js';
import { HOLDER_KEYS, type ValidationReturn, validationCall, validationSchema } from './validated-input.js';

/** Where the value is read on the request, and where the route's schema for it lives. */
const SOURCES: Readonly<Record<string, readonly string[]>> = { params: ['params'], query: ['query', 'querystring'] };

const textCache = fileCache<boolean>();

/** `request.params.id` (also through `const id = request.params.id` / `const { id } = request.params`) typed a number by the route's schema. */
export function routeSchemaMakesNumber(context: Context, node: TSESTree.Node): boolean {
  if (!perFile(textCache, context.sourceCode, () => /\b(?:validate|schema)\s*:/u.test(context.sourceCode.text))) return false;
  const read = requestRead(context, skipTransparent(node));
  if (read === null) return false;
  // The function whose first parameter the request is (also read inside a callback nested in it: `.then(() => log(request.params.id))`).
  const handler = requestHandler(context, read.request);
  if (!handler) return false;
  const schema = routeSchema(handler, read.source);
  return schema !== null && isLineFreeSchema(context, fieldSchema(context, schema, read.key), 0);
}

/**
 * `result.value.id` of `const result = schema.validate(req.params)`, `body.count` of
 * `const body = Body.parse(req.body)` (also through `const { id } = result.value`): a field of a
 * validation's result (validated-input.ts) whose schema, written in the file, admits only line-free
 * text (a number, a boolean, a hex / UUID / alphanumeric string, an anchored pattern). General rule:
 * the validation hands back only what its schema lets through, so a field typed so cannot carry a
 * line break; a free string field, or a schema the file does not show, can.
 */
export function validatedFieldIsLineFree(context: Context, node: TSESTree.Node): boolean {
  const read = fieldRead(context, skipTransparent(node), 0);
  if (read === null) return false;
  const schema = validationSchema(read.call);
  return schema !== null && isLineFreeSchema(context, fieldSchema(context, schema, read.key), 0);
}

/** The validation call and the field key a read takes from its result. */
function fieldRead(context: Context, node: TSESTree.Node, depth: number): { call: TSESTree.CallExpression; key: string } | null {
  if (depth > 3) return null;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const key = getPropertyName(node);
    if (key === null) return null;
    const object = skipTransparent(node.object);
    // result.value.id: the holder's key first
    if (object.type === AST_NODE_TYPES.MemberExpression && HOLDER_KEYS.has(getPropertyName(object) ?? '')) {
      const call = validationOf(context, object.object, 'holder');
      if (call) return { call, key };
    }
    const call = validationOf(context, object, 'whole');
    return call ? { call, key } : null;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const' || !def.node.init) return null;
  const init = skipTransparent(def.node.init);
  if (def.node.id === def.name) return fieldRead(context, init, depth + 1);
  // const { id } = result.value, const { id } = Body.parse(req.body)
  const prop = def.name.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== def.name || prop.parent !== def.node.id) return null;
  const key = getPropertyName(prop);
  if (key === null) return null;
  const holder = init.type === AST_NODE_TYPES.MemberExpression && HOLDER_KEYS.has(getPropertyName(init) ?? '') ? validationOf(context, init.object, 'holder') : null;
  const call = holder ?? validationOf(context, init, 'whole');
  return call ? { call, key } : null;
}

/** The validation call `node` is (or a `const` holds, also awaited) when it returns `kind`. */
function validationOf(context: Context, node: TSESTree.Node, kind: ValidationReturn): TSESTree.CallExpression | null {
  let n = skipTransparent(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    const init = getVariableInit(findVariable(context, n));
    if (!init) return null;
    n = skipTransparent(init);
  }
  if (n.type === AST_NODE_TYPES.AwaitExpression) n = skipTransparent(n.argument);
  return n.type === AST_NODE_TYPES.CallExpression && validationCall(context, n)?.returns === kind ? n : null;
}

/**
 * `req.params[0]` of `app.get(/^\/page\/([a-z0-9-]+)\/action$/i, handler)`, `req.params.id` of
 * `router.get('/item/:id(\\d+)', handler)`: a route parameter whose route pattern cannot match a line
 * break, nor the `%` of an escape that Express decodes in the value it hands the handler (so `%0A` never
 * reaches it). General rule: a value the router only lets through in a line-free alphabet is line-free,
 * as one checked by an anchored pattern in the handler is. Only a handler written as the route's
 * argument (middleware between them allowed) and a pattern written there.
 */
export function routePatternExcludesLineBreaks(context: Context, node: TSESTree.Node): boolean {
  const read = requestRead(context, skipTransparent(node));
  if (read === null || read.source !== 'params') return false;
  // The function whose first parameter the request is (also read inside a callback nested in it).
  const handler = requestHandler(context, read.request);
  if (!handler) return false;
  const route = handler.parent;
  if (route?.type !== AST_NODE_TYPES.CallExpression || route.callee.type !== AST_NODE_TYPES.MemberExpression || route.arguments.length < 2 || route.arguments[0] === handler) return false;
  if (!route.arguments.includes(handler as TSESTree.CallExpressionArgument)) return false;
  const path = skipTransparent(route.arguments[0]!);
  if (path.type === AST_NODE_TYPES.Literal && 'regex' in path && path.regex) {
    // Numbered captures of a regular expression route: each is part of what the pattern matched.
    return /^\d+$/u.test(read.key) && isClosedAlphabet(path.regex.pattern, path.regex.flags);
  }
  const text = getStringValue(path);
  if (text === null) return false;
  // `:id(\\d+)`: path-to-regexp's inline pattern for one named parameter.
  const named = new RegExp(`:${read.key.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\(((?:[^()\\\\]|\\\\.)+)\\)`, 'u').exec(text);
  return named !== null && isClosedAlphabet(named[1]!, '');
}

/**
 * A pattern whose every match is drawn from a line-free alphabet without `%`: no `.` (which admits `%`),
 * no negated class or negated escape (`[^…]`, `\S`, `\W`, `\D`, `\s`), no escape of a control
 * character, and no class holding `%` or a line break (written out: `%`, CR and LF appear nowhere in it).
 */
function isClosedAlphabet(source: string, flags: string): boolean {
  if (flags.includes('s') || source.includes('%') || /[\r\n]/u.test(source)) return false;
  if (/\\[sSWDtvfnrxu0cpPbB]/u.test(source) || source.includes('[^')) return false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '.') return false;
    if (ch !== '[') continue;
    // A class, ranges included (`[ -~]` holds `%`): tried on the characters it must not admit.
    let end = i + 1;
    while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
    let admits: boolean;
    try {
      const set = new RegExp(`^${source.slice(i, end + 1)}$`, flags.replace(/[gy]/gu, ''));
      admits = ['%', '\n', '\r'].some((c) => set.test(c));
    } catch {
      admits = true;
    }
    if (admits) return false;
    i = end;
  }
  return true;
}

/** The function whose first parameter `request` is, wherever in it (or in a callback nested in it) the name is read. */
function requestHandler(context: Context, request: TSESTree.Identifier): AnyFunction | null {
  const def = findVariable(context, request)?.defs[0];
  return def?.type === 'Parameter' && isFunctionNode(def.node) && def.node.params[0] === def.name ? def.node : null;
}

interface RequestRead {
  request: TSESTree.Identifier;
  source: string;
  key: string;
}

/** `request.params.id`, or a `const` bound to it (`const id = request.params.id`, `const { id } = request.params`). */
function requestRead(context: Context, node: TSESTree.Node): RequestRead | null {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const key = getPropertyName(node);
    const object = skipTransparent(node.object);
    if (key === null || object.type !== AST_NODE_TYPES.MemberExpression) return null;
    const source = getPropertyName(object);
    const request = skipTransparent(object.object);
    return source !== null && Object.hasOwn(SOURCES, source) && request.type === AST_NODE_TYPES.Identifier ? { request, source, key } : null;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(context, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const' || !def.node.init) return null;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) {
    const init = skipTransparent(def.node.init);
    return init.type === AST_NODE_TYPES.MemberExpression ? requestRead(context, init) : null;
  }
  if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const prop = def.node.id.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.value === def.name);
  const key = prop ? getPropertyName(prop) : null;
  const init = skipTransparent(def.node.init);
  if (key === null || init.type !== AST_NODE_TYPES.MemberExpression) return null;
  const source = getPropertyName(init);
  const request = skipTransparent(init.object);
  return source !== null && Object.hasOwn(SOURCES, source) && request.type === AST_NODE_TYPES.Identifier ? { request, source, key } : null;
}

/**
 * The schema of `source` in the route that `handler` serves: Hapi's `{ handler, validate: { params } }`
 * (also in the route's `options` / `config` beside `handler`), Fastify's `route({ schema: { params }, handler })`
 * or `fastify.get(path, { schema: { params } }, handler)`.
 */
function routeSchema(handler: TSESTree.Node, source: string): TSESTree.Node | null {
  const parent = handler.parent;
  const containers: TSESTree.ObjectExpression[] = [];
  if (parent?.type === AST_NODE_TYPES.Property && getPropertyName(parent) === 'handler' && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const object = parent.parent;
    containers.push(object);
    // { method, path, options: { validate }, handler } and { options: { handler, validate } } inside the route
    for (const key of ['options', 'config']) {
      const inner = property(object, key);
      if (inner?.type === AST_NODE_TYPES.ObjectExpression) containers.push(inner);
    }
    const outer = object.parent?.type === AST_NODE_TYPES.Property ? object.parent.parent : null;
    if (outer?.type === AST_NODE_TYPES.ObjectExpression) containers.push(outer);
  } else if (parent?.type === AST_NODE_TYPES.CallExpression) {
    const index = parent.arguments.indexOf(handler as TSESTree.CallExpressionArgument);
    const options = index > 0 ? skipTransparent(parent.arguments[index - 1]!) : null;
    if (options?.type === AST_NODE_TYPES.ObjectExpression) containers.push(options);
  }
  for (const container of containers) {
    for (const key of ['validate', 'schema']) {
      const block = property(container, key);
      if (block?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const name of SOURCES[source]!) {
        const schema = property(block, name);
        if (schema) return schema;
      }
    }
  }
  return null;
}

function property(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | null {
  for (const p of object.properties) {
    if (p.type === AST_NODE_TYPES.Property && !p.computed && getPropertyName(p) === key) return skipTransparent(p.value);
  }
  return null;
}

/** The schema of one field: `Joi.object({ id: … })`, `Type.Object({ id: … })`, `{ id: … }`, `{ type: 'object', properties: { id: … } }`. */
function fieldSchema(context: Context, raw: TSESTree.Node, key: string): TSESTree.Node | null {
  const schema = resolveConst(context, raw);
  if (schema.type === AST_NODE_TYPES.CallExpression) {
    // Joi.object({ … }).unknown(), Type.Object({ … }): the first object argument down the chain
    let call: TSESTree.Node = schema;
    while (call.type === AST_NODE_TYPES.CallExpression) {
      const first = call.arguments[0] ? skipTransparent(call.arguments[0]) : null;
      const callee = skipTransparent(call.callee);
      if (first?.type === AST_NODE_TYPES.ObjectExpression && callee.type === AST_NODE_TYPES.MemberExpression && /^(?:object|Object|keys)$/u.test(getPropertyName(callee) ?? '')) return property(first, key);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      call = skipTransparent(callee.object);
    }
    return null;
  }
  if (schema.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const properties = property(schema, 'properties');
  if (properties?.type === AST_NODE_TYPES.ObjectExpression) return property(properties, key);
  return property(schema, key);
}

/** Joi / zod string rules that admit only line-free text: `Joi.string().hex()`, `.guid()`, `z.string().uuid()`. */
const LINE_FREE_STRING_RULES = new Set(['hex', 'guid', 'uuid', 'alphanum', 'token', 'base64', 'isoDate', 'isoDuration', 'hostname', 'ip', 'cuid', 'cuid2', 'ulid', 'datetime']);

/**
 * `Joi.number().integer()`, `joi.boolean()`, `Type.Integer()`, `Type.Number()`, `{ type: 'integer' }`,
 * `Joi.string().hex()`, `z.string().uuid()`, `Joi.string().pattern(/^[a-z]+$/)`, `{ type: 'string', format: 'uuid' }`,
 * through `const`s: a schema whose every accepted value is free of line breaks.
 */
function isLineFreeSchema(context: Context, raw: TSESTree.Node | null, depth: number): boolean {
  if (raw === null || depth > 3) return false;
  const schema = resolveConst(context, raw);
  if (schema.type === AST_NODE_TYPES.ObjectExpression) {
    const type = property(schema, 'type');
    const text = type ? getStringValue(type) : null;
    if (text === 'integer' || text === 'number' || text === 'boolean') return true;
    const format = property(schema, 'format');
    const pattern = property(schema, 'pattern');
    return text === 'string' && ((format !== null && LINE_FREE_STRING_RULES.has(getStringValue(format) ?? '')) || (pattern !== null && isAnchoredLineFree(getStringValue(pattern))));
  }
  // model.extract('id'): the field's schema where the model is written in the file, else a record identifier's
  const extract = extractCall(schema);
  if (extract) {
    const field = fieldSchema(context, extract.model, extract.key);
    return field !== null ? isLineFreeSchema(context, field, depth + 1) : RECORD_ID_KEY.test(extract.key);
  }
  // The innermost call of the chain names the type: Joi.number().integer().min(1) starts with number().
  let call: TSESTree.Node = schema;
  let lineFreeRule = false;
  while (call.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = getPropertyName(callee) ?? '';
    const arg = call.arguments[0];
    if (LINE_FREE_STRING_RULES.has(name) || ((name === 'pattern' || name === 'regex') && arg !== undefined && isLineSafePattern(context, arg))) lineFreeRule = true;
    const object = skipTransparent(callee.object);
    if (object.type !== AST_NODE_TYPES.CallExpression) return /^(?:number|integer|boolean|Number|Integer|Boolean)$/u.test(name) || (lineFreeRule && /^(?:string|String)$/u.test(name));
    call = object;
  }
  return false;
}

/**
 * `id`, `_id`, `pipelineId`, `event_id`: the key of a record's identifier. `schema.models.pipeline.base.extract('id')`
 * (Joi) is the schema of a data model's record identifier, from a model the file does not show (another
 * module's). General rule: a record's identifier is the key its store generates or the application assigns
 * (an integer, a UUID, an ObjectId, a slug), and a route that validates its parameter with that field's
 * schema admits only such keys; no key format holds a line break. The model's other fields
 * (`extract('name')`, `extract('description')`) stay unknown: free text.
 */
const RECORD_ID_KEY = /^(?:_?id|[a-z][A-Za-z0-9]*(?:Id|_id))$/u;

/** `<model>.extract('<key>')`: Joi's schema of one field of an object schema. */
function extractCall(schema: TSESTree.Node): { model: TSESTree.Node; key: string } | null {
  if (schema.type !== AST_NODE_TYPES.CallExpression || schema.arguments.length !== 1) return null;
  const callee = skipTransparent(schema.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'extract') return null;
  const key = getStringValue(schema.arguments[0]!);
  return key === null ? null : { model: callee.object, key };
}

/** A JSON Schema `pattern` (a string, unanchored by the standard unless written so) that admits only line-free text. */
function isAnchoredLineFree(source: string | null): boolean {
  return source !== null && source.startsWith('^') && source.endsWith('$') && !source.endsWith('\\$') && isClosedAlphabet(source.slice(1, -1), '');
}

/** A `const` identifier's initializer (`const idSchema = Joi.number()`), else the node itself. */
function resolveConst(context: Context, node: TSESTree.Node): TSESTree.Node {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return n;
  const init = getVariableInit(findVariable(context, n));
  return init && !isFunctionNode(init) ? skipTransparent(init) : n;
}
