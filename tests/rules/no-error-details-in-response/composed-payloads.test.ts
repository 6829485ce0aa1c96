import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

/**
 * A caught error's text reaching the client through how the payload is composed: `Object.assign({ error: err.message }, …)`,
 * an HTML template filled by `.replace()`, a template engine's render call (`art(file, { message })`), and a NestJS
 * exception filter compiled by SWC (`_ts_decorate([Catch()], X)`). Valid twins: the same shapes carrying only the
 * app's own text.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-error-details-in-response (composed payloads, SWC-built filters)', rule, {
  valid: [
"// Object.assign with the app's own fixed text only\nexport const errorHandler = (err, req, res, next) => {\n  logger.error({ err }, 'request failed');\n  res.status(500).json(Object.assign({ error: 'Internal error' }, { requestId: req.id }));\n};",
"// a template filled with the app's own text and a status code, not the error's message\nexport const errorHandler = async (err, req, res, next) => {\n  logger.error({ err }, 'request failed');\n  res.status(500).send(page.replace(/{{ERROR_BODY}}/g, 'Something went wrong').replace(/{{CODE}}/g, String(500)));\n};",
"// art-template given only the status: nothing of the error\nconst art = require('art-template');\nmodule.exports = async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    logger.error(err);\n    ctx.status = 500;\n    ctx.body = art(require('path').resolve(__dirname, 'error.art'), { status: 500 });\n  }\n};"
  ],
  invalid: [
{
  "code": "// final error middleware: Object.assign copies err.message (and the error's details) into the body\nexport const errorHandler = async (err, req, res, next) => {\n  res.status(err.statusCode || 500);\n  res.json(Object.assign({ error: err.message }, err.details || {}));\n};",
  "errors": [
    {
      "messageId": "detailsInResponse",
      "line": 4,
      "suggestions": [
        {
          "messageId": "sendGeneric",
          "output": "// final error middleware: Object.assign copies err.message (and the error's details) into the body\nexport const errorHandler = async (err, req, res, next) => {\n  res.status(err.statusCode || 500);\n  console.error('errorHandler failed', err);\n  res.json(Object.assign({ error: 'Internal Server Error' }, err.details || {}));\n};"
        }
      ]
    }
  ]
},
{
  "code": "// error page filled by String.prototype.replace with the (escaped) message of any error\nimport { promises as fs } from 'fs';\nexport const errorHandler = async (err, req, res, next) => {\n  res.status(500);\n  const page = await fs.readFile('error.html', 'utf8');\n  res.send(page.replace(/{{ERROR_TITLE}}/g, '500').replace(/{{ERROR_BODY}}/g, escapeHtml(err.message)));\n};",
  "errors": [
    {
      "messageId": "detailsInResponse",
      "line": 6,
      "suggestions": [
        {
          "messageId": "sendGeneric",
          "output": "// error page filled by String.prototype.replace with the (escaped) message of any error\nimport { promises as fs } from 'fs';\nexport const errorHandler = async (err, req, res, next) => {\n  res.status(500);\n  const page = await fs.readFile('error.html', 'utf8');\n  console.error('errorHandler failed', err);\n  res.send(page.replace(/{{ERROR_TITLE}}/g, '500').replace(/{{ERROR_BODY}}/g, escapeHtml('Internal Server Error')));\n};"
        }
      ]
    }
  ]
},
{
  "code": "// Koa error middleware rendering the stack with art-template\nconst art = require('art-template');\nmodule.exports = async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    let message = 'Internal error';\n    if (err instanceof Error) message = err.stack;\n    logger.error(message);\n    ctx.body = art(require('path').resolve(__dirname, 'error.art'), { message });\n    ctx.status = 500;\n  }\n};",
  "errors": [
    {
      "messageId": "detailsInResponse",
      "line": 10,
      "suggestions": [
        {
          "messageId": "sendGeneric",
          "output": "// Koa error middleware rendering the stack with art-template\nconst art = require('art-template');\nmodule.exports = async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    let message = 'Internal error';\n    if (err instanceof Error) message = err.stack;\n    logger.error(message);\n    console.error('downstream handler failed', err);\n    ctx.body = art(require('path').resolve(__dirname, 'error.art'), { message: 'Internal Server Error' });\n    ctx.status = 500;\n  }\n};"
        }
      ]
    }
  ]
},
{
  "code": "// a Nest exception filter built with the SWC builder: _ts_decorate([Catch()], \u2026)\nfunction _ts_decorate(decorators, target, key, desc) { return target; }\nimport { Catch, HttpException, HttpStatus } from '@nestjs/common';\nexport class AllExceptionsFilter {\n  catch(exception, host) {\n    const response = host.switchToHttp().getResponse();\n    let status = HttpStatus.INTERNAL_SERVER_ERROR;\n    let message = 'Internal server error';\n    if (exception instanceof HttpException) {\n      status = exception.getStatus();\n    } else if (exception instanceof Error) {\n      message = exception.message;\n    }\n    response.status(status).json({ statusCode: status, message });\n  }\n}\nAllExceptionsFilter = _ts_decorate([Catch()], AllExceptionsFilter);",
  "errors": [
    {
      "messageId": "detailsInResponse",
      "line": 14,
      "suggestions": [
        {
          "messageId": "sendGeneric",
          "output": "// a Nest exception filter built with the SWC builder: _ts_decorate([Catch()], \u2026)\nfunction _ts_decorate(decorators, target, key, desc) { return target; }\nimport { Catch, HttpException, HttpStatus } from '@nestjs/common';\nexport class AllExceptionsFilter {\n  catch(exception, host) {\n    const response = host.switchToHttp().getResponse();\n    let status = HttpStatus.INTERNAL_SERVER_ERROR;\n    let message = 'Internal server error';\n    if (exception instanceof HttpException) {\n      status = exception.getStatus();\n    } else if (exception instanceof Error) {\n      message = exception.message;\n    }\n    console.error('request handler failed', exception);\n    response.status(status).json({ statusCode: status, message: 'Internal Server Error' });\n  }\n}\nAllExceptionsFilter = _ts_decorate([Catch()], AllExceptionsFilter);"
        }
      ]
    }
  ],
  "filename": "dist/filters/all-exceptions.filter.js"
}
  ],
});
