/** src/model/callback-throws.ts: throws from the error-first callbacks of Node's callback-style I/O. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { ioCallbackOfThrow } from '../../src/model/callback-throws.js';
import { probe } from '../helpers/probe.js';

/** For each throw of the file, the text of the I/O call's callee it escapes from, else null. */
function throws(code: string): (string | null)[] {
  const out: (string | null)[] = [];
  probe(code, (context: Context) => ({
    ThrowStatement(node: TSESTree.ThrowStatement) {
      const found = ioCallbackOfThrow(context, node);
      out.push(found ? context.sourceCode.getText(found.call.callee) : null);
    },
  }));
  return out;
}

describe('ioCallbackOfThrow', () => {
  it.each([
    ["const fs = require('fs'); fs.writeFile(p, d, (err) => { if (err) throw err; });", 'fs.writeFile'],
    ["import { exec } from 'node:child_process'; exec(cmd, function (error, stdout) { if (error) throw error; });", 'exec'],
    ["const dns = require('dns'); dns.lookup(host, (err, address) => { if (!address) throw new Error('no address'); });", 'dns.lookup'],
    ["const fse = require('fs-extra'); fse.copy(a, b, (err) => { if (err) { throw err; } });", 'fse.copy'],
    // caught inside the callback; async callback (a rejection, not a throw); not error-first; a synchronous call; unknown API
    ["const fs = require('fs'); fs.readFile(p, (err, t) => { try { if (err) throw err; } catch (e) { log(e); } });", null],
    ["const fs = require('fs'); fs.readFile(p, async (err, t) => { if (err) throw err; });", null],
    ["const fs = require('fs'); fs.watch(dir, (event, name) => { throw new Error(name); });", null],
    ["const fs = require('fs'); fs.readdirSync(dir).forEach((name) => { throw new Error(name); });", null],
    ['store.load(key, (err, value) => { if (err) throw err; });', null],
  ])('%s → %j', (code, expected) => {
    expect(throws(code)).toEqual([expected]);
  });
});
