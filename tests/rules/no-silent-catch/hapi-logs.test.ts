import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

const ruleTester = new RuleTester();

// Hapi's event log: `request.log(tags, data)` / `server.log(tags, data)` write a line at the level a tag names (info by default).
ruleTester.run('no-silent-catch (Hapi tagged logs)', rule, {
  valid: [
    // Hapi's tagged event log with an error tag records the failure (a token strategy's validate in screwdriver's auth plugin; hapi-pino and good write it)
    "server.auth.strategy('auth_token', 'bearer-access-token', {\n  validate: async (request, tokenValue) => {\n    const { userFactory, pipelineFactory } = request.server.app;\n    const user = await userFactory.get({ accessToken: tokenValue });\n    if (!user) {\n      return { isValid: false, credentials: {} };\n    }\n    let scmUser = {};\n    try {\n      scmUser = await pipelineFactory.scm.decorateAuthor({ username: user.username, token: await user.unsealToken() });\n    } catch (err) {\n      request.log(['pipelines', 'error'], `Fails to find the user \"${user.username}\"`);\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: { username: user.username, scmUserId: scmUser.id } };\n  },\n});",
    // a computed tag beside a written one
    "server.auth.strategy('auth_token', 'bearer-access-token', {\n  validate: async (request, tokenValue) => {\n    const { userFactory, pipelineFactory } = request.server.app;\n    const user = await userFactory.get({ accessToken: tokenValue });\n    if (!user) {\n      return { isValid: false, credentials: {} };\n    }\n    let scmUser = {};\n    try {\n      scmUser = await pipelineFactory.scm.decorateAuthor({ username: user.username, token: await user.unsealToken() });\n    } catch (err) {\n      request.log([request.params.id, 'warn'], `Fails to find the user \"${user.username}\"`);\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: { username: user.username, scmUserId: scmUser.id } };\n  },\n});",
  ],
  invalid: [
    // twin: the error logged under a debug tag only: production drops it
    {
      code: "server.auth.strategy('auth_token', 'bearer-access-token', {\n  validate: async (request, tokenValue) => {\n    const { userFactory, pipelineFactory } = request.server.app;\n    const user = await userFactory.get({ accessToken: tokenValue });\n    if (!user) {\n      return { isValid: false, credentials: {} };\n    }\n    let scmUser = {};\n    try {\n      scmUser = await pipelineFactory.scm.decorateAuthor({ username: user.username, token: await user.unsealToken() });\n    } catch (err) {\n      request.log(['auth', 'debug'], err);\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: { username: user.username, scmUserId: scmUser.id } };\n  },\n});",
      errors: [{ messageId: 'tooQuiet', line: 13 }],
    },
    // twin: the same call on an object that is no request or server is no log
    {
      code: "server.auth.strategy('auth_token', 'bearer-access-token', {\n  validate: async (request, tokenValue) => {\n    const { userFactory, pipelineFactory } = request.server.app;\n    const user = await userFactory.get({ accessToken: tokenValue });\n    if (!user) {\n      return { isValid: false, credentials: {} };\n    }\n    let scmUser = {};\n    try {\n      scmUser = await pipelineFactory.scm.decorateAuthor({ username: user.username, token: await user.unsealToken() });\n    } catch (err) {\n      cart.log(['pipelines', 'error'], `Fails to find the user \"${user.username}\"`);\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: { username: user.username, scmUserId: scmUser.id } };\n  },\n});",
      errors: [{ messageId: 'silentCatch', line: 13, suggestions: [{ messageId: 'logIt', data: { call: 'console.error' }, output: "server.auth.strategy('auth_token', 'bearer-access-token', {\n  validate: async (request, tokenValue) => {\n    const { userFactory, pipelineFactory } = request.server.app;\n    const user = await userFactory.get({ accessToken: tokenValue });\n    if (!user) {\n      return { isValid: false, credentials: {} };\n    }\n    let scmUser = {};\n    try {\n      scmUser = await pipelineFactory.scm.decorateAuthor({ username: user.username, token: await user.unsealToken() });\n    } catch (err) {\n      cart.log(['pipelines', 'error'], `Fails to find the user \"${user.username}\"`);\n      console.warn('scm.decorateAuthor failed', err);\n      return { isValid: false, credentials: {} };\n    }\n    return { isValid: true, credentials: { username: user.username, scmUserId: scmUser.id } };\n  },\n});" }] }],
    },
  ],
});
