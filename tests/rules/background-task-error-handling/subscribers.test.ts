import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Observable subscribers (RxJS `events$.subscribe(async (e) => …)`, `subscribe({ next })`) and
 * class methods that run only from background callbacks (`setInterval(() => this.check())`,
 * `wss.on('connection', (ws) => this.accept(ws))`): the subscriber's promise is dropped like a
 * listener's, and a promise a method starts without waiting floats in the callback that calls it.
 */
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (subscribers and background methods)', rule, {
  valid: [
    // The subscriber catches and logs.
    `class CacheInvalidator {
  onModuleInit() {
    this.eventBus.ofType(ProductEvent).subscribe(async (event) => {
      try {
        await this.cache.delete(event.product.id);
      } catch (err) {
        this.logger.error('cache invalidation failed', err);
      }
    });
  }
}`,
    // A synchronous subscriber.
    `events$.pipe(filter((e) => e.type === 'updated')).subscribe((event) => {
  counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
});`,
    // A channel-first bus of the app's own may await its handlers.
    `pubsub.subscribe('ws:sendToUser', async ({ userId, message }) => {
  await sendToUser(userId, message);
});`,
    // An async subscriber that cannot reject.
    `state$.subscribe(async (state) => {
  latest = state;
});`,
    // The method is also called outside background work (start-up awaits it).
    `class Strategy {
  init() {
    this.timer = setInterval(() => this.checkQueue().catch((err) => console.error('queue check failed', err)), 5000);
  }
  async start() {
    await this.checkQueue();
  }
  async checkQueue() {
    const tasks = await this.repo.find();
    for (const task of tasks) this.runTask(task);
  }
  async runTask(task) {
    await this.repo.lock(task.id);
  }
}`,
    // The background method awaits inside try/catch.
    `class Sockets {
  constructor() {
    this.wss.on('connection', (ws, request) => {
      this.accept(ws, request);
    });
  }
  accept(ws, request) {
    this.clients.set(ws.id, ws);
    this.resolveApp(ws, request).catch((err) => console.error('app resolution failed', err));
  }
  async resolveApp(ws, request) {
    ws.app = await this.gateway.appFor(request);
  }
}`,
  ],
  invalid: [
    {
      code: `class FacetChecker {
  onModuleInit() {
    this.eventBus.ofType(ProductEvent).pipe(filter((e) => e.type === 'updated')).subscribe(async (event) => {
      const ids = await this.repo.variantIds(event.product.id);
      await this.cache.delete(ids);
    });
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class FacetChecker {
  onModuleInit() {
    this.eventBus.ofType(ProductEvent).pipe(filter((e) => e.type === 'updated')).subscribe(async (event) => {
      try {
        const ids = await this.repo.variantIds(event.product.id);
        await this.cache.delete(ids);
      } catch (err) {
        console.error('onModuleInit subscribe callback failed', err);
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
      code: `merge(products$, variants$).pipe(debounceTime(50)).subscribe({
  next: async (event) => {
    await triggerApplyFiltersJob(event.ctx);
  },
});`,
      output: null,
      errors: [
        {
          messageId: 'asyncCallback',
          line: 2,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `merge(products$, variants$).pipe(debounceTime(50)).subscribe({
  next: async (event) => {
    try {
      await triggerApplyFiltersJob(event.ctx);
    } catch (err) {
      console.error('subscribe callback failed', err);
    }
  },
});`,
            },
          ],
        },
      ],
    },
    {
      code: `class Strategy {
  init() {
    this.timer = setInterval(() => this.checkQueue(), 5000);
  }
  async checkQueue() {
    try {
      const tasks = await this.repo.find();
      for (const task of tasks) void this.runTask(task);
    } catch (err) {
      console.error('queue check failed', err);
    }
  }
  async runTask(task) {
    await this.repo.lock(task.id);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 8,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `class Strategy {
  init() {
    this.timer = setInterval(() => this.checkQueue(), 5000);
  }
  async checkQueue() {
    try {
      const tasks = await this.repo.find();
      for (const task of tasks) void this.runTask(task).catch((err) => console.error('runTask failed', err));
    } catch (err) {
      console.error('queue check failed', err);
    }
  }
  async runTask(task) {
    await this.repo.lock(task.id);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `class Sockets {
  constructor() {
    this.wss.on('connection', (ws, request) => {
      this.accept(ws, request);
    });
  }
  accept(ws, request) {
    this.clients.set(ws.id, ws);
    this.resolveApp(ws, request);
  }
  async resolveApp(ws, request) {
    ws.app = await this.gateway.appFor(request);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 9,
          suggestions: [
            {
              messageId: 'addCatch',
              output: `class Sockets {
  constructor() {
    this.wss.on('connection', (ws, request) => {
      this.accept(ws, request);
    });
  }
  accept(ws, request) {
    this.clients.set(ws.id, ws);
    this.resolveApp(ws, request).catch((err) => console.error('resolveApp failed', err));
  }
  async resolveApp(ws, request) {
    ws.app = await this.gateway.appFor(request);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
