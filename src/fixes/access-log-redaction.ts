/**
 * Fixes for access loggers that write credentials: pino-http `redact` paths for headers,
 * express-winston `headerBlacklist` entries, and a URL logged without its query string.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AccessLoggerCreation, property } from '../model/access-logs.js';
import { type Context, skipTransparent } from '../model/ast.js';
import { appendProperty, appendToArray } from './object-property.js';

/** A pino redact path for a header: dotted when the name allows it, bracketed otherwise. */
export function redactPathFor(side: 'req' | 'res', header: string): string {
  return /^[A-Za-z_$][\w$]*$/u.test(header) ? `${side}.headers.${header}` : `${side}.headers["${header}"]`;
}

/** Add `paths` to the logger's `redact` (an array, or `{ paths: [...] }`), or a `redact` option; null when neither can be edited. */
export function redactFix(context: Context, creation: AccessLoggerCreation, redact: TSESTree.Node | null, paths: string[]): TSESLint.ReportFixFunction | null {
  const quoted = paths.map((p) => `'${p.replace(/'/gu, "\\'")}'`);
  if (redact) {
    let r = skipTransparent(redact);
    if (r.type === AST_NODE_TYPES.ObjectExpression) {
      const inner = property(r, 'paths');
      if (!inner) return null;
      r = skipTransparent(inner);
    }
    return r.type === AST_NODE_TYPES.ArrayExpression ? appendToArray(context, r, quoted) : null;
  }
  if (creation.options) return appendProperty(context, creation.options, `redact: [${quoted.join(', ')}]`);
  // pinoHttp() with no options
  if (creation.source !== 'nestjs-pino' && creation.call.arguments.length === 0) {
    const call = creation.call;
    const close = context.sourceCode.getLastToken(call)!;
    return (fixer) => fixer.insertTextBefore(close, `{ redact: [${quoted.join(', ')}] }`);
  }
  return null;
}

/** Add `items` to the list option `key` (`headerBlacklist`), or the option itself; null when the list cannot be edited. */
export function listFix(context: Context, creation: AccessLoggerCreation, list: TSESTree.Node | null, key: string, items: string[]): TSESLint.ReportFixFunction | null {
  if (list) {
    const l = skipTransparent(list);
    return l.type === AST_NODE_TYPES.ArrayExpression ? appendToArray(context, l, items) : null;
  }
  return creation.options ? appendProperty(context, creation.options, `${key}: [${items.join(', ')}]`) : null;
}

/**
 * A suggestion that logs the URL without its query: pino-http gets a `req` serializer that keeps
 * id, method and the path (it receives pino's standard request object; headers are left out too);
 * express-winston gets a `requestFilter` that trims `url` / `originalUrl` and drops `query`.
 * morgan formats are left to a human (the fix would be a custom token).
 */
export function stripQueryFix(context: Context, creation: AccessLoggerCreation): { how: string; fix: TSESLint.ReportFixFunction } | null {
  if (creation.kind === 'pino-http' && creation.source === 'pino-http') {
    const serializer = "serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }) }";
    const how = 'a `req` serializer that keeps the path';
    if (creation.options) return property(creation.options, 'serializers') ? null : { how, fix: appendProperty(context, creation.options, serializer) };
    if (creation.call.arguments.length === 0) {
      const close = context.sourceCode.getLastToken(creation.call)!;
      return { how, fix: (fixer) => fixer.insertTextBefore(close, `{ ${serializer} }`) };
    }
    return null;
  }
  // The default message (`HTTP {{req.method}} {{req.url}}`) reads the raw request: the message is replaced too.
  if (creation.kind === 'express-winston' && creation.options && !property(creation.options, 'requestFilter') && !property(creation.options, 'msg')) {
    return {
      how: 'a `requestFilter` that trims `url` and `originalUrl` and drops `query`, and a message with the path only',
      fix: appendProperty(
        context,
        creation.options,
        "msg: \"HTTP {{req.method}} {{String(req.originalUrl || req.url).split('?')[0]}}\", requestFilter: (req, propName) => (propName === 'url' || propName === 'originalUrl' ? String(req[propName]).split('?')[0] : propName === 'query' ? undefined : req[propName])",
      ),
    };
  }
  return null;
}
