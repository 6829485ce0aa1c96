import { join } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { callsProjectModule, importedCalleeLogs, importedCannotReject, importedReturnsRejectingPromise, onlyLoggingCalleesFail } from '../../src/model/project-modules.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';
import { tempProject } from '../helpers/temp-project.js';

const project = tempProject('project-modules-', ['src/services', 'src/routes']);
const root = project.root;
const write = (file: string, text: string) => project.write(join('src', file), text);

// A config store whose `set` catches its write error and logs it (the precision data's example).
write(
  'services/configstore.js',
  `const fs = require('fs');
const log = require('../log');
function set(key, value) {
  try {
    fs.writeFileSync(FILE, JSON.stringify({ ...data, [key]: value }));
  } catch (err) {
    log.error('Could not write the config file', err);
    throw err;
  }
}
function get(key) { return data[key]; }
module.exports = { set, get };
`,
);
// The same store without the log.
write(
  'services/quietstore.js',
  `function set(key, value) {
  try {
    fs.writeFileSync(FILE, value);
  } catch (err) {
    throw err;
  }
}
module.exports = { set };
`,
);
// ES module, named exports; one function logs on every path through a module-level helper.
write(
  'services/settings.ts',
  `import { logger } from '../logger';
function report(err: unknown) {
  logger.error({ err }, 'settings write failed');
}
export async function saveSettings(settings: Settings): Promise<void> {
  try {
    await writeFile(SETTINGS, JSON.stringify(settings));
  } catch (err) {
    report(err);
    throw err;
  }
}
export const loadSettings = async () => JSON.parse(await readFile(SETTINGS, 'utf8'));
const removeSettings = async () => {
  try {
    await rm(SETTINGS);
  } catch (e) {
    console.warn('could not remove settings', e);
  }
};
export { removeSettings as clearSettings };
`,
);
// TypeScript's CommonJS output: `exports.x = x`, a default-exported instance whose class logs through `this.logger`.
write(
  'services/store.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.persist = persist;
const logger_1 = require("../logger");
async function persist(doc) {
    try {
        await db.insert(doc);
    }
    catch (err) {
        logger_1.logger.warn('persist failed', err);
        throw err;
    }
}
class Store {
    constructor(logger) {
        this.logger = logger;
    }
    async write(key, value) {
        try {
            await this.client.set(key, value);
        }
        catch (err) {
            this.logger.error(err);
            throw err;
        }
    }
    async read(key) {
        return this.client.get(key);
    }
    static async flush() {
        try {
            await redis.flushall();
        }
        catch (e) {
            console.error(e);
        }
    }
}
exports.default = new Store(logger_1.logger);
exports.Store = Store;
`,
);
// CommonJS exports one by one, and a module-level logger made by a factory.
write(
  'services/mailer.js',
  `const audit = require('pino')();
exports.send = async function send(mail) {
  try {
    await transport.sendMail(mail);
  } catch (error) {
    audit.error({ error }, 'mail not sent');
    throw error;
  }
};
module.exports.verify = async (mail) => transport.verify(mail);
`,
);
// Babel's CommonJS output of an ES class (`_createClass`), exported as an instance through a `void 0`
// placeholder and a declarator chain: `set` has no try; the methods it calls catch and log.
write(
  'services/babelstore.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports["default"] = void 0;
var _set2 = _interopRequireDefault(require("lodash/set"));
var _fs = _interopRequireDefault(require("fs"));
var _logger = _interopRequireDefault(require("../lib/logger"));
function _interopRequireDefault(e) { return e && e.__esModule ? e : { "default": e }; }
var log = (0, _logger["default"])('service:configstore');
var ConfigStore = /*#__PURE__*/function (_events$EventEmitter) {
  function ConfigStore() { _classCallCheck(this, ConfigStore); }
  _inherits(ConfigStore, _events$EventEmitter);
  return _createClass(ConfigStore, [{
    key: "reload",
    value: function reload() {
      try {
        this.config = JSON.parse(_fs["default"].readFileSync(this.file, 'utf8'));
      } catch (err) {
        log.error("Unable to load data from " + this.file);
        return false;
      }
      return true;
    }
  }, {
    key: "sync",
    value: function sync() {
      try {
        _fs["default"].writeFileSync(this.file, JSON.stringify(this.config), 'utf8');
      } catch (err) {
        log.error("Unable to write data to " + this.file);
        return false;
      }
      return true;
    }
  }, {
    key: "set",
    value: function set(key, value) {
      var ok = this.reload();
      (0, _set2["default"])(this.config, key, value);
      ok && this.sync();
    }
  }, {
    key: "upload",
    value: function upload(key) {
      this.sync();
      return this.client.put(key, this.config);
    }
  }]);
}(_events["default"].EventEmitter);
var configstore = new ConfigStore();
var save = exports.save = function save(doc) {
  try {
    _fs["default"].writeFileSync(doc.file, doc.text);
  } catch (err) {
    log.error(err);
  }
};
var _default = exports["default"] = configstore;
`,
);
write('services/broken.js', 'export function set( {');

