import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isInHandEditOnly, isOutsideWork, isOwnParseMethodCall, isValidationVerdict } from '../../src/model/in-hand-work.js';
import { isLogWrite, workCalls } from '../../src/model/stack-records.js';
import { probe } from '../helpers/probe.js';

/** isInHandEditOnly of every try block, in source order. */
function editsOnly(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    TryStatement(node: TSESTree.TryStatement) {
      out.push(isInHandEditOnly(context, node.block, (call) => isLogWrite(context, call)));
    },
  }));
  return out;
}

/** isOwnParseMethodCall of every `this.…(…)` call, in source order. */
function ownParses(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    'CallExpression[callee.object.type="ThisExpression"]'(node: TSESTree.CallExpression) {
      out.push(isOwnParseMethodCall(context, node, /^(?:parse|validate)(?:[A-Z]\w*)?$/u));
    },
  }));
  return out;
}

describe('isInHandEditOnly', () => {
  it('is true for a find-and-splice on an array in hand beside logs', () => {
    expect(editsOnly('try { const i = list.findIndex((x) => x.id === id); if (i > -1) { list.splice(i, 1); console.warn("removed") } } catch (e) {}')).toEqual([true]);
  });

  it('is false with an await, a call that goes out, a named callback, fn.call, or no call at all', () => {
    expect(
      editsOnly(`
        async function f() { try { const i = list.findIndex((x) => x.id === id); await store.save(list) } catch (e) {} }
        try { list.push(item); db.insert(item) } catch (e) {}
        try { list.forEach(this.apply) } catch (e) {}
        try { handler.call(this, list) } catch (e) {}
        try { count = list.length } catch (e) {}
        try { list.map(async (x) => x.id) } catch (e) {}
        async function g(stream) { try { let n = 0; for await (const chunk of stream) { n += 1 } console.info(Date.now()) } catch (e) {} }
      `),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('isOwnParseMethodCall', () => {
  it('is true for a synchronous parse-named method the class defines, false for an async one, a missing one or another name', () => {
    expect(
      ownParses(`
        class A {
          run() { this.parseAndValidate(raw); this.parseLater(raw); this.parseElsewhere(raw); this.load(raw) }
          parseAndValidate(raw) { return schema.parse(JSON.parse(raw)) }
          async parseLater(raw) { return schema.parse(await fetchText(raw)) }
          load(raw) { return raw }
        }
      `),
    ).toEqual([true, false, false, false]);
  });
});

describe('isOutsideWork', () => {
  it('answers for new, await, yield, throw, tagged templates, import() and for await, not for calls or a plain loop', () => {
    const answers: string[] = [];
    probe(
      'async function* f() { new A(); await b(); yield c; d`x`; import("e"); for await (const x of s) {} for (const y of t) {} g(); throw h }',
      () => ({
        '*'(node: TSESTree.Node) {
          if (isOutsideWork(node)) answers.push(node.type);
          else if (node.type === 'ForOfStatement' || node.type === 'CallExpression') answers.push(`not ${node.type}`);
        },
      }),
    );
    expect(answers).toEqual([
      'NewExpression',
      'AwaitExpression',
      'not CallExpression',
      'YieldExpression',
      'TaggedTemplateExpression',
      'ImportExpression',
      'ForOfStatement',
      'not ForOfStatement',
      'not CallExpression',
      'ThrowStatement',
    ]);
  });
});

/** isValidationVerdict of every try block, in source order. */
function verdicts(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    TryStatement(node: TSESTree.TryStatement) {
      out.push(isValidationVerdict(context, node.block, workCalls(context, node.block), (call) => isLogWrite(context, call)));
    },
  }));
  return out;
}

describe('isValidationVerdict', () => {
  it('is true for one check of a value in hand whose catch answers with a validation verdict', () => {
    expect(
      verdicts(`
        try { e = Factory.fromInfo(info) } catch (err) { log.error(err.message); e = Factory.create(Codes.VALIDATION_ERROR) }
        async function f(payload, reasons) { try { const c = 'ni:' + payload.condition; await Conditions.validateCondition(c) } catch (err) { reasons.push('Condition validation failed'); return false } }
        try { e = Errors.build(info) } catch (err) { e = Factory.create(MESSAGES.invalidApiErrorCode) }
      `),
    ).toEqual([true, true, true]);
  });

  it('is false for two calls, an argument that is a call, a verdict only in the log, or no verdict', () => {
    expect(
      verdicts(`
        try { e = Factory.fromInfo(info); save(e) } catch (err) { e = Factory.create(Codes.VALIDATION_ERROR) }
        try { e = Factory.fromInfo(load(id)) } catch (err) { e = Factory.create(Codes.VALIDATION_ERROR) }
        try { e = Factory.fromInfo(info) } catch (err) { console.error('Invalid info: ' + err.message) }
        try { e = Factory.fromInfo(info) } catch (err) { e = null }
        try { const x = 1 } catch (err) { e = Factory.create(Codes.VALIDATION_ERROR) }
        async function g(req) { try { await this.getParameters(req) } catch (err) { res.status(400).send('Invalid parameters') } }
        try { e = fromInfo(info) } catch (err) { e = Factory.create(Codes.VALIDATION_ERROR) }
      `),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});
