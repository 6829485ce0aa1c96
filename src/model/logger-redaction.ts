/**
 * Which record paths does the pino logger behind a log call censor with `redact`? The logger may
 * be a `pino({ redact })` (or a `.child()` of one) reached through `const`s, or a request / app
 * logger (`req.log`, `request.log`, `reply.log`, `app.log`, `fastify.log`) made by pino-http,
 * express-pino-logger, koa-pino-logger, hono-pino or Fastify, whose own `redact` or whose given
 * pino logger's `redact` counts.
 *
 * The factories are the calls the rule sees while it walks the file (`noteCall`); the answer is
 * asked for at `Program:exit`, so every factory of the file is known by then.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getMemberPath, getPropertyName, getStringValue, getVariableInit, lastSegment, skipTransparent } from './ast.js';
import { type RedactPattern, parseRedactPath } from './log-serializers.js';
import { namesModule } from './job-runners.js';
import { getImportSource, getRequiredModule } from './modules.js';


/** What a logger factory call makes: a pino logger, a pino-based HTTP request logger, or a Fastify app. */
export type LoggerFactoryKind = 'pino' | 'http' | 'fastify';

interface LoggerFactory {
  kind: LoggerFactoryKind;
  call: TSESTree.CallExpression;
}

/** Logger objects that pino-http / Fastify hand to request handlers. */
const REQUEST_LOGGER_OWNERS = /^(?:req|request|reply|res|ctx|c)$/u;
const APP_LOGGER_OWNERS = /^(?:app|fastify|server|instance)$/u;

/** The pino redaction of one file's loggers. Per-file state only: the factories this file creates. */
export interface LoggerRedaction {
  /** Record `call` when it creates a pino, pino-http or Fastify logger. Call for every call in the file. */
  noteCall(call: TSESTree.CallExpression): void;
  /** The paths the logger of `logger.info(…)` censors, or null when none are known. */
  redactionFor(call: TSESTree.CallExpression): RedactPattern[] | null;
}

/** Every module kindOfModule knows, for the per-file text check. */
const FACTORY_MODULES: ReadonlySet<string> = new Set(['pino', 'pino-http', 'express-pino-logger', 'koa-pino-logger', 'hono-pino', 'fastify']);
/** The conventional factory names getLoggerFactoryKind accepts when a name is not imported. */
const FACTORY_NAME = /^(?:pino|pinoHttp|expressPino|pinoLogger|[Ff]astify)$/u;

/** The kind of logger a module's factory makes: `pino`, `pino-http` and its kin, `fastify`. */
function kindOfModule(module: string): LoggerFactoryKind | null {
  if (module === 'pino') return 'pino';
  if (/^(?:pino-http|express-pino-logger|koa-pino-logger|hono-pino)$/u.test(module)) return 'http';
  if (module === 'fastify') return 'fastify';
  return null;
}

/**
 * The kind of logger `call` creates: `pino(…)`, `require('pino')(…)`, `pinoHttp(…)`,
 * `Fastify(…)` — by the module its callee is imported from, else by its conventional name.
 */
export function getLoggerFactoryKind(context: Context, call: TSESTree.CallExpression): LoggerFactoryKind | null {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    const module = getRequiredModule(callee);
    return module === null ? null : kindOfModule(module);
  }
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : callee;
  // Only names that can be a logger factory are resolved: this runs for every call in the file.
  if (root.type !== AST_NODE_TYPES.Identifier || !/pino|fastify|http|log/iu.test(root.name)) return null;
  // Without a factory module named in the file, an import gives no kind and only the name checks below can answer.
  if (!namesModule(context, FACTORY_MODULES) && (callee.type !== AST_NODE_TYPES.Identifier || !FACTORY_NAME.test(callee.name))) return null;
  const module = getImportSource(context, root)?.source ?? null;
  if (module !== null) return kindOfModule(module);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  if (callee.name === 'pino') return 'pino';
  if (/^(?:pinoHttp|expressPino|pinoLogger)$/u.test(callee.name)) return 'http';
  if (/^[Ff]astify$/u.test(callee.name)) return 'fastify';
  return null;
}

