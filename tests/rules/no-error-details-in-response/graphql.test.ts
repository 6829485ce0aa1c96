import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

/**
 * Issue 18: what a plain GraphQL resolver returns is the field's value the client gets, and the
 * message of a GraphQLError thrown in it is the client's errors[].message (Apollo Server sends it;
 * graphql-yoga masks other errors but not GraphQLError). A caught error's message or stack in either
 * leaks internals. A message the code wrote, a GraphQLError for the app's own validation error, and a
 * helper outside any resolver are quiet.
 */
const ruleTester = new RuleTester();

ruleTester.run("no-error-details-in-response (GraphQL resolvers)", rule, {
  valid: [
    "import { GraphQLError } from 'graphql';\nimport { logger } from './logger';\nexport const resolvers = {\n  Mutation: {\n    syncUser: async (_p, { id }, { db }) => {\n      try {\n        await db.users.sync(id);\n      } catch (err) {\n        logger.error({ err }, 'user sync failed');\n        throw new GraphQLError('Could not sync the user', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });\n      }\n      return true;\n    },\n  },\n};",
    "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Mutation: {\n    createPost: async (_p, { input }, { db }) => {\n      const post = await db.posts.create(input);\n      if (!post) throw new GraphQLError('Post could not be created', { extensions: { code: 'BAD_USER_INPUT' } });\n      return post;\n    },\n  },\n};",
    "// not a resolver: a helper outside any GraphQL server context\nexport async function tryFetch(url) {\n  try {\n    return await fetch(url);\n  } catch (err) {\n    return { ok: false, error: err.message };\n  }\n}",
    "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Mutation: {\n    // a failure of the app's own validation, with a message it wrote itself\n    register: async (_p, { input }, { users }) => {\n      try {\n        validate(input);\n      } catch (err) {\n        if (err instanceof ValidationError) throw new GraphQLError(err.message, { extensions: { code: 'BAD_USER_INPUT' } });\n        throw err;\n      }\n      return users.create(input);\n    },\n  },\n};",
    // a NestJS GraphQL resolver (also compiled) that answers with its own text
    "\"use strict\";\nvar __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };\nvar __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };\nconst graphql_1 = require(\"@nestjs/graphql\");\nlet DraftOrderResolver = class DraftOrderResolver {\n    async deleteDraftOrder(ctx, args) {\n        try {\n            await this.orderService.deleteOrder(ctx, args.orderId);\n            return { result: 'DELETED' };\n        }\n        catch (e) {\n            this.logger.error(e);\n            return { result: 'NOT_DELETED', message: 'The order could not be deleted' };\n        }\n    }\n};\n__decorate([(0, graphql_1.Mutation)(), __param(0, (0, request_context_decorator_1.Ctx)()), __param(1, (0, graphql_1.Args)())], DraftOrderResolver.prototype, \"deleteDraftOrder\", null);\nDraftOrderResolver = __decorate([(0, graphql_1.Resolver)()], DraftOrderResolver);",
    "import { Resolver, Mutation, Args } from '@nestjs/graphql';\n@Resolver()\nexport class DraftOrderResolver {\n  @Mutation()\n  async deleteDraftOrder(@Args() args: { orderId: string }) {\n    try {\n      await this.orderService.deleteOrder(args.orderId);\n      return { result: 'DELETED' };\n    } catch (e) {\n      this.logger.error(e);\n      return { result: 'NOT_DELETED', message: 'The order could not be deleted' };\n    }\n  }\n}",
    // compiled, but no resolver method: a provider's return value is handed to its caller
    "\"use strict\";\nvar __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };\nvar __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };\nconst graphql_1 = require(\"@nestjs/graphql\");\nlet DraftOrderResolver = class DraftOrderResolver {\n    async deleteDraftOrder(ctx, args) {\n        try {\n            await this.orderService.deleteOrder(ctx, args.orderId);\n            return { result: 'DELETED' };\n        }\n        catch (e) {\n            return { result: 'NOT_DELETED', message: e.message };\n        }\n    }\n};\nDraftOrderResolver = __decorate([(0, common_1.Injectable)()], DraftOrderResolver);",
  ],
  invalid: [
    // Vendure's draft-order resolver as published: a NestJS GraphQL resolver (read from __decorate) answers with e.message
    {
      code: "\"use strict\";\nvar __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };\nvar __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };\nconst graphql_1 = require(\"@nestjs/graphql\");\nlet DraftOrderResolver = class DraftOrderResolver {\n    async deleteDraftOrder(ctx, args) {\n        try {\n            await this.orderService.deleteOrder(ctx, args.orderId);\n            return { result: 'DELETED' };\n        }\n        catch (e) {\n            return { result: 'NOT_DELETED', message: e.message };\n        }\n    }\n};\n__decorate([(0, graphql_1.Mutation)(), __param(0, (0, request_context_decorator_1.Ctx)()), __param(1, (0, graphql_1.Args)())], DraftOrderResolver.prototype, \"deleteDraftOrder\", null);\nDraftOrderResolver = __decorate([(0, graphql_1.Resolver)()], DraftOrderResolver);",
      output: null,
      errors: [{ messageId: 'detailsInResponse', line: 12, suggestions: [{ messageId: 'sendGeneric', output: "\"use strict\";\nvar __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };\nvar __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };\nconst graphql_1 = require(\"@nestjs/graphql\");\nlet DraftOrderResolver = class DraftOrderResolver {\n    async deleteDraftOrder(ctx, args) {\n        try {\n            await this.orderService.deleteOrder(ctx, args.orderId);\n            return { result: 'DELETED' };\n        }\n        catch (e) {\n            console.error('orderService.deleteOrder failed', e);\n            return { result: 'NOT_DELETED', message: 'Internal Server Error' };\n        }\n    }\n};\n__decorate([(0, graphql_1.Mutation)(), __param(0, (0, request_context_decorator_1.Ctx)()), __param(1, (0, graphql_1.Args)())], DraftOrderResolver.prototype, \"deleteDraftOrder\", null);\nDraftOrderResolver = __decorate([(0, graphql_1.Resolver)()], DraftOrderResolver);" }] }],
    },
    {
      "code": "export const resolvers = {\n  Mutation: {\n    importFeed: async (_p, { url }, { feeds }) => {\n      try {\n        return { ok: true, items: await feeds.fetch(url) };\n      } catch (err) {\n        return { ok: false, error: err.message };\n      }\n    },\n  },\n};",
      "errors": [
        {
          "messageId": "detailsInResponse",
          "line": 7,
          "suggestions": [
            {
              "messageId": "sendGeneric",
              "data": {
                "generic": "Internal Server Error",
                "idHint": "",
                "logHint": ", and log the error on the server"
              },
              "output": "export const resolvers = {\n  Mutation: {\n    importFeed: async (_p, { url }, { feeds }) => {\n      try {\n        return { ok: true, items: await feeds.fetch(url) };\n      } catch (err) {\n        console.error('feeds.fetch failed', err);\n        return { ok: false, error: 'Internal Server Error' };\n      }\n    },\n  },\n};"
            }
          ]
        }
      ]
    },
    {
      "code": "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Mutation: {\n    syncUser: async (_p, { id }, { db }) => {\n      try {\n        await db.users.sync(id);\n      } catch (err) {\n        throw new GraphQLError(err.message);\n      }\n      return true;\n    },\n  },\n};",
      "errors": [
        {
          "messageId": "detailsInResponse",
          "line": 8,
          "suggestions": [
            {
              "messageId": "sendGeneric",
              "data": {
                "generic": "Internal Server Error",
                "idHint": "",
                "logHint": ", and log the error on the server"
              },
              "output": "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Mutation: {\n    syncUser: async (_p, { id }, { db }) => {\n      try {\n        await db.users.sync(id);\n      } catch (err) {\n        console.error('users.sync failed', err);\n        throw new GraphQLError('Internal Server Error');\n      }\n      return true;\n    },\n  },\n};"
            }
          ]
        }
      ]
    },
    {
      "code": "import { GraphQLObjectType, GraphQLString } from 'graphql';\nexport const Query = new GraphQLObjectType({\n  name: 'Query',\n  fields: {\n    report: {\n      type: GraphQLString,\n      async resolve(_source, args, context) {\n        try {\n          return await context.reports.render(args.id);\n        } catch (e) {\n          return `failed: ${e.stack}`;\n        }\n      },\n    },\n  },\n});",
      "errors": [
        {
          "messageId": "detailsInResponse",
          "line": 11,
          "suggestions": [
            {
              "messageId": "sendGeneric",
              "data": {
                "generic": "Internal Server Error",
                "idHint": "",
                "logHint": ", and log the error on the server"
              },
              "output": "import { GraphQLObjectType, GraphQLString } from 'graphql';\nexport const Query = new GraphQLObjectType({\n  name: 'Query',\n  fields: {\n    report: {\n      type: GraphQLString,\n      async resolve(_source, args, context) {\n        try {\n          return await context.reports.render(args.id);\n        } catch (e) {\n          console.error('reports.render failed', e);\n          return 'Internal Server Error';\n        }\n      },\n    },\n  },\n});"
            }
          ]
        }
      ]
    }
  ],
});
