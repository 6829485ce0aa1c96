/**
 * Can this file hold an auth failure at all? A cheap text pre-check that lets log-auth-failures
 * skip a file (no code-path regions, no path tracking, no per-call recognition) when nothing in
 * it could ever be recognized as a rejected caller.
 *
 * It must stay a superset of what the recognizers accept, so it lists the raw material they
 * work from:
 * - statuses 401, 403 and 429 as number literals (`getStatusValue`; decimal with or without
 *   numeric separators, hex, octal, binary — not exponent forms such as `4.01e2`);
 * - the names the status tables in frameworks.ts map to 401 / 403 / 429, with or without `_`,
 *   `-` or spaces between words (`UNAUTHORIZED`, `Unauthorised`, `NOT_AUTHENTICATED`,
 *   `AuthenticationError`, `Forbidden`, `ACCESS_DENIED`, `TooManyRequests`, `AuthRequiredError`,
 *   `LoginRequired`, `InvalidCredentialsError`): statuses from
 *   constant, error-class, factory and `@fastify/sensible` method names;
 * - the words of credential checks (credential-checks.ts): password / hash comparisons
 *   (`compare`, `verify`, `timingSafeEqual`, `constantTimeEqual`, `…Password…`), token
 *   verification (`…verify…`, also WebAuthn's `verifyAuthenticationResponse`), API-key comparisons
 *   (`apiKey`, `x-api-key`, `apiToken`), one-time-code checks (`totp.check`, `authenticator.check`,
 *   `checkOtp`, `checkMfaCode`: `totp`, `hotp`, `otp`, `mfa`, `2fa`);
 * - passport strategies (`…Strategy`) and Nest guards (`canActivate`); auth plugins' validators
 *   (auth-validators.ts: hapi's `auth.strategy(…)`, `{ isValid: false }`, `@fastify/basic-auth`);
 * - WebSocket refusals (socket-refusals.ts): close codes 4001/4401/4003/4403 and 1008, and the
 *   refusal reasons it reads (`invalid token`, `token expired`, plus the status names above), and
 *   what a message written to a client's socket says (`{ accessStatus }`, `permission denied`,
 *   `not authorized`, `requires admin permissions`).
 * Same-file helpers (`deny(res)`) and constants (`const DENIED = 403`) answer with a status
 * written in the same file, so they are covered by the same text.
 */
import { perFile } from './ast.js';
import type { TSESLint } from '@typescript-eslint/utils';

// The alternatives factored by their first letters (`a(?:uth…|ccess…|pi…)`): irregexp tries every top-level
// alternative at every position of the text, so fewer of them scan faster. Written in lowercase; see below for the case.
const AUTH_FAILURE_SOURCE = [
  // 401, 403, 429 as number literals; WebSocket close codes 4001/4401/4003/4403 and 1008 (socket-refusals.ts)
  String.raw`4_?(?:[04]_?)?0_?[13]|4_?2_?9|1_?0_?0_?8|0(?:x0*1(?:91|93|ad)|o0*6(?:21|23|55)|b0*(?:1100100(?:01|11)|110101101))`,
  // status and error names, refusal reasons and events, access-outcome fields (`accessStatus`, `auth_error`), API keys
  String.raw`a(?:uth(?:enticat|[_\s-]*(?:required|error|fail)|(?:orization)?[_-]?(?:status|result|error))|ccess(?:[_\s-]*denied|[_-]?(?:status|result|error))|pi[-_]?(?:key|token))`,
  String.raw`un[_\s-]*authori[sz]ed|not\s+authori[sz]ed|forbidden|too[_\s-]*many[_\s-]*requests|login[_\s-]*required|invalid[_\s-]*(?:credential|(?:auth[_\s-]*)?token)|token[_\s-]*(?:expired|invalid)`,
  // refusals written to a client's socket (socket-refusals.ts)
  String.raw`permission(?:\s+denied|[_-]?(?:status|result|error))|(?:requires?|needs?)\s+(?:\w+\s+)?(?:admin|permission|privilege)`,
  // credential checks, passport, guards, auth plugins' validators
  String.raw`password|compare|verify|timing[_\s-]*safe[_\s-]*equal|constant[_\s-]*time[_\s-]*equal|strategy|canactivate|basic-auth|isvalid`,
  // one-time-code checks (`totp.check`, `checkOtp`, `checkMfaCode`)
  String.raw`[th]otp|\botp|otp\b|mfa|2fa`,
].join('|');

/**
 * Case: the text is lowercased once and matched without the `i` flag, which V8 runs about 1.5× faster than the
 * case-insensitive scan. The same answer: without the `u` flag, `i` matches an ASCII letter of the pattern only with an
 * ASCII letter (a non-ASCII character never folds to one), and lowercasing maps every character one to one onto a
 * character that matches the lowercase pattern exactly when the original matched case-insensitively — except two
 * characters whose lowercase is ASCII, `İ` (U+0130, to `i` + U+0307) and the Kelvin sign (U+212A, to `k`). A text
 * holding either is matched as written, with `i`. (No `u` flag: with it, V8 runs this many-alternative scan about
 * 3× slower, and every alternative is ASCII.)
 */
const AUTH_FAILURE_LOWERCASE = new RegExp(AUTH_FAILURE_SOURCE);
const AUTH_FAILURE_ANY_CASE = new RegExp(AUTH_FAILURE_SOURCE, 'i');

/** Whether the text holds one of the alternatives above, in any case. */
function mentionsAuthFailureText(text: string): boolean {
  if (text.includes('\u0130') || text.includes('\u212a')) return AUTH_FAILURE_ANY_CASE.test(text);
  return AUTH_FAILURE_LOWERCASE.test(text.toLowerCase());
}

const cache = new WeakMap<object, boolean>();

/** Whether the file's text mentions anything an auth-failure recognizer could start from (a superset; see above). */
export function mentionsAuthFailure(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return perFile(cache, sourceCode, () => mentionsAuthFailureText(sourceCode.text));
}
