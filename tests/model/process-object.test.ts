import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { isProcessCall, isProcessObject, processMethodOf } from '../../src/model/process-object.js';
import { probe } from '../helpers/probe.js';

/** For each call of `code` (in source order): whether its callee's object is the process, and the process method it calls. */
function answers(code: string, withScope = true): { text: string; object: boolean; method: string | null; exits: boolean }[] {
  const found: { text: string; object: boolean; method: string | null; exits: boolean }[] = [];
  probe(
    code,
    (context: Context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const ctx = withScope ? context : null;
        const callee = node.callee;
        found.push({
          text: context.sourceCode.getText(callee),
          object: callee.type === 'MemberExpression' && isProcessObject(callee.object, ctx),
          method: processMethodOf(callee, ctx),
          exits: isProcessCall(node, 'exit', ctx),
        });
      },
    }),
    { ts: true },
  );
  return found;
}

describe('isProcessObject / processMethodOf: Node\'s process object as source, imports and compilers name it', () => {
  it('the global, TypeScript\'s and Babel\'s compiled default imports', () => {
    const code = `process.on('SIGTERM', stop);
process_1.default.exit(1);
node_process_1.default.once('SIGINT', stop);
_process.default.on('SIGINT', stop);
process_2.on('SIGTERM', stop);`;
    const byText = Object.fromEntries(answers(code).map((a) => [a.text, a]));
    expect(byText['process.on']).toMatchObject({ object: true, method: 'on' });
    expect(byText['process_1.default.exit']).toMatchObject({ object: true, method: 'exit', exits: true });
    expect(byText['node_process_1.default.once']).toMatchObject({ object: true, method: 'once' });
    expect(byText['_process.default.on']).toMatchObject({ object: true, method: 'on' });
    expect(byText['process_2.on']).toMatchObject({ object: true, method: 'on' });
  });

  it('the compiled forms are read by name, without a scope (other files of the application)', () => {
    const byText = Object.fromEntries(answers("process_1.default.on('SIGTERM', stop);\nprocess.exit(0);", false).map((a) => [a.text, a]));
    expect(byText['process_1.default.on']).toMatchObject({ object: true, method: 'on' });
    expect(byText['process.exit']).toMatchObject({ exits: true });
  });

  it('an import under another name, and a method imported by name (also called without this)', () => {
    const code = `import proc from 'node:process';
import { exit } from 'process';
proc.on('SIGTERM', stop);
exit(1);
(0, process_1.exit)(1);`;
    const byText = Object.fromEntries(answers(code).map((a) => [a.text, a]));
    expect(byText['proc.on']).toMatchObject({ object: true, method: 'on' });
    expect(byText['exit']).toMatchObject({ method: 'exit', exits: true });
    expect(byText['0, process_1.exit']).toMatchObject({ method: 'exit', exits: true });
  });

  it('a listener registration returns the process: chained registrations are on it too', () => {
    const byText = Object.fromEntries(answers("process.once('message', f).once('SIGINT', g).on('SIGTERM', h);").map((a) => [a.text, a]));
    expect(byText["process.once('message', f).once('SIGINT', g).on"]).toMatchObject({ object: true, method: 'on' });
  });

  it("not other objects: a child process named _process, another module's default, a shadowing import", () => {
    const code = `import proc from './proc';
_process.on('exit', done);
child_1.default.on('exit', done);
proc.on('SIGTERM', stop);
server.listen(3000).on('error', fail);`;
    const result = answers(code);
    expect(result.every((a) => !a.object && a.method === null)).toBe(true);
  });
});