const file = join(root, 'src', 'routes', 'settings.js');
const tsFile = join(root, 'src', 'routes', 'settings.ts');

describe('importedCalleeLogs', () => {
  it('finds the exported function a call goes to and asks whether it logs its own failures', () => {
    const code = `const config = require('../services/configstore');
const quiet = require('../services/quietstore');
const { set } = require('../services/configstore');
const mailer = require('../services/mailer');
const store_1 = require('../services/store');
const broken = require('../services/broken');
const lodash = require('lodash');
config.set('a', 1);
config.get('a');
quiet.set('a', 1);
set('b', 2);
mailer.send(mail);
mailer.verify(mail);
(0, store_1.persist)(doc);
store_1.default.write('k', 1);
store_1.default.read('k');
store_1.Store.flush();
broken.set('a', 1);
lodash.set(o, 'a', 1);
config.missing('a');
`;
    const results = probeCalls(code, (context, node) => importedCalleeLogs(context, node), { filename: file, cwd: root, sourceType: 'commonjs' });
    expect(callResult(results, "config.set('a', 1)")).toBe(true);
    expect(callResult(results, "config.get('a')")).toBe(false);
    expect(callResult(results, "quiet.set('a', 1)")).toBe(false);
    expect(callResult(results, "set('b', 2)")).toBe(true);
    expect(callResult(results, 'mailer.send(mail)')).toBe(true);
    expect(callResult(results, 'mailer.verify(mail)')).toBe(false);
    expect(callResult(results, '(0, store_1.persist)(doc)')).toBe(true);
    expect(callResult(results, "store_1.default.write('k', 1)")).toBe(true);
    expect(callResult(results, "store_1.default.read('k')")).toBe(false);
    expect(callResult(results, 'store_1.Store.flush()')).toBe(true);
    expect(callResult(results, "broken.set('a', 1)")).toBe(false);
    expect(callResult(results, "lodash.set(o, 'a', 1)")).toBe(false);
    expect(callResult(results, "config.missing('a')")).toBe(false);
  });

  it("reads Babel's output: a compiled class's instance method that hands its I/O to methods that log", () => {
    const code = `var _configstore = _interopRequireDefault(require("../services/babelstore"));
var _store = require("../services/babelstore");
_configstore["default"].set(CONFIG_KEY, records);
_configstore["default"].sync();
_configstore["default"].upload(CONFIG_KEY);
(0, _store.save)(doc);
`;
    const results = probeCalls(code, (context, node) => importedCalleeLogs(context, node), { filename: file, cwd: root, sourceType: 'commonjs' });
    expect(callResult(results, '_configstore["default"].set(CONFIG_KEY, records)')).toBe(true);
    expect(callResult(results, '_configstore["default"].sync()')).toBe(true);
    // A method that also calls a client itself is the caller's to record.
    expect(callResult(results, '_configstore["default"].upload(CONFIG_KEY)')).toBe(false);
    expect(callResult(results, '(0, _store.save)(doc)')).toBe(true);
  });

  it('reads ES imports with the TypeScript parser: named, renamed export, namespace', () => {
    const code = `import { saveSettings, loadSettings, clearSettings } from '../services/settings';
import * as settings from '../services/settings';
saveSettings(s);
loadSettings();
clearSettings();
settings.saveSettings(t);
`;
    const results = probeCalls(code, (context, node) => importedCalleeLogs(context, node), { filename: tsFile, cwd: root, ts: true });
    expect(callResult(results, 'saveSettings(s)')).toBe(true);
    expect(callResult(results, 'loadSettings()')).toBe(false);
    expect(callResult(results, 'clearSettings()')).toBe(true);
    expect(callResult(results, 'settings.saveSettings(t)')).toBe(true);
  });

  it('answers no without a file on disk', () => {
    const results = probeCalls("const config = require('./configstore');\nconfig.set('a', 1);", (context, node) => importedCalleeLogs(context, node), {
      sourceType: 'commonjs',
    });
    expect(callResult(results, "config.set('a', 1)")).toBe(false);
  });
});

