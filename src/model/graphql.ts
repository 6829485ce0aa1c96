/**
 * Is this function a plain GraphQL resolver (not a NestJS one: nest.ts answers those)?
 *
 * Shapes, from real servers:
 * - a field of a resolver map (Apollo Server, graphql-yoga `createSchema`, Mercurius,
 *   `makeExecutableSchema`): `{ Query: { me: (parent, args, ctx) => … }, Mutation: { … } }`,
 *   also a subscription's `{ subscribe, resolve }` and one wrapping call
 *   (`me: combineResolvers(isAuthenticated, async (_, args, ctx) => …)`);
 * - the `resolve` / `subscribe` of a graphql-js field config (`{ type, args, resolve(source, args, context, info) }`,
 *   also graphql-compose `addFields`, parse-server's `addGraphQLQuery(name, { type, resolve })`, directus'
 *   `resolve: dedupeResolver(async (_, args) => …)`);
 * - graphql-relay `mutationWithClientMutationId({ mutateAndGetPayload(input, context, info) })`;
 * - a type-graphql `@Resolver()` class method decorated `@Query` / `@Mutation` / `@Subscription` / `@FieldResolver`.
 *
 * Conservative: the structure must say so, not a name alone. A resolver map is an object with a
 * `Query` / `Mutation` / `Subscription` key that is handed to a schema builder (`resolvers: map`),
 * typed as one (`: Resolvers`, `satisfies IResolvers`), named as one (`resolvers`, `userResolvers`),
 * exported as one (only type-name keys), or has two of those root keys. A field config must have a
 * `type`. And the file must mention GraphQL at all (checked once per file).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type AnyFunction, type Context, calleeName, findVariable, getMemberPath, getNumberValue, getPropertyName, getStringValue, isFunctionNode, skipTransparent } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import { classDecorators, hasDecoratorNamed, methodDecorators, parameterDecorators } from './decorators.js';
import { paramId } from './handler-params.js';
import type { HandlerInfo } from './handlers.js';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const TYPE_GRAPHQL_METHODS = new Set(['Query', 'Mutation', 'Subscription', 'FieldResolver']);
/** Names a resolver map goes by: `resolvers`, `userResolvers`, `resolverMap`. */
const MAP_NAME = /^(?:resolvers?|resolverMap)$|[a-z]Resolvers?$/u;
/** Types of a resolver map: codegen's `Resolvers`, graphql-tools' `IResolvers`, Apollo's `GraphQLResolverMap`. */
const MAP_TYPE = /Resolvers$|ResolverMap$/u;

const mentionCache = fileCache<{ any: boolean; graphql: boolean }>();
const typeGraphqlCache = fileCache<boolean>();

/** What the file's text mentions, once per file. */
function mentions(context: Context): { any: boolean; graphql: boolean } {
  return perFile(mentionCache, context.sourceCode, () => {
    const text = context.sourceCode.text;
    const graphql = /graphql|apollo|mercurius/iu.test(text);
    return { graphql, any: graphql || /resolver/iu.test(text) || /\b(?:Query|Mutation|Subscription)\s*:/u.test(text) };
  });
}

