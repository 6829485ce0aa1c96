/**
 * "Does this end the process?" — one answer (src/model/process-exit.ts) for what error-handlers.ts,
 * escapes.ts, shutdown-listeners.ts, handler-logs.ts, stack-loss.ts and system-steps.ts each wrote
 * themselves until session 40. Where those copies disagreed, the decision is recorded here with the
 * real code (trimmed) from the released apps that decided it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { AnyFunction, Context } from '../../src/model/ast.js';
import {
  endsByExiting,
  endsProcessAfter,
  exitOfStatement,
  exitsWhenDone,
  finalProcessExit,
  isFailureExit,
  isProcessExitCall,
  setsExitStatus,
} from '../../src/model/process-exit.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

/** For each arrow function of `code` (a handler), `fn` of its body's statements, in source order. */
function perHandler<T>(code: string, fn: (body: TSESTree.BlockStatement, handler: AnyFunction, context: Context) => T, options: ProbeOptions = {}): T[] {
  const out: T[] = [];
  probe(code, (context) => ({
    ArrowFunctionExpression(handler: TSESTree.ArrowFunctionExpression) {
      if (handler.body.type === 'BlockStatement' && handler.parent.type === 'CallExpression' && handler.parent.callee.type === 'Identifier' && handler.parent.callee.name === 'h') out.push(fn(handler.body, handler, context));
    },
  }), options);
  return out;
}

describe('isProcessExitCall: which calls end the process', () => {
  it('process.exit and process.abort, in source and compiled forms', () => {
    const results = probeCalls(
      `
      process.exit(1);
      process.abort();
      process_1.default.exit();
      (0, process_1.exit)(2);
      process.on('exit', f);
      exit(1);
      worker.exit(1);
    `,
      (_context, call) => isProcessExitCall(call),
    );
    expect(['process.exit(1)', 'process.abort()', 'process_1.default.exit()', '(0, process_1.exit)(2)'].map((t) => callResult(results, t))).toEqual([true, true, true, true]);
    expect(["process.on('exit', f)", 'exit(1)', 'worker.exit(1)'].map((t) => callResult(results, t))).toEqual([false, false, false]);
  });

  // Disagreement 1: error-handlers.ts counted every `process.kill(…)` (and abort) as ending the process;
  // escapes.ts, shutdown-listeners.ts, stack-loss.ts and system-steps.ts counted `process.exit` only.
  // Decided by the apps: `process.kill(pid, 0)` is a liveness probe (pm2's API.js, code-server's wrapper.js,
  // node-media-server's persister.js) and `process.kill(pid)` signals another process (haraka's server.js kills
  // the cluster master, homebridge-config-ui-x a plugin's child); only a signal the process sends itself ends it
  // (n8n's worker.js `process.kill(process.pid, 'SIGINT')`, vendure's job queue, node-media-server's
  // `process.kill(process.pid, signal)`). `process.abort()` ends it for every reader (directus's sandbox catch:
  // `logger.error(e); process.abort();`).
  it('process.kill ends the process only when it signals its own pid, not with the probe signal 0', () => {
    const results = probeCalls(
      `
      process.kill(process.pid, 'SIGINT');
      process.kill(process.pid);
      process_1.default.kill(process_1.default.pid, 'SIGTERM');
      process.kill(pid);
      process.kill(Number(holder), 0);
      process.kill(process.pid, 0);
      process.kill(childPid, 'SIGTERM');
    `,
      (_context, call) => isProcessExitCall(call),
    );
    expect(["process.kill(process.pid, 'SIGINT')", 'process.kill(process.pid)', "process_1.default.kill(process_1.default.pid, 'SIGTERM')"].map((t) => callResult(results, t))).toEqual([true, true, true]);
    expect(['process.kill(pid)', 'process.kill(Number(holder), 0)', 'process.kill(process.pid, 0)', "process.kill(childPid, 'SIGTERM')"].map((t) => callResult(results, t))).toEqual([false, false, false, false]);
  });
});

describe('isFailureExit', () => {
  // Not a disagreement but a second question: escapes.ts asks whether a start-up routine's policy on failure is
  // to log and end the process *with a failure status*; `process.exit(0)` at the end of a body that logged
  // somewhere is a normal end. Evershop's `catch (e) { error(e); process.exit(0); }` (startUp.js, cronjob.ts)
  // keeps its reading there (no behaviour change); every other reader asks only whether the process ends.
  it('every exit but process.exit(0)', () => {
    const results = probeCalls('process.exit(0); process.exit(); process.exit(1); process.exit(code); process.abort(); process.kill(process.pid);', (_context, call) => isFailureExit(call));
    expect(['process.exit(0)', 'process.exit()', 'process.exit(1)', 'process.exit(code)', 'process.abort()', 'process.kill(process.pid)'].map((t) => callResult(results, t))).toEqual([false, true, true, true, true, true]);
  });
});

describe('exitOfStatement: which statement is an exit', () => {
  // Disagreement 2: handler-logs.ts read `return process.exit(1)` as an exit, the others only an expression
  // statement; error-handlers.ts also unwrapped `await`, escapes.ts and shutdown-listeners.ts TypeScript's
  // wrappers; stack-loss.ts and system-steps.ts read only the dotted `process.exit` (not the compiled
  // `process_1.default.exit()` automatisch's dist ships). One reading now: `return process.exit(1)` (a CLI's
  // `if (err) return process.exit(1)`, pm2's Runtime.js) ends the process as the bare call does.
  it('an expression statement, awaited or wrapped, and a returned exit', () => {
    const texts = perHandler(
      `
      h(() => { process.exit(1); });
      h(async () => { await process.exit(); });
      h(() => { return process.exit(1); });
      h(() => { process.exit(1) as never; });
      h(() => { process_1.default.exit(); });
      h(() => { exit(1); });
      h(() => { const code = process.exit; });
    `,
      (body) => exitOfStatement(body.body[0]!) !== null,
      { ts: true },
    );
    expect(texts).toEqual([true, true, true, true, true, false, false]);
  });
});

