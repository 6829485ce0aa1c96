import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { classifyCall, classifyFailures, concernsSecurity, isAwaited, logsOwnFailures, namesSecurity, namesTelemetry } from '../../src/model/fallible.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('classifyCall', () => {
  const code = `
    async function f() {
      await save();
      await Promise.all([one(), two()]);
      await repo.findOne(id);
      db.purge();
      this.knex.raw('select 1');
      trx('components').insert(row);
      User.findOne({ id });
      fetch(url);
      axios.get(url);
      fs.writeFileSync(file, data);
      execSync('git pull');
      query.exec();
      usersService.remove(id);
      JSON.parse(text);
      new URL(raw);
      parseJSON(value);
      toArray(special);
      cron.parseExpression(rule);
      ensureValidUrl(u);
      validateAccess(opts);
      canThis(ctx).assign.role(role);
      new MarkdownParser(src).result();
      fs.promises.readFile(file);
      import('optional');
      path.join(a, b);
      list.push(x);
      /x/.exec(s);
      strapi.db.metadata.get(uid);
      run();
      (0, promises_1.readFile)(file);
      logger.error(err);
    }
  `;
  const result = probeCalls(code, (context, node) => classifyCall(context, node));
  it.each([
    ['save()', 'external'],
    ['Promise.all([one(), two()])', 'external'],
    ['one()', 'external'],
    ['repo.findOne(id)', 'external'],
    ['db.purge()', 'external'],
    ["this.knex.raw('select 1')", 'external'],
    ["trx('components').insert(row)", 'external'],
    ['User.findOne({ id })', 'external'],
    ['fetch(url)', 'external'],
    ['axios.get(url)', 'external'],
    ['fs.writeFileSync(file, data)', 'external'],
    ["execSync('git pull')", 'external'],
    ['query.exec()', 'external'],
    ['usersService.remove(id)', 'external'],
    ['JSON.parse(text)', 'probe'],
    ['parseJSON(value)', 'probe'],
    ['toArray(special)', 'probe'],
    ['cron.parseExpression(rule)', 'probe'],
    ['ensureValidUrl(u)', 'probe'],
    ['validateAccess(opts)', 'probe'],
    ['canThis(ctx).assign.role(role)', 'probe'],
    ['new MarkdownParser(src).result()', 'probe'],
    ['fs.promises.readFile(file)', 'probe'],
    ['path.join(a, b)', 'pure'],
    ['list.push(x)', 'pure'],
    ['/x/.exec(s)', 'pure'],
    ['strapi.db.metadata.get(uid)', 'pure'],
    ['run()', 'unknown'],
    ['(0, promises_1.readFile)(file)', 'probe'],
    ['logger.error(err)', 'logs'],
  ])('%s → %s', (text, expected) => {
    expect(callResult(result, text)).toBe(expected);
  });

  it('treats a call whose promise the caller handles as asynchronous', () => {
    const r = probeCalls('orders.cancel(id).catch(() => {})', (context, node) => classifyCall(context, node, {}, 0, true));
    expect(callResult(r, 'orders.cancel(id)')).toBe('external');
  });

  it('adds configured probes', () => {
    const r = probeCalls('yaml.load(s)', (context, node) => classifyCall(context, node, { probes: new Set(['yaml.load']) }));
    expect(callResult(r, 'yaml.load(s)')).toBe('probe');
  });
});

