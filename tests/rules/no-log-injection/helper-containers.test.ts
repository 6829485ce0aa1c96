import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// A parsed socket message or a whole request body handed to a same-file helper at every call site makes its parameter client input (issue 18).
ruleTester.run("no-log-injection (whole messages and bodies handed to same-file helpers)", rule, {
  valid: [
    // the helper also gets one value at another call site: not sure which it holds
    "primus.on('connection', (spark) => {\n  spark.on('data', (msg) => {\n    const parsed = JSON.parse(String(msg));\n    processUpdates(spark, parsed);\n    processUpdates(spark, parsed.path);\n  });\n});\nfunction processUpdates(spark, msg) {\n  console.log(`update ${msg.path}`);\n}",
    // the helper also gets the app's own object
    "app.post('/devices', (req, res) => {\n  register(req.body);\n  res.sendStatus(201);\n});\nregister(defaults);\nfunction register(body) {\n  logger.info(`registering device ${body.name}`);\n}",
    // an exported helper: other files may call it with anything
    "app.post('/devices', (req, res) => {\n  register(req.body);\n  res.sendStatus(201);\n});\nexport function register(body) {\n  logger.info(`registering device ${body.name}`);\n}",
    // the field is logged as structured data
    "primus.on('connection', (spark) => {\n  spark.on('data', (msg) => processUpdates(spark, JSON.parse(String(msg))));\n});\nfunction processUpdates(spark, msg) {\n  logger.info({ path: msg.path }, 'update');\n}",
  ],
  invalid: [
    // a parsed Primus message handed to a same-file helper whose loop logs a path from it (signalk)
    {
      code: "primus.on('connection', (primusSpark) => {\n  const spark = primusSpark;\n  spark.on('data', (msg) => {\n    let parsedMsg;\n    try {\n      parsedMsg = JSON.parse(String(msg));\n    } catch (e) {\n      return;\n    }\n    if (parsedMsg.updates) processUpdates(app, spark, parsedMsg);\n  });\n});\nfunction processUpdates(app, spark, msg) {\n  msg.updates.forEach((update) => {\n    update.values.forEach((valuePath) => {\n      console.log(`WARNING: new ws client for path ${valuePath.path}`);\n    });\n  });\n}",
      output: "primus.on('connection', (primusSpark) => {\n  const spark = primusSpark;\n  spark.on('data', (msg) => {\n    let parsedMsg;\n    try {\n      parsedMsg = JSON.parse(String(msg));\n    } catch (e) {\n      return;\n    }\n    if (parsedMsg.updates) processUpdates(app, spark, parsedMsg);\n  });\n});\nfunction processUpdates(app, spark, msg) {\n  msg.updates.forEach((update) => {\n    update.values.forEach((valuePath) => {\n      console.log('WARNING: new ws client for path', { path: valuePath.path });\n    });\n  });\n}",
      errors: [
        { messageId: "injection", line: 16, suggestions: [{ messageId: "useFields", output: "primus.on('connection', (primusSpark) => {\n  const spark = primusSpark;\n  spark.on('data', (msg) => {\n    let parsedMsg;\n    try {\n      parsedMsg = JSON.parse(String(msg));\n    } catch (e) {\n      return;\n    }\n    if (parsedMsg.updates) processUpdates(app, spark, parsedMsg);\n  });\n});\nfunction processUpdates(app, spark, msg) {\n  msg.updates.forEach((update) => {\n    update.values.forEach((valuePath) => {\n      console.log('WARNING: new ws client for path', { path: valuePath.path });\n    });\n  });\n}" }] },
      ],
    },
    // a whole request body handed to a same-file helper
    {
      code: "app.post('/devices', (req, res) => {\n  register(req.body);\n  res.sendStatus(201);\n});\nfunction register(body) {\n  logger.info(`registering device ${body.name}`);\n}",
      errors: [
        { messageId: "injection", line: 6, suggestions: [{ messageId: "useFields", output: "app.post('/devices', (req, res) => {\n  register(req.body);\n  res.sendStatus(201);\n});\nfunction register(body) {\n  logger.info('registering device', { name: body.name });\n}" }] },
      ],
    },
  ],
});
