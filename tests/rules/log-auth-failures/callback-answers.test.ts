import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A callback-style server hands its endpoint a callback to answer the request with
 * (`responseCallback({ statusCode: HTTPStatus.UNAUTHORIZED, message })`, deepstream's HTTP endpoint):
 * a 401/403 handed to it is a refusal like `next(createError(401))`, outside any Express handler.
 * A success handed to it, a 400, and a callback not named for answering (a client library's
 * `doneCallback`) stay quiet.
 */
const ruleTester = new RuleTester();

const refused = `class HttpConnectionEndpoint {
  onMessageAuthResponse(responseCallback, messageData, success, authResponseData) {
    if (success !== true) {
      const error = typeof authResponseData === 'string' ? authResponseData : 'Unsuccessful authentication attempt.';
      responseCallback({ statusCode: HTTPStatus.UNAUTHORIZED, message: error });
      return;
    }
    this.processMessages(messageData, responseCallback);
  }
}`;

ruleTester.run('log-auth-failures (answers handed to a response callback)', rule, {
  valid: [
    // logged before it is answered
    refused.replace('      responseCallback({ statusCode', "      this.logger.warn('AUTH_UNSUCCESSFUL', error);\n      responseCallback({ statusCode"),
    // a malformed message: 400, not a refusal
    `class HttpConnectionEndpoint {
  onGetMessage(meta, responseCallback) {
    responseCallback({ statusCode: 400, message: 'Reading records via HTTP GET is not yet implemented.' });
  }
}`,
    // a client library hands the server's 401 on to its own caller
    `class Client {
  fetchRecord(name, doneCallback) {
    this.http.get(name, (res) => {
      if (res.statusCode === 401) return doneCallback({ statusCode: 401, message: 'unauthorized' });
      doneCallback(null, res.body);
    });
  }
}`,
  ],
  invalid: [
    {
      code: refused,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [{ messageId: 'logFailure', output: refused.replace('      responseCallback({ statusCode', "      console.warn('Authentication failed', { reason: 'unauthorized' });\n      responseCallback({ statusCode") }],
        },
      ],
    },
  ],
});