describe('classifyFailures', () => {
  function classifyTries(code: string): string[] {
    const out: string[] = [];
    probe(code, (context) => ({
      TryStatement(node: TSESTree.TryStatement) {
        out.push(classifyFailures(context, node.block));
      },
    }));
    return out;
  }

  it('takes the strongest reason in the block', () => {
    expect(classifyTries('async function f() { try { JSON.parse(s); await db.save(x) } catch {} }')).toEqual(['external']);
    expect(classifyTries('try { JSON.parse(s); run() } catch {}')).toEqual(['unknown']);
    expect(classifyTries('try { const u = new URL(s); if (!u.host) throw new Error("x") } catch {}')).toEqual(['probe']);
    expect(classifyTries('try { a.b.c = 1 } catch {}')).toEqual(['none']);
  });

  it('reads same-file functions: a validator that throws is a probe, a function that logs its failures is handled', () => {
    const code = `
      function slugOf(s) { if (!/^[a-z]+$/.test(s)) throw new TypeError('bad'); return s }
      async function fetchRates() { try { return await http.get(U) } catch (err) { logger.error(err); throw err } }
      async function load() { return db.select('*') }
      try { slugOf(x) } catch {}
      async function g() { try { await fetchRates() } catch {} }
      async function h() { try { await load() } catch {} }
    `;
    // fetchRates' own try, then the three callers.
    expect(classifyTries(code)).toEqual(['external', 'probe', 'none', 'external']);
  });

  it('does not count what a nested catch swallows: only its catch and finally fail outward', () => {
    const code = `
      async function getRef(t) { try { const m = await model.findOne({ t }); return m ? m.id : null } catch (err) { return null } }
      async function getRefOrThrow(t) { try { return await model.findOne({ t }) } catch (err) { throw new Error('lookup failed') } }
      async function cleanup(t) { try { await cache.del(t) } catch {} finally { await db.release() } }
      async function a(t) { try { const ref = await getRef(t); return ref !== null } catch { return false } }
      async function b(t) { try { return await getRefOrThrow(t) } catch { return false } }
      async function c(t) { try { await cleanup(t) } catch { return false } }
    `;
    // The three helpers' own tries, then the callers: getRef swallows, getRefOrThrow rethrows, cleanup's finally awaits.
    expect(classifyTries(code)).toEqual(['external', 'external', 'external', 'probe', 'external', 'external']);
  });

  it('skips what cannot fail for an outside reason: a chain ending in a swallowing .catch, a log message, the clock, utility packages and compiler helpers', () => {
    expect(classifyTries('async function f() { try { const b = JSON.parse(t); await credits.add(b.usage).catch(() => {}); } catch {} }')).toEqual(['probe']);
    // a handler that rethrows, an async handler, or a later link can still fail
    expect(classifyTries('async function f() { try { await credits.add(u).catch((e) => { throw e; }); } catch {} }')).toEqual(['external']);
    expect(classifyTries('async function f() { try { await credits.add(u).catch(async () => { await undo(); }); } catch {} }')).toEqual(['external']);
    expect(classifyTries('async function f() { try { await credits.add(u).catch(() => null).then(save); } catch {} }')).toEqual(['external']);
    expect(classifyTries('try { log.debug(`records: ${JSON.stringify(records)}`); } catch {}')).toEqual(['none']);
    expect(classifyTries('try { record.mtime = new Date().getTime(); } catch {}')).toEqual(['none']);
    expect(classifyTries('try { const d = new Date(input); } catch {}')).toEqual(['probe']);
    expect(
      classifyTries(`const _castArray = _interopRequireDefault(require("lodash/castArray"));
const _uuid = _interopRequireDefault(require("uuid"));
const _ = require('lodash');
try { const r = (0, _castArray["default"])(x); r.id = _uuid["default"].v4(); _.uniqBy(r, 'id'); const o = _objectSpread({}, r); } catch {}`),
    ).toEqual(['none']);
    // a function of another package is still unexplained
    expect(classifyTries(`const store = require('store-client');
try { store.save(x); } catch {}`)).toEqual(['unknown']);
  });

  it('does not read a recursive call through (and does not loop on it)', () => {
    expect(classifyTries('function again(n) { try { return again(n - 1) } catch {} }')).toEqual(['unknown']);
    // b's catch swallows everything, so b (and a, which only calls b) cannot fail outward.
    expect(classifyTries('function a(n) { return b(n) } function b(n) { try { return a(n) } catch {} }')).toEqual(['probe']);
    expect(classifyTries('function a(n) { return b(n) } function b(n) { try { return a(n) } catch (e) { throw e } }')).toEqual(['unknown']);
  });
});

describe('isAwaited and logsOwnFailures', () => {
  it('sees await through promise chains and Promise.all', () => {
    const r = probeCalls('async function f() { await a().then(b); await Promise.all([c()]); d(); }', (_context, node) => isAwaited(node));
    expect(callResult(r, 'a()')).toBe(true);
    expect(callResult(r, 'c()')).toBe(true);
    expect(callResult(r, 'd()')).toBe(false);
  });

  it('recognizes a function whose every catch logs', () => {
    const answers: boolean[] = [];
    probe(
      'async function a() { try { await x() } catch (e) { logger.error(e); throw e } } async function b() { try { await x() } catch (e) { return null } }',
      (context) => ({
        FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
          answers.push(logsOwnFailures(context, node));
        },
      }),
    );
    expect(answers).toEqual([true, false]);
  });
});

describe('classifyCall: telemetry and responses', () => {
  const code = `
    async function f(req, res) {
      await strapi.telemetry.send('event', {});
      this.telemetry.track('done', {});
      await withSandboxLifecycleTrace(id, 'evict', {}, cb);
      await strapi.fetch(\`\${analyticsUrl}/api/v2/track\`, params);
      await strapi.fetch(\`\${registryUrl}/packages\`, params);
      await this.metrics.recordDrainBatch(n);
      res.sendFile(file);
      reply.code(404).send();
      await tracker.shipments(id);
    }
  `;
  const result = probeCalls(code, (context, node) => classifyCall(context, node));
  it.each([
    ["strapi.telemetry.send('event', {})", 'telemetry'],
    ["this.telemetry.track('done', {})", 'telemetry'],
    ["withSandboxLifecycleTrace(id, 'evict', {}, cb)", 'telemetry'],
    ['strapi.fetch(`${analyticsUrl}/api/v2/track`, params)', 'telemetry'],
    ['strapi.fetch(`${registryUrl}/packages`, params)', 'external'],
    ['this.metrics.recordDrainBatch(n)', 'telemetry'],
    ['res.sendFile(file)', 'pure'],
    ['reply.code(404).send()', 'pure'],
    ['tracker.shipments(id)', 'external'],
  ])('%s → %s', (call, expected) => {
    expect(callResult(result, call)).toBe(expected);
  });
});

