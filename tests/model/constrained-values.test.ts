import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createConstraintFinder } from '../../src/model/constrained-values.js';
import { createRequestInputTracker } from '../../src/model/request-input.js';
import { probe } from '../helpers/probe.js';

/** For the argument of every `logger.info(…)`: whether the finder says the request value is constrained there. */
function constrained(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => {
    const finder = createConstraintFinder(context, createRequestInputTracker(context));
    return {
      'CallExpression[callee.property.name="info"]'(node: TSESTree.CallExpression) {
        out.push(finder.isConstrained(node.arguments[0]!));
      },
    };
  });
  return out;
}

describe('createConstraintFinder', () => {
  it('allow-lists, line-safe patterns, validators, equality and found records constrain the value', () => {
    expect(
      constrained(`
      app.get('/a', async (req, res) => {
        const { kind } = req.query;
        if (ALLOWED_KINDS.includes(kind)) logger.info(kind);
        if (/^[\\w-]+$/.test(req.params.slug)) logger.info(req.params.slug);
        if (!isUUID(req.params.id)) return res.sendStatus(400);
        logger.info(req.params.id);
        if (req.query.mode === 'full') logger.info(req.query.mode.trim());
        const user = await User.findOne({ email: req.body.email });
        if (!user) return res.sendStatus(404);
        logger.info(req.body.email);
      });
    `),
    ).toEqual([true, true, true, true, true]);
  });

  it('unchecked values, patterns that admit a line break, and checks on other values do not', () => {
    expect(
      constrained(`
      app.get('/b', async (req, res) => {
        logger.info(req.query.name);
        if (/^.+$/s.test(req.query.q)) logger.info(req.query.q);
        if (/\\w+/.test(req.query.r)) logger.info(req.query.r);
        if (ALLOWED.includes(req.query.other)) logger.info(req.query.name);
        let x = req.query.x; x = req.body.y;
        if (x === 'a') logger.info(x);
      });
    `),
    ).toEqual([false, false, false, false, false]);
  });

  it("Koa's ctx.throw leaves the handler like a throw; a sign-in that returned the account pins the name", () => {
    expect(
      constrained(`
      router.post('/tables/:tableId', async (ctx) => {
        const tableId = ctx.params.tableId;
        const table = await tables.getTable(tableId);
        if (!table) {
          ctx.throw(404, 'Table not found');
        }
        logger.info(tableId);
      });
      io.on('connection', (socket) => {
        socket.on('login', async (data) => {
          const user = await login(data.username, data.password);
          if (user) logger.info(data.username);
          const account = await authService.validateUser(data.email, data.password);
          if (account) logger.info(data.email);
        });
      });
    `),
    ).toEqual([true, true, true]);
  });

  it('a response that is not thrown, a failed sign-in, a sign-in without the password, a login of another value do not', () => {
    expect(
      constrained(`
      router.post('/tables/:tableId', async (ctx) => {
        const tableId = ctx.params.tableId;
        const table = await tables.getTable(tableId);
        if (!table) {
          ctx.status = 404;
        }
        logger.info(tableId);
        if (!table) {
          res.throw(404);
        }
        logger.info(tableId);
      });
      io.on('connection', (socket) => {
        socket.on('login', async (data) => {
          const user = await login(data.username, data.password);
          if (!user) logger.info(data.username);
          const session = await signIn(data.username, data.remember);
          if (session) logger.info(data.username);
        });
      });
    `),
    ).toEqual([false, false, false, false]);
  });
});
