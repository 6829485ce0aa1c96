/**
 * src/model/http-status.ts: which HTTP status an expression denotes.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { getStatusValue, statusLineOf } from '../../src/model/http-status.js';
import { probe } from '../helpers/probe.js';

/** The status of the argument of each `probeHere(x)`. */
function statuses(code: string): (number | null)[] {
  const out: (number | null)[] = [];
  probe(code, (context: Context) => ({
    CallExpression(node: TSESTree.CallExpression) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'probeHere') out.push(getStatusValue(context, node.arguments[0]));
    },
  }));
  return out;
}

describe('getStatusValue', () => {
  it('a literal, a constant name, and a variable that only its initializer sets', () => {
    expect(statuses('probeHere(401); probeHere(HttpStatus.FORBIDDEN); const s = 403; probeHere(s); let t = 401; probeHere(t);')).toEqual([401, 403, 403, 401]);
  });

  it('no single status for a variable written again: it holds more than its initializer', () => {
    expect(statuses('function f(ok) { let status = 401; if (ok) status = 200; probeHere(status); }')).toEqual([null]);
    expect(statuses('function f(err) { let status = 500; if (err.status) status = err.status; probeHere(status); }')).toEqual([null]);
  });
});

describe('getStatusValue: app constants and built errors', () => {
  it('an app constant with an ERR_ / HTTP_ / STATUS_ prefix names the status after it', () => {
    expect(statuses("import { ERR_UNAUTHORIZED } from './constants'; probeHere(ERR_UNAUTHORIZED); probeHere(constants.ERR_FORBIDDEN); probeHere(HTTP_FORBIDDEN); probeHere(STATUS_UNAUTHORIZED);")).toEqual([401, 403, 403, 401]);
  });

  it('the status of an error the code built with a class named for it', () => {
    expect(statuses("const error = new UnauthorizedError('x'); probeHere(error.statusCode); const e2 = new errors.ForbiddenError(); probeHere(e2.status);")).toEqual([401, 403]);
  });

  it('no status from a caught or passed-in error, a generic Error, or a variable written again', () => {
    expect(statuses('function h(err) { probeHere(err.statusCode); }')).toEqual([null]);
    expect(statuses("try { run(); } catch (e) { probeHere(e.status); }")).toEqual([null]);
    expect(statuses("const error = new Error('x'); probeHere(error.statusCode);")).toEqual([null]);
    expect(statuses("let error = new UnauthorizedError(); error = other; probeHere(error.statusCode);")).toEqual([null]);
  });
});

describe('statusLineOf', () => {
  it('reads the status line a hand-written HTTP answer starts with (string, template, concatenation)', () => {
    const out: (number | null)[] = [];
    probe(
      "probeHere('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n'); probeHere(`HTTP/1.0 403 Forbidden\\r\\n${extra}`); probeHere('HTTP/1.1 500 Internal Server Error\\r\\n\\r\\n' + err.message); probeHere(err.message); probeHere('401 Unauthorized');",
      () => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === 'Identifier' && node.callee.name === 'probeHere') out.push(statusLineOf(node.arguments[0]!));
        },
      }),
    );
    expect(out).toEqual([401, 403, 500, null, null]);
  });
});
