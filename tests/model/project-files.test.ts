import { parse, parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { moduleExport, moduleImportOf, moduleValues, parseProjectFile, parseProjectFileOnHost } from '../../src/model/project-files.js';

/** The parser's visitor keys (what ESLint hands a rule as `sourceCode.visitorKeys`). */
const { visitorKeys } = parseForESLint('', {});
const program = (text: string): TSESTree.Program => parse(text, { range: true, loc: true, sourceType: 'module' }) as TSESTree.Program;
const textOf = (text: string, node: TSESTree.Node | null): string | null => (node ? text.slice(node.range[0], node.range[1]) : null);

/** A context whose lent parser is `parser` (the only parts project-files.ts reads). */
const contextWith = (parser: unknown): Context =>
  ({ languageOptions: { parser, sourceType: 'module' }, sourceCode: { visitorKeys }, settings: {}, cwd: '/' }) as unknown as Context;

describe('moduleExport: what a module exports under a name', () => {
  const cases: [string, string, string | null][] = [
    ['export const log = pino();', 'log', 'pino()'],
    ['const log = pino(); export { log as logger };', 'logger', 'log'],
    ['export default bunyan.createLogger({ name: "x" });', 'default', 'bunyan.createLogger({ name: "x" })'],
    ['module.exports = winston.createLogger();', 'default', 'winston.createLogger()'],
    ['exports.log = bunyan.createLogger({ name: "x" });', 'log', 'bunyan.createLogger({ name: "x" })'],
    // Compiled TypeScript declares the export with a placeholder first; the real value comes later.
    ['exports.log = void 0;\nexports.log = pino();', 'log', 'pino()'],
    // `exports.log = exports.b = value` chains give the value (of the outermost target).
    ['exports.log = exports.b = pino();', 'log', 'pino()'],
    ['exports.log = void 0;', 'log', null],
    ['const log = pino();', 'log', null],
    ['export const other = pino();', 'log', null],
  ];
  it.each(cases)('%s → %s', (text, name, expected) => {
    expect(textOf(text, moduleExport(program(text), name))).toBe(expected);
  });
});

describe('moduleValues: module-level values by name', () => {
  it('reads declarations (exported or not) before CommonJS exports', () => {
    const text = 'const serializers = { req: (r) => ({ url: r.url }) };\nfunction redact() {}\nexport const opts = { serializers };\nexports.log = pino(opts);';
    const lookup = moduleValues(program(text));
    expect(textOf(text, lookup('serializers'))).toBe('{ req: (r) => ({ url: r.url }) }');
    expect(lookup('redact')?.type).toBe('FunctionDeclaration');
    expect(textOf(text, lookup('opts'))).toBe('{ serializers }');
    expect(textOf(text, lookup('log'))).toBe('pino(opts)');
    expect(lookup('missing')).toBeNull();
    expect(lookup('default')).toBeNull();
  });
  it('skips the void 0 placeholders of compiled TypeScript', () => {
    const text = 'exports.logger = void 0;\nexports.logger = (0, pino_1.default)({ redact: ["req.headers"] });';
    expect(textOf(text, moduleValues(program(text))('logger'))).toBe('(0, pino_1.default)({ redact: ["req.headers"] })');
  });
});

describe('moduleImportOf', () => {
  const cases: [string, string, { source: string; imported: string } | null][] = [
    ["import logger from './log';", 'logger', { source: './log', imported: 'default' }],
    ["import * as log from './log';", 'log', { source: './log', imported: '*' }],
    ["import { log as l } from './log';", 'l', { source: './log', imported: 'log' }],
    ["const log_1 = __importDefault(require('./log'));", 'log_1', { source: './log', imported: '*' }],
    ["const { logger: l } = require('./log');", 'l', { source: './log', imported: 'logger' }],
    ["const l = make('./log');", 'l', null],
  ];
  it.each(cases)('%s', (text, local, expected) => {
    expect(moduleImportOf(program(text), local)).toEqual(expected);
  });
});

describe('parseProjectFileOnHost: a module that does not parse vs a host that cannot parse on request', () => {
  const ok = { parse: (text: string, options: Record<string, unknown>) => parse(text, options) };
  it('parses with the lent parser and indexes module-level bindings', () => {
    const parsed = parseProjectFileOnHost(contextWith(ok), 'export function f() {}\nconst log = pino();');
    expect(parsed).not.toBe('unavailable');
    expect(parsed && parsed !== 'unavailable' ? [...parsed.bindings.keys()] : null).toEqual(['f', 'log']);
  });
  it('null for a module that does not parse', () => {
    expect(parseProjectFileOnHost(contextWith(ok), 'const = ;')).toBeNull();
    expect(parseProjectFile(contextWith(ok), 'const = ;')).toBeNull();
  });
  it("'unavailable' for a host whose parser does not implement parse() (oxlint); parseProjectFile says null", () => {
    const oxlint = {
      parse: () => {
        throw new Error('`parse` not implemented');
      },
    };
    expect(parseProjectFileOnHost(contextWith(oxlint), 'const log = pino();')).toBe('unavailable');
    expect(parseProjectFile(contextWith(oxlint), 'const log = pino();')).toBeNull();
  });
});
