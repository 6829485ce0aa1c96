import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AnyFunction, type Context, isFunctionNode } from '../../src/model/ast.js';
import { enclosingBackgroundCallback, getBackgroundCallbacks, getBackgroundRegistration, isSupervisorChannel } from '../../src/model/background.js';
import { installsRejectionLogger } from '../../src/model/rejection-logger.js';
import { getJobRunnerKind } from '../../src/model/job-runners.js';
import { getPromiseChain, mayReject, promiseMayReject, returnedCallAwaitedElsewhere } from '../../src/model/promises.js';
import { findEscape } from '../../src/model/escapes.js';
import { getImportSource } from '../../src/model/modules.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

/** For each call in `code`: `api/kind/handled` of the background callbacks it registers, joined by `;`. */
function registrations(code: string, extra: string[] = [], options: ProbeOptions = {}) {
  const results = new Map<string, string>();
  probe(
    code,
    (context) => {
      const record = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
        const text = context.sourceCode.getText(node);
        if (results.has(text)) return;
        const found = getBackgroundCallbacks(context, node, extra);
        results.set(text, found.map((cb) => `${cb.api}/${cb.kind}/${cb.rejectionHandled ? 'handled' : 'unhandled'}${cb.fn ? '' : '/no-fn'}`).join(';'));
      };
      return { CallExpression: record, NewExpression: record };
    },
    options,
  );
  return (text: string) => callResult(results, text);
}

