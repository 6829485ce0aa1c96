import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * Issue 18: a plain GraphQL resolver is a request handler like a route: a promise it starts and
 * forgets (a webhook, a search re-index) rejects unseen. Awaited, caught or returned promises are fine:
 * GraphQL awaits what a resolver returns.
 */
const ruleTester = new RuleTester();

ruleTester.run("background-task-error-handling (GraphQL resolvers)", rule, {
  valid: [
    "export const resolvers = {\n  Mutation: {\n    sendInvite: async (_parent, { email }, { invites }) => {\n      const invite = await invites.create(email);\n      await fetch('https://hooks.example.com/invite', { method: 'POST', body: JSON.stringify({ id: invite.id }) });\n      return invite;\n    },\n  },\n};",
    "import { logger } from './logger';\nexport const resolvers = {\n  Mutation: {\n    sendInvite: async (_parent, { email }, { invites }) => {\n      const invite = await invites.create(email);\n      fetch('https://hooks.example.com/invite', { method: 'POST' }).catch((err) => logger.error({ err }, 'invite hook failed'));\n      return invite;\n    },\n  },\n};",
    "// the resolver returns the promise: GraphQL awaits it and reports its rejection to the client\nexport const resolvers = {\n  Query: {\n    feed: (_parent, { first }) => fetch(`https://api.example.com/feed?first=${first}`).then((r) => r.json()),\n  },\n};"
  ],
  invalid: [
    {
      "code": "export const resolvers = {\n  Mutation: {\n    sendInvite: async (_parent, { email }, { invites }) => {\n      const invite = await invites.create(email);\n      fetch('https://hooks.example.com/invite', { method: 'POST', body: JSON.stringify({ id: invite.id }) });\n      return invite;\n    },\n  },\n};",
      "errors": [
        {
          "messageId": "floatingPromise",
          "line": 5,
          "suggestions": [
            {
              "messageId": "addCatch",
              "data": {
                "call": "console.error"
              },
              "output": "export const resolvers = {\n  Mutation: {\n    sendInvite: async (_parent, { email }, { invites }) => {\n      const invite = await invites.create(email);\n      fetch('https://hooks.example.com/invite', { method: 'POST', body: JSON.stringify({ id: invite.id }) }).catch((err) => console.error('fetch failed', err));\n      return invite;\n    },\n  },\n};"
            }
          ]
        }
      ]
    },
    {
      "code": "import { GraphQLObjectType, GraphQLBoolean } from 'graphql';\nasync function refreshSearchIndex(id) {\n  await fetch(`https://search.internal/reindex/${id}`, { method: 'POST' });\n}\nexport const Mutation = new GraphQLObjectType({\n  name: 'Mutation',\n  fields: {\n    publish: {\n      type: GraphQLBoolean,\n      async resolve(_source, args, context) {\n        await context.posts.publish(args.id);\n        refreshSearchIndex(args.id);\n        return true;\n      },\n    },\n  },\n});",
      "errors": [
        {
          "messageId": "floatingPromise",
          "line": 12,
          "suggestions": [
            {
              "messageId": "addCatch",
              "data": {
                "call": "console.error"
              },
              "output": "import { GraphQLObjectType, GraphQLBoolean } from 'graphql';\nasync function refreshSearchIndex(id) {\n  await fetch(`https://search.internal/reindex/${id}`, { method: 'POST' });\n}\nexport const Mutation = new GraphQLObjectType({\n  name: 'Mutation',\n  fields: {\n    publish: {\n      type: GraphQLBoolean,\n      async resolve(_source, args, context) {\n        await context.posts.publish(args.id);\n        refreshSearchIndex(args.id).catch((err) => console.error('refreshSearchIndex failed', err));\n        return true;\n      },\n    },\n  },\n});"
            }
          ]
        }
      ]
    }
  ],
});
