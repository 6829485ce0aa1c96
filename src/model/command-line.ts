/**
 * Is the linted file a command-line program? Its error output goes to the operator's terminal, who
 * reads the message, rather than to a log someone searches later.
 */
import { relative } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { type Context, classMethods, findEnclosingClass } from './ast.js';

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