describe('getBackgroundCallbacks', () => {
  it("recognises an observable's subscriber (RxJS next, an observer's next), not a channel-first bus (issue 18)", () => {
    const of = registrations(`
      events$.pipe(filter(Boolean)).subscribe(async (e) => {});
      store.subscribe(onChange);
      source$.subscribe({ next: async (v) => {}, error: (err) => log(err) });
      source$.subscribe(async (v) => {}, (err) => log(err));
      pubsub.subscribe('ws:send', async (msg) => {});
      client.subscribe(channel, handler);
      function onChange() {}
    `);
    expect(of('events$.pipe(filter(Boolean)).subscribe(async (e) => {})')).toBe('subscribe/listener/unhandled');
    expect(of('store.subscribe(onChange)')).toBe('subscribe/listener/unhandled');
    expect(of('source$.subscribe({ next: async (v) => {}, error: (err) => log(err) })')).toBe('subscribe/listener/unhandled');
    expect(of('source$.subscribe(async (v) => {}, (err) => log(err))')).toBe('subscribe/listener/unhandled');
    expect(of("pubsub.subscribe('ws:send', async (msg) => {})")).toBe('');
    expect(of('client.subscribe(channel, handler)')).toBe('');
  });

  it('recognises timers, but not a local function or timers/promises', () => {
    const of = registrations(`
      import { setTimeout as wait } from 'node:timers/promises';
      import timers from 'node:timers';
      setInterval(async () => {}, 1);
      globalThis.setTimeout(() => {}, 1);
      timers.setImmediate(() => {});
      process.nextTick(tick);
      queueMicrotask(() => {});
      wait(100);
      function tick() {}
      { const setImmediate = (f) => f(); setImmediate(() => {}); }
    `);
    expect(of('setInterval(async () => {}, 1)')).toBe('setInterval/timer/unhandled');
    expect(of('globalThis.setTimeout(() => {}, 1)')).toBe('setTimeout/timer/unhandled');
    expect(of('timers.setImmediate(() => {})')).toBe('setImmediate/timer/unhandled');
    expect(of('process.nextTick(tick)')).toBe('process.nextTick/timer/unhandled');
    expect(of('queueMicrotask(() => {})')).toBe('queueMicrotask/timer/unhandled');
    expect(of('wait(100)')).toBe('');
    expect(of('setImmediate(() => {})')).toBe('');
  });

  it('recognises the timer methods of an injected timer or clock object (issue 18), not other objects', () => {
    const of = registrations(`
      class Poller {
        constructor(timers, clock, deps) { this.timers = timers; this.clock = clock; this.deps = deps; }
        start() {
          this.timers.setInterval(async () => {}, 1000);
          this.clock.setTimeout(() => {}, 5000);
          this.deps.clock.setTimeout(() => {}, 10);
          this.cache.setTimeout(() => {}, 10);
          this.timers.clear(() => {});
        }
      }
    `);
    expect(of('this.timers.setInterval(async () => {}, 1000)')).toBe('timers.setInterval/timer/unhandled');
    expect(of('this.clock.setTimeout(() => {}, 5000)')).toBe('clock.setTimeout/timer/unhandled');
    expect(of('this.deps.clock.setTimeout(() => {}, 10)')).toBe('clock.setTimeout/timer/unhandled');
    expect(of('this.cache.setTimeout(() => {}, 10)')).toBe('');
    expect(of('this.timers.clear(() => {})')).toBe('');
  });

  it('recognises node-cron and cron, and sees an errorHandler', () => {
    const of = registrations(`
      import cron from 'node-cron';
      import { schedule } from 'node-cron';
      import { CronJob } from 'cron';
      cron.schedule('* * * * *', async () => {});
      schedule('* * * * *', async () => {});
      calendar.schedule('standup', async () => {});
      new CronJob('* * * * *', async () => {});
      new CronJob('* * * * *', async () => {}, null, true, 'UTC', null, false, undefined, undefined, false, onError);
      CronJob.from({ cronTime: '* * * * *', onTick: async () => {} });
      CronJob.from({ cronTime: '* * * * *', onTick: async () => {}, errorHandler: onError });
    `);
    expect(of("cron.schedule('* * * * *', async () => {})")).toBe('cron.schedule/cron/unhandled');
    expect(of("schedule('* * * * *', async () => {})")).toBe('cron.schedule/cron/unhandled');
    expect(of("calendar.schedule('standup', async () => {})")).toBe('');
    expect(of("new CronJob('* * * * *', async () => {})")).toBe('CronJob/cron/unhandled');
    expect(of("new CronJob('* * * * *', async () => {}, null, true, 'UTC', null, false, undefined, undefined, false, onError)")).toBe('CronJob/cron/handled');
    expect(of("CronJob.from({ cronTime: '* * * * *', onTick: async () => {} })")).toBe('CronJob/cron/unhandled');
    expect(of("CronJob.from({ cronTime: '* * * * *', onTick: async () => {}, errorHandler: onError })")).toBe('CronJob/cron/handled');
  });

  it('recognises two-argument listeners, not routes or the global error handlers', () => {
    const of = registrations(`
      socket.on('message', async (m) => {});
      stream.once('data', handler);
      process.on('SIGTERM', async () => {});
      process.on('unhandledRejection', async () => {});
      app.on('GET', '/x', async (c) => {});
      app.get('/x', async (req, res) => {});
      fastify.addHook('onClose', async () => {});
      fastify.addHook('onRequest', async () => {});
      bot.on('text', async (ctx) => {});
      app.listen(3000, async () => {});
    `);
    expect(of("socket.on('message', async (m) => {})")).toBe("'message' listener/listener/unhandled");
    expect(of("stream.once('data', handler)")).toBe("'data' listener/listener/unhandled/no-fn");
    expect(of("process.on('SIGTERM', async () => {})")).toBe("'SIGTERM' listener/listener/unhandled");
    expect(of("process.on('unhandledRejection', async () => {})")).toBe('');
    expect(of("app.on('GET', '/x', async (c) => {})")).toBe('');
    expect(of("app.get('/x', async (req, res) => {})")).toBe('');
    expect(of("fastify.addHook('onClose', async () => {})")).toBe('onClose hook/lifecycle-hook/handled');
    expect(of("fastify.addHook('onRequest', async () => {})")).toBe('');
    expect(of("bot.on('text', async (ctx) => {})")).toBe('');
    expect(of('app.listen(3000, async () => {})')).toBe('listen/listener/unhandled');
  });

  it('recognises job processors only on queues it can trace to their module', () => {
    const of = registrations(`
      import Queue from 'bull';
      import { Worker } from 'bullmq';
      const q = new Queue('video');
      q.process(async (job) => {});
      other.process(async (job) => {});
      new Worker('mail', async (job) => {});
      agenda.define('cleanup', async () => {});
    `);
    expect(of('q.process(async (job) => {})')).toBe('q.process/job/handled');
    expect(of('other.process(async (job) => {})')).toBe('');
    expect(of("new Worker('mail', async (job) => {})")).toBe('Worker/job/handled');
    expect(of("agenda.define('cleanup', async () => {})")).toBe('agenda.define/job/handled');
  });

  it('takes extra schedulers from the option', () => {
    const of = registrations("schedule.scheduleJob('*/5 * * * *', async () => {});", ['schedule.scheduleJob']);
    expect(of("schedule.scheduleJob('*/5 * * * *', async () => {})")).toBe('schedule.scheduleJob/custom/unhandled');
  });
});

