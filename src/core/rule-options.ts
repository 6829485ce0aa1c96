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

/** `eventField`: the key every auth log carries its event name under, and the prefix of the name. */
export interface EventFieldOption {
  key: string;
  prefix?: string;
}

/** The schema options log-auth-failures and log-auth-success share (issue #20, section 4). */
export interface AuthLogSchemaOptions {
  requiredFields?: string[];
  eventField?: EventFieldOption;
}

/** What a log on an auth path must carry, read once per rule run. */
export interface AuthLogSchema {
  /** Keys every counting log must carry: `requiredFields`, then `eventField.key`. */
  keys: readonly string[];
  /** `eventField`, or null when not configured. */
  event: { key: string; prefix: string } | null;
}

/** The JSON-schema properties of the shared auth-log options; spread into each rule's option object. */
export const AUTH_LOG_SCHEMA_PROPERTIES: Record<string, JSONSchema.JSONSchema4> = {
  requiredFields: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description:
      'Require a log on the path to carry each of these fields (an object key of the structured argument, a winston meta key, a `child({…})` binding of the logger, or a value interpolated under that name) for it to count, e.g. `["ip", "reason"]`.',
  },
  eventField: {
    type: 'object',
    additionalProperties: false,
    required: ['key'],
    properties: {
      key: { type: 'string', minLength: 1, description: 'Require this key (e.g. `event`) on the log; the fix writes the event name under it.' },
      prefix: { type: 'string', description: 'Prefix of the event names the fix writes (e.g. `auth.` → `auth.login_failure`); the check asks only for the key.' },
    },
    description:
      'Require an event-name field on the log for it to count; the fix writes e.g. `event: \'auth.login_failure\'` from a small fixed vocabulary.',
  },
};

/** The shared auth-log options as the rules use them. */
export function readAuthLogSchema(options: AuthLogSchemaOptions): AuthLogSchema {
  const required = options.requiredFields ?? [];
  const event = options.eventField ? { key: options.eventField.key, prefix: options.eventField.prefix ?? '' } : null;
  const keys = event && !required.includes(event.key) ? [...required, event.key] : required;
  return { keys, event };
}
