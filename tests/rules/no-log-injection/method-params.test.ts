import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

/** node-media-server's login lock-out: a static method of the handler class, called from the login route with the posted user name. */
const STATIC_METHOD = `class AuthHandler {
  static recordFailure(username, ip) {
    logger.warn(\`API: Login for user \${username} from \${ip} locked\`);
  }
  static async login(req, res) {
    const { username, password } = req.body;
    if (!check(username, password)) {
      AuthHandler.recordFailure(username, req.ip);
      return res.status(401).json({ success: false });
    }
    res.json({ success: true });
  }
}
module.exports = AuthHandler;`;

/** An instance method called through `this` from a route handler method. */
const INSTANCE_METHOD = `class Routes {
  audit(name) {
    console.log('lookup for ' + name);
  }
  async find(req, res) {
    this.audit(req.query.name);
    res.json(await db.find(req.query.name));
  }
}`;

/** `Routes` whose `find` also does `extra` after `this.audit(req.query.name)`. */
const routesWith = (extra: string): string => `class Routes {
  audit(name) {
    console.log('lookup for ' + name);
  }
  async find(req, res) {
    this.audit(req.query.name);
    ${extra}
    res.end();
  }
}`;

// A class method whose every same-file caller passes request input carries it, like a same-file helper function.
ruleTester.run('no-log-injection (class methods called with request input)', rule, {
  valid: [
    // another caller in the file passes something else (the app's own value)
    routesWith('this.audit(DEFAULT_NAME);'),
    // the method is also used otherwise (passed as a callback): callers this file does not show
    routesWith('names.forEach(this.audit);'),
    // called on some other object with the same method name
    routesWith('other.audit(config.name);'),
  ],
  invalid: [
    { code: STATIC_METHOD, errors: [{"messageId": "injection", "line": 3, "suggestions": [{"messageId": "useFields", "output": "class AuthHandler {\n  static recordFailure(username, ip) {\n    logger.warn(`API: Login for user from ${ip} locked`, { username });\n  }\n  static async login(req, res) {\n    const { username, password } = req.body;\n    if (!check(username, password)) {\n      AuthHandler.recordFailure(username, req.ip);\n      return res.status(401).json({ success: false });\n    }\n    res.json({ success: true });\n  }\n}\nmodule.exports = AuthHandler;"}]}] },
    { code: INSTANCE_METHOD, output: "class Routes {\n  audit(name) {\n    console.log('lookup for', { name });\n  }\n  async find(req, res) {\n    this.audit(req.query.name);\n    res.json(await db.find(req.query.name));\n  }\n}", errors: [{"messageId": "injection", "line": 3, "suggestions": [{"messageId": "useFields", "output": "class Routes {\n  audit(name) {\n    console.log('lookup for', { name });\n  }\n  async find(req, res) {\n    this.audit(req.query.name);\n    res.json(await db.find(req.query.name));\n  }\n}"}]}] },
  ],
});
