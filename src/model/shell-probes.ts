/**
 * Is a child-process call only a question whose exit status is the answer? `execSync('test -w "/usr/lib"')`,
 * `execSync('which docker')`, `execFileSync('command', ['-v', 'git'])`: the shell's `test` / `[` (as `fs.access`
 * asks), `which`, `command -v`, `type` change nothing, and a non-zero exit is "no" (not writable, not
 * installed). fallible.ts classifies such a call as a probe, like `fs.accessSync` and `fs.statSync`.
 *
 * Recognition only, by the call's own text: no rule options, no reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/** Running a command line through a shell (`exec('test -d x')`). */
const SHELL_RUN = new Set(['exec', 'execSync']);

/** Running a program with its arguments (`execFileSync('which', ['git'])`). */
const FILE_RUN = new Set(['execFile', 'execFileSync', 'spawnSync']);

/** The question-only programs: `test` and `[` (file tests, comparisons), `which` / `where` / `command -v` / `type` (is it installed). */
const QUESTION_PROGRAM = /^(?:test|\[\[?|which|where|type)$/u;

/** A command line that starts with a question program (`test -w "$(dirname $(which npm))"`, `command -v docker`). */
const QUESTION_LINE = /^\s*(?:(?:test|\[\[?|which|where|type)\s|command\s+-v\s)/u;

/** A redirect that only silences the question: `2>/dev/null`, `>/dev/null`, `2>nul`, `2>&1`. */
const SILENCING_REDIRECT = /\s*\d?>\s*(?:\/dev\/null|nul|&\d)(?=\s|$)/gu;

/** `which chromium || which chromium-browser`: questions asked in turn (each part must be one). */
const QUESTION_CHAIN = /\s*(?:\|\||&&)\s*/u;

/**
 * Anything that could run other work beside the question: `;`, a lone `&` or a pipe, another redirect,
 * a backquote, a line break. `$(…)` is allowed: it feeds the question an argument (`$(dirname $(which npm))`).
 */
const CHAINS_COMMANDS = /[;&|<>`\n]/u;

/**
 * The static text of a string or template literal, or null. A template's parts are joined with a space,
 * so that one starting with `${cmd}` starts with no question program.
 */
function staticText(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const parts = node.quasis.map((q) => q.value.cooked ?? q.value.raw);
    return parts[0] === '' ? null : parts.join(' ');
  }
  return null;
}

/**
 * The child-process call `method(args…)` only asks a question (see the file comment): a shell line that is
 * one question program, or a program run by name that is one. The caller has resolved `method` (the last
 * segment of the callee) and knows the call reaches a child-process function by that name.
 */
export function isShellQuestion(method: string, args: readonly TSESTree.CallExpressionArgument[]): boolean {
  const first = args[0];
  const text = first?.type === AST_NODE_TYPES.SpreadElement ? null : staticText(first);
  if (text === null) return false;
  if (SHELL_RUN.has(method)) {
    const parts = text.replace(SILENCING_REDIRECT, '').split(QUESTION_CHAIN);
    return parts.every((part) => QUESTION_LINE.test(part) && !CHAINS_COMMANDS.test(part));
  }
  if (!FILE_RUN.has(method)) return false;
  if (QUESTION_PROGRAM.test(text)) return true;
  // `execFileSync('command', ['-v', 'git'])`
  const second = args[1];
  return text === 'command' && second?.type === AST_NODE_TYPES.ArrayExpression && staticText(second.elements[0] ?? undefined) === '-v';
}
