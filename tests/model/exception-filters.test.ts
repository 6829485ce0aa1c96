import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { AnyFunction } from '../../src/model/ast.js';
import { catchesEveryException, getCaughtExceptionTypes } from '../../src/model/exception-filters.js';
import { probe } from '../helpers/probe.js';

/** The `catch` method of every class in `code`, by class name. */
function catchMethods(code: string): Map<string, AnyFunction> {
  const out = new Map<string, AnyFunction>();
  probe(
    code,
    () => ({
      'MethodDefinition > FunctionExpression'(node: TSESTree.FunctionExpression) {
        const method = node.parent as TSESTree.MethodDefinition;
        const cls = method.parent.parent as TSESTree.ClassDeclaration;
        out.set(cls.id!.name, node);
      },
    }),
    { ts: true },
  );
  return out;
}

const filters = catchMethods(`
  import { Catch, ExceptionFilter, HttpException, ArgumentsHost } from '@nestjs/common';
  import * as common from '@nestjs/common';
  @Catch()
  export class AllExceptionsFilter implements ExceptionFilter { catch(exception: unknown, host: ArgumentsHost) {} }
  @Catch(HttpException)
  export class HttpExceptionFilter implements ExceptionFilter { catch(exception: HttpException, host: ArgumentsHost) {} }
  @Catch(Error)
  export class ErrorFilter { catch(e: Error, host: ArgumentsHost) {} }
  @Catch(Prisma.PrismaClientKnownRequestError, QueryFailedError)
  export class DbFilter { catch(e: unknown, host: ArgumentsHost) {} }
  @common.Catch(HttpException)
  export class QualifiedFilter { catch(e: unknown, host: ArgumentsHost) {} }
  @Injectable()
  export class NotAFilter { catch(e: unknown) {} }
`);

describe('getCaughtExceptionTypes', () => {
  it('names the classes @Catch(…) lists, [] for @Catch()', () => {
    expect(getCaughtExceptionTypes(filters.get('AllExceptionsFilter')!)).toEqual([]);
    expect(getCaughtExceptionTypes(filters.get('HttpExceptionFilter')!)).toEqual(['HttpException']);
    expect(getCaughtExceptionTypes(filters.get('DbFilter')!)).toEqual(['Prisma.PrismaClientKnownRequestError', 'QueryFailedError']);
    expect(getCaughtExceptionTypes(filters.get('QualifiedFilter')!)).toEqual(['HttpException']);
  });

  it('is null for a class without @Catch', () => {
    expect(getCaughtExceptionTypes(filters.get('NotAFilter')!)).toBeNull();
  });
});

describe('catchesEveryException', () => {
  it('@Catch() and @Catch(Error) catch everything', () => {
    expect(catchesEveryException(filters.get('AllExceptionsFilter')!)).toBe(true);
    expect(catchesEveryException(filters.get('ErrorFilter')!)).toBe(true);
  });

  it('a filter for named exceptions, or no filter, does not', () => {
    expect(catchesEveryException(filters.get('HttpExceptionFilter')!)).toBe(false);
    expect(catchesEveryException(filters.get('DbFilter')!)).toBe(false);
    expect(catchesEveryException(filters.get('NotAFilter')!)).toBe(false);
  });
});