describe('getImportSource and getJobRunnerKind', () => {
  function kinds(code: string) {
    const results = new Map<string, string>();
    probe(code, (context) => ({
      NewExpression(node: TSESTree.NewExpression) {
        results.set(context.sourceCode.getText(node), getJobRunnerKind(context, node) ?? 'none');
      },
    }));
    return (text: string) => callResult(results, text);
  }

  it('follows imports and requires to the module', () => {
    const of = kinds(`
      import { Worker as MqWorker, QueueEvents } from 'bullmq';
      import Agenda from 'agenda';
      import { EventEmitter } from 'node:events';
      const { Worker } = require('worker_threads');
      const Bull = require('bull');
      new MqWorker('q', run);
      new QueueEvents('q');
      new Agenda({});
      new EventEmitter();
      new Worker(file);
      new Bull('video');
      new Unknown();
    `);
    expect(of("new MqWorker('q', run)")).toBe('bullmq-worker');
    expect(of("new QueueEvents('q')")).toBe('queue-events');
    expect(of('new Agenda({})')).toBe('agenda');
    expect(of('new EventEmitter()')).toBe('event-emitter');
    expect(of('new Worker(file)')).toBe('worker-thread');
    expect(of("new Bull('video')")).toBe('bull-queue');
    expect(of('new Unknown()')).toBe('none');
  });

  it('leaves a Worker of unknown origin (a browser Web Worker) alone', () => {
    expect(kinds("new Worker('w.js');")("new Worker('w.js')")).toBe('none');
  });

  it('names the module and the imported binding', () => {
    const results = new Map<string, unknown>();
    probe("import def, { a as b } from 'm'; import * as ns from 'n'; const r = require('r'); const { x } = require('s'); const y = require('t').y; use(def, b, ns, r, x, y);", (context) => ({
      'CallExpression[callee.name="use"]'(node: TSESTree.CallExpression) {
        for (const arg of node.arguments) if (arg.type === 'Identifier') results.set(arg.name, getImportSource(context, arg));
      },
    }));
    expect(Object.fromEntries(results)).toEqual({
      def: { source: 'm', imported: 'default' },
      b: { source: 'm', imported: 'a' },
      ns: { source: 'n', imported: '*' },
      r: { source: 'r', imported: 'default' },
      x: { source: 's', imported: 'x' },
      y: { source: 't', imported: 'y' },
    });
  });
});

describe('getPromiseChain', () => {
  it('unwinds then/finally and notices catch and two-argument then', () => {
    const chains = probeCalls('p(a().then(f).finally(g)); p(a().then(f).catch(h)); p(a().then(f, h)); p(a().map(f))', (context, node) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'p') return null;
      const chain = getPromiseChain(node.arguments[0]!);
      return `${context.sourceCode.getText(chain.root)}${chain.handled ? ' handled' : ''}`;
    });
    expect(callResult(chains, 'p(a().then(f).finally(g))')).toBe('a()');
    expect(callResult(chains, 'p(a().then(f).catch(h))')).toBe('a() handled');
    expect(callResult(chains, 'p(a().then(f, h))')).toBe('a() handled');
    expect(callResult(chains, 'p(a().map(f))')).toBe('a().map(f)');
  });
});

