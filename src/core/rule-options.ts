import type { JSONSchema } from '@typescript-eslint/utils';

/**
 * The options of a rule whose one option is a list of names the project adds to what the rule
 * recognises by itself (`requestLoggers`, `requestIdMiddlewares`): package names a middleware is
 * imported from, or middleware names. One object, no other keys; unique non-empty strings;
 * empty by default. Use both parts in `meta`:
 * `schema: names.schema, defaultOptions: [names.defaults]`.
 */
export function extraNamesOption<K extends string>(
  key: K,
  description: string,
): { schema: JSONSchema.JSONSchema4[]; defaults: { [P in K]?: string[] } } {
  return {
    schema: [
      {
        type: 'object',
        properties: {
          [key]: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description,
          },
        },
        additionalProperties: false,
      },
    ],
    defaults: { [key]: [] } as Record<string, string[]> as { [P in K]?: string[] },
  };
}
