import { describe, expect, it } from 'vitest';
import { getHandlerInfo } from '../../src/model/handlers.js';
import { getHttpOutcome } from '../../src/model/http-outcomes.js';
import { createRequestInputTracker } from '../../src/model/request-input.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { type ProbeOptions, probe, probeFunctions } from '../helpers/probe.js';

const ts: ProbeOptions = { ts: true };

interface Found {
  line: number;
  framework: string;
  kind: string;
  argsIndex?: number;
  ctx?: string;
}

/** getHandlerInfo for every function in `code` that is a handler, in source order. */
function handlers(code: string, options: ProbeOptions = ts): Found[] {
  return probeFunctions(
    code,
    (context, fn) => {
      const info = getHandlerInfo(context, fn);
      return info
        ? {
            line: fn.loc.start.line,
            framework: info.framework,
            kind: info.kind,
            ...(info.argsIndex !== undefined ? { argsIndex: info.argsIndex } : {}),
            ...(info.ctx ? { ctx: info.ctx.name } : {}),
          }
        : null;
    },
    options,
  );
}

describe('getHandlerInfo: plain GraphQL resolvers', () => {
  it('recognizes the fields of a resolver map handed to a schema builder, typed, named or exported as one', () => {
    expect(
      handlers(`
import { ApolloServer } from '@apollo/server';
const server = new ApolloServer({ typeDefs, resolvers: { Query: { me: (_p, _a, ctx) => ctx.user } } });
const resolvers: Resolvers = {
  Query: { post: async (_parent, { id }, { db }) => db.post(id) },
  Mutation: { async deletePost(_, args, context) { return true; } },
  Post: { author: (post, _args, ctx) => ctx.users.get(post.authorId), __isTypeOf: (x) => true },
  Subscription: { postAdded: { subscribe: (_, __, { pubsub }) => pubsub.asyncIterator('POST_ADDED') } },
};
export const userResolvers = { Query: { user: combineResolvers(isAuthenticated, async (_, { id }, { models }) => models.User.findById(id)) } };
const map = { Query: { a: (p, args) => 1 }, Mutation: { b: (p, args) => 2 } };
`),
    ).toEqual([
      { line: 3, framework: 'graphql', kind: 'resolver', argsIndex: 1, ctx: 'ctx' },
      { line: 5, framework: 'graphql', kind: 'resolver', argsIndex: 1 },
      { line: 6, framework: 'graphql', kind: 'resolver', argsIndex: 1, ctx: 'context' },
      { line: 7, framework: 'graphql', kind: 'resolver', argsIndex: 1, ctx: 'ctx' },
      { line: 8, framework: 'graphql', kind: 'resolver', argsIndex: 1 },
      { line: 10, framework: 'graphql', kind: 'resolver', argsIndex: 1 },
      { line: 11, framework: 'graphql', kind: 'resolver', argsIndex: 1 },
      { line: 11, framework: 'graphql', kind: 'resolver', argsIndex: 1 },
    ]);
  });

  it('recognizes a resolver map passed by name and a CommonJS module of type resolvers', () => {
    expect(
      handlers(
        `
const root = { Query: { me: (parent, args, context) => context.user } };
const schema = createSchema({ typeDefs, resolvers: root });
`,
      ),
    ).toEqual([{ line: 2, framework: 'graphql', kind: 'resolver', argsIndex: 1, ctx: 'context' }]);
    expect(
      handlers("// graphql\nmodule.exports = { Query: { me: (parent, args, ctx) => ctx.user }, User: { name: (u) => u.name } };", { sourceType: 'commonjs' }),
    ).toEqual([
      { line: 2, framework: 'graphql', kind: 'resolver', argsIndex: 1, ctx: 'ctx' },
      // (u) => u.name takes no arguments parameter
      { line: 2, framework: 'graphql', kind: 'resolver' },
    ]);
  });

  it('recognizes graphql-js field configs (also wrapped, as directus writes them) and graphql-relay mutations', () => {
    expect(
      handlers(`
import { GraphQLObjectType, GraphQLString } from 'graphql';
const Query = new GraphQLObjectType({ name: 'Query', fields: { me: { type: User, resolve(source, args, context, info) { return context.user; } } } });
schemaComposer.Query.addFields({ server_ping: { type: GraphQLString, resolve: dedupeResolver(async (_, args) => 'pong', 'server_ping') } });
const login = mutationWithClientMutationId({ name: 'LogIn', inputFields: {}, outputFields: {}, mutateAndGetPayload: async ({ username }, context) => ({}) });
`),
    ).toEqual([
      { line: 3, framework: 'graphql', kind: 'resolver', argsIndex: 1, ctx: 'context' },
      { line: 4, framework: 'graphql', kind: 'resolver', argsIndex: 1 },
      { line: 5, framework: 'graphql', kind: 'resolver', argsIndex: 0, ctx: 'context' },
    ]);
  });

  it('recognizes type-graphql resolver methods, not Nest ones', () => {
    expect(
      handlers(`
import { Resolver, Query, Mutation, Arg, Ctx } from 'type-graphql';
@Resolver(() => Post)
export class PostResolver {
  @Query(() => [Post]) posts(@Ctx() ctx: Context) { return []; }
  @Mutation(() => Boolean) deletePost(@Arg('id') id: string) { return true; }
  helper(x: string) { return x; }
}
`),
    ).toEqual([
      { line: 5, framework: 'graphql', kind: 'resolver', ctx: 'ctx' },
      { line: 6, framework: 'graphql', kind: 'resolver' },
    ]);
    expect(
      handlers(`
import { Resolver, Query } from '@nestjs/graphql';
@Resolver() export class R { @Query(() => String) hello() { return 'x'; } }
`),
    ).toEqual([{ line: 3, framework: 'nest', kind: 'resolver' }]);
  });

  it('stays quiet on look-alikes: a lone Query key, webpack resolve, field-less objects, promise executors, files without GraphQL', () => {
    expect(
      handlers(`
import { GraphQLString } from 'graphql';
const db = { Query: { run: (sql, params) => pool.query(sql, params) } };
const config = { resolve: { extensions: ['.ts'] }, plugins: [] };
const step = { name: 'x', resolve: (value, options) => value };
const p = new Promise((resolve, reject) => setTimeout(resolve, 10));
const loader = { Query: { load: (key) => key }, cache: true };
`),
    ).toEqual([]);
    // a field config outside a file that mentions GraphQL
    expect(handlers("const field = { type: 'string', resolve: (value, args) => value };")).toEqual([]);
  });
});