describe('mayReject, promiseMayReject and findEscape', () => {
  const code = `
    async function loud() { await api.call(); }
    async function quiet() { try { await api.call(); } catch (err) { logger.error(err); } }
    async function rethrows() { try { await api.call(); } catch (err) { logger.error(err); throw err; } }
    async function wraps() { try { await api.call(); } catch (err) { throw new Error('x', { cause: err }); } }
    async function cleanup() { try { await api.call(); } finally { await release(); } }
    async function caughtChain() { await api.call().catch((err) => logger.warn(err)); }
    async function waits() { await sleep(10); await new Promise((resolve) => setTimeout(resolve, 5)); await Promise.allSettled([a()]); }
    async function callsQuiet() { await quiet(); }
    async function callsLoud() { await loud(); }
    async function returnsLoud() { return loud(); }
    async function streams() { for await (const x of source) use(x); }
    async function nothing() { logger.info('tick'); }
    const concise = async () => loud();
    function plain() { return 1; }
    p(loud()); p(quiet()); p(plain()); p(imported()); p(fetch(url)); p(Promise.all([a()])); p(Promise.all([a().catch(h)]));
    p(Promise.allSettled([a()])); p(loud().then(f)); p(loud().catch(h));
  `;

  function escapes() {
    const results = new Map<string, string | null>();
    probe(code, (context) => ({
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        const escape = findEscape(context, node, context.sourceCode.visitorKeys);
        results.set(node.id!.name, escape ? escape.type : null);
      },
      'VariableDeclarator > ArrowFunctionExpression'(node: TSESTree.ArrowFunctionExpression) {
        const escape = findEscape(context, node, context.sourceCode.visitorKeys);
        results.set('concise', escape ? escape.type : null);
      },
    }));
    return results;
  }

  it('finds where a rejection escapes, and nothing when every failure is caught', () => {
    const found = escapes();
    expect(Object.fromEntries(found)).toEqual({
      loud: 'AwaitExpression',
      quiet: null,
      rethrows: null,
      wraps: 'ThrowStatement',
      cleanup: 'AwaitExpression',
      caughtChain: null,
      waits: null,
      callsQuiet: null,
      callsLoud: 'AwaitExpression',
      returnsLoud: 'ReturnStatement',
      streams: 'ForOfStatement',
      nothing: null,
      plain: null,
      concise: 'CallExpression',
    });
  });

  it('says which calls give a promise that may reject, never guessing about unknown functions', () => {
    const results = probeCalls(code, (context, node) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'p') return null;
      const arg = node.arguments[0]!;
      return { call: mayReject(context, arg, context.sourceCode.visitorKeys), chain: promiseMayReject(context, arg, context.sourceCode.visitorKeys) };
    });
    const of = (text: string) => callResult(results, text);
    expect(of('p(loud())')).toEqual({ call: true, chain: true });
    expect(of('p(quiet())')).toEqual({ call: false, chain: false });
    expect(of('p(plain())')).toEqual({ call: false, chain: false });
    expect(of('p(imported())')).toEqual({ call: false, chain: false });
    expect(of('p(fetch(url))')).toEqual({ call: true, chain: true });
    expect(of('p(Promise.all([a()]))')).toEqual({ call: true, chain: true });
    expect(of('p(Promise.all([a().catch(h)]))')).toEqual({ call: false, chain: false });
    expect(of('p(Promise.allSettled([a()]))')).toEqual({ call: false, chain: false });
    expect(of('p(loud().then(f))')?.chain).toBe(true);
    expect(of('p(loud().catch(h))')?.chain).toBe(false);
  });
});