/** The redaction reader of one file (see the module comment). */
export function createLoggerRedaction(context: Context): LoggerRedaction {
  const factories = new Map<TSESTree.CallExpression, LoggerFactory>();

  return {
    noteCall(call) {
      const kind = getLoggerFactoryKind(context, call);
      if (kind) factories.set(call, { kind, call });
    },
    redactionFor,
  };

  /** An options object, directly or through `const`s. */
  function resolveObject(node: TSESTree.Node | undefined, depth = 0): TSESTree.ObjectExpression | null {
    if (!node || depth > 3) return null;
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.ObjectExpression) return n;
    if (n.type === AST_NODE_TYPES.Identifier) return resolveObject(getVariableInit(findVariable(context, n)) ?? undefined, depth + 1);
    return null;
  }

  /** The value of property `name` of an options object. */
  function property(object: TSESTree.ObjectExpression | null, name: string): TSESTree.Node | null {
    if (!object) return null;
    for (const p of object.properties) {
      if (p.type === AST_NODE_TYPES.Property && getPropertyName(p) === name) return p.value;
    }
    return null;
  }

  /** The paths of a `redact` value: an array of strings, `{ paths: [...] }`, or a `const` holding either. */
  function readPatterns(node: TSESTree.Node | null, depth = 0): RedactPattern[] {
    if (!node || depth > 3) return [];
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      const init = getVariableInit(findVariable(context, n));
      return init ? readPatterns(init, depth + 1) : [];
    }
    if (n.type === AST_NODE_TYPES.ObjectExpression) return readPatterns(property(n, 'paths'), depth + 1);
    if (n.type !== AST_NODE_TYPES.ArrayExpression) return [];
    const out: RedactPattern[] = [];
    for (const el of n.elements) {
      const value = el ? getStringValue(el) : null;
      if (value !== null) out.push(parseRedactPath(value));
    }
    return out;
  }

  /** The pino logger (or child) a logger expression was created from, and its censored paths. */
  function pinoPatterns(node: TSESTree.Node, depth = 0): RedactPattern[] | null {
    if (depth > 5) return null;
    const n = skipTransparent(node);
    if (n.type === AST_NODE_TYPES.Identifier) {
      const init = getVariableInit(findVariable(context, n));
      return init ? pinoPatterns(init, depth + 1) : null;
    }
    if (n.type !== AST_NODE_TYPES.CallExpression) return null;
    const factory = factories.get(n);
    if (factory?.kind === 'pino') return readPatterns(property(resolveObject(n.arguments[0]), 'redact'));
    const callee = skipTransparent(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'child') return pinoPatterns(callee.object, depth + 1);
    return null;
  }

  /** Censored paths of a pino-http or Fastify logger: its own `redact` or that of the pino logger it was given. */
  function factoryPatterns(factory: LoggerFactory): RedactPattern[] {
    const options = resolveObject(factory.call.arguments[0]);
    const loggerOption = factory.kind === 'fastify' ? property(options, 'logger') ?? property(options, 'loggerInstance') : property(options, 'logger');
    const own = factory.kind === 'fastify' ? readPatterns(property(resolveObject(loggerOption ?? undefined), 'redact')) : readPatterns(property(options, 'redact'));
    const given = loggerOption ? pinoPatterns(loggerOption) ?? [] : [];
    return [...own, ...given];
  }

  function redactionFor(call: TSESTree.CallExpression): RedactPattern[] | null {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const own = pinoPatterns(callee.object);
    if (own) return own;
    // req.log / request.log / reply.log from pino-http or Fastify; app.log / fastify.log.
    const path = getMemberPath(callee.object);
    if (path === null || lastSegment(path) !== 'log') return null;
    const owner = path.split('.').slice(-2, -1)[0] ?? '';
    if (!REQUEST_LOGGER_OWNERS.test(owner) && !APP_LOGGER_OWNERS.test(owner)) return null;
    const patterns: RedactPattern[] = [];
    for (const factory of factories.values()) {
      if (factory.kind === 'pino') continue;
      if (APP_LOGGER_OWNERS.test(owner) && factory.kind !== 'fastify') continue;
      patterns.push(...factoryPatterns(factory));
    }
    return patterns.length > 0 ? patterns : null;
  }
}
