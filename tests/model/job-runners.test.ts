import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { RUNNER_MODULES, getJobRunnerKind, isAgendaObject, isBullQueue, namesModule, rootImport } from '../../src/model/job-runners.js';
import { callResult, probe } from '../helpers/probe.js';

/** For each call or `new` in `code` (by its text), what `fn` answers. */
function answers<T>(code: string, fn: (context: Parameters<Parameters<typeof probe>[1]>[0], node: TSESTree.CallExpression | TSESTree.NewExpression) => T) {
  const results = new Map<string, T>();
  probe(code, (context) => {
    const record = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      const text = context.sourceCode.getText(node);
      if (!results.has(text)) results.set(text, fn(context, node));
    };
    return { CallExpression: record, NewExpression: record };
  });
  return (text: string) => callResult(results, text);
}

describe('namesModule', () => {
  it('sees a runner module named as a string in an import or require', () => {
    const seen: boolean[] = [];
    probe("import { Worker } from 'bullmq';", (context) => ({ Program: () => void seen.push(namesModule(context, RUNNER_MODULES)) }));
    probe("const { EventEmitter } = require(`node:events`);", (context) => ({ Program: () => void seen.push(namesModule(context, RUNNER_MODULES)) }));
    expect(seen).toEqual([true, true]);
  });

  it('does not count a module name that is only a word in a comment or part of a longer specifier', () => {
    const seen: boolean[] = [];
    probe("// events are queued in bullmq\nimport x from 'bullmq-dashboard';", (context) => ({ Program: () => void seen.push(namesModule(context, RUNNER_MODULES)) }));
    expect(seen).toEqual([false]);
  });

  it('needs the same quote on both sides, and sees a name after a longer look-alike', () => {
    const seen: boolean[] = [];
    for (const code of ["const a = 'bullmq\"; const b = \"events'", "import x from 'bullmq-pro'; import y from 'bullmq';", "import { Worker } from '@taskforcesh/bullmq-pro';"]) {
      probe(code, (context) => ({ Program: () => void seen.push(namesModule(context, RUNNER_MODULES)) }));
    }
    expect(seen).toEqual([false, true, true]);
  });
});

describe('rootImport', () => {
  it('finds the module of the root of a callee, and nothing for a local name', () => {
    const of = answers(
      `
      import cron from 'node-cron';
      const local = { schedule() {} };
      cron.schedule('* * * * *', run);
      local.schedule('x', run);
    `,
      (context, node) => rootImport(context, node.callee)?.source ?? null,
    );
    expect(of("cron.schedule('* * * * *', run)")).toBe('node-cron');
    expect(of("local.schedule('x', run)")).toBeNull();
  });
});

describe('getJobRunnerKind', () => {
  it('judges an aliased import by its imported name, and a bare EventEmitter without an import', () => {
    const of = answers(
      `
      import { Worker as MqWorker } from 'bullmq';
      new MqWorker('mail', processor);
      new EventEmitter();
      new Worker('./task.js');
    `,
      (context, node) => getJobRunnerKind(context, node),
    );
    expect(of("new MqWorker('mail', processor)")).toBe('bullmq-worker');
    expect(of('new EventEmitter()')).toBe('event-emitter');
    // A Worker of unknown origin could be a browser Web Worker.
    expect(of("new Worker('./task.js')")).toBeNull();
  });
});

describe('isBullQueue / isAgendaObject', () => {
  it('traces a receiver to its creation from bull or agenda', () => {
    const of = answers(
      `
      const Queue = require('bull');
      const Agenda = require('agenda');
      const videos = new Queue('video');
      const agenda = new Agenda({ db });
      const other = new Map();
      videos.process(run);
      agenda.define('job', run);
      other.process(run);
    `,
      (context, node) => {
        const callee = node.callee as TSESTree.MemberExpression;
        return callee.type === 'MemberExpression' ? `${isBullQueue(context, callee.object)}/${isAgendaObject(context, callee.object)}` : null;
      },
    );
    expect(of('videos.process(run)')).toBe('true/false');
    expect(of("agenda.define('job', run)")).toBe('false/true');
    expect(of('other.process(run)')).toBe('false/false');
  });
});