describe('namesTelemetry', () => {
  it.each([
    ['strapi.telemetry.send', true],
    ['posthog.capture', true],
    ['withSandboxLifecycleTrace', true],
    ['emitSystemTaskMetric', true],
    ['analyticsUrl', true],
    ['orders.create', false],
    ['traceroute', false],
    ['sendMail', false],
  ])('%s → %s', (text, expected) => {
    expect(namesTelemetry(text)).toBe(expected);
  });
});

describe('namesSecurity', () => {
  it.each([
    ['getUserForSession', true],
    ['this._memberRepository.getByToken', true],
    ['this.decryptCredentials', true],
    ['verifyOTC', true],
    ['this.apiKeys.revoke', true],
    ['signingKey', true],
    ['auditLog.write', true],
    ['trustedProxies', true],
    ['invalid_refresh_token', true],
    // a qualifier elsewhere does not hide the security word; another security word still counts
    ['matchDecryptedCredentialType', true],
    ['tokenTypeOf(secret)', true],
    // `key` alone is a cache or map key; `author` is not `auth`; `verify` alone is any check.
    ['cache.getKey', false],
    ['post.author', false],
    ['verifyAddress', false],
    ['orders.cancel', false],
    ['telemetry.send', false],
    // the kind of a credential is catalogue metadata, not the credential
    ['this.aiGatewayService.getCredentialTypeForProvider', false],
    ['config.credentialTypes.includes', false],
  ])('%s → %s', (text, expected) => {
    expect(namesSecurity(text)).toBe(expected);
  });
});

describe('concernsSecurity', () => {
  it('asks the try\'s calls, the enclosing function\'s name and the catch\'s answer text, not the class', () => {
    const answers: boolean[] = [];
    probe(
      `
      async function a() { try { await sessionStore.get(id) } catch { return null } }
      async function getUserForSession() { try { await users.find(id) } catch { return null } }
      async function c() { try { await store.rotate(t) } catch { return { error: 'invalid_refresh_token' } } }
      async function d() { try { await cache.get(k) } catch { return null } }
      class CredentialsService { async e() { try { await this.repo.find(id) } catch { return null } } }
      `,
      (context) => ({
        CatchClause(node: TSESTree.CatchClause) {
          let fn: TSESTree.Node | undefined = node.parent;
          while (fn && fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression') fn = fn.parent;
          const name = fn?.type === 'FunctionDeclaration' ? fn.id?.name ?? null : fn?.parent?.type === 'MethodDefinition' && fn.parent.key.type === 'Identifier' ? fn.parent.key.name : null;
          answers.push(concernsSecurity(context, node.parent.type === 'TryStatement' ? node.parent.block : null, node.body, name));
        },
      }),
    );
    expect(answers).toEqual([true, true, true, false, false]);
  });
});

describe('classifyCall: work in hand (session 33)', () => {
  it('answers pure for a coercion to a JavaScript type, probe for a validator named alike', () => {
    const r = probeCalls(
      `ensureArray(config.get('records'));
       (0, _ensureType.ensureString)(name);
       ensureNumber(limit);
       ensureValidUrl(u);
       ensureOwner(user);`,
      (context, node) => classifyCall(context, node),
    );
    expect(callResult(r, "ensureArray(config.get('records'))")).toBe('pure');
    expect(callResult(r, '(0, _ensureType.ensureString)(name)')).toBe('pure');
    expect(callResult(r, 'ensureNumber(limit)')).toBe('pure');
    expect(callResult(r, 'ensureValidUrl(u)')).toBe('probe');
    expect(callResult(r, 'ensureOwner(user)')).toBe('probe');
  });

  it("answers pure for a password-hashing package's synchronous salt and hash, not for its other calls", () => {
    const r = probeCalls(
      `const bcrypt = require('bcrypt-nodejs');
       const other = require('./hashing');
       const salt = bcrypt.genSaltSync();
       bcrypt.hashSync(password, salt);
       other.hashSync(password, salt);
       async function f() { await bcrypt.hash(password, 10); }`,
      (context, node) => classifyCall(context, node),
      { sourceType: 'commonjs' },
    );
    expect(callResult(r, 'bcrypt.genSaltSync()')).toBe('pure');
    expect(callResult(r, 'bcrypt.hashSync(password, salt)')).toBe('pure');
    expect(callResult(r, 'other.hashSync(password, salt)')).toBe('unknown');
    expect(callResult(r, 'bcrypt.hash(password, 10)')).toBe('external');
  });
});
