import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * "The callee already logs" across modules (issue 15): a `try` whose only fallible work is a call
 * into a module of the project that logs its own failures loses nothing when its catch answers
 * 500 or falls back — the operators saw the failure in that module's log. The modules are written
 * to a temporary project and linted through `filename`; their code is trimmed from real sources
 * (a config store's `set`, Etherpad's `ImportHtml.setPadHTML`, Signal K's OIDC `fetchUserinfo`).
 */
const project = tempProject('no-silent-catch-callee-logs-', ['services', 'routes', 'oidc', 'utils', 'db'].map((dir) => join('src', dir)));
const root = project.root;
const write = (file: string, text: string) => project.write(join('src', file), text);

// The precision data's config store: `set()` catches its write error and logs it with log.error.
write(
  'services/configstore.js',
  `const fs = require('fs');
const log = require('../log');
let data = {};
function get(key) {
  return data[key];
}
function set(key, value) {
  data = { ...data, [key]: value };
  try {
    fs.writeFileSync(CONFIG_FILE, JSON.stringify(data, null, 2));
  } catch (err) {
    log.error('Could not save the configuration', err);
    throw err;
  }
}
module.exports = { get, set };
`,
);
// The same store without its log: the failure is the caller's to record.
write(
  'services/quietstore.js',
  `const fs = require('fs');
function set(key, value) {
  fs.writeFileSync(CONFIG_FILE, JSON.stringify({ [key]: value }));
}
module.exports = { set };
`,
);
// Etherpad's ImportHtml.setPadHTML: a log4js logger warns about malformed HTML and rethrows.
write(
  'utils/ImportHtml.js',
  `const log4js = require('log4js');
exports.setPadHTML = async (pad, html) => {
  const apiLogger = log4js.getLogger('ImportHtml');
  const $ = cheerio.load(html);
  const doc = $('body')[0];
  const cc = contentcollector.makeContentCollector(true, null, pad.pool);
  try {
    // we use a try here because if the HTML is bad it will blow up
    cc.collectContent(doc);
  } catch (e) {
    apiLogger.warn('HTML was not properly formed', e);
    // don't process the HTML because it was bad
    throw e;
  }
  await pad.setText(cc.finish().lines.join('\\n'));
};
`,
);
// Signal K's token-exchange (TypeScript's CommonJS output): every catch of fetchUserinfo warns.
write(
  'oidc/token-exchange.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchUserinfo = fetchUserinfo;
async function fetchUserinfo(accessToken, metadata, issuer) {
    if (!metadata.userinfo_endpoint) {
        return undefined;
    }
    let response;
    try {
        response = await fetchFn(metadata.userinfo_endpoint, {
            method: 'GET',
            headers: { Authorization: \`Bearer \${accessToken}\` }
        });
    }
    catch (err) {
        // Non-fatal: continue with ID token claims only
        console.warn(\`OIDC: Failed to fetch userinfo: \${err instanceof Error ? err.message : err}\`);
        return undefined;
    }
    try {
        return (await response.json());
    }
    catch (err) {
        console.warn(\`OIDC: Failed to parse userinfo response: \${err instanceof Error ? err.message : err}\`);
        return undefined;
    }
}
`,
);
// An ES module of settings, and a default-exported store instance whose class logs through this.logger.
write(
  'services/settings.ts',
  `import { logger } from '../logger';
export async function saveSettings(settings: Settings): Promise<void> {
  try {
    await writeFile(SETTINGS_FILE, JSON.stringify(settings));
  } catch (err) {
    logger.error({ err }, 'could not save settings');
    throw err;
  }
}
`,
);
write(
  'db/store.ts',
  `class SessionStore {
  constructor(private readonly logger: Logger) {}
  async revoke(token: string): Promise<void> {
    try {
      await this.redis.del(\`session:\${token}\`);
    } catch (err) {
      this.logger.error('could not revoke the session', err);
      throw err;
    }
  }
}
export default new SessionStore(logger);
`,
);
write(
  'oidc/userinfo-quiet.js',
  `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchUserinfo = fetchUserinfo;
async function fetchUserinfo(accessToken, metadata) {
    const response = await fetchFn(metadata.userinfo_endpoint, { headers: { Authorization: \`Bearer \${accessToken}\` } });
    return (await response.json());
}
`,
);
write(
  'db/quiet-store.ts',
  `class SessionStore {
  async revoke(token: string): Promise<void> {
    await this.redis.del(\`session:\${token}\`);
  }
}
export default new SessionStore();
`,
);
// cncjs's config store as Babel compiles it (trimmed): `set` has no try; `reload` and `sync` catch and log.
const babelStore = (logs: boolean) => `"use strict";
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
        ${logs ? 'log.error("Unable to load data from " + this.file);' : ''}
        this.emit('error', err);
        return false;
      }
      return true;
    }
  }, {
    key: "sync",
    value: function sync() {
      try {
        _fs["default"].writeFileSync(this.file, JSON.stringify(this.config, null, 4), 'utf8');
      } catch (err) {
        ${logs ? 'log.error("Unable to write data to " + this.file);' : ''}
        this.emit('error', err);
        return false;
      }
      return true;
    }
  }, {
    key: "set",
    value: function set(key, value, options) {
      var _options = _objectSpread({}, options);
      if (key === undefined) {
        return;
      }
      var ok = this.reload();
      (0, _set2["default"])(this.config, key, value);
      ok && !_options.silent && this.sync();
    }
  }]);
}(_events["default"].EventEmitter);
var configstore = new ConfigStore();
var _default = exports["default"] = configstore;
`;
write('services/babel-configstore.js', babelStore(true));
write('services/babel-quietstore.js', babelStore(false));
write('services/broken.js', 'module.exports = { set( };');

const route = join(root, 'src', 'routes', 'settings.js');
const tsRoute = join(root, 'src', 'routes', 'settings.ts');
const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (the callee in another module already logs)', rule, {
  valid: [
    // the config store logged the write error; the route answers 500 (precision data)
    {
      filename: route,
      code: `const config = require('../services/configstore');
router.put('/config/:key', (req, res) => {
  try {
    config.set(req.params.key, req.body.value);
    res.json({ ok: true });
  } catch (err) {
    res.status(500).json({ error: 'Could not save the configuration' });
  }
});`,
    },
    // the same store reached through a destructured require
    {
      filename: route,
      code: `const { set } = require('../services/configstore');
router.put('/config/:key', (req, res) => {
  try {
    set(req.params.key, req.body.value);
    return res.sendStatus(204);
  } catch (err) {
    return res.sendStatus(500);
  }
});`,
    },
    // Etherpad's API: setPadHTML warns about malformed HTML itself
    {
      filename: route,
      code: `const importHtml = require('../utils/ImportHtml');
exports.setHTML = async (req, res) => {
  const pad = await getPadSafe(req.query.padID, true);
  try {
    await importHtml.setPadHTML(pad, req.body.html);
  } catch (e) {
    return res.status(500).send({ code: 2, message: 'internal error', data: null });
  }
  res.send({ code: 0, message: 'ok', data: null });
};`,
    },
    // Signal K's OIDC callback (compiled TypeScript): every failure of fetchUserinfo is warned about
    {
      filename: route,
      code: `const token_exchange_1 = require("../oidc/token-exchange");
async function userinfoClaims(tokens, metadata, oidcConfig) {
    let userinfo;
    try {
        userinfo = await (0, token_exchange_1.fetchUserinfo)(tokens.access_token, metadata, oidcConfig.issuer);
    }
    catch {
        userinfo = undefined;
    }
    return userinfo;
}`,
    },
    // an ES named import in TypeScript
    {
      filename: tsRoute,
      code: `import { saveSettings } from '../services/settings';
export async function updateSettings(req: Request, res: Response) {
  try {
    await saveSettings(req.body);
  } catch {
    return res.status(500).json({ message: 'Settings could not be saved' });
  }
  return res.json({ ok: true });
}`,
    },
    // a default-exported instance whose method logs through this.logger; the session revocation is a security control
    {
      filename: tsRoute,
      code: `import sessions from '../db/store';
export async function logout(req: Request, res: Response) {
  try {
    await sessions.revoke(req.cookies.sid);
  } catch {}
  res.clearCookie('sid').redirect('/');
}`,
    },
    // cncjs (Babel's output): the store's compiled class logs its read and write failures; the route's other
    // calls are a lodash helper, an id, the clock and a same-file helper in which nothing can fail
    {
      filename: route,
      code: `var _castArray = _interopRequireDefault(require("lodash/castArray"));
var _uuid = _interopRequireDefault(require("uuid"));
var _configstore = _interopRequireDefault(require("../services/babel-configstore"));
var getSanitizedRecords = function getSanitizedRecords() {
  var records = (0, _castArray["default"])(_configstore["default"].get(CONFIG_KEY, []));
  log.debug("records: ".concat(JSON.stringify(records)));
  return records;
};
var create = exports.create = function create(req, res) {
  try {
    var records = getSanitizedRecords();
    var record = { id: _uuid["default"].v4(), mtime: new Date().getTime(), title: req.body.title };
    records.push(record);
    _configstore["default"].set(CONFIG_KEY, records);
    res.send({ id: record.id, mtime: record.mtime });
  } catch (err) {
    res.status(ERR_INTERNAL_SERVER_ERROR).send({ msg: 'Failed to save ' + JSON.stringify(settings.rcfile) });
  }
};`,
    },
    // the same-file half answers the 500 the same way
    {
      filename: route,
      code: `function set(key, value) {
  try {
    fs.writeFileSync(CONFIG_FILE, JSON.stringify({ [key]: value }));
  } catch (err) {
    log.error('Could not save the configuration', err);
    throw err;
  }
}
router.put('/config/:key', (req, res) => {
  try {
    set(req.params.key, req.body.value);
    res.json({ ok: true });
  } catch (err) {
    res.status(500).json({ error: 'Could not save the configuration' });
  }
});`,
    },
  ],
  invalid: [
    // the store does not log: the 500 is the only trace of the failure
    {
      filename: route,
      code: `const config = require('../services/quietstore');
router.put('/config/:key', (req, res) => {
  try {
    config.set(req.params.key, req.body.value);
    res.json({ ok: true });
  } catch (err) {
    res.status(500).json({ error: 'Could not save the configuration' });
  }
});`,
      errors: [{ messageId: 'silentCatch', line: 6, suggestions: [{ messageId: "logIt", data: { call: "console.error" }, output: "const config = require('../services/quietstore');\nrouter.put('/config/:key', (req, res) => {\n  try {\n    config.set(req.params.key, req.body.value);\n    res.json({ ok: true });\n  } catch (err) {\n    console.error('config.set failed', err);\n    res.status(500).json({ error: 'Could not save the configuration' });\n  }\n});" }] }],
    },
    // the same compiled store without its logs: the 500 is the only trace of the failed write
    {
      filename: route,
      code: `var _configstore = _interopRequireDefault(require("../services/babel-quietstore"));
var update = exports.update = function update(req, res) {
  try {
    record.mtime = new Date().getTime();
    _configstore["default"].set(CONFIG_KEY, records);
    res.send({ id: record.id });
  } catch (err) {
    res.status(500).send({ msg: 'Failed to save' });
  }
};`,
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{ messageId: "logIt", data: { call: "console.error" }, output: "var _configstore = _interopRequireDefault(require(\"../services/babel-quietstore\"));\nvar update = exports.update = function update(req, res) {\n  try {\n    record.mtime = new Date().getTime();\n    _configstore[\"default\"].set(CONFIG_KEY, records);\n    res.send({ id: record.id });\n  } catch (err) {\n    console.error('getTime failed', err);\n    res.status(500).send({ msg: 'Failed to save' });\n  }\n};"}] }],
    },
    // the store logs its own failure, but the database query beside it does not
    {
      filename: route,
      code: `const config = require('../services/configstore');
router.put('/config/:key', async (req, res) => {
  try {
    await db.query('UPDATE audit SET changed = now()');
    config.set(req.params.key, req.body.value);
    res.json({ ok: true });
  } catch (err) {
    res.status(500).json({ error: 'Could not save the configuration' });
  }
});`,
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{ messageId: "logIt", data: { call: "console.error" }, output: "const config = require('../services/configstore');\nrouter.put('/config/:key', async (req, res) => {\n  try {\n    await db.query('UPDATE audit SET changed = now()');\n    config.set(req.params.key, req.body.value);\n    res.json({ ok: true });\n  } catch (err) {\n    console.error('db.query failed', err);\n    res.status(500).json({ error: 'Could not save the configuration' });\n  }\n});" }] }],
    },
    // a module that does not parse is unknown
    {
      filename: route,
      code: `const config = require('../services/broken');
router.put('/config/:key', (req, res) => {
  try {
    config.set(req.params.key, req.body.value);
    res.json({ ok: true });
  } catch (err) {
    res.status(500).json({ error: 'Could not save the configuration' });
  }
});`,
      errors: [{ messageId: 'silentCatch', line: 6, suggestions: [{ messageId: "logIt", data: { call: "console.error" }, output: "const config = require('../services/broken');\nrouter.put('/config/:key', (req, res) => {\n  try {\n    config.set(req.params.key, req.body.value);\n    res.json({ ok: true });\n  } catch (err) {\n    console.error('config.set failed', err);\n    res.status(500).json({ error: 'Could not save the configuration' });\n  }\n});" }] }],
    },
    // the userinfo fetch that logs nothing: an outage of the identity provider reads as "no claims"
    {
      filename: route,
      code: `const token_exchange_1 = require("../oidc/userinfo-quiet");
async function userinfoClaims(tokens, metadata, oidcConfig) {
    let userinfo;
    try {
        userinfo = await (0, token_exchange_1.fetchUserinfo)(tokens.access_token, metadata, oidcConfig.issuer);
    }
    catch {
        userinfo = undefined;
    }
    return userinfo;
}`,
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{ messageId: "logIt", data: { call: "console.error" }, output: "const token_exchange_1 = require(\"../oidc/userinfo-quiet\");\nasync function userinfoClaims(tokens, metadata, oidcConfig) {\n    let userinfo;\n    try {\n        userinfo = await (0, token_exchange_1.fetchUserinfo)(tokens.access_token, metadata, oidcConfig.issuer);\n    }\n    catch (err) {\n        console.warn('userinfoClaims failed', err);\n        userinfo = undefined;\n    }\n    return userinfo;\n}" }, { messageId: "rethrow", output: "const token_exchange_1 = require(\"../oidc/userinfo-quiet\");\nasync function userinfoClaims(tokens, metadata, oidcConfig) {\n    let userinfo;\n    try {\n        userinfo = await (0, token_exchange_1.fetchUserinfo)(tokens.access_token, metadata, oidcConfig.issuer);\n    }\n    catch (err) {\n        userinfo = undefined;\n        throw err;\n    }\n    return userinfo;\n}" }] }],
    },
    // a session store that logs nothing: a failed revocation reads as "already logged out"
    {
      filename: tsRoute,
      code: `import sessions from '../db/quiet-store';
export async function logout(req: Request, res: Response) {
  try {
    await sessions.revoke(req.cookies.sid);
  } catch {}
  res.clearCookie('sid').redirect('/');
}`,
      errors: [{ messageId: 'silentCatch', line: 5, suggestions: [{ messageId: "logIt", data: { call: "console.error" }, output: "import sessions from '../db/quiet-store';\nexport async function logout(req: Request, res: Response) {\n  try {\n    await sessions.revoke(req.cookies.sid);\n  } catch (err) {\n    console.error('sessions.revoke failed', err);\n  }\n  res.clearCookie('sid').redirect('/');\n}" }, { messageId: "rethrow", output: "import sessions from '../db/quiet-store';\nexport async function logout(req: Request, res: Response) {\n  try {\n    await sessions.revoke(req.cookies.sid);\n  } catch (err) {\n    throw err;\n  }\n  res.clearCookie('sid').redirect('/');\n}" }] }],
    },
    // the broad policy asks nothing of the callee
    {
      filename: route,
      options: [{ reportFallbacks: true }],
      code: `const config = require('../services/configstore');
router.put('/config/:key', (req, res) => {
  try {
    config.set(req.params.key, req.body.value);
    res.json({ ok: true });
  } catch (err) {
    res.status(500).json({ error: 'Could not save the configuration' });
  }
});`,
      errors: [{ messageId: 'silentCatch', line: 6, suggestions: [{ messageId: "logIt", data: { call: "console.error" }, output: "const config = require('../services/configstore');\nrouter.put('/config/:key', (req, res) => {\n  try {\n    config.set(req.params.key, req.body.value);\n    res.json({ ok: true });\n  } catch (err) {\n    console.error('config.set failed', err);\n    res.status(500).json({ error: 'Could not save the configuration' });\n  }\n});" }] }],
    },
  ],
});