describe('returnedCallAwaitedElsewhere', () => {
  it('a method path awaited elsewhere in the file; not a bare name, a path never awaited, or a chain', () => {
    const code = `
      async function start(job) { await this.store.update(job); await save(job); }
      p(this.store.update(job)); p(this.store?.update(job)); p(this.store.remove(job)); p(save(job)); p(store.update(job)); p(this.store.update(job).then(f));
    `;
    const results = probeCalls(code, (context, node) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'p') return null;
      return returnedCallAwaitedElsewhere(context, node.arguments[0]!);
    });
    expect(callResult(results, 'p(this.store.update(job))')).toBe(true);
    expect(callResult(results, 'p(this.store?.update(job))')).toBe(true);
    expect(callResult(results, 'p(this.store.remove(job))')).toBe(false);
    expect(callResult(results, 'p(save(job))')).toBe(false);
    expect(callResult(results, 'p(store.update(job))')).toBe(false);
    expect(callResult(results, 'p(this.store.update(job).then(f))')).toBe(false);
  });
});

describe('same-file factories, caught chains held in variables, shutdown signals, process rejection handlers', () => {
  const code = `
    function makeQuiet() { return async () => { try { await api.call(); } catch (err) { logger.error(err); } }; }
    const makeLoud = () => async () => { await api.call(); };
    function makeEither(x) { if (x) return async () => {}; return other; }
    const quietTask = makeQuiet();
    const loudTask = makeLoud();
    const eitherTask = makeEither(1);
    let reassigned = makeQuiet(); reassigned = makeLoud();
    async function awaitsQuietTask() { await quietTask(); }
    async function awaitsLoudTask() { await loudTask(); }
    async function awaitsEither() { await eitherTask(); }
    async function awaitsReassigned() { await reassigned(); }
    async function awaitsCaughtChain() { const pass = previous.catch(() => {}).then(run); try { await pass; } finally { done(); } }
    async function awaitsUncaughtChain() { const pass = previous.then(run); try { await pass; } finally { done(); } }
  `;

  it('follows a factory to the one function it returns, and a variable to a chain that catches', () => {
    const results = new Map<string, string | null>();
    probe(code, (context) => ({
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        if (!node.async) return;
        const escape = findEscape(context, node, context.sourceCode.visitorKeys);
        results.set(node.id!.name, escape ? escape.type : null);
      },
    }));
    expect(Object.fromEntries(results)).toEqual({
      awaitsQuietTask: null,
      awaitsLoudTask: 'AwaitExpression',
      awaitsEither: 'AwaitExpression',
      awaitsReassigned: 'AwaitExpression',
      awaitsCaughtChain: null,
      awaitsUncaughtChain: 'AwaitExpression',
    });
  });

  it('marks process listeners for shutdown signals, also through a loop over a literal list', () => {
    const shutdown = new Map<string, boolean>();
    probe(
      `
      process.on('SIGTERM', async () => {});
      process.once('SIGINT', stop);
      process.on('SIGHUP', async () => {});
      server.on('SIGTERM', async () => {});
      ['SIGTERM', 'SIGQUIT'].forEach((signal) => process.on(signal, stop));
      ['SIGTERM', 'SIGUSR2'].forEach((sig) => process.on(sig, stop));
      for (const s of ['SIGINT', 'SIGBREAK']) process.on(s, stop);
      for (const t of signals) process.on(t, stop);
      `,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          for (const cb of getBackgroundCallbacks(context, node)) shutdown.set(context.sourceCode.getText(node), cb.shutdown === true);
        },
      }),
    );
    expect(Object.fromEntries(shutdown)).toEqual({
      "process.on('SIGTERM', async () => {})": true,
      "process.once('SIGINT', stop)": true,
      "process.on('SIGHUP', async () => {})": false,
      "server.on('SIGTERM', async () => {})": false,
      'process.on(signal, stop)': true,
      'process.on(sig, stop)': false,
      'process.on(s, stop)': true,
      'process.on(t, stop)': false,
    });
  });

  it('marks listeners of before…/after… lifecycle events, except on process', () => {
    const lifecycle = new Map<string, boolean>();
    probe(
      `
      app.on('afterStart', async () => {});
      this.app.on('beforeLoadPlugin', async () => {});
      db.on('after:save', async () => {});
      this.app.db.on('users.afterSave', async () => {});
      db.on('rolesResources.afterSaveWithAssociations', async () => {});
      db.on('users.aftermath', async () => {});
      hooks.once('before-destroy', async () => {});
      process.on('beforeExit', async () => {});
      emitter.on('afterward', async () => {});
      emitter.on('message', async () => {});
      emitter.on(eventName, async () => {});
      `,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          for (const cb of getBackgroundCallbacks(context, node)) lifecycle.set(context.sourceCode.getText(node), cb.lifecycleEvent === true);
        },
      }),
    );
    expect(Object.fromEntries(lifecycle)).toEqual({
      "app.on('afterStart', async () => {})": true,
      "this.app.on('beforeLoadPlugin', async () => {})": true,
      "db.on('after:save', async () => {})": true,
      "this.app.db.on('users.afterSave', async () => {})": true,
      "db.on('rolesResources.afterSaveWithAssociations', async () => {})": true,
      "db.on('users.aftermath', async () => {})": false,
      "hooks.once('before-destroy', async () => {})": true,
      "process.on('beforeExit', async () => {})": false,
      "emitter.on('afterward', async () => {})": false,
      "emitter.on('message', async () => {})": false,
      'emitter.on(eventName, async () => {})': false,
    });
  });

  it('sees a same-file unhandledRejection handler only when it logs the reason', () => {
    const installs = (source: string, options: ProbeOptions = {}) => {
      let found: boolean | null = null;
      probe(source, (context) => ({ 'Program:exit'() { found = installsRejectionLogger(context); } }), options);
      return found;
    };
    expect(installs("process.on('unhandledRejection', (error) => { logging.error('Unhandled rejection:', error); });")).toBe(true);
    expect(installs("function boot() { process.once('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled')); }")).toBe(true);
    expect(installs("process.on('unhandledRejection', () => { logger.error('something failed'); });")).toBe(false);
    // console.trace has no level to filter it by and prints the error with its stack; console.debug of it is still not a record
    expect(installs("process.addListener('unhandledRejection', (error, promise) => { console.trace(error); });")).toBe(true);
    expect(installs("process.on('unhandledRejection', (error) => { logger.trace(error); });")).toBe(false);
    expect(installs("process.on('unhandledRejection', (e) => { metrics.inc('rejections', e); });")).toBe(false);
    expect(installs("process.on('uncaughtException', (e) => logger.error(e));")).toBe(false);
    expect(installs("const process = emitter; process.on('unhandledRejection', (e) => logger.error(e));")).toBe(false);
    expect(installs("var process = emitter; process.on('unhandledRejection', (e) => logger.error(e));", { sourceType: 'script' })).toBe(false);
  });
});

