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