describe('getHttpOutcome: GraphQL errors', () => {
  function statuses(code: string): (number | null)[] {
    const found: (number | null)[] = [];
    probe(code, (context) => ({ NewExpression: (node: TSESTree.NewExpression) => void found.push(getHttpOutcome(context, node)?.status ?? null) }), ts);
    return found;
  }

  it('reads the status from the error code (Apollo Server 4 extensions, graphql-js 15 positional, ApolloError)', () => {
    expect(
      statuses(`
new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
new GraphQLError('no', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
new GraphQLError('no', { extensions: { http: { status: 401 } } });
new GraphQLError('no', null, null, null, null, null, { code: 'FORBIDDEN' });
new ApolloError('no', 'UNAUTHENTICATED');
new AuthenticationError('must authenticate');
new ForbiddenError('not yours');
new GraphQLError('bad input', { extensions: { code: 'BAD_USER_INPUT' } });
new GraphQLError('Query is too complex');
new GraphQLError('x', { nodes, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
new GraphQLError(\`Access denied: \${msg}\`, { extensions: { code: 'KS_ACCESS_DENIED' } });
new GraphQLError('x', { extensions: { code: 'FORBIDDEN_WORD' } });
`),
    ).toEqual([401, 403, 401, 403, 401, 401, 403, null, null, null, 403, null]);
  });
});

describe('createRequestInputTracker: GraphQL arguments are client input', () => {
  function classified(code: string): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    probe(
      code,
      (context) => {
        const tracker = createRequestInputTracker(context);
        return {
          'CallExpression[callee.property.name="info"]': (node: TSESTree.CallExpression) => {
            const arg = node.arguments[0]!;
            const input = tracker.classify(arg);
            out[context.sourceCode.getText(arg)] = input ? `${input.kind}:${input.origin}` : null;
          },
        };
      },
      ts,
    );
    return out;
  }

  it('classifies the args parameter, destructured fields, mutateAndGetPayload input and @Arg/@Args parameters', () => {
    expect(
      classified(`
import { Arg, Args, Resolver, Mutation } from 'type-graphql';
const resolvers = {
  Query: { post: (parent, args, context) => { log.info(args.id); log.info(parent.id); log.info(context.user); } },
  Mutation: { deletePost: (_p, { slug }, { user }) => { log.info(slug); log.info(user); } },
};
mutationWithClientMutationId({ mutateAndGetPayload: ({ username }, ctx) => { log.info(username); log.info(ctx); } });
@Resolver() class R {
  @Mutation() rename(@Arg('name') name: string, @Args() all: RenameArgs) { log.info(name); log.info(all); }
}
`),
    ).toEqual({
      'args.id': 'value:args',
      'parent.id': null,
      'context.user': null,
      slug: 'value:args',
      user: null,
      username: 'value:args',
      ctx: null,
      name: 'value:args',
      all: 'container:args',
    });
  });
});
