import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { failsOutsideForAnswer, weighCatch, isLabelCheck, isOrdinaryAnswer, refreshesMetricsOnly } from '../../src/model/catch-scope.js';
import { isAvailabilityCheck, isOwnVerdictPromise } from '../../src/model/catch-probes.js';
import { isCheckedThenRefused, isRetriedAfter } from '../../src/model/fallback-chains.js';
import { describeEnclosingFunction } from '../../src/fixes/log-message.js';
import { catches, promiseCatches } from '../helpers/catches.js';
import { probe } from '../helpers/probe.js';

describe('weighCatch', () => {
  const weigh = (code: string) => catches(code, (context, c) => weighCatch(context, c, describeEnclosingFunction(c), {}));
  it('a security control\'s outside failure stays; a try only in-process code can throw into is a probe', () => {
    const code = `
      function checkSignature(msg) { let der = null; try { der = forge.asn1.fromDer(forge.util.createBuffer(msg)); } catch (e) {} return der; }
      socket.on('leave', async () => { try { checkLogin(socket); socket.leave('room'); } catch (e) {} });
      async function saveToken(t) { try { await setSetting('token', t); } catch (e) {} }
      function writeSecret(f) { try { fs.writeFileSync(f, 'x'); } catch (e) {} }
      function runAuth() { try { doWork(); } catch (e) {} }
      async function refresh() { try { await api.post('/x'); } catch (e) {} }
    `;
    expect(weigh(code)).toEqual(['probe', 'probe', 'external', 'external', 'probe', 'probe']);
  });
  it('a function named for telemetry, and a block that only refreshes metrics, are probes', () => {
    const code = `
      const tokens = createGauge({ name: 'tokens' });
      async function emitTokenMetric() { try { await api.post('/token'); } catch (e) {} }
      async function refreshTokens() { try { tokens.reset(); tokens.set(await stats.countTokens()); } catch (e) {} }
    `;
    expect(weigh(code)).toEqual(['probe', 'probe']);
  });
});

describe('refreshesMetricsOnly', () => {
  const blocks = (code: string) => catches(code, (context, c) => refreshesMetricsOnly(context, c.parent.block));
  it('metric writes fed by read-named calls, through labels() chains and for…of loops', () => {
    const code = `
      const users = createGauge({ name: 'users' });
      const byType = new client.Gauge({ name: 'tokens' });
      async function collect() {
        try {
          meter.impactMetrics?.updateGauge('heap', process.memoryUsage().heapUsed);
          users.reset();
          const active = await stats.getActiveUsers();
          users.set(active.last7);
          for (const [type, n] of await stats.countTokensByType()) {
            byType.labels({ type }).set(n);
          }
        } catch (e) {}
      }
    `;
    expect(blocks(code)).toEqual([true]);
  });
  it('not with a write, a call on another object, or no metric at all', () => {
    const code = `
      const users = createGauge({ name: 'users' });
      async function a() { try { users.set(await stats.getActiveUsers()); await tokenStore.deleteExpired(); } catch (e) {} }
      async function b() { try { const n = await stats.purgeUsers(); users.set(n); } catch (e) {} }
      async function c() { try { const n = await stats.getUsers(); cache.set('users', n); } catch (e) {} }
      async function d() { try { const n = await stats.getUsers(); } catch (e) {} }
      async function e() { try { users.set(await stats.purgeUsers()); } catch (e) {} }
    `;
    expect(blocks(code)).toEqual([false, false, false, false, false]);
  });
});

describe('isLabelCheck', () => {
  it('labels in the try, "don\'t know" in the catch', () => {
    const code = `
      async function fill(id) { try { const c = await find(id); if (!c) return 'unknown'; return (await decrypt(c)).a ? 'filled' : 'blank'; } catch { return 'unknown'; } }
      async function variant(id) { try { const c = await get(id); if (c.secret) { return 'secret'; } else if (c.pem) { return 'pem-key'; } } catch { return null; } return null; }
      async function mode(id) { try { const c = await get(id); return c.on ? 'required' : 'optional'; } catch { return 'optional'; } }
      async function record(id) { try { return await get(id); } catch { return null; } }
      async function yes(id) { try { await get(id); return true; } catch { return null; } }
    `;
    expect(catches(code, (context, c) => isLabelCheck(context, c.parent.block, c.body))).toEqual([true, true, false, false, false]);
  });
});

describe('isOrdinaryAnswer', () => {
  it('an answer without a status from an in-process try; not a 5xx, not any answer after awaited work', () => {
    const answers: boolean[] = [];
    probe(
      `
      app.post('/a', (req, res) => { try { res.json({ code: strip(req.body.code) }); } catch (error) { res.json({ success: false, error: error.message }); } });
      app.post('/b', (req, res) => { try { res.json({ code: strip(req.body.code) }); } catch (error) { res.status(500).json({ success: false }); } });
      app.post('/c', async (req, res) => { try { res.json({ code: await compiler.compile(req.body.code) }); } catch (error) { res.json({ success: false }); } });
      app.get('/d', async (req, res) => { try { res.json(await db.list()); } catch (error) { res.json([]); } });
      `,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          let c: TSESTree.Node | undefined = node.parent;
          while (c && c.type !== 'CatchClause') c = c.parent;
          if (c && node.parent?.type === 'ExpressionStatement') answers.push(isOrdinaryAnswer(context, node, c));
        },
      }),
    );
    expect(answers).toEqual([true, false, false, false]);
  });
});

