import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { hasNonTextAnnotation, hasNonTextType, isNonTextPipe } from '../../src/model/non-text-values.js';
import { probe } from '../helpers/probe.js';

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
