import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Precision on real applications (issue 15): callees that catch and log their own failures, a
 * start-up whose failure is a logged crash, factories whose callback catches, shutdown handlers, clients
 * that answer failures as data (n8n, medusa, strapi, Ghost). The true shapes beside them stay reported,
 * and the strict options (`includeVoidedCalls`, `includeShutdownHandlers`) report what recommended leaves.
 */
// @typescript-eslint/parser throughout (JS is valid TS); JSX cases name a .tsx file.
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

ruleTester.run('background-task-error-handling (precision on real applications)', rule, {
  valid: [
    "// a statement call beside awaited ones of the same callee: its options make it handle its own failures (NocoBase plugin manager)\nrouter.post('/pm/add', async (ctx, next) => {\n  if (ctx.request.body.check) {\n    await app.runAsCLI(['pm', 'check'], { from: 'user', throwError: true });\n  }\n  app.runAsCLI(['pm', 'add', ctx.request.body.packageName], { from: 'user' });\n  ctx.body = 'ok';\n  await next();\n});",
    // --- the callee catches and logs its own failures (n8n insights-collection.service) ---
    {
      code: `class InsightsCollectionService {
  scheduleFlushing() {
    this.timer = setTimeout(async () => await this.flushEvents(), 1000);
  }
  async flushEvents() {
    let flushPromise = undefined;
    flushPromise = (async () => {
      try {
        await this.saveInsights(this.buffer);
      } catch (e) {
        this.logger.error('Error while saving insights', { error: e });
      } finally {
        this.scheduleFlushing();
      }
    })();
    this.flushesInProgress.add(flushPromise);
    await flushPromise;
  }
}`,
    },
    // --- a callee that logs and exits (n8n base-command exitWithCrash) ---
    {
      code: `class BaseCommand {
  onTerminationSignal() {
    setTimeout(async () => {
      await this.exitWithCrash('Shutdown timed out', new Error('timeout'));
    }, 30000);
  }
  async exitWithCrash(message, error) {
    this.logger.error(message, { error });
    await this.errorReporter.flush();
    process.exit(1);
  }
}`,
    },
    // --- start-up whose failure is a logged crash (medusa commands/start) ---
    {
      code: `async function internalStart() {
  const container = await initializeContainer(directory);
  const logger = container.resolve('logger');
  try {
    await loaders({ directory });
  } catch (err) {
    logger.error('Error starting server', err);
    process.exit(1);
  }
}
process.on('message', async (msg) => {
  return await internalStart();
});`,
    },

    // --- precision on real applications (issue 15) ---
    // `void call()` on a callee the file cannot see (medusa's workflow engine subscribe/unsubscribe,
    // which only edit an in-memory map; n8n's publisher; a sync stopExecution): recommended does
    // not guess; `includeVoidedCalls` (strict) does.
    `export const GET = async (req, res) => {
  const workflowEngineService = req.scope.resolve('workflows');
  req.on('close', () => {
    res.end();
    void workflowEngineService.unsubscribe({ workflowId: req.params.workflow_id, subscriberOrId: subscriberId });
  });
  void workflowEngineService.subscribe({ workflowId: req.params.workflow_id, subscriber: async (args) => res.write(format(args)) });
};`,
    `export class McpSettingsController {
  async toggleWorkflowsMCPAccess(req, _res, dto) {
    const { changedWorkflows, ...result } = await this.mcpSettingsService.bulkSetAvailableInMCP(req.user, dto);
    void this.mcpSettingsService.broadcastWorkflowMCPAvailabilityChanged(changedWorkflows);
    return result;
  }
}`,
    `export class WorkflowRunner {
  schedule(executionId, timeout) {
    setTimeout(() => {
      void this.activeExecutions.stopExecution(executionId, new TimeoutError(executionId));
    }, timeout);
  }
}`,
    // Shutdown handlers (strapi, medusa develop): the process is ending; a rejection ends it with the
    // error printed. `includeShutdownHandlers` (strict) reports them.
    `const destroyOnSignal = (strapi) => {
  let signalReceived = false;
  const terminateStrapi = async () => {
    if (!signalReceived) {
      signalReceived = true;
      await strapi.destroy();
      process.exit();
    }
  };
  ['SIGTERM', 'SIGINT'].forEach((signal) => {
    process.on(signal, terminateStrapi);
  });
};`,
    `process.on('SIGINT', async () => {
  await promptClaudeCodePlugin();
  process.exit(0);
});`,
    // Lifecycle events (NocoBase): \`before…\` / \`after…\` events are fired by a hook runner that awaits its
    // listeners (\`await this.emitAsync('afterStart')\`), so the rejection reaches the code that fired them.
    // \`includeLifecycleEvents\` (strict) reports them.
    `export class PubSubManager {
  constructor(app) {
    app.on('afterStart', async () => {
      await this.connect();
    });
  }
  async connect() {
    await this.adapter.connect();
  }
}`,
    // A model hook qualified by its collection (NocoBase plugins, Sequelize-style hooks): the database fires and awaits it.
    `export class PluginAuthServer {
  async load() {
    this.app.db.on('users.afterSave', async (user) => {
      await this.app.cache.del(\`auth:\${user.id}\`);
    });
  }
}`,
    `export class SyncMessageManager {
  constructor(app) {
    this.app = app;
    this.app.on('beforeLoadPlugin', async (plugin) => {
      await this.subscribe(plugin.name);
    });
  }
  async subscribe(name) {
    await this.pubSub.subscribe(name);
  }
}`,
    `for (const signal of ['SIGTERM', 'SIGQUIT']) {
  process.once(signal, async () => {
    await server.stop();
    void db.close();
  });
}`,
    // A factory that hands out a same-file method which catches everything, called at once.
    `class Gateway {
  start() {
    this.server = http.createServer((req, res) => {
      this.getCallback()(req, res);
    });
  }
  getCallback() {
    return this.requestHandler.bind(this);
  }
  async requestHandler(req, res) {
    try {
      await this.proxy(req, res);
    } catch (err) {
      this.logger.error('gateway request failed', err);
      res.statusCode = 500;
      res.end();
    }
  }
}`,
    // The factory hands out a plain function: no promise.
    `class Gateway {
  start() {
    this.server = http.createServer((req, res) => {
      this.getCallback()(req, res);
    });
  }
  getCallback() {
    return this.handleSync.bind(this);
  }
  handleSync(req, res) {
    res.end(this.render(req.url));
  }
}`,
    // A same-file factory whose returned callback catches and logs (n8n's chat service).
    `export class ChatService {
  startSession(key) {
    const respondToChat = this.pollAndProcessChatResponses(key);
    const intervalId = setInterval(async () => await respondToChat(), 1000);
    return intervalId;
  }
  pollAndProcessChatResponses(sessionKey) {
    return async () => {
      try {
        await this.processWaitingExecution(sessionKey);
      } catch (e) {
        this.logger.error('Error sending message to chat', { error: e });
      }
    };
  }
}`,
    `function makePoller(source) {
  return async () => {
    try {
      await source.poll();
    } catch (err) {
      logger.error({ err }, 'poll failed');
    }
  };
}
const poll = makePoller(feed);
setInterval(() => poll(), 5000);`,
    // A promise chain that catches the previous pass and runs one that catches itself (n8n's reconciler).
    `export class Reconciler {
  init() {
    setInterval(async () => await this.reconcile('interval'), 60000);
  }
  async reconcile(reason) {
    if (this.inFlight && reason === 'interval') return await this.inFlight.catch(() => {});
    const pass = (this.inFlight ?? Promise.resolve())
      .catch(() => {})
      .then(async () => {
        await this.runPass(reason);
      });
    this.inFlight = pass;
    try {
      await pass;
    } finally {
      if (this.inFlight === pass) this.inFlight = undefined;
    }
  }
  async runPass(reason) {
    try {
      await this.repository.findPublished(reason);
    } catch (error) {
      this.errorReporter.error(error, { shouldBeLogged: true });
    }
  }
}`,
    // A process handler in the same file that logs each unhandled rejection with its stack (Ghost's boot).
    `process.on('unhandledRejection', (error) => {
  logging.error('Unhandled rejection:', error);
});
events.on('settings.labs.edited', async () => {
  await activityPub.enable();
});`,
    // … or one declared by the option when it is installed in another file.
    {
      code: `async function configureActivityPub() {
  await ActivityPubServiceWrapper.instance.enable();
}
events.on('settings.social_web.edited', configureActivityPub);
setTimeout(async () => { await milestones.run(); }, 1000);`,
      options: [{ rejectionsLoggedByProcessHandler: true }],
    },
    // A client that answers failures as data: the caller tests \`ok\` and logs \`error\` (n8n's leader
    // election, whose Redis wrapper returns \`{ ok: false, error }\` instead of rejecting).
    `class MultiMainSetup {
  async init() {
    this.leaderCheckInterval = setInterval(async () => {
      await this.checkLeader();
    }, 3000);
  }
  async checkLeader() {
    this.leaderCheckInProgress = true;
    try {
      await this.checkAreWeStillLeader();
    } finally {
      this.leaderCheckInProgress = false;
    }
  }
  async checkAreWeStillLeader() {
    const renewTtlResult = await this.client.tryRenewLeaderTtl();
    if (!renewTtlResult.ok) {
      this.logger.warn('Failed to renew leader TTL', { error: renewTtlResult.error });
      return;
    }
    const result = await this.client.setLeaderIfNotExists();
    if (result.ok === false) {
      this.logger.warn('Failed to set leader key', { error: result.error });
    }
  }
}`,
    // The same shape in TypeScript, with \`success\` and a type assertion.
    `setInterval(async () => {
  const outcome = (await billing.syncInvoices()) as SyncResult;
  if (!outcome.success) logger.warn({ err: outcome.error }, 'invoice sync failed');
}, 60000);`,
    // A compiled TypeScript call of an imported sleep only waits (n8n's execution recovery).
    `push.once('editorUiConnected', async () => {
  await (0, sleep_1.sleep)(1000);
  notifier.notify('workflowAutoDeactivated');
});`,
  ],
  invalid: [
    // --- precision on real applications (issue 15): the true shapes stay reported ---
    // SIGHUP is often "reload": not a shutdown, so its failure is reported.
    {
      code: `process.on('SIGHUP', async () => {
  await config.reload();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `process.on('SIGHUP', async () => {
  try {
    await config.reload();
  } catch (err) {
    console.error('SIGHUP listener failed', err);
    process.exitCode = 1;
  }
});`,
            },
          ],
        },
      ],
    },
    // A loop over signals one of which is not a shutdown.
    {
      code: `['SIGTERM', 'SIGUSR2'].forEach((signal) => process.on(signal, async () => {
  await cache.flush();
}));`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `['SIGTERM', 'SIGUSR2'].forEach((signal) => process.on(signal, async () => {
  try {
    await cache.flush();
  } catch (err) {
    console.error('event listener failed', err);
    process.exitCode = 1;
  }
}));`,
            },
          ],
        },
      ],
    },
    // A process handler that does not log the rejection it receives records nothing.
    {
      code: `process.on('unhandledRejection', () => {
  metrics.increment('rejections');
});
events.on('settings.labs.edited', async () => {
  await activityPub.enable();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `process.on('unhandledRejection', () => {
  metrics.increment('rejections');
});
events.on('settings.labs.edited', async () => {
  try {
    await activityPub.enable();
  } catch (err) {
    console.error('settings.labs.edited listener failed', err);
  }
});`,
            },
          ],
        },
      ],
    },
    // \`fetch\`'s response also has \`ok\`, but no \`error\`: a network failure still rejects.
    {
      code: `setInterval(async () => {
  const res = await fetch(statusUrl);
  if (!res.ok) throw new Error(res.statusText);
}, 60000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `setInterval(async () => {
  try {
    const res = await fetch(statusUrl);
    if (!res.ok) throw new Error(res.statusText);
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 60000);`,
            },
          ],
        },
      ],
    },
    // A result whose \`ok\` is tested but whose error is never read is no sign of a client that answers
    // failures as data; and a compiled call of something other than a wait stays a risk.
    {
      code: `setInterval(async () => {
  const lease = await this.client.renewLease();
  if (!lease.ok) return;
  await (0, jobs_1.runPending)();
}, 5000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `setInterval(async () => {
  try {
    const lease = await this.client.renewLease();
    if (!lease.ok) return;
    await (0, jobs_1.runPending)();
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 5000);`,
            },
          ],
        },
      ],
    },
    // nocobase-style gateway: the factory returns the async request handler bound to the instance.
    {
      code: `class Gateway {
  start() {
    this.server = http.createServer((req, res) => {
      this.getCallback()(req, res);
    });
  }
  getCallback() {
    return this.requestHandler.bind(this);
  }
  async requestHandler(req, res) {
    const app = await this.supervisor.getApp(req.headers.host);
    app.callback()(req, res);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `class Gateway {
  start() {
    this.server = http.createServer((req, res) => {
      this.getCallback()(req, res).catch((err) => console.error('start failed', err));
    });
  }
  getCallback() {
    return this.requestHandler.bind(this);
  }
  async requestHandler(req, res) {
    const app = await this.supervisor.getApp(req.headers.host);
    app.callback()(req, res);
  }
}`,
            },
          ],
        },
      ],
    },
    // A factory whose callback lets the rejection escape (n8n's prune timer, through a factory).
    {
      code: `function makePruner(repository) {
  return async () => {
    await repository.deleteEarlierThan(Date.now() - 3600000);
  };
}
const prune = makePruner(historyRepository);
setInterval(async () => await prune(), 3600000);`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 7,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `function makePruner(repository) {
  return async () => {
    await repository.deleteEarlierThan(Date.now() - 3600000);
  };
}
const prune = makePruner(historyRepository);
setInterval(async () => {
  try {
    await prune();
  } catch (err) {
    console.error('interval task failed', err);
  }
}, 3600000);`,
            },
          ],
        },
      ],
    },
    // A voided same-class method that can reject is reported without the option (n8n's telemetry pulse).
    {
      code: `export class Telemetry {
  startPulse() {
    this.pulseInterval = setInterval(async () => {
      void this.pulse();
    }, 6 * 60 * 60 * 1000);
  }
  async pulse() {
    const counts = await this.workflowRepository.getActiveCounts();
    await this.track('pulse', counts);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `export class Telemetry {
  startPulse() {
    this.pulseInterval = setInterval(async () => {
      void this.pulse().catch((err) => console.error('pulse failed', err));
    }, 6 * 60 * 60 * 1000);
  }
  async pulse() {
    const counts = await this.workflowRepository.getActiveCounts();
    await this.track('pulse', counts);
  }
}`,
            },
          ],
        },
      ],
    },
    // The strict options report what recommended leaves: a voided call to another module's service,
    // and a shutdown handler (strapi's), here through a loop over the signals.
    {
      code: `export class WsServer {
  onMessage(id, message) {
    connection.on('message', () => {
      void this.taskBroker.onRunnerMessage(id, message);
    });
  }
}`,
      options: [{ includeVoidedCalls: true }],
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 4,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `export class WsServer {
  onMessage(id, message) {
    connection.on('message', () => {
      void this.taskBroker.onRunnerMessage(id, message).catch((err) => console.error('onRunnerMessage failed', err));
    });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export class PubSubManager {
  constructor(app) {
    app.on('afterStart', async () => {
      await this.connect();
    });
  }
  async connect() {
    await this.adapter.connect();
  }
}`,
      options: [{ includeLifecycleEvents: true }],
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `export class PubSubManager {
  constructor(app) {
    app.on('afterStart', async () => {
      try {
        await this.connect();
      } catch (err) {
        console.error('constructor afterStart listener failed', err);
      }
    });
  }
  async connect() {
    await this.adapter.connect();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // strict (includeLifecycleEvents): a model-qualified hook's listener is reported too, with the fix a suggestion.
      code: `export class PluginAuthServer {
  async load() {
    this.app.db.on('users.afterSave', async (user) => {
      await this.app.cache.del(\`auth:\${user.id}\`);
    });
  }
}`,
      options: [{ includeLifecycleEvents: true }],
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `export class PluginAuthServer {
  async load() {
    this.app.db.on('users.afterSave', async (user) => {
      try {
        await this.app.cache.del(\`auth:\${user.id}\`);
      } catch (err) {
        console.error('load users.afterSave listener failed', err);
      }
    });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Node's own 'beforeExit' is a plain process event: the promise is ignored.
      code: `process.on('beforeExit', async () => {
  await queue.flush();
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 1,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `process.on('beforeExit', async () => {
  try {
    await queue.flush();
  } catch (err) {
    console.error('beforeExit listener failed', err);
    process.exitCode = 1;
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `const terminate = async () => {
  await strapi.destroy();
  process.exit();
};
['SIGTERM', 'SIGINT'].forEach((signal) => {
  process.on(signal, terminate);
});`,
      options: [{ includeShutdownHandlers: true }],
      output: null,
      errors: [
        {
          messageId: 'asyncReference',
          line: 6,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `const terminate = async () => {
  await strapi.destroy();
  process.exit();
};
['SIGTERM', 'SIGINT'].forEach((signal) => {
  process.on(signal, () => terminate().catch((err) => console.error('terminate failed', err)));
});`,
            },
          ],
        },
      ],
    },
    // --- awaited promise held in a variable that an unknown call may reject ---
    {
      code: `class Flusher {
  start() {
    setTimeout(async () => await this.flush(), 1000);
  }
  async flush() {
    let pending = undefined;
    pending = this.repo.save(this.buffer);
    await pending;
  }
}`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 3, suggestions: [{ messageId: 'wrapInTryCatch', output: `class Flusher {
  start() {
    setTimeout(async () => {
      try {
        await this.flush();
      } catch (err) {
        console.error('start timeout task failed', err);
      }
    }, 1000);
  }
  async flush() {
    let pending = undefined;
    pending = this.repo.save(this.buffer);
    await pending;
  }
}` }] }],
    },
    // --- exits without a log, or ends with a successful exit: the failure is not the author's crash ---
    {
      code: `class Command {
  start() {
    setTimeout(async () => {
      await this.stop();
    }, 1000);
  }
  async stop() {
    await this.db.close();
    process.exit(1);
  }
}`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 3, suggestions: [{ messageId: 'wrapInTryCatch', output: `class Command {
  start() {
    setTimeout(async () => {
      try {
        await this.stop();
      } catch (err) {
        console.error('start timeout task failed', err);
      }
    }, 1000);
  }
  async stop() {
    await this.db.close();
    process.exit(1);
  }
}` }] }],
    },
    {
      code: `async function start() {
  await connect();
  try {
    await serve();
  } catch (err) {
    logger.error('serve failed', err);
    process.exit(0);
  }
}
process.on('message', async () => {
  await start();
});`,
      output: null,
      errors: [{ messageId: 'asyncCallback', line: 10, suggestions: [{ messageId: 'wrapInTryCatch', output: `async function start() {
  await connect();
  try {
    await serve();
  } catch (err) {
    logger.error('serve failed', err);
    process.exit(0);
  }
}
process.on('message', async () => {
  try {
    await start();
  } catch (err) {
    console.error('message listener failed', err);
    process.exitCode = 1;
  }
});` }] }],
    },
  ],
});
