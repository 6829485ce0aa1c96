import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRunnerTracker } from '../../src/model/runner-listeners.js';
import { probe } from '../helpers/probe.js';

/** The runners of `code` whose failures nothing records, as `kind receiver`. */
function unrecorded(code: string): string[] {
  const out: string[] = [];
  probe(code, (context) => {
    const tracker = createRunnerTracker(context);
    const onCall = (node: TSESTree.CallExpression | TSESTree.NewExpression) => tracker.onCall(node);
    return {
      CallExpression: onCall,
      NewExpression: onCall,
      'Program:exit': () => {
        for (const { creation, need } of tracker.unrecordedRunners()) out.push(`${creation.kind} ${creation.receiverText} ${need.events[0]}`);
      },
    };
  });
  return out;
}

describe('createRunnerTracker', () => {
  it('reports a bullmq worker with no failed listener, not one whose listener logs', () => {
    expect(
      unrecorded(`
        import { Worker } from 'bullmq';
        const mail = new Worker('mail', async (job) => send(job.data));
        const video = new Worker('video', async (job) => encode(job.data));
        video.on('failed', (job, err) => logger.error({ err, jobId: job.id }, 'video job failed'));
      `),
    ).toEqual(['bullmq-worker mail failed']);
  });

  it("reports an emitter that emits 'error' with no listener, not one that never emits it", () => {
    expect(
      unrecorded(`
        import { EventEmitter } from 'node:events';
        const bus = new EventEmitter();
        const quiet = new EventEmitter();
        bus.emit('error', new Error('lost'));
        quiet.emit('tick');
      `),
    ).toEqual(['event-emitter bus error']);
  });

  it('does not count a listener that neither logs nor passes the error on', () => {
    expect(
      unrecorded(`
        const { Worker } = require('node:worker_threads');
        const w = new Worker('./task.js');
        w.on('error', function onError(err) { counter++; });
      `),
    ).toEqual(['worker-thread w error']);
  });

  it('leaves a runner stored on this alone when this.x escapes the class member it is kept in', () => {
    expect(
      unrecorded(`
        import { Worker } from 'bullmq';
        class Jobs {
          start() { this.worker = new Worker('mail', async (job) => send(job)); register(this.worker); }
        }
        class Other {
          start() { this.worker = new Worker('pdf', async (job) => render(job)); }
        }
      `),
    ).toEqual(['bullmq-worker this.worker failed']);
  });
});
