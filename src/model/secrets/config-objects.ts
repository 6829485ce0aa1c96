/**
 * "Is this logged value the app's whole configuration?" — `logger.info(config)`,
 * `console.log('config', JSON.stringify(config))`, `log.debug({ settings })`,
 * `console.log(process.env)`: a configuration object dumped whole carries every secret the app
 * was given (API keys, database passwords, signing keys), whatever the fields are called where
 * it is built. A name says it is configuration when its last word is `config`, `configuration`,
 * `settings`, `conf` or `cfg` (`appConfig`, `this.settings`), or it is `env` / `process.env`.
 * A value the file shows is not such an object (a string, one environment variable, an object
 * literal without secret-named keys) is not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, findVariable, getCalleePath, getMemberPath, getPropertyName, skipTransparent } from '../ast.js';
import { fileCache, perFileMap } from '../file-cache.js';
import { classifySecretName, isCredentialEnvKey, tokenizeName } from './names.js';

const CONFIG_WORDS = new Set(['config', 'configuration', 'settings', 'conf', 'cfg']);
/** Calls that print their argument whole. */
const DUMPERS = /^(?:JSON\.stringify|util\.inspect|inspect|util\.format)$/u;
/** Objects that own the app's configuration: `app.config`, `this.settings`, `fastify.config`. */
const CONFIG_OWNERS = /^(?:this|app|server|fastify|instance|module|global|globalThis)$/u;

export interface ConfigDump {
  /** The configuration expression logged whole. */
  node: TSESTree.Node;
  /** `a configuration object`, `the process environment`. */
  what: string;
  /** A database client's connection parameters (`db.connectObj`, `pgConnectionOptions`): the password is in them, whatever else the app's settings hold. */
  connection?: true;
}

/** Words of a database client, and of the parameters it connects with. */
const DATABASE_WORDS = new Set(['db', 'database', 'pg', 'postgres', 'postgresql', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'sql', 'knex', 'sequelize', 'typeorm', 'prisma']);
const CONNECT_WORDS = new Set(['connect', 'connection']);
const PARAMETER_WORDS = new Set(['obj', 'object', 'options', 'opts', 'params', 'parameters', 'config', 'settings', 'info', 'details', 'args']);

/**
 * `db.connectObj`, `dbConnectionOptions`, `knexConnectionParams`: a member path or name that says it
 * is a database's connection parameters — a database word anywhere in the path, a connect word, and a
 * parameters word last.
 */
function namesDatabaseConnection(path: string): boolean {
  const tokens = path.split('.').flatMap((part) => tokenizeName(part));
  const last = tokens[tokens.length - 1];
  return last !== undefined && PARAMETER_WORDS.has(last) && tokens.some((t) => CONNECT_WORDS.has(t)) && tokens.some((t) => DATABASE_WORDS.has(t));
}

/** The configuration objects a logged argument dumps whole (inside `JSON.stringify`, `{ config }`), in order. */
export function findConfigDumps(context: Context, arg: TSESTree.Node): ConfigDump[] {
  const out: ConfigDump[] = [];
  const visit = (raw: TSESTree.Node, depth: number) => {
    if (depth > 3) return;
    const n = skipTransparent(raw);
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const path = getCalleePath(n);
      const first = n.arguments[0];
      if (path !== null && DUMPERS.test(path) && first && first.type !== AST_NODE_TYPES.SpreadElement) visit(first, depth + 1);
      return;
    }
    if (n.type === AST_NODE_TYPES.ObjectExpression) {
      for (const prop of n.properties) {
        if (prop.type === AST_NODE_TYPES.Property && !prop.computed && prop.kind === 'init') visit(prop.value, depth + 1);
      }
      return;
    }
    const path = n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression ? getMemberPath(n) : null;
    if (path !== null && namesDatabaseConnection(path)) {
      out.push({ node: raw, what: "a database's connection parameters", connection: true });
      return;
    }
    const what = configObjectKind(context, n);
    if (what) out.push({ node: raw, what });
  };
  visit(arg, 0);
  return out;
}

