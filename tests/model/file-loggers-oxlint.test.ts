import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { getFileLogger } from '../../src/model/file-loggers.js';
import { probe } from '../helpers/probe.js';

/**
 * oxlint's JS plugins hand every file the same SourceCode object, whose getters read the current file. A per-file
 * answer keyed by that object would answer the second file with the first file's facts; keyed by the file's Program
 * node (file-cache.ts) it does not. Simulated here: one shared object that reads the SourceCode of the file being linted.
 */
describe('getFileLogger with one SourceCode object shared by every file (oxlint)', () => {
  it('answers each file with its own logger', () => {
    let current: TSESLint.SourceCode | null = null;
    const shared = new Proxy({} as TSESLint.SourceCode, {
      get(_target, key) {
        const value = Reflect.get(current!, key, current!) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
      },
    });
    const answers: (string | null)[] = [];
    const lint = (code: string) =>
      probe(code, (context) => {
        current = context.sourceCode as unknown as TSESLint.SourceCode;
        const oxlintLike = Object.create(context, { sourceCode: { value: shared } }) as Context;
        return {
          'Program:exit'() {
            answers.push(getFileLogger(oxlintLike)?.name ?? null);
          },
        };
      });
    lint("import pino from 'pino';\nconst logger = pino();\nexport function f() { logger.info('x'); }");
    lint("export function g() { console.log('y'); }");
    lint("import pino from 'pino';\nconst log = pino();\nexport function h() { log.info('z'); }");
    expect(answers).toEqual(['logger', null, 'log']);
  });
});
