import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { hasNonTextAnnotation, hasNonTextType, isNonTextPipe, isReadAsObject } from '../../src/model/non-text-values.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

describe('isNonTextPipe', () => {
  it('Nest pipes that parse to numbers, booleans, UUIDs, enums or dates; not ValidationPipe or custom pipes', () => {
    const out: boolean[] = [];
    probe(
      `
      class C {
        get(@Param('id', ParseIntPipe) id: number, @Query('on', new ParseBoolPipe()) on: boolean, @Param('u', ParseUUIDPipe) u: string,
            @Body(new ValidationPipe()) dto: Dto, @Query('q', TrimPipe) q: string) {}
      }
    `,
      () => ({
        Decorator(node: TSESTree.Decorator) {
          const call = node.expression as TSESTree.CallExpression;
          out.push(isNonTextPipe(call.arguments[call.arguments.length - 1]!));
        },
      }),
      { ts: true },
    );
    expect(out).toEqual([true, true, true, false, false]);
  });
});

describe('hasNonTextAnnotation', () => {
  it('number, boolean, bigint, numeric literal unions; not string, string unions or untyped', () => {
    const out: boolean[] = [];
    probe(
      'function f(a: number, b: boolean, c: 1 | 2 | undefined, d: bigint, e: string, g: "x" | "y", h, i: number | string) {}',
      () => ({
        FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
          for (const p of node.params) out.push(hasNonTextAnnotation(p as TSESTree.Identifier));
        },
      }),
      { ts: true },
    );
    expect(out).toEqual([true, true, true, true, false, false, false, false]);
  });
});

describe('hasNonTextType', () => {
  it('is false without type information (the parser gives no program)', () => {
    const out: boolean[] = [];
    probe('const n: number = 1; use(n);', (context) => ({
      'CallExpression > Identifier.arguments'(node: TSESTree.Identifier) {
        out.push(hasNonTextType(context, node));
      },
    }), { ts: true });
    expect(out).toEqual([false]);
  });
});

describe('hasNonTextType: a field an inline object type annotates (no type information needed)', () => {
  it('number / boolean fields of `data: { … }` are not text; string, untyped, optional-string fields and other shapes are', () => {
    const out: Record<string, boolean> = {};
    probe(
      `function join(data: { sedeId: number; live: boolean; note?: string; tag: string | number; raw }, dto: JoinDto, plain) {
        check(data.sedeId); check(data.live); check(data.note); check(data.tag); check(data.raw); check(data['sedeId']);
        check(dto.sedeId); check(plain.sedeId);
      }`,
      (context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === 'Identifier' && node.callee.name === 'check') out[context.sourceCode.getText(node.arguments[0]!)] = hasNonTextType(context, node.arguments[0]!);
        },
      }),
      { ts: true },
    );
    expect(out).toEqual({
      'data.sedeId': true,
      'data.live': true,
      'data.note': false,
      'data.tag': false,
      'data.raw': false,
      "data['sedeId']": false,
      'dto.sedeId': false,
      'plain.sedeId': false,
    });
  });
});

describe('isReadAsObject', () => {
  /** isReadAsObject of the argument of every check(…) call, by call text. */
  const objects = (code: string) => probeCalls(code, (context, node) => (node.arguments[0] ? isReadAsObject(context, node.arguments[0]) : null));

  it('a variable or path the code reads a field off that a string does not have', () => {
    const found = objects('function f(message) { if (message.data.userInfo.colorId) check(message.data); check(message); check(message.type); }');
    expect(callResult(found, 'check(message.data)')).toBe(true);
    expect(callResult(found, 'check(message)')).toBe(true);
    expect(callResult(found, 'check(message.type)')).toBe(false);
  });

  it("not a value whose reads are a string's own (length, trim, split)", () => {
    const found = objects('function f(name) { if (name.length > 3 && name.trim().split(",")) check(name); }');
    expect(callResult(found, 'check(name)')).toBe(false);
  });

  it('a const whose every choice is an object literal or a value read as an object', () => {
    const found = objects(
      'function f(body) { const workflow = JSON.parse(body.prompt).prompt; const wrapped = workflow?.input?.workflow ? workflow : { input: { workflow } }; check(wrapped);\n' +
        'const list = body.items || []; check(list); const name = body.name ? body.name : { anonymous: true }; check(name); let later = workflow || {}; later = body.x; check(later); }',
    );
    expect(callResult(found, 'check(wrapped)')).toBe(true);
    expect(callResult(found, 'check(list)')).toBe(false);
    expect(callResult(found, 'check(name)')).toBe(false);
    expect(callResult(found, 'check(later)')).toBe(false);
  });
});
