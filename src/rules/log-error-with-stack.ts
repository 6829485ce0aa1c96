import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type Context, contains, findVariable, getPropertyName, isFunctionNode } from '../utils/ast.js';
import { createRule } from '../utils/create-rule.js';
import { classifyErrorMention, isHandoffCall } from '../utils/errors.js';
import { type LoggerCall, getLoggerCall, isAtLeast } from '../utils/loggers.js';
import { type LoggerStyle, getSettings } from '../utils/settings.js';

export type Options = [];
export type MessageIds = 'stackLost' | 'addError';

/** Parameter names that hold an error by convention (callbacks, error middleware). */
const ERROR_PARAM = /^(?:err|error|exception|ex)$/u;

export default createRule<Options, MessageIds>({
  name: 'log-error-with-stack',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require error logs to carry the error object, not only its message',
      recommended: 'recommended',
      cwe: ['CWE-778'],
      owasp: ['A09:2025', 'A10:2025'],
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      stackLost:
        'This error log keeps only the text of `{{name}}` ({{form}}), so the stack trace and the `cause` chain are lost. Pass the error object itself: {{remedy}}.',
      addError: 'Pass the error object: {{remedy}}.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const call = getLoggerCall(context, node);
        if (!call || call.via !== 'logger' || !isAtLeast(call.level, 'error')) return;
        const found = findTextOnlyError(context, call);
        if (!found) return;
        const style = styleOf(context, call);
        const fix = buildFix(call, found.variable.name, style);
        const remedy = remedyText(style, found.variable.name, call);
        context.report({
          node: found.use,
          messageId: 'stackLost',
          data: { name: found.variable.name, form: found.form, remedy },
          fix: fix && style.confident ? fix : null,
          suggest: fix ? [{ messageId: 'addError', data: { remedy }, fix }] : [],
        });
      },
    };

    function buildFix(call: LoggerCall, errorName: string, style: { style: LoggerStyle }): TSESLint.ReportFixFunction | null {
      const args = call.node.arguments;
      if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
      const prop = errorName === 'err' ? 'err' : `err: ${errorName}`;
      const first = args[0]!;
      const last = args[args.length - 1]!;
      switch (style.style) {
        case 'pino':
        case 'bunyan':
          if (first.type === AST_NODE_TYPES.ObjectExpression) return (fixer) => addProperty(fixer, first, prop);
          return (fixer) => fixer.insertTextBefore(first, `{ ${prop} }, `);
        case 'winston':
          if (args.length > 1 && last.type === AST_NODE_TYPES.ObjectExpression) {
            return (fixer) => addProperty(fixer, last, errorName === 'error' ? 'error' : `error: ${errorName}`);
          }
          return (fixer) => fixer.insertTextAfter(last, `, { ${errorName === 'error' ? 'error' : `error: ${errorName}`} }`);
        case 'nest':
          if (args.length !== 1) return null;
          return (fixer) => fixer.insertTextAfter(last, `, ${errorName} instanceof Error ? ${errorName}.stack : String(${errorName})`);
        case 'console':
        default:
          return (fixer) => fixer.insertTextAfter(last, `, ${errorName}`);
      }
    }

    function addProperty(fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix {
      const lastProp = object.properties[object.properties.length - 1];
      if (!lastProp) return fixer.replaceText(object, `{ ${text} }`);
      const after = sourceCode.getTokenAfter(lastProp)!;
      return after.value === ','
        ? fixer.insertTextAfter(after, ` ${text}`)
        : fixer.insertTextAfter(lastProp, `, ${text}`);
    }
  },
});

interface TextOnlyUse {
  variable: TSESLint.Scope.Variable;
  /** The expression that keeps only the text. */
  use: TSESTree.Node;
  form: string;
}

/**
 * The log call mentions a caught error, and every mention keeps only its text
 * (`err.message`, `${err}`, `'x' + err`, `String(err)`, `err.toString()`, `JSON.stringify(err)`).
 */
function findTextOnlyError(context: Context, call: LoggerCall): TextOnlyUse | null {
  const node = call.node;
  let result: TextOnlyUse | null = null;
  for (const variable of errorVariablesAround(context, node)) {
    // Rethrown or handed on: the stack travels with it and is logged where it lands.
    if (isPassedOn(variable)) continue;
    let textOnly: TextOnlyUse | null = null;
    for (const ref of variable.references) {
      if (!contains(node, ref.identifier)) continue;
      if (ref.identifier.type !== AST_NODE_TYPES.Identifier) continue;
      const use = classifyErrorMention(ref.identifier);
      // The error object or its stack reaches the logger: nothing is lost.
      if (use.kind === 'whole') return null;
      if (use.kind === 'text') textOnly ??= { variable, use: use.node, form: use.form };
    }
    if (textOnly && !result) result = textOnly;
  }
  return result;
}

function isPassedOn(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    const parent = ref.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ThrowStatement) return true;
    // new AppError('…', { cause: err })
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === ref.identifier && getPropertyName(parent) === 'cause') return true;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(ref.identifier as TSESTree.Expression) && isHandoffCall(parent);
  });
}

/** Caught errors in scope at `node`: catch bindings, rejection-handler and error-callback parameters. */
function errorVariablesAround(context: Context, node: TSESTree.Node): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.CatchClause && current.param?.type === AST_NODE_TYPES.Identifier) {
      const v = findVariable(context, current.param);
      if (v) out.push(v);
    } else if (isFunctionNode(current)) {
      const first = current.params[0];
      if (first?.type === AST_NODE_TYPES.Identifier && (ERROR_PARAM.test(first.name) || isRejectionHandler(current) || current.params.length === 4)) {
        const v = findVariable(context, first);
        if (v) out.push(v);
      }
    }
    current = current.parent;
  }
  return out;
}

function isRejectionHandler(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getPropertyName(call.callee);
  return (method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn);
}

/** The style of the logger this call uses, and whether we are sure enough to autofix. */
function styleOf(context: Context, call: LoggerCall): { style: LoggerStyle; confident: boolean } {
  const path = call.loggerPath ?? '';
  const configured = getSettings(context).logger;
  if (configured && configured.name === path) return { style: configured.style, confident: true };
  if (path === 'console') return { style: 'console', confident: true };
  if (path === 'winston') return { style: 'winston', confident: true };
  if (/^(?:req|request|reply|ctx|fastify|app|server)\.log$/u.test(path)) return { style: 'pino', confident: true };
  const first = call.node.arguments[0];
  if (first?.type === AST_NODE_TYPES.ObjectExpression) return { style: 'pino', confident: false };
  if (/^this\.#?_?logger$/u.test(path) && call.node.arguments.length === 1) return { style: 'nest', confident: false };
  if (configured) return { style: configured.style, confident: false };
  return { style: 'console', confident: false };
}

function remedyText(style: { style: LoggerStyle }, name: string, call: LoggerCall): string {
  const prop = name === 'err' ? 'err' : `err: ${name}`;
  const logger = call.loggerPath ?? 'logger';
  const method = call.method ?? 'error';
  switch (style.style) {
    case 'pino':
    case 'bunyan':
      return `${logger}.${method}({ ${prop} }, '…')`;
    case 'winston':
      return `${logger}.${method}('…', { error: ${name} })`;
    case 'nest':
      return `${logger}.${method}('…', ${name}.stack)`;
    default:
      return `${logger}.${method}('…', ${name})`;
  }
}
