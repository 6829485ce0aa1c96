/**
 * Is the linted file a command-line program? Its error output goes to the operator's terminal, who
 * reads the message, rather than to a log someone searches later.
 */
import { relative } from 'node:path';
import type { Context } from './ast.js';

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