describe('getBackgroundRegistration', () => {
  function registered(code: string, options: ProbeOptions = {}) {
    const results = new Map<string, string | null>();
    const name = (context: Context, fn: AnyFunction): string => {
      if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id.name;
      const p = fn.parent;
      if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name;
      if (p?.type === 'MethodDefinition' && p.key.type === 'Identifier') return p.key.name;
      return context.sourceCode.getText(fn).slice(0, 20);
    };
    probe(
      code,
      (context) => {
        const visit = (fn: AnyFunction) => {
          if (!isFunctionNode(fn)) return;
          results.set(name(context, fn), getBackgroundRegistration(context, fn)?.api ?? null);
        };
        return { FunctionDeclaration: visit, FunctionExpression: visit, ArrowFunctionExpression: visit };
      },
      options,
    );
    return Object.fromEntries(results);
  }

  it('finds inline callbacks, names passed to a scheduler, bound methods and Nest scheduled methods', () => {
    const found = registered(
      `
      import { Cron } from '@nestjs/schedule';
      async function poll() {}
      const tick = async () => {};
      function helper() {}
      setInterval(poll, 1000);
      emitter.on('x', tick.bind(null));
      helper();
      class Jobs {
        @Cron('* * * * *')
        async nightly() {}
        other() {}
      }
    `,
      { ts: true },
    );
    expect(found).toMatchObject({ poll: 'setInterval', tick: "'x' listener", helper: null, nightly: '@Cron()', other: null });
  });
});

