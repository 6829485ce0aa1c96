/**
 * "Can this value carry text at all?" — values that cannot hold a line break or free text: a
 * number-, boolean- or bigint-typed value (by the parser's type information or a TypeScript
 * annotation), and the output of a Nest pipe that parses to a number, boolean, UUID, enum or date.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { type Context, fieldPath, findVariable, followFields, getMemberPath, getPropertyName, lastSegment, skipTransparent } from './ast.js';

/** Nest pipes whose output cannot carry free text. */
const NON_TEXT_PIPES = /^(?:ParseInt|ParseFloat|ParseBool|ParseUUID|ParseEnum|ParseDate)Pipe$/u;

/** A Nest pipe (`ParseIntPipe`, `new ParseUUIDPipe()`) whose output is not free text. */
export function isNonTextPipe(node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  const target = n.type === AST_NODE_TYPES.NewExpression ? n.callee : n;
  const path = getMemberPath(target);
  return path !== null && NON_TEXT_PIPES.test(lastSegment(path));
}

/** A TS annotation that says the value is not text: `id: number`, `flag: boolean`. */
export function hasNonTextAnnotation(id: TSESTree.Identifier): boolean {
  const type = id.typeAnnotation?.typeAnnotation;
  return !!type && isNonTextAnnotationType(type);
}

function isNonTextAnnotationType(t: TSESTree.TypeNode): boolean {
  return (
    t.type === AST_NODE_TYPES.TSNumberKeyword ||
    t.type === AST_NODE_TYPES.TSBooleanKeyword ||
    t.type === AST_NODE_TYPES.TSBigIntKeyword ||
    t.type === AST_NODE_TYPES.TSUndefinedKeyword ||
    t.type === AST_NODE_TYPES.TSNullKeyword ||
    (t.type === AST_NODE_TYPES.TSLiteralType && t.literal.type === AST_NODE_TYPES.Literal && typeof t.literal.value !== 'string') ||
    (t.type === AST_NODE_TYPES.TSUnionType && t.types.every(isNonTextAnnotationType))
  );
}

/**
 * Whether the parser's type information (when there is any) says `node` is a number, a
 * boolean, a bigint, an enum member, null or undefined: values that cannot carry a line break.
 */
export function hasNonTextType(context: Context, node: TSESTree.Node): boolean {
  if (hasNonTextFieldAnnotation(context, node)) return true;
  const services = context.sourceCode.parserServices as
    | {
        program?: { getTypeChecker(): TsChecker } | null;
        esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): unknown };
      }
    | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return false;
  try {
    const checker = services.program.getTypeChecker();
    return isNonTextTsType(checker, checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node)), 0);
  } catch {
    // A node the parser did not map to TypeScript: no type information is the expected answer.
    return false;
  }
}

/** The parts of TypeScript's API this needs; `TypeFlags` values differ between TypeScript versions, so they are not used. */
interface TsType {
  isUnion?(): boolean;
  isNumberLiteral?(): boolean;
  types?: TsType[];
}
interface TsChecker {
  getTypeAtLocation(node: unknown): TsType;
  typeToString(type: TsType): string;
}

const NON_TEXT_TYPE_NAME = /^(?:number|boolean|bigint|true|false|null|undefined|void|never|-?\d[\d_.e+-]*n?)$/u;

function isNonTextTsType(checker: TsChecker, type: TsType, depth: number): boolean {
  if (depth > 3) return false;
  if (type.isUnion?.() && type.types) return type.types.length > 0 && type.types.every((t) => isNonTextTsType(checker, t, depth + 1));
  // Numeric literals, numeric enum members included.
  if (type.isNumberLiteral?.()) return true;
  return NON_TEXT_TYPE_NAME.test(checker.typeToString(type));
}

/**
 * `data.sedeId` where `data: { sedeId: number }`: a field an inline object type annotates as not
 * text (Nest gateway handlers type their `@MessageBody()` this way). Needs no type information.
 */
function hasNonTextFieldAnnotation(context: Context, node: TSESTree.Node): boolean {
  const n = skipTransparent(node);
  if (n.type !== AST_NODE_TYPES.MemberExpression || n.computed) return false;
  const object = skipTransparent(n.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const declared = findVariable(context, object)?.defs[0]?.name;
  const type = declared?.type === AST_NODE_TYPES.Identifier ? declared.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type !== AST_NODE_TYPES.TSTypeLiteral) return false;
  const key = getPropertyName(n);
  const member = type.members.find(
    (m): m is TSESTree.TSPropertySignature => m.type === AST_NODE_TYPES.TSPropertySignature && !m.computed && m.key.type === AST_NODE_TYPES.Identifier && m.key.name === key,
  );
  const annotation = member?.typeAnnotation?.typeAnnotation;
  return !!annotation && isNonTextAnnotationType(annotation);
}

/** What a string has: reading one of these says nothing about the value being an object. */
const STRING_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(String.prototype));

/**
 * `message.data` where the file also reads `message.data.userInfo.colorId`: the value is an object,
 * and put into text it prints `[object Object]`, never the client's characters. `node` is a variable
 * or a plain member path on one (`msg`, `msg.data`); another read of the same path on the same
 * variable that goes on to a field a string does not have (not `length`, `trim`, `split`, …) says so.
 * A `const` whose every choice (`a ? b : c`, `a || b`) is an object literal or such a value is one too.
 */
export function isReadAsObject(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const path = fieldPath(node);
  const variable = path ? findVariable(context, path.root) : null;
  if (!path || !variable) return false;
  const read = variable.references.some((ref) => {
    const current = followFields(ref.identifier, path.fields);
    const next = current?.parent;
    if (!current || next?.type !== AST_NODE_TYPES.MemberExpression || next.object !== current || next.computed) return false;
    const field = getPropertyName(next);
    return field !== null && !STRING_MEMBERS.has(field);
  });
  if (read || path.fields.length > 0 || depth > 2) return read;
  // const wrapped = workflow?.input ? workflow : { input: { workflow } }: every choice is an object.
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.type === 'Variable' && def.node.id === def.name && !variable.references.some((r) => r.isWrite() && !r.init) ? def.node.init : null;
  const choice = init ? skipTransparent(init) : null;
  if (choice?.type !== AST_NODE_TYPES.ConditionalExpression && choice?.type !== AST_NODE_TYPES.LogicalExpression) return false;
  const options = choice.type === AST_NODE_TYPES.ConditionalExpression ? [choice.consequent, choice.alternate] : [choice.left, choice.right];
  return options.every((o) => {
    const v = skipTransparent(o);
    return v.type === AST_NODE_TYPES.ObjectExpression || v.type === AST_NODE_TYPES.ArrayExpression || isReadAsObject(context, v, depth + 1);
  });
}
