/**
 * Is the linted file a command-line program? Its error output goes to the operator's terminal, who
 * reads the message, rather than to a log someone searches later.
 */
import { relative } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, classMethods, findEnclosingClass, getEnclosingFunction, getPropertyName, skipTransparent } from './ast.js';

/** A `bin` directory anywhere in the file's path below the working directory. */
const BIN_DIRECTORY = /(?:^|[\\/])bin[\\/]/u;

/**
 * The file starts with a `#!` line (`#!/usr/bin/env node`), or sits in a `bin/` directory of the
 * project (`bin/cli.js`, `dist/bin/platforms/linux.js`): the convention for the programs a
 * package.json `bin` field installs.
 */
export function isCommandLineProgram(context: Context): boolean {
  if (context.sourceCode.text.startsWith('#!')) return true;
  const filename = context.filename;
  if (!filename || filename.startsWith('<')) return false;
  const cwd = context.cwd;
  const local = cwd && filename.startsWith(cwd) ? relative(cwd, filename) : filename;
  return BIN_DIRECTORY.test(local);
}

/** `require('promptly')`, `from 'inquirer'`, `import('@clack/prompts')`: a package that asks the operator questions on the terminal. */
const PROMPT_PACKAGE = /(?:\brequire\s*\(\s*|\bfrom\s+|\bimport\s*\(\s*)['"](?:promptly|inquirer|@inquirer\/[\w-]+|prompts|enquirer|@clack\/prompts|readline-sync)['"]/u;

/**
 * The file is an interactive terminal program: it imports a package that prompts the operator
 * (promptly, inquirer, prompts, enquirer, @clack/prompts, readline-sync). What it prints with
 * `console` is its answer on that operator's terminal (a license it was asked to generate, a key
 * it created), not a record written to a log.
 */
export function promptsOperator(context: Context): boolean {
  return PROMPT_PACKAGE.test(context.sourceCode.text);
}

/** A command-line framework's command base: oclif's `Command`, `clipanion.Command`, a project's `BaseCommand`. */
const COMMAND_BASE = /(?:^|\.)[\w$]*Command$/u;

/**
 * `node` is inside a command of a command-line framework: a class extending `Command` (oclif),
 * `clipanion.Command` or a project's `BaseCommand`, with a `run()` or `execute()` method. What the
 * command prints answers the operator who ran it, about the values they passed or asked for (the
 * user they are resetting, the accounts they listed): their terminal, not a log of other people's
 * data. CQRS command objects extend no such base and have no `run()`.
 */
export function inCommandLineCommand(node: TSESTree.Node, sourceCode: { getText(node: TSESTree.Node): string }): boolean {
  const cls = findEnclosingClass(node);
  if (!cls?.superClass) return false;
  if (!COMMAND_BASE.test(sourceCode.getText(cls.superClass))) return false;
  const methods = classMethods(cls);
  return methods.has('run') || methods.has('execute');
}

/**
 * `node` runs in the handler of a command-line command declared with a builder:
 * `program.command('generate-api-key').option(…).action(async (options) => …)` (commander, cac, NocoBase's
 * `app.command`), or yargs' `.command(name, description, builder, handler)`. What the handler prints with
 * `console` answers the operator who ran the command (the key they asked it to create), on their terminal.
 */
export function inCommandAction(node: TSESTree.Node): boolean {
  for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) continue;
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getPropertyName(callee);
    if (method === 'action' && chainNamesCommand(callee.object)) return true;
    if (method === 'command' && call.arguments.length >= 3 && call.arguments[call.arguments.length - 1] === fn) return true;
  }
  return false;
}

/** `x.command('name').option(…).preload()`: a call chain with a `.command(…)` link. */
function chainNamesCommand(node: TSESTree.Node): boolean {
  let current = skipTransparent(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (getPropertyName(callee) === 'command') return true;
    current = skipTransparent(callee.object);
  }
  return false;
}
