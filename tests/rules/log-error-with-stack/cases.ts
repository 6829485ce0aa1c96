/**
 * Case builders shared by the log-error-with-stack rule tests: a report whose fix (and suggestion) adds
 * the caught error after `at`, autofixed when the logger's style is known, a suggestion only otherwise.
 */
type Options = [{ reportExpectedFailures?: boolean }];

/** `code` with `, name` added after `at`. */
export const fixed = (code: string, name: string, at: string): string => code.replace(at, `${at}, ${name}`);

/** Reported with an autofix (console style): `name` added after `at`. */
export const invalid = (code: string, name: string, at: string, options?: Options) => ({
  code,
  ...(options ? { options } : {}),
  output: fixed(code, name, at),
  errors: [{ messageId: 'stackLost' as const, suggestions: [{ messageId: 'addError' as const, output: fixed(code, name, at) }] }],
});

/** Reported with a suggestion only (the logger's style is a guess): `insert` added after `at`. */
export const suggested = (code: string, at: string, insert: string, options?: Options) => ({
  code,
  ...(options ? { options } : {}),
  output: null,
  errors: [{ messageId: 'stackLost' as const, suggestions: [{ messageId: 'addError' as const, output: code.replace(at, `${at}${insert}`) }] }],
});