/** The file names the `type-graphql` package, once per file (apart from mentions: every class method asks this one). */
function mentionsTypeGraphql(context: Context): boolean {
  return perFile(typeGraphqlCache, context.sourceCode, () => /['"]type-graphql['"]/u.test(context.sourceCode.text));
}

/** The plain GraphQL resolver `fn` is (framework 'graphql', kind 'resolver'), or null. */
export function graphqlResolver(context: Context, fn: AnyFunction): HandlerInfo | null {
  const parent = fn.parent;
  if (!parent) return null;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return typeGraphqlMethod(context, fn, parent);
  // Only a property value (or a wrapped one) can be a resolver: skip every other function without reading the file.
  if (parent.type !== AST_NODE_TYPES.Property && parent.type !== AST_NODE_TYPES.CallExpression) return null;
  // The shape first (parent links and keys), the file's text (scanned once per file) only for a function
  // whose shape is a resolver's: most property values are none, and then most files are never scanned.
  const property = holdingProperty(fn);
  if (!property) return null;
  const key = getPropertyName(property);
  if (key === null) return null;
  const object = property.parent as TSESTree.ObjectExpression;
  const resolveKey = key === 'resolve' || key === 'subscribe';
  if ((resolveKey && hasKey(object, 'type')) || (key === 'mutateAndGetPayload' && isMutationConfig(object))) {
    if (!mentions(context).any) return null;
    if (mentions(context).graphql) return resolveKey ? info(fn, 1, 2) : info(fn, 0, 1);
  }
  // Query: { me: fn }, or Subscription: { postAdded: { subscribe: fn, resolve: fn } }
  let field: TSESTree.Property | null = property;
  if (resolveKey && object.parent?.type === AST_NODE_TYPES.Property && object.parent.value === object) field = object.parent;
  const fieldName = getPropertyName(field);
  if (fieldName === null || fieldName.startsWith('__')) return null;
  const typeObject = field.parent;
  const typeProperty = typeObject?.parent;
  if (typeObject?.type !== AST_NODE_TYPES.ObjectExpression || typeProperty?.type !== AST_NODE_TYPES.Property || typeProperty.value !== typeObject) return null;
  const typeName = getPropertyName(typeProperty);
  if (typeName === null || !/^[A-Z]/u.test(typeName)) return null;
  const map = typeProperty.parent;
  if (map?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const strength = resolverMapEvidence(context, map);
  if (strength === 'none' || (strength === 'roots' && !ROOT_TYPES.has(typeName))) return null;
  return mentions(context).any ? info(fn, 1, 2) : null;
}

function info(fn: AnyFunction, argsIndex: number, ctxIndex: number): HandlerInfo {
  const ctx = paramId(fn.params[ctxIndex]);
  return { fn, framework: 'graphql', kind: 'resolver', via: 'registration', ...(fn.params[argsIndex] ? { argsIndex } : {}), ...(ctx ? { ctx } : {}) };
}

/** The property whose value `fn` is: `key: fn`, `key() {}`, or `key: wrap(…, fn)` (the last argument of one call). */
function holdingProperty(fn: AnyFunction): TSESTree.Property | null {
  let node: TSESTree.Node = fn;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) {
    // Only a call that is itself a property's value can hold a resolver: most callbacks are not (checked first, without a list).
    if (parent.parent?.type !== AST_NODE_TYPES.Property) return null;
    // dedupeResolver(async (_, args) => …, 'name'): the call's last function argument
    if (parent.arguments.filter((a) => isFunctionNode(a)).at(-1) !== fn) return null;
    node = parent;
  }
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== node || property.computed && getPropertyName(property) === null) return null;
  return property.parent?.type === AST_NODE_TYPES.ObjectExpression ? property : null;
}

function hasKey(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyName(p) === key);
}

/** `mutationWithClientMutationId({ … })` (graphql-relay). */
function isMutationConfig(object: TSESTree.ObjectExpression): boolean {
  const call = object.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === object && calleeName(call) === 'mutationWithClientMutationId';
}

/**
 * How sure it is that `map` is a resolver map: 'full' (handed to a schema builder, typed, named or
 * exported as one: every type-name key is a type), 'roots' (two root keys: only those count), 'none'.
 */
function resolverMapEvidence(context: Context, map: TSESTree.ObjectExpression): 'full' | 'roots' | 'none' {
  const keys = map.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? getPropertyName(p) : null));
  if (!keys.some((k) => k !== null && ROOT_TYPES.has(k))) return 'none';
  let node: TSESTree.Node = map;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression)) {
    if (isMapType(node.parent.typeAnnotation)) return 'full';
    node = node.parent;
  }
  const parent = node.parent;
  // new ApolloServer({ typeDefs, resolvers: { Query: … } }), createSchema({ resolvers: [{ Query: … }] })
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && getPropertyName(parent) === 'resolvers') return 'full';
  if (parent?.type === AST_NODE_TYPES.ArrayExpression && parent.parent?.type === AST_NODE_TYPES.Property && getPropertyName(parent.parent) === 'resolvers') return 'full';
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const id = parent.id;
    if (MAP_NAME.test(id.name)) return 'full';
    if (id.typeAnnotation && isMapType(id.typeAnnotation.typeAnnotation)) return 'full';
    const variable = findVariable(context, id);
    if (variable?.references.some((ref) => !ref.init && isHandedAsResolvers(ref.identifier as TSESTree.Identifier))) return 'full';
  }
  // module.exports = { Query: …, User: … }, export default { Query: … }: a module of type resolvers only
  const exported =
    parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && getMemberPath(parent.left) === 'module.exports');
  if (exported && keys.every((k) => k !== null && /^[A-Z]/u.test(k))) return 'full';
  return keys.filter((k) => k !== null && ROOT_TYPES.has(k)).length >= 2 ? 'roots' : 'none';
}

