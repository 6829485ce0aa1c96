import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// A field the same function fills with request input (`this.streamApp = req.params.app`) and then logs is a local
// variable by another name. Writes in other methods are not followed. node-media-server's FLV session, trimmed:
const flv = (assign: string, between: string) => "const logger = require('../core/logger');\nconst SAFE_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;\nclass FlvSession extends BaseSession {\n  constructor(req, res) {\n    super();\n    this.req = req;\n    this.res = res;\n    " + assign + "\n" + between + "    if (!SAFE_NAME_PATTERN.test(this.streamApp)) {\n      logger.error(`FLV session ${this.id} invalid stream path characters: app=${this.streamApp}`);\n      this.close();\n      return;\n    }\n  }\n}\nmodule.exports = FlvSession;";

ruleTester.run('no-log-injection (fields filled in the same function)', rule, {
  valid: [
    // the field holds a number
    flv('this.streamApp = Number(req.params.app);', ''),
    // overwritten with a cleaned value on every path before the log
    flv('this.streamApp = req.params.app;', "    this.streamApp = this.streamApp.replace(/[\\r\\n]/g, '');\n"),
  ],
  invalid: [
    // the rejected route parameter is logged verbatim
    { code: flv('this.streamApp = req.params.app;', ''), errors: [{"messageId": "injection", "line": 10, "suggestions": [{"messageId": "useFields", "output": "const logger = require('../core/logger');\nconst SAFE_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;\nclass FlvSession extends BaseSession {\n  constructor(req, res) {\n    super();\n    this.req = req;\n    this.res = res;\n    this.streamApp = req.params.app;\n    if (!SAFE_NAME_PATTERN.test(this.streamApp)) {\n      logger.error(`FLV session ${this.id} invalid stream path characters`, { app: this.streamApp });\n      this.close();\n      return;\n    }\n  }\n}\nmodule.exports = FlvSession;"}]}] },
    // filled on one branch from the route parameter
    {
      code: flv("if (res instanceof WebSocket) {\n      this.streamApp = url.parse(req.url).pathname.split('/')[1];\n    } else {\n      this.streamApp = req.params.app;\n    }", ''),
      errors: [{"messageId": "injection", "line": 14, "suggestions": [{"messageId": "useFields", "output": "const logger = require('../core/logger');\nconst SAFE_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;\nclass FlvSession extends BaseSession {\n  constructor(req, res) {\n    super();\n    this.req = req;\n    this.res = res;\n    if (res instanceof WebSocket) {\n      this.streamApp = url.parse(req.url).pathname.split('/')[1];\n    } else {\n      this.streamApp = req.params.app;\n    }\n    if (!SAFE_NAME_PATTERN.test(this.streamApp)) {\n      logger.error(`FLV session ${this.id} invalid stream path characters`, { app: this.streamApp });\n      this.close();\n      return;\n    }\n  }\n}\nmodule.exports = FlvSession;"}]}],
    },
  ],
});
