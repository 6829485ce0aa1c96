/**
 * What secret-named fields does a value's TypeScript type carry? Used only when the parser
 * has type information (`parserOptions.project`); without it every answer is "unknown" and the
 * analysis works from names and sources.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Context } from '../ast.js';
import { type NameVerdictOf, type SecretVerdict, secret } from './verdicts.js';

interface TsType {
  flags: number;
  isUnion(): boolean;
  types?: TsType[];
  getProperties(): { getName(): string }[];
  getCallSignatures(): readonly unknown[];
}
interface TsChecker {
  getTypeAtLocation(node: unknown): TsType;
  getNonNullableType(type: TsType): TsType;
  typeToString(type: TsType): string;
  isArrayType(type: TsType): boolean;
  getTypeArguments(type: TsType): readonly TsType[];
  getTypeOfSymbolAtLocation(symbol: unknown, node: unknown): TsType;
  getAnyType(): TsType;
  getUnknownType(): TsType;
}

/** Questions on the TypeScript type of a value, cached per node for one analyzer. */
export interface SecretTypeReader {
  /** A number or boolean value: never a token or a password (a PIN may be). */
  isNumberOrBoolean(node: TSESTree.Node): boolean;
  /** The value has a known object type without secret-named properties (a typed `req.body`). */
  isTypedWithoutSecrets(node: TSESTree.Node): boolean;
  /** An object whose type carries secret-named fields (but `exclude`), as a whole-object secret. */
  typeFinding(node: TSESTree.Node, exclude?: ReadonlySet<string>): SecretVerdict | null;
}

/** The type reader of one file; `nameOf` decides which property names are secrets. */
export function createSecretTypeReader(context: Context, nameOf: NameVerdictOf): SecretTypeReader {
  const sourceCode = context.sourceCode;
  const typeCache = new Map<TSESTree.Node, { typeName: string; props: string[] } | null>();

  const services = sourceCode.parserServices as
    | { program?: { getTypeChecker(): TsChecker } | null; esTreeNodeToTSNodeMap?: { get(node: unknown): unknown } }
    | undefined;
  let checker: TsChecker | null = null;
  try {
    checker = services?.program && services.esTreeNodeToTSNodeMap ? services.program.getTypeChecker() : null;
  } catch {
    // Type information is optional: without a checker the analysis works from names and sources.
    checker = null;
  }

  /** The checker's type of a node, or null without type information. */
  function tsTypeOf(node: TSESTree.Node): TsType | null {
    if (!checker) return null;
    try {
      const tsNode = services!.esTreeNodeToTSNodeMap!.get(node);
      return tsNode ? checker.getTypeAtLocation(tsNode) : null;
    } catch {
      // A node the checker cannot type (a parse recovery, an older TypeScript): treat it as untyped.
      return null;
    }
  }

  /** The members of a union type, `null`/`undefined` removed. */
  function constituents(type: TsType): TsType[] {
    const t = checker!.getNonNullableType(type);
    return t.isUnion() && t.types ? t.types : [t];
  }

  /** A type that says nothing about its properties. */
  function isAnyOrUnknown(type: TsType): boolean {
    const s = checker!.typeToString(type);
    return s === 'any' || s === 'unknown' || s === 'never' || s === '{}' || s === 'object';
  }

  /** A number or boolean value: never a token or a password (a PIN may be). */
  function isNumberOrBoolean(node: TSESTree.Node): boolean {
    const type = tsTypeOf(node);
    if (!type) return false;
    return constituents(type).every((t) => /^(?:boolean|true|false|number|bigint|-?\d[\d.e+-]*n?)$/u.test(checker!.typeToString(t)));
  }

  /** Secret-named, non-function, non-flag properties of the value's type (depth 1, arrays unwrapped). */
  function secretPropertiesOf(node: TSESTree.Node): { typeName: string; props: string[] } | null {
    if (!checker) return null;
    if (typeCache.has(node)) return typeCache.get(node)!;
    let result: { typeName: string; props: string[] } | null = null;
    try {
      const type = tsTypeOf(node);
      const tsNode = services!.esTreeNodeToTSNodeMap!.get(node);
      if (type && tsNode) {
        const props = new Set<string>();
        for (let t of constituents(type)) {
          if (checker.isArrayType(t)) t = checker.getTypeArguments(t)[0] ?? t;
          if (isAnyOrUnknown(t)) continue;
          for (const symbol of t.getProperties()) {
            const name = symbol.getName();
            if (nameOf(name).kind !== 'secret') continue;
            const propType = checker.getTypeOfSymbolAtLocation(symbol, tsNode);
            if (propType.getCallSignatures().length > 0) continue;
            if (constituents(propType).every((p) => /^(?:boolean|true|false|number|undefined|null|never|void)$/u.test(checker!.typeToString(p)))) continue;
            props.add(name);
          }
        }
        if (props.size > 0) {
          const typeName = checker.typeToString(type);
          result = { typeName: typeName.length > 40 ? `${typeName.slice(0, 37)}…` : typeName, props: [...props] };
        }
      }
    } catch {
      // The checker threw on an exotic type: treat the value as untyped rather than guess.
      result = null;
    }
    typeCache.set(node, result);
    return result;
  }

  /** The value has a known object type without secret-named properties (a typed `req.body`). */
  function isTypedWithoutSecrets(node: TSESTree.Node): boolean {
    const type = tsTypeOf(node);
    if (!type) return false;
    const parts = constituents(type);
    if (parts.some((t) => isAnyOrUnknown(t) || t.getProperties().length === 0)) return false;
    return secretPropertiesOf(node) === null;
  }

  /** An object whose type carries secret-named fields (but `exclude`), as a whole-object secret. */
  function typeFinding(node: TSESTree.Node, exclude: ReadonlySet<string> = new Set()): SecretVerdict | null {
    const info = secretPropertiesOf(node);
    if (!info) return null;
    const props = info.props.filter((p) => !exclude.has(p));
    if (props.length === 0) return null;
    const list = props.slice(0, 3).map((p) => `\`${p}\``).join(', ');
    return secret(`an object of type \`${info.typeName}\``, 'secret', {
      whole: true,
      carries: `the secret field${props.length > 1 ? 's' : ''} ${list}${props.length > 3 ? ', …' : ''}`,
      redactPaths: props.map((p) => [p]),
    });
  }

  return { isNumberOrBoolean, isTypedWithoutSecrets, typeFinding };
}
