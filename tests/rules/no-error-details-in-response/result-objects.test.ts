import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// An object with an error statusCode written as a number, returned, resolved or handed to a callback, is an HTTP answer built as data (issue 18).
ruleTester.run("no-error-details-in-response (HTTP answers built as data)", rule, {
  valid: [
    // a success result may carry anything
    "export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await orders.list()) };\n  } catch (err) {\n    console.error(err);\n    return { statusCode: 500, body: JSON.stringify({ error: 'Internal error' }) };\n  }\n};",
    // an object that is logged, not handed back
    "async function sync() {\n  try {\n    await store.flush();\n  } catch (err) {\n    logger.error({ statusCode: 500, message: err.message }, 'sync failed');\n  }\n}",
    // a status that is not a number written in the code
    "function check(resolve) {\n  try {\n    run();\n  } catch (err) {\n    resolve({ statusCode: err.status, message: 'failed' });\n  }\n}",
    // a job result without an HTTP status
    "async function runJob(job) {\n  try {\n    return await job.run();\n  } catch (err) {\n    return { state: 'failed', error: err.message, attempts: job.attempts };\n  }\n}",
  ],
  invalid: [
    // a login reply built as data with a 500 status, resolved to the route that sends it (signalk's token security)
    {
      code: "function login(name, password) {\n  return new Promise((resolve) => {\n    try {\n      const token = jwt.sign({ id: name }, secretKey, { expiresIn: '1h' });\n      resolve({ statusCode: 200, token });\n    } catch (signErr) {\n      resolve({ statusCode: 500, message: 'Unable to sign token: ' + signErr.message });\n    }\n  });\n}",
      errors: [
        { messageId: "detailsInResponse", line: 7, suggestions: [{ messageId: "sendGeneric", output: "function login(name, password) {\n  return new Promise((resolve) => {\n    try {\n      const token = jwt.sign({ id: name }, secretKey, { expiresIn: '1h' });\n      resolve({ statusCode: 200, token });\n    } catch (signErr) {\n      console.error('jwt.sign failed', signErr);\n      resolve({ statusCode: 500, message: 'Internal Server Error' });\n    }\n  });\n}" }] },
      ],
    },
    // an AWS Lambda proxy result
    {
      code: "export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await orders.list()) };\n  } catch (err) {\n    return { statusCode: 500, body: JSON.stringify({ error: err.message }) };\n  }\n};",
      errors: [
        { messageId: "detailsInResponse", line: 5, suggestions: [{ messageId: "sendGeneric", output: "export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await orders.list()) };\n  } catch (err) {\n    console.error('orders.list failed', err);\n    return { statusCode: 500, body: JSON.stringify({ error: 'Internal Server Error' }) };\n  }\n};" }] },
      ],
    },
  ],
});
