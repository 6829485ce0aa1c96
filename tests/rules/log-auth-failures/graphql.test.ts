import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Issue 18: plain GraphQL resolvers are server contexts. A refusal is a thrown GraphQLError with
 * extensions.code UNAUTHENTICATED / FORBIDDEN (or extensions.http.status), Apollo Server's
 * AuthenticationError / ForbiddenError, in a resolver map (Apollo Server, graphql-yoga createSchema),
 * a graphql-js field config or a type-graphql resolver class. Shapes trimmed from Apollo Server's docs,
 * Directus' system resolvers (admin check before clearing the cache) and Keystone's access errors.
 */
const ruleTester = new RuleTester();

ruleTester.run("log-auth-failures (GraphQL resolvers)", rule, {
  valid: [
    "import { GraphQLError } from 'graphql';\nimport { logger } from './logger';\nexport const resolvers = {\n  Query: {\n    me: async (_parent, _args, ctx) => {\n      if (!ctx.user) {\n        logger.warn({ ip: ctx.ip, reason: 'no_session' }, 'graphql: unauthenticated');\n        throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });\n      }\n      return ctx.user;\n    },\n  },\n};",
    "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Mutation: {\n    createPost: async (_p, { title }, { db }) => {\n      if (!title) throw new GraphQLError('title is required', { extensions: { code: 'BAD_USER_INPUT' } });\n      return db.posts.create({ title });\n    },\n  },\n};",
    "// a Query key of a query-builder table is no resolver map\nimport { ForbiddenError } from './errors';\nconst db = {\n  Query: {\n    run: (sql, params) => {\n      if (readOnly && /^\\s*delete/i.test(sql)) throw new ForbiddenError('read-only connection');\n      return pool.query(sql, params);\n    },\n  },\n};\nexport default db;",
    "// a field-like object with type and resolve in a file that names no schema library\nimport { ForbiddenError } from './errors';\nexport const columns = [{ type: 'string', resolve(value, row) { if (row.hidden) throw new ForbiddenError('hidden'); return value; } }];",
    "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Query: {\n    search: async (_, { q }, { search }) => {\n      if (q.length > 200) throw new GraphQLError('Query is too long');\n      return search.run(q);\n    },\n  },\n};",
    "import { GraphQLError } from 'graphql';\n// Keystone-style: the access-denied error is logged by the resolver before it is thrown\nexport const resolvers = {\n  Mutation: {\n    updatePost: async (_, { id, data }, context) => {\n      if (!(await canUpdate(context, id))) {\n        context.logger.warn({ id, reason: 'access_denied' }, 'post update refused');\n        throw new GraphQLError('Access denied', { extensions: { code: 'KS_ACCESS_DENIED' } });\n      }\n      return context.db.Post.updateOne({ where: { id }, data });\n    },\n  },\n};"
  ],
  invalid: [
    {
      "options": [{ "includeAnonymous": true }],
      "code": "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Query: {\n    me: async (_parent, _args, ctx) => {\n      if (!ctx.user) throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });\n      return ctx.user;\n    },\n  },\n};",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "import { GraphQLError } from 'graphql';\nexport const resolvers = {\n  Query: {\n    me: async (_parent, _args, ctx) => {\n      if (!ctx.user) {\n        console.warn('Authentication failed', { reason: 'unauthorized' });\n        throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });\n      }\n      return ctx.user;\n    },\n  },\n};"
            }
          ]
        }
      ]
    },
    {
      "code": "import { ApolloServer, ForbiddenError } from 'apollo-server';\nconst resolvers = {\n  Mutation: {\n    deletePost: async (_p, { id }, { user, db }) => {\n      const post = await db.posts.findById(id);\n      if (post.authorId !== user.id) throw new ForbiddenError('not yours');\n      await post.destroy();\n      return true;\n    },\n  },\n};\nnew ApolloServer({ typeDefs, resolvers });",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "import { ApolloServer, ForbiddenError } from 'apollo-server';\nconst resolvers = {\n  Mutation: {\n    deletePost: async (_p, { id }, { user, db }) => {\n      const post = await db.posts.findById(id);\n      if (post.authorId !== user.id) {\n        console.warn('Access denied', { reason: 'forbidden' });\n        throw new ForbiddenError('not yours');\n      }\n      await post.destroy();\n      return true;\n    },\n  },\n};\nnew ApolloServer({ typeDefs, resolvers });"
            }
          ]
        }
      ]
    },
    {
      "code": "import { GraphQLError, GraphQLObjectType, GraphQLBoolean } from 'graphql';\nexport const Mutation = new GraphQLObjectType({\n  name: 'Mutation',\n  fields: {\n    cacheClear: {\n      type: GraphQLBoolean,\n      async resolve(_source, _args, context) {\n        if (context.accountability?.admin !== true) throw new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });\n        await context.cache.clear();\n        return true;\n      },\n    },\n  },\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 8,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "import { GraphQLError, GraphQLObjectType, GraphQLBoolean } from 'graphql';\nexport const Mutation = new GraphQLObjectType({\n  name: 'Mutation',\n  fields: {\n    cacheClear: {\n      type: GraphQLBoolean,\n      async resolve(_source, _args, context) {\n        if (context.accountability?.admin !== true) {\n          console.warn('Access denied', { reason: 'forbidden' });\n          throw new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });\n        }\n        await context.cache.clear();\n        return true;\n      },\n    },\n  },\n});"
            }
          ]
        }
      ]
    },
    {
      "options": [{ "includeAnonymous": true }],
      "code": "import { Resolver, Mutation, Arg, Ctx, AuthenticationError } from 'type-graphql';\n@Resolver()\nexport class AccountResolver {\n  @Mutation(() => Boolean)\n  async deleteAccount(@Arg('id') id: string, @Ctx() ctx: Context) {\n    if (!ctx.user) throw new AuthenticationError('Access denied! You need to be authenticated');\n    await ctx.db.accounts.delete(id);\n    return true;\n  }\n}",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 6,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "import { Resolver, Mutation, Arg, Ctx, AuthenticationError } from 'type-graphql';\n@Resolver()\nexport class AccountResolver {\n  @Mutation(() => Boolean)\n  async deleteAccount(@Arg('id') id: string, @Ctx() ctx: Context) {\n    if (!ctx.user) {\n      console.warn('Authentication failed', { reason: 'unauthorized' });\n      throw new AuthenticationError('Access denied! You need to be authenticated');\n    }\n    await ctx.db.accounts.delete(id);\n    return true;\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "import { GraphQLError } from 'graphql';\nimport { createSchema, createYoga } from 'graphql-yoga';\nconst schema = createSchema({\n  typeDefs,\n  resolvers: {\n    Query: {\n      invoices: (_, __, { currentUser, db }) => {\n        if (currentUser.role !== 'admin') {\n          throw new GraphQLError('Access denied', { extensions: { http: { status: 403 } } });\n        }\n        return db.invoices.all();\n      },\n    },\n  },\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 9,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "import { GraphQLError } from 'graphql';\nimport { createSchema, createYoga } from 'graphql-yoga';\nconst schema = createSchema({\n  typeDefs,\n  resolvers: {\n    Query: {\n      invoices: (_, __, { currentUser, db }) => {\n        if (currentUser.role !== 'admin') {\n          console.warn('Access denied', { reason: 'forbidden' });\n          throw new GraphQLError('Access denied', { extensions: { http: { status: 403 } } });\n        }\n        return db.invoices.all();\n      },\n    },\n  },\n});"
            }
          ]
        }
      ]
    }
  ],
});
