/**
 * Registration APIs that await what a handler returns, although they are spelled like an emitter's
 * `on(event, fn)`. An EventEmitter calls its listeners and drops what they return, so a rejected
 * async listener is an unhandled rejection; a dispatcher runs its handlers inside a promise it awaits
 * and hands their rejection to whoever sent the event or request. Two kinds of evidence say a handler
 * runs in a dispatcher:
 *
 * - its shape: a handler that takes a `next` continuation after its payload (`on('*', async (req,
 *   next) => … await next() …)`) is a link in a chain of handlers the dispatcher runs and continues from
 *   (Koa/Express-style middleware); no emitter hands its listeners a continuation;
 * - the package the receiver comes from: a SAP CAP service (`@sap/cds`): `srv.on(event, handler)`
 *   registers a handler `srv.dispatch()` awaits (`await srv.emit(…)` / `await srv.send(…)` reject with
 *   the handler's error). A service is `this` in a class extending one of the package's classes
 *   (`class X extends cds.Service`, `cds.ApplicationService`) or in a function handed to
 *   `cds.service.impl(…)`, a parameter of a callback handed to the package (`cds.on('serving', (srv) =>
 *   …)`, `cds.service.impl((srv) => …)`), or a variable the package hands out (`await cds.connect.to(…)`,
 *   `cds.services.X`). The `cds` object itself is a plain EventEmitter (`cds.on('serving', …)`): not a
 *   service;
 * - an Emittery emitter (`new Emittery()`, `this` in a class extending it): `await emitter.emit(…)` awaits every
 *   listener and rejects with the first listener's error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, findEnclosingClass, findVariable, getCreationCall, getRootIdentifier, isFunctionNode, skipTransparent } from './ast.js';
import { getImportSource } from './modules.js';
import { packageRoot } from './process-handlers.js';

const CAP_MODULE = /^@sap\/cds(?:\/|$)/u;
/** The package's name, read once per package root. */
const packageNames = new Map<string, string | null>();

/** A handler whose parameters after the first include a `next` continuation: a link of a middleware chain. */
export function takesContinuation(fn: AnyFunction): boolean {
  return fn.params.slice(1).some((p) => p.type === AST_NODE_TYPES.Identifier && p.name === 'next');
}

/** Whether `receiver` (of `receiver.on(…)`) awaits the handlers registered on it: a SAP CAP service, an Emittery emitter. */
export function awaitsHandlers(context: Context, receiver: TSESTree.Node): boolean {
  return isCapService(context, receiver) || isEmittery(context, receiver);
}

const EMITTERY = new Set(['emittery']);

/** `new Emittery()` (held by the receiver), or `this` in a class extending Emittery. */
function isEmittery(context: Context, receiver: TSESTree.Node): boolean {
  const node = skipTransparent(receiver);
  const root = node.type === AST_NODE_TYPES.ThisExpression ? superClassRoot(node) : createdFrom(context, node);
  const source = root ? getImportSource(context, root) : null;
  return source !== null && EMITTERY.has(source.source);
}

/** The name a class around `this` extends (`Emittery` of `class Bus extends Emittery`). */
function superClassRoot(node: TSESTree.ThisExpression): TSESTree.Identifier | null {
  const cls = findEnclosingClass(node);
  return cls?.superClass ? getRootIdentifier(cls.superClass) : null;
}

/** The class a receiver is a `new` instance of (`new Emittery()`, held by a variable or written in place). */
function createdFrom(context: Context, node: TSESTree.Node): TSESTree.Identifier | null {
  const creation = getCreationCall(context, node);
  return creation?.type === AST_NODE_TYPES.NewExpression ? getRootIdentifier(creation.callee) : null;
}

/** Whether `receiver` (of `receiver.on(…)`) is a SAP CAP service, whose dispatcher awaits its handlers. */
export function isCapService(context: Context, receiver: TSESTree.Node): boolean {
  const node = skipTransparent(receiver);
  if (node.type === AST_NODE_TYPES.ThisExpression) return capThis(context, node);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  if (isCapBinding(context, node)) return false;
  const variable = findVariable(context, node);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type === 'Parameter') return handedToCap(context, def.node as AnyFunction);
  if (def.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return false;
  // `const srv = await cds.connect.to('db')`, `const { db } = cds.services` is not an identifier id: skipped.
  let init = skipTransparent(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
  const root = getRootIdentifier(init, true);
  return root !== null && init !== root && isCapBinding(context, root);
}

/** `this` in a class extending the package's class, or in a function handed to `cds.service.impl(…)`. */
function capThis(context: Context, node: TSESTree.ThisExpression): boolean {
  // The function whose `this` this is: arrows are crossed.
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !(isFunctionNode(fn) && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression)) fn = fn.parent;
  if (!fn) return false;
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const cls = findEnclosingClass(fn);
    const root = cls?.superClass ? getRootIdentifier(cls.superClass) : null;
    return root !== null && isCapBinding(context, root);
  }
  return handedToCap(context, fn as AnyFunction);
}

/** A function passed as an argument to a call on the package's object (`cds.service.impl(fn)`, `cds.on('serving', fn)`). */
function handedToCap(context: Context, fn: AnyFunction): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.Expression)) return false;
  const root = getRootIdentifier(call.callee);
  return root !== null && isCapBinding(context, root);
}

/** `cds` bound to `require('@sap/cds')`, or, inside the @sap/cds package itself, to a relative module of it. */
function isCapBinding(context: Context, id: TSESTree.Identifier): boolean {
  const source = getImportSource(context, id);
  if (!source) return false;
  if (CAP_MODULE.test(source.source)) return true;
  return id.name === 'cds' && source.source.startsWith('.') && ownPackageName(context) === '@sap/cds';
}

function ownPackageName(context: Context): string | null {
  const root = packageRoot(join(context.filename, '..'));
  if (root === null) return null;
  let name = packageNames.get(root);
  if (name === undefined) {
    try {
      const parsed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown };
      name = typeof parsed.name === 'string' ? parsed.name : null;
    } catch {
      name = null;
    }
    packageNames.set(root, name);
  }
  return name;
}
