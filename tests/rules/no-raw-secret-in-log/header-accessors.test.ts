import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();

// `req.getHeaders()`: a request wrapper's accessor for every header (azurite's IRequest), like `req.headers` —
// the Authorization header and cookies with them. azurite's blob context middleware, trimmed:
const middleware = (receiver: string) =>
  "const Logger = require('./Logger');\nexport default function blobStorageContextMiddleware(req, res, next) {\n  const requestID = req.getHeader('x-ms-client-request-id');\n  Logger.info(`RequestMethod=${req.getMethod()} RequestURL=${req.getUrl()} RequestHeaders:${JSON.stringify(" +
  receiver +
  ".getHeaders())}`, requestID);\n  next();\n}";

ruleTester.run('no-raw-secret-in-log (request header accessors)', rule, {
  valid: [
    // form-data's getHeaders(): the multipart content type of a body the app builds
    middleware('form'),
  ],
  invalid: [
    {
      code: middleware('req'),
      errors: [{"messageId": "secretObject", "line": 4, "suggestions": [{"messageId": "redactValue", "output": "const Logger = require('./Logger');\nexport default function blobStorageContextMiddleware(req, res, next) {\n  const requestID = req.getHeader('x-ms-client-request-id');\n  Logger.info(`RequestMethod=${req.getMethod()} RequestURL=${req.getUrl()} RequestHeaders:${JSON.stringify('[REDACTED]')}`, requestID);\n  next();\n}"}]}],
    },
  ],
});