function configObjectKind(context: Context, n: TSESTree.Node): string | null {
  const path = getMemberPath(n);
  if (path === 'process.env') return 'the process environment';
  if (n.type === AST_NODE_TYPES.Identifier) {
    if (!namesConfig(n.name, true)) return null;
    return holdsObject(context, n) ? (n.name === 'env' ? 'the environment' : 'a configuration object') : null;
  }
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed) {
    const name = getPropertyName(n);
    const owner = skipTransparent(n.object);
    const ownerName = owner.type === AST_NODE_TYPES.ThisExpression ? 'this' : owner.type === AST_NODE_TYPES.Identifier ? owner.name : null;
    if (name === null || ownerName === null || !CONFIG_OWNERS.test(ownerName) || !namesConfig(name, false)) return null;
    // A class's injected `this.config` is mostly a scoped settings object (batch sizes, intervals):
    // it counts when the file reads a secret off it (`this.config.jwtSecret`).
    if (ownerName === 'this' && !readsSecretField(context, `this.${name}`)) return null;
    return 'a configuration object';
  }
  return null;
}

function namesConfig(name: string, allowEnv: boolean): boolean {
  if (allowEnv && name === 'env') return true;
  const tokens = tokenizeName(name);
  const last = tokens[tokens.length - 1];
  return last !== undefined && CONFIG_WORDS.has(last);
}

/**
 * Whether a variable may hold an object of settings: imported, a parameter, a call's result — or
 * an object literal with a secret-named key or a spread of something else. A string, a number,
 * one `process.env.X` are not.
 */
function holdsObject(context: Context, id: TSESTree.Identifier): boolean {
  const variable = findVariable(context, id);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return !!variable || id.name !== 'env';
  // `if (logoConf === '')`: compared with a string, it holds one setting's text (verdaccio's `config.web.favicon`).
  if (variable.references.some((ref) => comparedWithString(ref.identifier))) return false;
  if (def.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return true;
  const init = skipTransparent(def.node.init);
  switch (init.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return false;
    case AST_NODE_TYPES.MemberExpression: {
      // const env = process.env.NODE_ENV: one value
      const path = getMemberPath(init.object);
      return path !== 'process.env';
    }
    case AST_NODE_TYPES.ObjectExpression:
      return objectHoldsSecrets(init, 0);
    default:
      return true;
  }
}

function objectHoldsSecrets(object: TSESTree.ObjectExpression, depth: number): boolean {
  if (depth > 3) return false;
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) return true;
    const key = getPropertyName(prop);
    if (key !== null && classifySecretName(key).kind === 'secret') return true;
    const value = skipTransparent(prop.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression && objectHoldsSecrets(value, depth + 1)) return true;
    // { db: process.env.DB_PASSWORD }, { maps: process.env.MAPBOX_KEY }
    const path = getMemberPath(value);
    const envKey = path?.startsWith('process.env.') ? path.slice('process.env.'.length) : null;
    if (envKey && (classifySecretName(envKey).kind === 'secret' || isCredentialEnvKey(envKey))) return true;
  }
  return false;
}

const secretFieldCache = fileCache<Map<string, boolean>>();

/** Whether the file reads a secret-named field off `path` (`this.config.jwtSecret`, `this.config.db.password`). */
function readsSecretField(context: Context, path: string): boolean {
  const source = context.sourceCode;
  const byPath = perFileMap(secretFieldCache, source);
  const cached = byPath.get(path);
  if (cached !== undefined) return cached;
  const escaped = path.replace(/[.$]/gu, (c) => `\\${c}`);
  const pattern = new RegExp(`${escaped}((?:\\??\\.[A-Za-z_$][\\w$]*)+)`, 'gu');
  let found = false;
  for (const match of source.text.matchAll(pattern)) {
    const fields = match[1]!.split('.').map((f) => f.replace(/\?$/u, '')).filter((f) => f !== '');
    if (fields.some((f) => classifySecretName(f).kind === 'secret' || isCredentialEnvKey(f))) {
      found = true;
      break;
    }
  }
  byPath.set(path, found);
  return found;
}

/** `x === ''`, `'none' !== x`: the value is compared with a string literal for identity. */
function comparedWithString(id: TSESTree.Node): boolean {
  const parent = id.parent;
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || !/^[!=]==$/u.test(parent.operator)) return false;
  const other = parent.left === id ? parent.right : parent.left;
  return other.type === AST_NODE_TYPES.Literal && typeof other.value === 'string';
}
