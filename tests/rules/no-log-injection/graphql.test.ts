import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

/**
 * Issue 18: the field arguments of a plain GraphQL resolver are client input like a request body:
 * the second parameter of a resolver-map field or graphql-js resolve(source, args, context, info), the
 * input of graphql-relay's mutateAndGetPayload(input, context), and type-graphql @Arg / @Args and Nest
 * @Args parameters (a parse pipe carries no text). The parent object and the context are the server's
 * own. Shapes trimmed from Apollo Server resolver maps, parse-server's cloudConfig query and logIn mutation.
 */
const ruleTester = new RuleTester();

ruleTester.run("no-log-injection (GraphQL arguments)", rule, {
  valid: [
    "import { logger } from './logger';\nexport const resolvers = {\n  Mutation: {\n    deletePost: async (_p, { id }, { db }) => {\n      logger.info({ id }, 'deleting post');\n      return db.posts.delete(id);\n    },\n  },\n};",
    "import { logger } from './logger';\nexport const resolvers = {\n  Query: {\n    // the parent object and the context are the server's, not the client's\n    author: async (post, _args, ctx) => {\n      logger.info(`loading author ${post.authorId} for ${ctx.user.id}`);\n      return ctx.users.get(post.authorId);\n    },\n  },\n};",
    "import { logger } from './logger';\n// a Query key of a plain object (a query-builder table) is no resolver map\nconst queries = {\n  Query: {\n    run: (sql, args) => {\n      logger.debug(`running ${sql} with ${args.name}`);\n      return pool.query(sql, args);\n    },\n  },\n};\nexport default queries;",
    "import { Resolver, Mutation, Arg, Int } from 'type-graphql';\nimport { logger } from './logger';\n@Resolver()\nexport class PageResolver {\n  @Mutation(() => Boolean)\n  async archive(@Arg('count', () => Int) count: number) {\n    logger.info(`archiving ${count} pages`);\n    return true;\n  }\n}",
    "import { logger } from './logger';\nexport const resolvers = {\n  Mutation: {\n    setRole: async (_p, { role }, ctx) => {\n      if (!['admin', 'editor', 'viewer'].includes(role)) throw new Error('bad role');\n      logger.info(`setting role ${role}`);\n      return ctx.users.setRole(ctx.user.id, role);\n    },\n  },\n};",
    "import { Resolver, Mutation, Args } from '@nestjs/graphql';\nimport { Logger, ParseIntPipe } from '@nestjs/common';\n@Resolver()\nexport class PostsResolver {\n  private readonly logger = new Logger(PostsResolver.name);\n  @Mutation(() => Boolean)\n  async removePost(@Args('id', ParseIntPipe) id: number) {\n    this.logger.log(`removing post ${id}`);\n    return true;\n  }\n}"
  ],
  invalid: [
    {
      "code": "import { logger } from './logger';\nexport const resolvers = {\n  Mutation: {\n    deletePost: async (_p, { id }, { db }) => {\n      logger.info(`deleting post ${id}`);\n      return db.posts.delete(id);\n    },\n  },\n};",
      "errors": [
        {
          "messageId": "injection",
          "line": 5,
          "suggestions": [
            {
              "messageId": "useFields",
              "data": {
                "remedy": "logger.info('deleting post', { id })"
              },
              "output": "import { logger } from './logger';\nexport const resolvers = {\n  Mutation: {\n    deletePost: async (_p, { id }, { db }) => {\n      logger.info('deleting post', { id });\n      return db.posts.delete(id);\n    },\n  },\n};"
            }
          ]
        }
      ]
    },
    {
      "code": "import { GraphQLObjectType, GraphQLString } from 'graphql';\nexport const Query = new GraphQLObjectType({\n  name: 'Query',\n  fields: {\n    cloudConfig: {\n      type: GraphQLString,\n      args: { paramName: { type: GraphQLString } },\n      async resolve(_source, args, context) {\n        console.log('reading config ' + args.paramName);\n        return context.config.get(args.paramName);\n      },\n    },\n  },\n});",
      "errors": [
        {
          "messageId": "injection",
          "line": 9,
          "suggestions": [
            {
              "messageId": "useFields",
              "data": {
                "remedy": "console.log('reading config', { paramName: args.paramName })"
              },
              "output": "import { GraphQLObjectType, GraphQLString } from 'graphql';\nexport const Query = new GraphQLObjectType({\n  name: 'Query',\n  fields: {\n    cloudConfig: {\n      type: GraphQLString,\n      args: { paramName: { type: GraphQLString } },\n      async resolve(_source, args, context) {\n        console.log('reading config', { paramName: args.paramName });\n        return context.config.get(args.paramName);\n      },\n    },\n  },\n});"
            }
          ]
        }
      ],
      "output": "import { GraphQLObjectType, GraphQLString } from 'graphql';\nexport const Query = new GraphQLObjectType({\n  name: 'Query',\n  fields: {\n    cloudConfig: {\n      type: GraphQLString,\n      args: { paramName: { type: GraphQLString } },\n      async resolve(_source, args, context) {\n        console.log('reading config', { paramName: args.paramName });\n        return context.config.get(args.paramName);\n      },\n    },\n  },\n});"
    },
    {
      "code": "import { mutationWithClientMutationId } from 'graphql-relay';\nexport const logIn = mutationWithClientMutationId({\n  name: 'LogIn',\n  inputFields: {},\n  outputFields: {},\n  mutateAndGetPayload: async ({ username }, context) => {\n    context.log.warn(`login attempt for ${username}`);\n    return context.auth.logIn(username);\n  },\n});",
      "errors": [
        {
          "messageId": "injection",
          "line": 7,
          "suggestions": [
            {
              "messageId": "useFields",
              "data": {
                "remedy": "context.log.warn('login attempt for', { username })"
              },
              "output": "import { mutationWithClientMutationId } from 'graphql-relay';\nexport const logIn = mutationWithClientMutationId({\n  name: 'LogIn',\n  inputFields: {},\n  outputFields: {},\n  mutateAndGetPayload: async ({ username }, context) => {\n    context.log.warn('login attempt for', { username });\n    return context.auth.logIn(username);\n  },\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "import { Resolver, Mutation, Arg } from 'type-graphql';\nimport { logger } from './logger';\n@Resolver()\nexport class TagResolver {\n  @Mutation(() => Boolean)\n  async renameTag(@Arg('name') name: string) {\n    logger.info(`renaming tag to ${name}`);\n    return true;\n  }\n}",
      "errors": [
        {
          "messageId": "injection",
          "line": 7,
          "suggestions": [
            {
              "messageId": "useFields",
              "data": {
                "remedy": "logger.info('renaming tag to', { name })"
              },
              "output": "import { Resolver, Mutation, Arg } from 'type-graphql';\nimport { logger } from './logger';\n@Resolver()\nexport class TagResolver {\n  @Mutation(() => Boolean)\n  async renameTag(@Arg('name') name: string) {\n    logger.info('renaming tag to', { name });\n    return true;\n  }\n}"
            }
          ]
        }
      ]
    },
    {
      "code": "import { Resolver, Mutation, Args } from '@nestjs/graphql';\nimport { Logger } from '@nestjs/common';\n@Resolver()\nexport class PostsResolver {\n  private readonly logger = new Logger(PostsResolver.name);\n  @Mutation(() => Boolean)\n  async removePost(@Args('slug') slug: string) {\n    this.logger.log(`removing post ${slug}`);\n    return true;\n  }\n}",
      "errors": [
        {
          "messageId": "injection",
          "line": 8,
          "suggestions": [
            {
              "messageId": "useFields",
              "data": {
                "remedy": "this.logger.log({ message: 'removing post', slug })"
              },
              "output": "import { Resolver, Mutation, Args } from '@nestjs/graphql';\nimport { Logger } from '@nestjs/common';\n@Resolver()\nexport class PostsResolver {\n  private readonly logger = new Logger(PostsResolver.name);\n  @Mutation(() => Boolean)\n  async removePost(@Args('slug') slug: string) {\n    this.logger.log({ message: 'removing post', slug });\n    return true;\n  }\n}"
            }
          ]
        }
      ],
      "output": "import { Resolver, Mutation, Args } from '@nestjs/graphql';\nimport { Logger } from '@nestjs/common';\n@Resolver()\nexport class PostsResolver {\n  private readonly logger = new Logger(PostsResolver.name);\n  @Mutation(() => Boolean)\n  async removePost(@Args('slug') slug: string) {\n    this.logger.log({ message: 'removing post', slug });\n    return true;\n  }\n}"
    }
  ],
});
