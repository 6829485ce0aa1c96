import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// Errors a framework answers the client with, message included (issue 18): Strapi's @strapi/utils
// errors, http-errors with a 4xx (expose), Koa's ctx.throw / ctx.assert with a 4xx.
ruleTester.run('no-error-details-in-response (errors the framework exposes)', rule, {
  valid: [
    // a message the controller wrote for the client
    "const { ApplicationError } = require('@strapi/utils').errors;\n\nasync function changePassword(ctx) {\n  if (!ctx.state.user) {\n    throw new ApplicationError('You must be authenticated to reset your password');\n  }\n}",
    // an app's own error class from another module: whether its message is sent is decided there
    "const { ApplicationError } = require('./errors');\n\nasync function create(ctx) {\n  try {\n    await db.insert(ctx.request.body);\n  } catch (e) {\n    throw new ApplicationError(e.message);\n  }\n}",
    // a catch around validation only: the message is about the client's input
    "const { ValidationError } = require('@strapi/utils').errors;\n\nasync function register(ctx) {\n  try {\n    await registerSchema.validate(ctx.request.body, { strict: true });\n  } catch (e) {\n    throw new ValidationError(e.message);\n  }\n}",
    // a class of another namespace with the same name
    "const { errors } = require('./lib');\n\nasync function update(ctx) {\n  try {\n    await db.update(ctx.request.body);\n  } catch (e) {\n    throw new errors.ApplicationError(e.message);\n  }\n}",
    // Koa: a 5xx is not exposed (Koa answers 'Internal Server Error')
    "router.get('/feeds/:id', async (ctx) => {\n  try {\n    ctx.body = await fetchFeed(ctx.params.id);\n  } catch (err) {\n    ctx.throw(500, err.message);\n  }\n});",
    // http-errors with a 5xx, or a status the code does not say
    "import createError from 'http-errors';\n\nrouter.post('/import', async (req, res, next) => {\n  try {\n    await importFeed(req.body.url);\n    res.sendStatus(204);\n  } catch (err) {\n    next(createError(502, err.message));\n    next(createError(err.status, err.message));\n  }\n});",
    // a factory of the same name that is not http-errors
    "import { createError } from './errors';\n\nrouter.post('/import', async (req, res, next) => {\n  try {\n    await importFeed(req.body.url);\n    res.sendStatus(204);\n  } catch (err) {\n    next(createError(400, err.message));\n  }\n});",
    // a fixed text
    "router.get('/feeds/:id', async (ctx) => {\n  try {\n    ctx.body = await fetchFeed(ctx.params.id);\n  } catch (err) {\n    strapi.log.error(err);\n    ctx.throw(400, 'Could not load the feed');\n    ctx.assert(false, 404, 'No such feed');\n  }\n});",
    // Strapi core's database-error middleware: only errors of a listed set of input-validation classes are turned into a ValidationError
    "import { errors as dbErrors } from '@strapi/database';\nimport { errors } from '@strapi/utils';\n\nconst databaseErrorsToTransform = [dbErrors.InvalidTimeError, dbErrors.InvalidDateError, dbErrors.InvalidRelationError];\n\nexport const databaseErrorsMiddleware = async (ctx, next) => {\n  try {\n    return await next();\n  } catch (error) {\n    if (databaseErrorsToTransform.some((errorToTransform) => error instanceof errorToTransform)) {\n      if (error instanceof Error) {\n        throw new errors.ValidationError(error.message);\n      }\n      throw error;\n    }\n    throw error;\n  }\n};",
    // etherpad's API: only the handler's own errors (named 'apierror') become a 400 with their message
    "const createHTTPError = require('http-errors');\n\nasync function callApi(fields, req, res) {\n  return apiHandler.handle(fields, req, res).catch((err) => {\n    if (err.name === 'apierror') {\n      throw new createHTTPError.BadRequest(err.message);\n    }\n    logger.error(err.stack || err.toString());\n    throw new createHTTPError.InternalError('internal error');\n  });\n}",
  ],
  invalid: [
    // the twin: a built-in's name in lower case is no such test
    {
      code: "const createHTTPError = require('http-errors');\n\nasync function callApi(fields, req, res) {\n  return apiHandler.handle(fields, req, res).catch((err) => {\n    if (err.name === 'typeerror') {\n      throw new createHTTPError.BadRequest(err.message);\n    }\n    throw new createHTTPError.InternalError('internal error');\n  });\n}",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: 'sendGeneric', output: "const createHTTPError = require('http-errors');\n\nasync function callApi(fields, req, res) {\n  return apiHandler.handle(fields, req, res).catch((err) => {\n    if (err.name === 'typeerror') {\n      console.warn('apiHandler.handle failed', err);\n      throw new createHTTPError.BadRequest('Bad Request');\n    }\n    throw new createHTTPError.InternalError('internal error');\n  });\n}" }] }],
    },
    // the twin: the listed classes are built-ins, whose messages carry internals
    {
      code: "import { errors } from '@strapi/utils';\n\nconst transformed = [TypeError, RangeError];\n\nexport const databaseErrorsMiddleware = async (ctx, next) => {\n  try {\n    return await next();\n  } catch (error) {\n    if (transformed.some((errorToTransform) => error instanceof errorToTransform)) {\n      throw new errors.ValidationError(error.message);\n    }\n    throw error;\n  }\n};",
      errors: [{ messageId: 'detailsInResponse', line: 10, suggestions: [{ messageId: 'sendGeneric', output: "import { errors } from '@strapi/utils';\n\nconst transformed = [TypeError, RangeError];\n\nexport const databaseErrorsMiddleware = async (ctx, next) => {\n  try {\n    return await next();\n  } catch (error) {\n    if (transformed.some((errorToTransform) => error instanceof errorToTransform)) {\n      console.warn('downstream handler failed', error);\n      throw new errors.ValidationError('Bad Request');\n    }\n    throw error;\n  }\n};" }] }],
    },
    // Strapi: a class destructured from `utils.errors`; the error middleware sends its message (strapi-plugin-users-permissions' user controller)
    {
      code: "const utils = require('@strapi/utils');\nconst { ApplicationError } = utils.errors;\n\nmodule.exports = {\n  async create(ctx) {\n    try {\n      const data = await getService('user').add(ctx.request.body);\n      ctx.created(data);\n    } catch (error) {\n      throw new ApplicationError(error.message);\n    }\n  },\n};",
      errors: [{ messageId: 'detailsInResponse', line: 10, suggestions: [{ messageId: 'sendGeneric', output: "const utils = require('@strapi/utils');\nconst { ApplicationError } = utils.errors;\n\nmodule.exports = {\n  async create(ctx) {\n    try {\n      const data = await getService('user').add(ctx.request.body);\n      ctx.created(data);\n    } catch (error) {\n      console.warn('add failed', error);\n      throw new ApplicationError('Bad Request');\n    }\n  },\n};" }] }],
    },
    // Strapi, ESM: `errors` imported, the class destructured from it
    {
      code: "import { errors } from '@strapi/utils';\nconst { ForbiddenError } = errors;\n\nexport async function callback(ctx) {\n  try {\n    return await connect(ctx.params.provider, ctx.query);\n  } catch (err) {\n    throw new ForbiddenError(err.message);\n  }\n}",
      errors: [{ messageId: 'detailsInResponse', line: 8, suggestions: [{ messageId: 'sendGeneric', output: "import { errors } from '@strapi/utils';\nconst { ForbiddenError } = errors;\n\nexport async function callback(ctx) {\n  try {\n    return await connect(ctx.params.provider, ctx.query);\n  } catch (err) {\n    console.warn('connect failed', err);\n    throw new ForbiddenError('Forbidden');\n  }\n}" }] }],
    },
    // Strapi's `details` are sent too
    {
      code: "const { errors } = require('@strapi/utils');\n\nasync function update(ctx) {\n  try {\n    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: ctx.params.id }, data: ctx.request.body });\n  } catch (e) {\n    throw new errors.ApplicationError('Update failed', { reason: e.message });\n  }\n}",
      errors: [{ messageId: 'detailsInResponse', line: 7, suggestions: [{ messageId: 'sendGeneric', output: "const { errors } = require('@strapi/utils');\n\nasync function update(ctx) {\n  try {\n    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: ctx.params.id }, data: ctx.request.body });\n  } catch (e) {\n    console.warn('update failed', e);\n    throw new errors.ApplicationError('Update failed', { reason: 'Bad Request' });\n  }\n}" }] }],
    },
    // http-errors: a status below 500 marks the message `expose`
    {
      code: "import createError from 'http-errors';\n\nrouter.post('/import', async (req, res, next) => {\n  try {\n    await importFeed(req.body.url);\n    res.sendStatus(204);\n  } catch (err) {\n    next(createError(400, err.message));\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 8, suggestions: [{ messageId: 'sendGeneric', output: "import createError from 'http-errors';\n\nrouter.post('/import', async (req, res, next) => {\n  try {\n    await importFeed(req.body.url);\n    res.sendStatus(204);\n  } catch (err) {\n    console.warn('importFeed failed', err);\n    next(createError(400, 'Bad Request'));\n  }\n});" }] }],
    },
    // http-errors: a named constructor for a 4xx
    {
      code: "const createError = require('http-errors');\n\nasync function load(id) {\n  try {\n    return await store.get(id);\n  } catch (err) {\n    throw new createError.NotFound(`No such document: ${err.message}`);\n  }\n}",
      errors: [{ messageId: 'detailsInResponse', line: 7, suggestions: [{ messageId: 'sendGeneric', output: "const createError = require('http-errors');\n\nasync function load(id) {\n  try {\n    return await store.get(id);\n  } catch (err) {\n    console.warn('store.get failed', err);\n    throw new createError.NotFound('Not Found');\n  }\n}" }] }],
    },
    // Koa: ctx.throw with a 4xx exposes the message
    {
      code: "router.get('/feeds/:id', async (ctx) => {\n  try {\n    ctx.body = await fetchFeed(ctx.params.id);\n  } catch (err) {\n    ctx.throw(400, err.message);\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: 'sendGeneric', output: "router.get('/feeds/:id', async (ctx) => {\n  try {\n    ctx.body = await fetchFeed(ctx.params.id);\n  } catch (err) {\n    console.warn('fetchFeed failed', err);\n    ctx.throw(400, 'Bad Request');\n  }\n});" }] }],
    },
  ],
});
