import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isSingleStoreCommand, isStoreCommand, storeCommandOfChain } from '../../src/model/stack-loss-io.js';
import { namesStep } from '../../src/model/catch-wording.js';
import { workCalls } from '../../src/model/stack-records.js';
import { probe } from '../helpers/probe.js';

/** isSingleStoreCommand of every try block, in source order. */
function single(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    TryStatement(node: TSESTree.TryStatement) {
      out.push(isSingleStoreCommand(context, workCalls(context, node.block)));
    },
  }));
  return out;
}

/** isStoreCommand of every call whose callee is a member ending in `run`, in source order. */
function commands(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    'CallExpression[callee.property.name="run"]'(node: TSESTree.CallExpression) {
      out.push(isStoreCommand(context, node));
    },
  }));
  return out;
}

describe('isStoreCommand', () => {
  it('is true for a method of a receiver named for a store or client, also along a chain or a const built from one; not with a function handed in', () => {
    expect(
      commands(`
        redisClient.run(k); this.db.run(k); this.connection.rawConnection.getRepository(X).run(row);
        const qb = this.connection.getRepository(X).createQueryBuilder('x'); qb.run();
        actorStore.run(did, async (txn) => {});
      `),
    ).toEqual([true, true, true, true, false]);
  });

  it('is false for the object itself, the app own services, a function argument before the last, and other names', () => {
    expect(
      commands(`
        this.run(k); this.userService.run(k); app.db.controllers.Project.run(u); knex.run(async (trx) => {}, opts);
        taskRunner.run(job); worker.run(x);
      `),
    ).toEqual([false, false, false, false, false, false]);
  });
});

describe('isSingleStoreCommand', () => {
  it('is true for one awaited command beside passive calls and the calls building its arguments', () => {
    expect(
      single(`
        async function a() { try { const s = await this.client.get(key(id)); return JSON.parse(s) } catch (e) {} }
        async function b() { try { return await this.client.ttl(key(id)) } catch (e) {} }
        async function c() { try { await this.client.set(key(id), serialize(session), 'PX', 1000) } catch (e) {} }
      `),
    ).toEqual([true, true, true]);
  });

  it('is false for two commands, an unawaited call, the app code awaited beside, connect, and fetch', () => {
    expect(
      single(`
        async function a() { try { await this.client.get(k); await this.client.del(k) } catch (e) {} }
        function b() { try { storage.rmSync(dir) } catch (e) {} }
        async function c() { try { const s = await this.client.get(k); await this.hydrate(s) } catch (e) {} }
        async function d() { try { await client.connect() } catch (e) {} }
        async function f() { try { await fetch(url) } catch (e) {} }
      `),
    ).toEqual([false, false, false, false, false]);
  });
});

describe('storeCommandOfChain', () => {
  it('finds the store command at the head of a .then(cb).catch(…) chain, not a chain with inline work or of another call', () => {
    const out: boolean[] = [];
    probe(
      `
        this.db.setEx(k, 60, v).then(cb).catch((err) => {});
        this.db.setEx(k, 60, v).then((r) => process(r)).catch((err) => {});
        run(k).then(cb).catch((err) => {});
      `,
      (context) => ({
        'CallExpression[callee.property.name="catch"]'(node: TSESTree.CallExpression) {
          out.push(storeCommandOfChain(context, node) !== null);
        },
      }),
    );
    expect(out).toEqual([true, false, false]);
  });
});

describe('namesStep', () => {
  it('is true when the log has words of its own, false for the error text alone', () => {
    const out: boolean[] = [];
    probe(
      'log.error(`Failed to get session ${id}: ${err.message}`); log.error(err.message); log.error(`${err}`); log.error("Redis error: " + err); log.error(this, `Redis returned error: ${err}`)',
      () => ({
        CallExpression(node: TSESTree.CallExpression) {
          out.push(namesStep(node));
        },
      }),
    );
    expect(out).toEqual([true, false, false, true, true]);
  });
});