describe('endsByExiting / finalProcessExit: a statement or body that ends the process', () => {
  // Disagreement 3: error-handlers.ts's finalProcessExit took an else-less `if` whose branch exits and rejected an
  // if/else (even when both branches exit) and a promise chain; shutdown-listeners.ts took all three; handler-logs.ts
  // took none (a later exit statement only). Three questions, one function (endsByExiting's ExitReading):
  //  - a crash handler's final exit is its main path ('mainPath'): an if/else chooses a path per kind of error, which
  //    the rule weighs branch by branch. Reading it as one final exit (tried first) added one finding in the 86 apps,
  //    a false one: parse-server's ParseServer.js 'uncaughtException' handler, `if (err.code === 'EADDRINUSE') {
  //    process.stderr.write('…port is already in use.'); process.exit(0); } else { …err.stack…; process.exit(1); }`,
  //    reported as a path exiting unlogged — its EADDRINUSE branch is a message for a known failure code. So an
  //    if/else stays no final exit; a chain ending in an exit is one (no app changed);
  //  - a shutdown routine ends the process whichever branch it takes ('branches', shutdown-listeners.ts's reading);
  //  - the process ends after a log only when every path after it exits ('everyPath', endsProcessAfter).
  it('the exit, a block ending in one, an else-less if, a chain whose last callback exits; not an if/else', () => {
    const last = perHandler(
      `
      h(async (e) => { await stop(); process.exit(1); });
      h((e) => { if (!test) { process.exit(1); } });
      h((e) => { server.close().then(() => process.exit(1)); });
      h((e) => { app.stop().finally(function () { log('bye'); process.exit(0); }); });
      h((err) => { if (err.code === 'EADDRINUSE') { process.stderr.write('port in use'); process.exit(0); } else { process.stderr.write(err.stack); process.exit(1); } });
      h((e) => { process.exit(1); cleanup(); });
      h((e) => { if (a) process.exit(1); else log(e); });
      h((e) => { app.stop().then(() => log('stopped')); });
    `,
      (body) => finalProcessExit(body) !== null,
    );
    expect(last).toEqual([true, true, true, true, false, false, false, false]);
  });

  it('the three readings of an if: every branch it has, every path, the main path', () => {
    const results = perHandler(
      `
      h(() => { if (!test) process.exit(1); });
      h(() => { if (a) process.exit(1); else process.exit(2); });
      h(() => { { process.exit(1); } });
      h(() => { if (a) process.exit(1); else log(); });
    `,
      (body) => (['branches', 'everyPath', 'mainPath'] as const).map((reading) => endsByExiting(body.body[0]!, reading)),
    );
    expect(results).toEqual([
      [true, false, true],
      [true, true, false],
      [true, true, true],
      [false, false, false],
    ]);
  });

  it('exitsWhenDone: a function written to run while the process ends', () => {
    const results = perHandler(
      `
      h(async () => { await app.stop(); process.exit(0); });
      h(async () => { await app.stop(); return process.exit(0); });
      h(async () => { await save(); if (x) { process.exit(1); } });
      h(() => { if (!stopping) { stopping = true; RED.stop().then(() => process.exit()); } });
      h(() => { stop(); });
    `,
      (_body, fn, context) => exitsWhenDone(fn, context.sourceCode.visitorKeys),
    );
    expect(results).toEqual([true, true, false, true, false]);
  });
});

describe('endsProcessAfter: the process ends after a statement on its path', () => {
  // handler-logs.ts's copy, now reading later statements with endsByExiting(…, everyPath): an if/else whose
  // branches both exit ends the path too; `if (e.fatal) process.exit(1)` does not (the other errors run on, printed
  // below error level), where finalProcessExit's else-less `if (!isTest)` reading would have said it does.
  it('a later exit on every path, not past a return, not an exit in a callback or behind a condition', () => {
    const results = perHandler(
      `
      h((e) => { console.log(e.stack); process.exit(1); });
      h((e) => { if (known) { console.log(e); } else { console.log(e.stack); } return process.exit(1); });
      h((e) => { console.log(e); if (a) process.exit(1); else process.exit(2); });
      h((e) => { console.log(e); if (e.fatal) process.exit(1); });
      h((e) => { console.log(e); return; process.exit(1); });
      h((e) => { console.log(e); setTimeout(() => { process.exit(1); }); });
    `,
      (body) => endsProcessAfter(body.body[0]!.type === 'IfStatement' ? ((body.body[0] as TSESTree.IfStatement).consequent as TSESTree.BlockStatement).body[0]! : body.body[0]!, body),
    );
    expect(results).toEqual([true, true, true, false, false, false]);
  });
});

describe('setsExitStatus', () => {
  it('process.exitCode = 1 (also compiled), not another object', () => {
    const results: boolean[] = [];
    probe('process.exitCode = 1; process_1.default.exitCode = 2; child.exitCode = 1; process.title = "x";', (context) => ({
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        results.push(setsExitStatus(node, context));
      },
    }));
    expect(results).toEqual([true, true, false, false]);
  });
});