describe('isAvailabilityCheck (a test\'s failed result)', () => {
  it('a predicate answering its failure as data; not a refresh, not a verdict on the input', () => {
    const code = `
      class Sso {
        static async testSetup(c) { try { const r = await axios.post(c.url, {}); return { message: r.status }; } catch (error) { const errorMessage = 'Configuration test failed. Please check your settings.'; return { error: errorMessage }; } }
        async refreshToken(t) { try { const r = await axios.post(url, { t }); return { ...r.data }; } catch (error) { const errorMessage = 'Failed to refresh.'; return { error: errorMessage }; } }
        static async testLogin(c) { try { const r = await axios.post(c.url, {}); return { message: r.status }; } catch (error) { return { error: 'invalid credentials' }; } }
      }
    `;
    expect(catches(code, (context, c) => isAvailabilityCheck(c.parent.block, c, describeEnclosingFunction(c), context))).toEqual([true, false, false]);
  });
});

describe('isRetriedAfter', () => {
  it('an empty catch after which the same service is asked again outside a try', () => {
    const code = `
      async function search(usersApi, email) {
        const found = [];
        try { found.push((await usersApi.lookupByEmail({ email })).user); } catch {}
        while (true) { const page = await usersApi.list({}); found.push(...page.members); if (!page.next) break; }
        return found;
      }
      async function other(usersApi, email) {
        try { return (await usersApi.lookupByEmail({ email })).user; } catch {}
        try { return await usersApi.list({}); } catch {}
      }
      async function login(store, q) {
        let user;
        try { user = await store.getByQuery(q); } catch {}
        if (user) { await store.successfullyLogin(user); }
        return user;
      }
      async function logged(usersApi, email) {
        let u;
        try { u = await usersApi.lookupByEmail({ email }); } catch { u = null; }
        return usersApi.list({});
      }
    `;
    expect(catches(code, (context, c) => isRetriedAfter(context, c.parent, c.body, {}))).toEqual([true, false, false, false, false]);
  });
});

describe('isOwnVerdictPromise', () => {
  it('a local promise rejected only with errors built from literals', () => {
    const code = `
      function a(ids, db) {
        const match = new Promise((resolve, reject) => { const next = () => { if (!ids.length) { reject(new Error()); return; } db.get(ids.pop()).then(resolve).catch(next); }; next(); });
        return match.catch(() => null);
      }
      function b(db) {
        const p = new Promise((resolve, reject) => { db.get('k').then(resolve).catch(reject); });
        return p.catch(() => null);
      }
      function c(db) {
        const p = new Promise((resolve, reject) => { db.get('k', (err, v) => (err ? reject(new Error(err.message)) : resolve(v))); });
        return p.catch(() => null);
      }
    `;
    expect(
      promiseCatches(code, (context, call) => {
        const receiver = call.callee.object;
        return receiver.type === 'Identifier' ? isOwnVerdictPromise(context, receiver) : null;
      }).filter((answer) => answer !== null),
    ).toEqual([true, false, false]);
  });
});

describe('isCheckedThenRefused (another value answers)', () => {
  it('a test of the fallback alone refuses; one that also asks another value does not', () => {
    const code = `
      async function a(t) { let column; try { column = await this.columnInfo(t); } catch {} if (!column) throw new ForbiddenError(); }
      async function b(t, info) { let column; try { column = await this.columnInfo(t); } catch {} if (!column && !info) throw new ForbiddenError(); }
      async function c(t) { let column; try { column = await this.columnInfo(t); } catch {} if (!column || !column.ok) throw new ForbiddenError(); }
    `;
    expect(catches(code, (context, c) => isCheckedThenRefused(context, c.parent))).toEqual([true, false, true]);
  });
});

describe('failsOutsideForAnswer', () => {
  it('a try that awaits a store or calls out; not a parse or an own check of a value in hand', () => {
    const code = `
      async function a(req, res) { try { await R.store(bean); res.json({ ok: true }) } catch (e) { res.status(404).json({ msg: e.message }) } }
      async function b(req, res) { try { res.send(await db.tokens.insert(req.body)) } catch (e) { res.status(400).json({ error: e.message }) } }
      function c(req, res) { let doc; try { doc = JSON.parse(req.body.raw) } catch (e) { return res.status(400).json({ error: e.message }) } res.json(doc) }
      function d(req, res) { try { assertValidUser(req.body) } catch (e) { return res.status(400).json({ error: e.message }) } res.json({}) }
    `;
    expect(catches(code, (context, c) => failsOutsideForAnswer(context, c, null, {}))).toEqual([true, true, false, false]);
  });

  it('a rejection handler: what the promise it is attached to fails for', () => {
    const code = `
      storage.createDocument(id).catch((error) => response.status(400).json(error));
      Promise.resolve(cached).catch((error) => response.status(400).json(error));
    `;
    expect(promiseCatches(code, (context, call, handler) => failsOutsideForAnswer(context, handler, call.callee.object, {}))).toEqual([true, false]);
  });
});
