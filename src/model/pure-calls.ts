/**
 * Calls that cannot fail for an outside reason: reading the clock (`new Date()`), a compiler's
 * emitted helpers (`_objectSpread`, `__assign`), functions of in-memory utility packages
 * (lodash, uuid, date-fns, …) and a password-hashing package's synchronous salt and hash
 * (`bcrypt.hashSync(pw, bcrypt.genSaltSync())`). fallible.ts classifies them as `pure`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, getRootIdentifier, lastName } from './ast.js';
import { getImportSource } from './modules.js';

/** `new Date()`, `Date()`: the current time, built from no value. */
export function isClockRead(call: TSESTree.Node): boolean {
  return (
    (call.type === AST_NODE_TYPES.NewExpression || call.type === AST_NODE_TYPES.CallExpression) &&
    call.arguments.length === 0 &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'Date'
  );
}

/**
 * Babel's and TypeScript's emitted helpers for spreads, classes, destructuring and imports, SWC's and esbuild's
 * decorator helpers (`_ts_decorate`, `__decorateClass`) (not the ones
 * that run async work, `_asyncToGenerator` / `__awaiter`, whose failures are the wrapped function's).
 */
export const COMPILER_HELPER =
  /^(?:_(?:objectSpread|defineProperty|objectWithoutProperties(?:Loose)?|slicedToArray|toConsumableArray|extends|typeof|classCallCheck|createClass|inherits|callSuper|interopRequire(?:Default|Wildcard)|toPropertyKey|toPrimitive|arrayLikeToArray|unsupportedIterableToArray|assertThisInitialized|possibleConstructorReturn|getPrototypeOf|setPrototypeOf|taggedTemplateLiteral)\d*|__(?:assign|rest|spreadArray|spread|read|values|importDefault|importStar|createBinding|setModuleDefault|exportStar|decorate|param|metadata|decorateClass|decorateParam)|_ts_(?:decorate|param|metadata))$/u;

/** Packages of in-memory helpers (collections, ids, dates): what their functions do cannot fail for an outside reason. */
const PURE_UTILITY_PACKAGE = /^(?:@babel\/runtime(?:-corejs\d)?\/helpers\/(?:esm\/)?(?!asyncToGenerator|regenerator)\w+|lodash(?:-es)?(?:\/[\w.]+)?|lodash\.[a-z]+|underscore|ramda|uuid|nanoid|date-fns(?:\/\w+)?|dayjs|moment|ms|bytes|escape-html|slugify)$/u;

/** Password-hashing packages whose synchronous functions compute in process (their async ones are another question). */
const PASSWORD_HASH_PACKAGE = /^(?:bcrypt|bcryptjs|bcrypt-nodejs)$/u;

/** `genSaltSync()`, `hashSync(pw, salt)`: a salt or hash computed synchronously, in process, from a value in hand. */
const IN_HAND_HASH = new Set(['genSaltSync', 'hashSync']);

/**
 * The callee is reached from a binding imported from a utility package (`_`, `_castArray`, `uuid_1`), or is
 * a password-hashing package's synchronous salt or hash (`_bcryptNodejs["default"].hashSync`): CPU work on a
 * value in hand, no I/O. (`compareSync` is a credential check, not a computation the caller keeps.)
 */
export function isPureUtilityCall(context: Context, callee: TSESTree.Node): boolean {
  const root = getRootIdentifier(callee);
  if (root === null) return false;
  const from = getImportSource(context, root);
  if (from === null) return false;
  if (PASSWORD_HASH_PACKAGE.test(from.source)) return IN_HAND_HASH.has(lastName(callee) ?? '');
  return PURE_UTILITY_PACKAGE.test(from.source);
}