/** `{ typeDefs, resolvers }`, `{ resolvers: map }`, `resolvers: [map, other]`. */
function isHandedAsResolvers(id: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = id;
  if (node.parent?.type === AST_NODE_TYPES.ArrayExpression) node = node.parent;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.Property && parent.value === node && getPropertyName(parent) === 'resolvers';
}

function isMapType(type: TSESTree.TypeNode): boolean {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.right.name : null;
  return name !== null && MAP_TYPE.test(name);
}

/** type-graphql: `@Resolver() class R { @Mutation() deletePost(@Arg('id') id: string, @Ctx() ctx: Context) {…} }`, also compiled (`__decorate`). */
function typeGraphqlMethod(context: Context, fn: AnyFunction, method: TSESTree.MethodDefinition): HandlerInfo | null {
  if (method.static || !mentionsTypeGraphql(context)) return null;
  if (!hasDecoratorNamed(methodDecorators(method), TYPE_GRAPHQL_METHODS)) return null;
  const cls = method.parent.parent;
  if ((cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) || !hasDecoratorNamed(classDecorators(cls), 'Resolver')) return null;
  const ctxIndex = fn.params.findIndex((_, i) => hasDecoratorNamed(parameterDecorators(fn, i), 'Ctx'));
  const ctx = ctxIndex >= 0 ? paramId(fn.params[ctxIndex]) : undefined;
  return { fn, framework: 'graphql', kind: 'resolver', via: 'registration', ...(ctx ? { ctx } : {}) };
}

/**
 * GraphQL error codes that answer 401 / 403: Apollo Server's `UNAUTHENTICATED` / `FORBIDDEN` (the codes of
 * its `AuthenticationError` / `ForbiddenError`), and an app's or framework's own code for the same
 * (Keystone's `KS_ACCESS_DENIED`, `NOT_AUTHORIZED`).
 */const AUTH_CODE = /(?:^|_)(?:(UNAUTHENTICATED|UNAUTHORI[SZ]ED|NOT_AUTHENTICATED)|(FORBIDDEN|ACCESS_DENIED|NOT_AUTHORI[SZ]ED))$/u;

function codeStatus(code: string): number | null {
  const match = AUTH_CODE.exec(code);
  return match ? (match[1] ? 401 : 403) : null;
}

/**
 * The status a GraphQL error's code stands for: `new GraphQLError(msg, { extensions: { code: 'UNAUTHENTICATED' } })`
 * → 401, `{ extensions: { code: 'FORBIDDEN' } }` → 403, `{ extensions: { http: { status: 401 } } }` (Apollo Server 4),
 * graphql-js 15's positional extensions (the last argument), Apollo Server 2/3 `new ApolloError(msg, 'FORBIDDEN')`.
 */
export function graphqlErrorStatus(args: readonly TSESTree.CallExpressionArgument[]): number | null {
  const code = args[1] ? getStringValue(args[1]) : null;
  if (code !== null) return codeStatus(code);
  for (const arg of args.slice(1)) {
    const object = skipTransparent(arg);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const extensions = objectProperty(object, 'extensions');
    const holder = extensions?.type === AST_NODE_TYPES.ObjectExpression ? extensions : arg === args.at(-1) ? object : null;
    if (!holder) continue;
    const codeValue = objectProperty(holder, 'code');
    const named = codeValue ? getStringValue(codeValue) : null;
    const fromCode = named !== null ? codeStatus(named) : null;
    if (fromCode !== null) return fromCode;
    const http = objectProperty(holder, 'http');
    const status = http?.type === AST_NODE_TYPES.ObjectExpression ? objectProperty(http, 'status') : null;
    const value = status ? getNumberValue(status) : null;
    if (value === 401 || value === 403) return value;
  }
  return null;
}

/** The value of an object literal's own `key: value` property, if written so. */
function objectProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | null {
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.Property && getPropertyName(prop) === key) return skipTransparent(prop.value);
  }
  return null;
}
