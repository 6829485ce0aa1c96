import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/no-silent-catch.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * Work in hand beside the failure that matters (issue 15, session 33; idioms trimmed from cncjs's record
 * routes and Homebridge UI's npm-permission check):
 * - `ensureArray(x)` / `ensureString(name)` coerce a value to a type (they return `[]`, `''` for anything
 *   else) and `bcrypt.hashSync(pw, bcrypt.genSaltSync())` computes a hash in process: neither fails for an
 *   outside reason, so a route whose only outside work is a store that logs its own failures loses
 *   nothing when its catch answers 500.
 * - `execSync('test -w "…"')`, `execSync('which npm')`: the shell answers a question with its exit status, as
 *   `fs.accessSync` does; the catch that repairs the permissions is the answer, not a hidden failure.
 * Each has an invalid twin (a validator that throws, a store that does not log, a command that does work).
 */
const project = tempProject('no-silent-catch-in-hand-', [join('src', 'services'), join('src', 'routes')]);
project.write(
  join('src', 'services', 'store.js'),
  `const fs = require('fs');
const log = require('../log');
let data = {};
function get(key, fallback) {
  return key in data ? data[key] : fallback;
}
function set(key, value) {
  data = { ...data, [key]: value };
  try {
    fs.writeFileSync(CONFIG_FILE, JSON.stringify(data, null, 2));
  } catch (err) {
    log.error('Unable to write data', err);
    throw err;
  }
}
module.exports = { get, set };
`,
);
project.write(
  join('src', 'services', 'quiet-store.js'),
  `const fs = require('fs');
function set(key, value) {
  fs.writeFileSync(CONFIG_FILE, JSON.stringify({ [key]: value }));
}
module.exports = { set };
`,
);
const route = join(project.root, 'src', 'routes', 'records.js');

const coerced = (store: string, check: string) => `const _ensureType = require("ensure-type");
const _store = require("../services/${store}");
const create = exports.create = function create(req, res) {
  try {
    const records = (0, _ensureType.ensureArray)(_store.get('mdi', []));
    const record = { name: (0, _ensureType.ensureString)(req.body.name), command: ${check} };
    records.push(record);
    _store.set('mdi', records);
    res.send({ err: null });
  } catch (err) {
    res.status(500).send({ msg: 'Failed to save the records' });
  }
};`;

const hashed = (store: string, hash: string) => `const _bcrypt = require("bcrypt-nodejs");
const _store = require("../services/${store}");
const create = exports.create = async function create(req, res) {
  try {
    const salt = _bcrypt.genSaltSync();
    const hash = ${hash};
    _store.set('users', [{ name: req.body.name, password: hash }]);
    res.send({ ok: true });
  } catch (err) {
    res.status(500).send({ msg: 'Failed to save the user' });
  }
};`;

const permissions = (command: string) => `import { execSync } from 'node:child_process';
export class DarwinPlatform {
  async ensureNpmPermissions(npmGlobalPath) {
    const { uid, gid } = await this.getId();
    try {
      execSync(${command}, { uid, gid });
      execSync('test -w "$(dirname $(which npm))"', { uid, gid });
    } catch (e) {
      await this.setNpmPermissions(npmGlobalPath);
    }
  }
}`;

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (work in hand)', rule, {
  valid: [
    // cncjs: coercions of a value in hand beside the store that logs its write failure.
    { filename: route, code: coerced('store', 'String(req.body.command)') },
    // cncjs: a password hashed synchronously beside the same store.
    { filename: route, code: hashed('store', '_bcrypt.hashSync(req.body.password.trim(), salt)') },
    // Homebridge UI: `test -w` asks whether npm's directories are writable; the catch repairs them.
    { filename: join(project.root, 'src', 'darwin.js'), code: permissions('`test -w "${npmGlobalPath}"`') },
    // Asking whether a program is installed, questions in turn: the fallback is the answer.
    `const { execSync } = require('child_process');
function credentialHelperPath() {
  try {
    return execSync('which git-credential-manager 2>/dev/null || which git-credential-osxkeychain 2>/dev/null').toString().trim();
  } catch (e) {
    return null;
  }
}`,
  ],
  invalid: [],
});

interface Twin {
  name: string;
  code: string;
  filename: string;
}

/** The same shapes with the real failure: each stays reported. */
const TWINS: Twin[] = [
  // A validator that throws beside the store: its failure is answered 500 with no log.
  { name: 'validator beside a logging store', filename: route, code: coerced('store', 'ensureValidCommand(req.body.command)') },
  // The store does not log: the 500 is the only trace of the failed write, however the value was coerced.
  { name: 'coercions beside a quiet store', filename: route, code: coerced('quiet-store', 'String(req.body.command)') },
  { name: 'hash beside a quiet store', filename: route, code: hashed('quiet-store', '_bcrypt.hashSync(req.body.password.trim(), salt)') },
  // The hash awaited from the asynchronous API is awaited work, not a computation in hand.
  { name: 'awaited hash beside a logging store', filename: route, code: hashed('store', 'await hashPassword(req.body.password, salt)') },
  // The command does the work (chown), or chains work after the question.
  { name: 'chown instead of the question', filename: join(project.root, 'src', 'darwin.js'), code: permissions('`chown -R ${this.user}:admin "${npmGlobalPath}"`') },
  { name: 'question chained with work', filename: join(project.root, 'src', 'darwin.js'), code: permissions('`test -w "${npmGlobalPath}" || chown -R ${this.user} "${npmGlobalPath}"`') },
];

function messageIds(twin: Twin): string[] {
  // The files live under the temporary project: lint from there, so that the config's glob matches them.
  const linter = new Linter({ configType: 'flat', cwd: project.root });
  return linter
    .verify(
      twin.code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { sourceType: twin.code.startsWith('import') ? 'module' : 'commonjs' },
          plugins: { sl: { rules: { 'no-silent-catch': rule as unknown as Rule.RuleModule } } },
          rules: { 'sl/no-silent-catch': 'error' },
        },
      ],
      twin.filename,
    )
    .map((m) => (m.fatal ? `fatal: ${m.message}` : (m.messageId ?? '')));
}

describe('no-silent-catch (work in hand): the invalid twins stay reported', () => {
  it.each(TWINS.map((t) => [t.name, t] as const))('%s', (_name, twin) => {
    expect(messageIds(twin)).toEqual(['silentCatch']);
  });
});
