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

const AUTH_FAILURE_TEXT = new RegExp(
  [
    // 401, 403, 429 as number literals
    String.raw`4_?0_?[13]|4_?2_?9|0x0*1(?:91|93|ad)|0o0*6(?:21|23|55)|0b0*1100100(?:01|11)|0b0*110101101`,
    // status and error names
    String.raw`un[_\s-]*authori[sz]ed|authenticat|forbidden|access[_\s-]*denied|too[_\s-]*many[_\s-]*requests|(?:auth|login)[_\s-]*required|invalid[_\s-]*credential`,
    // WebSocket refusals (socket-refusals.ts): application auth close codes, policy violation, refusal reasons and events
    String.raw`4_?[04]_?0_?[13]|1_?0_?0_?8|invalid[_\s-]*(?:auth[_\s-]*)?token|token[_\s-]*(?:expired|invalid)|auth[_\s-]*(?:error|fail)`,
    // refusals written to a client's socket: access-outcome fields and refusal texts (socket-refusals.ts)
    String.raw`(?:access|auth|authorization|permission)[_-]?(?:status|result|error)|permission\s+denied|not\s+authori[sz]ed|(?:requires?|needs?)\s+(?:\w+\s+)?(?:admin|permission|privilege)`,
    // credential checks, passport, guards
    String.raw`password|compare|verify|timing[_\s-]*safe[_\s-]*equal|constant[_\s-]*time[_\s-]*equal|api[-_]?key|api[-_]?token|strategy|canactivate|basic-auth|isvalid`,
    // one-time-code checks (`totp.check`, `checkOtp`, `checkMfaCode`)
    String.raw`[th]otp|\botp|otp\b|mfa|2fa`,
  ].join('|'),
  // No `u` flag: with it, V8 runs this many-alternative, case-insensitive scan over the whole text
  // about 3× slower (measured on the bench corpus: 92 → 27 ms per pass), and every alternative is ASCII.
  'i',
);

const cache = new WeakMap<object, boolean>();

/** Whether the file's text mentions anything an auth-failure recognizer could start from (a superset; see above). */
export function mentionsAuthFailure(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return perFile(cache, sourceCode, () => AUTH_FAILURE_TEXT.test(sourceCode.text));
}