describe('isSupervisorChannel', () => {
  it("is true for process.on('message') and parentPort.on('message'), false for another emitter's listener", () => {
    const results = probeCalls(
      `
      process.on('message', async (m) => {});
      parentPort.on('message', async (m) => {});
      socket.on('message', async (m) => {});
    `,
      (context, node) => getBackgroundCallbacks(context, node).map((cb) => isSupervisorChannel(cb)).join(','),
    );
    expect(callResult(results, "process.on('message', async (m) => {})")).toBe('true');
    expect(callResult(results, "parentPort.on('message', async (m) => {})")).toBe('true');
    expect(callResult(results, "socket.on('message', async (m) => {})")).toBe('false');
  });
});

describe('enclosingBackgroundCallback', () => {
  it('finds the background callback a node runs in, through nested functions', () => {
    const code = [
      'setInterval(() => { items.forEach((i) => { probeHere(1); }); }, 1000);',
      "emitter.on('data', function onData() { probeHere(2); });",
      'function plain() { probeHere(3); }',
      'probeHere(4);',
    ].join('\n');
    const results = probeCalls(code, (context, node) => enclosingBackgroundCallback(context, node)?.api ?? null);
    expect(callResult(results, 'probeHere(1)')).toBe('setInterval');
    expect(callResult(results, 'probeHere(2)')).not.toBeNull();
    expect(callResult(results, 'probeHere(3)')).toBeNull();
    expect(callResult(results, 'probeHere(4)')).toBeNull();
  });
  it('an extra background API counts when named', () => {
    const results = probeCalls('queue.schedule(() => { probeHere(5); });', (context, node) => enclosingBackgroundCallback(context, node, ['queue.schedule'])?.api ?? null);
    expect(callResult(results, 'probeHere(5)')).not.toBeNull();
    const plain = probeCalls('queue.schedule(() => { probeHere(6); });', (context, node) => enclosingBackgroundCallback(context, node)?.api ?? null);
    expect(callResult(plain, 'probeHere(6)')).toBeNull();
  });
  it('a same-file helper called only from background callbacks runs in the first of them', () => {
    const code = [
      'const onAuth = function (msg) { probeHere(7); };',
      "ws.on('message', (data) => { if (data.auth) onAuth(data); });",
      'function both(msg) { probeHere(8); }',
      "ws.on('close', () => both(1));",
      'both(2);',
      'function passedOn(msg) { probeHere(9); }',
      "ws.on('open', () => passedOn(1));",
      'register(passedOn);',
    ].join('\n');
    const results = probeCalls(code, (context, node) => enclosingBackgroundCallback(context, node)?.api ?? null);
    expect(callResult(results, 'probeHere(7)')).toBe("'message' listener");
    expect(callResult(results, 'probeHere(8)')).toBeNull();
    expect(callResult(results, 'probeHere(9)')).toBeNull();
  });  it('a class method called only as this.m() from background callbacks runs in the first of them (issue 18)', () => {
    const code = [
      'class Sockets {',
      "  constructor() { this.wss.on('connection', (ws) => { this.accept(ws); }); setInterval(() => this.poll(), 1000); }",
      '  accept(ws) { probeHere(10); }',
      '  poll() { probeHere(11); }',
      '  start() { this.poll(); }',
      '  refresh() { probeHere(12); }',
      "  wire() { emitter.on('x', () => this.refresh()); return this.refresh; }",
      '  idle() { probeHere(13); }',
      '  static tick() { probeHere(14); }',
      '}',
      'setInterval(() => Sockets.tick(), 5);',
    ].join('\n');
    const results = probeCalls(code, (context, node) => enclosingBackgroundCallback(context, node)?.api ?? null);
    expect(callResult(results, 'probeHere(10)')).toBe("'connection' listener");
    // Also called from start(): not only background work.
    expect(callResult(results, 'probeHere(11)')).toBeNull();
    // Handed on as a value.
    expect(callResult(results, 'probeHere(12)')).toBeNull();
    // Never called.
    expect(callResult(results, 'probeHere(13)')).toBeNull();
    expect(callResult(results, 'probeHere(14)')).toBeNull();
  });
});
