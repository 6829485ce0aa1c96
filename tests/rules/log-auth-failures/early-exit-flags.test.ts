import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A 401/403 that no condition encloses is chosen by the early exits before it. When the only one
 * lets callers out by a setting (`if (config.allow_discovery) return res.send(ids); return res.sendStatus(401)`,
 * PeerJS's discovery endpoint), the refusal is a feature switched off, not a refused caller.
 * An exit that tests the caller (or anything unrecognized) keeps the rejection reported.
 */
const ruleTester = new RuleTester();
const warn = "console.warn('Authentication failed', { reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    ";
const keyed = `module.exports = (config, realm) => {
  const app = express.Router();
  app.get('/peers', (req, res) => {
    if (config.allow_discovery && req.query.key === config.key) {
      return res.send(realm.getClientsIds());
    }
    return res.sendStatus(401);
  });
  return app;
};`;
const verified = `module.exports = (config) => {
  const app = express.Router();
  app.get('/peers', async (req, res) => {
    if (config.open) return res.send([]);
    if (await tokens.verify(req.headers.authorization)) return res.send([]);
    return res.sendStatus(401);
  });
  return app;
};`;
const logged = (code: string): string => code.replace('return res.sendStatus(401)', `${warn}return res.sendStatus(401)`);

ruleTester.run('log-auth-failures (early exits that test a setting)', rule, {
  valid: [
    `module.exports = (config, realm) => {
  const app = express.Router();
  app.get('/peers', (_, res) => {
    if (config.allow_discovery) {
      const clientsIds = realm.getClientsIds();
      return res.send(clientsIds);
    }
    return res.sendStatus(401);
  });
  return app;
};`,
  ],
  invalid: [
    // the early exit also compares the presented key: a refused caller
    { code: keyed, errors: [{ messageId: 'unlogged', line: 7, suggestions: [{ messageId: 'logFailure', output: logged(keyed) }] }] },
    // a setting and a credential check: the credential decides
    { code: verified, errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', output: logged(verified) }] }] },
  ],
});