describe('importedCannotReject', () => {
  it('holds for an async function whose failures are all caught, or logged before they are thrown on', () => {
    const code = `import { saveSettings, loadSettings } from '../services/settings';
const config = require('../services/configstore');
const mailer = require('../services/mailer');
const store_1 = require('../services/store');
saveSettings(s);
loadSettings();
config.set('a', 1);
mailer.send(mail);
(0, store_1.persist)(doc);
store_1.Store.flush();
store_1.default.read('k');
`;
    const results = probeCalls(code, (context, node) => importedCannotReject(context, node), { filename: tsFile, cwd: root, ts: true });
    expect(callResult(results, 'saveSettings(s)')).toBe(true);
    expect(callResult(results, 'loadSettings()')).toBe(false);
    // not async: whatever promise it returns is another call's
    expect(callResult(results, "config.set('a', 1)")).toBe(false);
    expect(callResult(results, 'mailer.send(mail)')).toBe(true);
    expect(callResult(results, '(0, store_1.persist)(doc)')).toBe(true);
    expect(callResult(results, 'store_1.Store.flush()')).toBe(true);
    expect(callResult(results, "store_1.default.read('k')")).toBe(false);
  });
});

write(
  'services/put.js',
  `function putPath(app, path, body) {
  return new Promise((resolve, reject) => {
    createRequest(app, path, body).then(resolve).catch(reject);
  });
}
const deletePath = (app, path) => new Promise((resolve, reject) => remove(app, path, (err) => (err ? reject(err) : resolve())));
function notifyPath(app, path) {
  return new Promise((resolve) => { app.emit('changed', path); resolve(); });
}
function updatePath(id, state) {
  return new Promise((resolve, reject) => {
    const request = requests[id];
    if (!request) {
      reject(new Error('request not found'));
      return;
    }
    request.state = state;
    resolve(request);
  });
}
async function savePath(app, path) { await app.store.save(path); }
module.exports = { putPath, deletePath, notifyPath, savePath, updatePath };
`,
);

describe('importedReturnsRejectingPromise', () => {
  it('holds for a plain function of a project module returning a new Promise whose executor uses reject', () => {
    const code = `const put = require('../services/put');
const fs = require('fs');
put.putPath(app, p, b);
put.deletePath(app, p);
put.notifyPath(app, p);
put.savePath(app, p);
put.updatePath(id, 'DONE');
fs.readFile(p);
`;
    const results = probeCalls(code, (context, node) => importedReturnsRejectingPromise(context, node), { filename: tsFile, cwd: root, ts: true });
    expect(callResult(results, 'put.putPath(app, p, b)')).toBe(true);
    expect(callResult(results, 'put.deletePath(app, p)')).toBe(true);
    expect(callResult(results, 'put.notifyPath(app, p)')).toBe(false);
    // async: not asked here
    expect(callResult(results, 'put.savePath(app, p)')).toBe(false);
    expect(callResult(results, 'fs.readFile(p)')).toBe(false);
    // rejects only on a check of its arguments, in the executor's own body
    expect(callResult(results, "put.updatePath(id, 'DONE')")).toBe(false);
    const project = probeCalls(code, (context, node) => callsProjectModule(context, node), { filename: tsFile, cwd: root, ts: true });
    expect(callResult(project, 'put.putPath(app, p, b)')).toBe(true);
    expect(callResult(project, 'fs.readFile(p)')).toBe(false);
  });
});

describe('onlyLoggingCalleesFail', () => {
  function ask(code: string): boolean[] {
    const answers: boolean[] = [];
    probe(code, (context) => ({ TryStatement: (node: TSESTree.TryStatement) => void answers.push(onlyLoggingCalleesFail(context, node.block, {})) }), {
      filename: file,
      cwd: root,
    });
    return answers;
  }

  it('holds when every fallible call logs its own failures, and fails for anything else that can fail', () => {
    const code = `const config = require('../services/configstore');
function save(k, v) { try { fs.writeFileSync(k, v); } catch (e) { log.error(e); throw e; } }
try { config.set(k, v); res.json({ ok: true }); } catch (e) {}
try { save(k, v); res.json({ ok: true }); } catch (e) {}
try { config.set(k, v); await db.query(sql); } catch (e) {}
try { if (!k) throw new Error('no key'); config.set(k, v); } catch (e) {}
try { res.json({ ok: true }); } catch (e) {}
`;
    // The first try is save()'s own.
    expect(ask(code)).toEqual([false, true, true, false, false, false]);
  });
});
