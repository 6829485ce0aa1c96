/**
 * "What is the generic `value` a store is given?" A value handed to the setter of a store of
 * secrets is a secret, whatever its parameter is called: `SecretsDb.set(name, value)`,
 * `TokenCache.put(key, val)`, `saveToken(userId, value)`. The store says what it holds: a class or
 * object named for secrets and for storing them (a secret word, then store / db / cache / vault /
 * manager…), or a function named verb + secret word. Only generic parameter names (`value`, `val`,
 * `newValue`, `data`) are read this way: a named parameter (`name`, `id`, `ttl`) says what it is.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findEnclosingClass, getPropertyName } from '../ast.js';
import { type SecretNameOptions, classifySecretTokens, tokenizeName } from './names.js';

const GENERIC_VALUE = /^(?:value|val|newValue|data|v)$/u;
const SETTER_VERBS = new Set(['set', 'put', 'save', 'store', 'write', 'upsert', 'update', 'add', 'insert', 'persist']);
/** Last words of a name for something that keeps values. */
const STORE_WORDS = new Set(['store', 'storage', 'db', 'database', 'cache', 'vault', 'repository', 'repo', 'manager', 'service', 'keychain', 'keystore', 'registry', 'dao', 'table']);

/** The name of a function node: a declaration's id, a method's or property's key, a variable's name. */
function functionName(fn: TSESTree.Node): string | null {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) return getPropertyName(parent);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return null;
}

/** The secret concept of a name made of secret words then a store word (`SecretsDb`, `TokenCache`), or null. */
function storeConcept(name: string, options: SecretNameOptions): string | null {
  const tokens = tokenizeName(name);
  if (tokens.length < 2 || !STORE_WORDS.has(tokens[tokens.length - 1]!)) return null;
  const v = classifySecretTokens(tokens.slice(0, -1), options);
  return v.kind === 'secret' ? v.concept : null;
}

/**
 * The secret a generic parameter (`value`) of `fn` holds when `fn` is a setter of a store of secrets
 * (`SecretsDb.set(name, value)`, `saveToken(user, value)`), or null.
 */
export function storedSecretConcept(fn: TSESTree.Node, paramName: string, options: SecretNameOptions): string | null {
  if (!GENERIC_VALUE.test(paramName)) return null;
  const name = functionName(fn);
  if (name === null) return null;
  const tokens = tokenizeName(name);
  if (!SETTER_VERBS.has(tokens[0] ?? '')) return null;
  // saveToken(user, value), setSecret(name, value)
  if (tokens.length > 1) {
    const v = classifySecretTokens(tokens.slice(1), options);
    return v.kind === 'secret' ? v.concept : null;
  }
  // SecretsDb.set(name, value); an object literal's method: `const tokenStore = { set(k, value) {…} }`
  const cls = findEnclosingClass(fn);
  const owner = cls?.id?.name ?? ownerVariableName(fn);
  return owner ? storeConcept(owner, options) : null;
}

/** `const tokenStore = { set(k, v) {…} }`: the variable an object literal holding the method is bound to. */
function ownerVariableName(fn: TSESTree.Node): string | null {
  const object = fn.parent?.type === AST_NODE_TYPES.Property ? fn.parent.parent : null;
  const holder = object?.type === AST_NODE_TYPES.ObjectExpression ? object.parent : null;
  return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : null;
}
