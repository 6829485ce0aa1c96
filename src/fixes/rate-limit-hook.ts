/** The fix that gives a rate limiter a hook which logs each violation at warn. */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Context } from '../model/ast.js';
import { requestFieldExpressions } from '../model/request-context.js';
import { type RateLimiterCreation, readLimit } from '../model/rate-limits.js';
import { indentUnit, lineIndent } from './edits.js';
import { importFix } from './imports.js';
import { type LogField, type LogTarget, buildLogCall, requestLogFields } from './log-call.js';
import { getLogTarget } from './log-target.js';

const MESSAGE = 'Rate limit exceeded';

/**
 * A hook for a rate limiter whose default answers 429 without a log: express-rate-limit's and
 * hono-rate-limiter's `handler` (logs, then answers as the default does), koa-ratelimit's
 * `onLimited`, @fastify/rate-limit's `onExceeded` (with `request.log` unless a logger is
 * configured). `call` names the log call for the message; `target` says whether the configured
 * logger writes it (an autofix) or not (a suggestion). Null where the added hook would not be
 * safe: a `this.` logger, koa-ratelimit in TypeScript (its types have no `onLimited`), or options
 * that are not written in the call.
 */
export function limiterHookFix(context: Context, creation: RateLimiterCreation): { fix: TSESLint.ReportFixFunction; call: string; target: LogTarget } | null {
  let target = getLogTarget(context, creation.call);
  if (target.expression.startsWith('this.')) return null;
  const unit = indentUnit(context);
  const opts = creation.options;
  const baseIndent = opts && opts.loc.start.line !== opts.loc.end.line && opts.properties[0] ? lineIndent(context, opts.properties[0]) : lineIndent(context, creation.call) + unit;
  const inner = baseIndent + unit;
  let text: string;
  const fields = (entries: [string, string | null][]): LogField[] => entries.filter(([, v]) => v !== null).map(([key, value]) => ({ key, value: value! }));
  switch (creation.library) {
    case 'express-rate-limit': {
      const log = buildLogCall(target, {
        level: 'warn',
        message: MESSAGE,
        fields: [...requestLogFields(requestFieldExpressions('express', 'req')), { key: 'limit', value: 'options.limit' }],
      });
      text = [
        'handler: async (req, res, _next, options) => {',
        `${inner}${log};`,
        `${inner}res.status(options.statusCode);`,
        `${inner}const message = typeof options.message === 'function' ? await options.message(req, res) : options.message;`,
        `${inner}if (!res.writableEnded) res.send(message);`,
        `${baseIndent}}`,
      ].join('\n');
      break;
    }
    case 'hono-rate-limiter': {
      const log = buildLogCall(target, {
        level: 'warn',
        message: MESSAGE,
        // options.limit is not on the Cloudflare variant of the config type: write the number when it is one.
        fields: [...requestLogFields(requestFieldExpressions('hono', 'c')), ...fields([['limit', readLimit(opts, ['limit'])]])],
      });
      text = [
        'handler: async (c, _next, options) => {',
        `${inner}${log};`,
        `${inner}c.status(options.statusCode);`,
        `${inner}const message = typeof options.message === 'function' ? await options.message(c) : options.message;`,
        `${inner}return typeof message === 'string' ? c.text(message) : c.json(message);`,
        `${baseIndent}}`,
      ].join('\n');
      break;
    }
    case 'koa-ratelimit': {
      // @types/koa-ratelimit has no onLimited: in TypeScript the added property would not compile.
      if (/\.[cm]?tsx?$/u.test(context.filename)) return null;
      const log = buildLogCall(target, {
        level: 'warn',
        message: MESSAGE,
        fields: [...requestLogFields(requestFieldExpressions('koa', 'ctx')), ...fields([['limit', readLimit(opts, ['max'])]])],
      });
      text = `onLimited: (ctx) => {\n${inner}${log};\n${baseIndent}}`;
      break;
    }
    case '@fastify/rate-limit': {
      // Fastify's own request logger is always there: use it unless a logger is configured.
      if (!target.configured) target = { expression: 'request.log', style: 'pino', configured: false, importKind: 'named' };
      const log = buildLogCall(target, {
        level: 'warn',
        message: MESSAGE,
        fields: [...requestLogFields(requestFieldExpressions('fastify', 'request')), ...fields([['key', 'key'], ['limit', readLimit(opts, ['max'])]])],
      });
      text = `onExceeded: (request, key) => {\n${inner}${log};\n${baseIndent}}`;
      break;
    }
  }
  const call = `${target.expression}.warn`;
  const fix: TSESLint.ReportFixFunction = (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    if (opts) {
      const last = opts.properties[opts.properties.length - 1];
      if (!last) fixes.push(fixer.replaceText(opts, `{\n${baseIndent}${text},\n${lineIndent(context, opts)}}`));
      else {
        const after = context.sourceCode.getTokenAfter(last);
        const hasComma = after?.value === ',';
        const multiline = opts.loc.start.line !== opts.loc.end.line;
        fixes.push(fixer.insertTextAfter(hasComma ? after! : last, multiline ? `${hasComma ? '' : ','}\n${baseIndent}${text}${hasComma ? ',' : ''}` : `, ${text}`));
      }
    } else {
      const args = creation.call.arguments;
      if (creation.library === '@fastify/rate-limit') fixes.push(fixer.insertTextAfter(args[0]!, `, { ${text} }`));
      else fixes.push(fixer.insertTextBefore(context.sourceCode.getLastToken(creation.call)!, `{ ${text} }`));
    }
    if (target.importFrom !== undefined) {
      const imp = importFix(context, fixer, target.expression, target.importFrom, target.importKind);
      if (imp) fixes.push(imp);
    }
    return fixes;
  };
  // An options object given but empty of arguments (koa-ratelimit needs options) stays as it is.
  if (!opts && creation.call.arguments.length > (creation.library === '@fastify/rate-limit' ? 1 : 0)) return null;
  return { fix, call, target };
}
