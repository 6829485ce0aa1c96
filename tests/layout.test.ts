// The shape issue #17 set for the source: rules are short policies, recognition and fix builders live in modules of a
// readable size. A file that grows past its limit is split (recognition into src/model/, edits into src/fixes/).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Lines as `wc -l` counts them (newline characters). */
const lineCount = (path: string): number => readFileSync(path, 'utf8').split('\n').length - 1;

const RULE_LIMIT = 400;
const MODULE_LIMIT = 600;

/** Properties that hold names and values written in the linted code (an identifier's name, a literal's value). */
const CODE_NAME_PROPERTIES = new Set(['name', 'value', 'raw']);
/** Model helpers that return a name or path written in the linted code. */
const CODE_NAME_READERS = new Set(['getPropertyName', 'getCalleePath', 'getMemberPath', 'callPath', 'lastSegment', 'calleeName', 'getStringValue']);
const STRING_MATCHERS = new Set(['startsWith', 'endsWith', 'includes', 'match', 'search', 'indexOf']);

const isString = (node: TSESTree.Node): boolean => node.type === 'Literal' && typeof node.value === 'string';
const readsCodeName = (node: TSESTree.Node): boolean =>
  (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && CODE_NAME_PROPERTIES.has(node.property.name)) ||
  (node.type === 'CallExpression' && node.callee.type === 'Identifier' && CODE_NAME_READERS.has(node.callee.name));

/**
 * Where a rule file recognises code itself instead of asking the model: a regular expression (other than one that
 * reformats a message's text in `.replace`), a name or literal of the linted code compared with a string, or a string
 * searched for a fixed piece of text. Those answers belong in src/model/, where every rule shares them (issue #17).
 */
function recognitionInRule(text: string): string[] {
  const found: string[] = [];
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | null): void => {
    const at = `line ${node.loc.start.line}`;
    if (node.type === 'Literal' && 'regex' in node && node.regex) {
      const inReplace =
        parent?.type === 'CallExpression' && parent.arguments[0] === node && parent.callee.type === 'MemberExpression' && parent.callee.property.type === 'Identifier' && parent.callee.property.name === 'replace';
      if (!inReplace) found.push(`${at}: regular expression ${node.raw}`);
    }
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee.type === 'Identifier' && node.callee.name === 'RegExp') found.push(`${at}: RegExp(…)`);
    if (node.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(node.operator)) {
      if ((isString(node.left) && readsCodeName(node.right)) || (isString(node.right) && readsCodeName(node.left))) found.push(`${at}: a name of the linted code compared with a string`);
    }
    if (node.type === 'SwitchStatement' && readsCodeName(node.discriminant) && node.cases.some((c) => c.test && isString(c.test))) found.push(`${at}: a switch over a name of the linted code`);
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && STRING_MATCHERS.has(node.callee.property.name) && node.arguments[0] && isString(node.arguments[0])) {
      found.push(`${at}: .${node.callee.property.name}(${(node.arguments[0] as TSESTree.Literal).raw})`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') visit(child as TSESTree.Node, node);
    }
  };
  visit(parse(text, { loc: true, range: true }), null);
  return found;
}

describe('source layout', () => {
  const files = sourceFiles(src);

  it('finds the rules and the shared modules', () => {
    expect(files.filter((f) => relative(src, f).startsWith('rules/')).length).toBeGreaterThanOrEqual(17);
    expect(files.filter((f) => relative(src, f).startsWith('model/')).length).toBeGreaterThan(50);
  });

  it(`every rule file is under ${RULE_LIMIT} lines`, () => {
    const over = files.filter((f) => relative(src, f).startsWith('rules/') && lineCount(f) >= RULE_LIMIT).map((f) => `${relative(src, f)}: ${lineCount(f)}`);
    expect(over).toEqual([]);
  });

  it(`every other source file (model, fixes, analysis, core, configs) is under ${MODULE_LIMIT} lines`, () => {
    const over = files.filter((f) => !relative(src, f).startsWith('rules/') && lineCount(f) >= MODULE_LIMIT).map((f) => `${relative(src, f)}: ${lineCount(f)}`);
    expect(over).toEqual([]);
  });

  describe('rule files decide from the model: no rule parses code names itself', () => {
    it('the check finds each kind of recognition (it can fail)', () => {
      const sample = [
        "const A = /^(pino|winston)$/u;",
        "if (node.callee.name === 'pino') f();",
        "if (getPropertyName(node) === 'genReqId') f();",
        "if (source.startsWith('koa')) f();",
        "const r = new RegExp('x');",
        "switch (node.name) { case 'a': break; }",
        "const fine = text.replace(/\\s+/gu, ' ');",
        "if (handler.framework === 'fastify') f();",
      ].join('\n');
      expect(recognitionInRule(sample)).toEqual([
        'line 1: regular expression /^(pino|winston)$/u',
        'line 2: a name of the linted code compared with a string',
        'line 3: a name of the linted code compared with a string',
        "line 4: .startsWith('koa')",
        'line 5: RegExp(…)',
        'line 6: a switch over a name of the linted code',
      ]);
    });

    it('no rule file recognises names, packages or text itself', () => {
      const rules = files.filter((f) => relative(src, f).startsWith('rules/'));
      const found = rules.flatMap((f) => recognitionInRule(readFileSync(f, 'utf8')).map((hit) => `${relative(src, f)} ${hit}`));
      expect(found).toEqual([]);
    });
  });
});
