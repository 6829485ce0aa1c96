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
import {  } from './ast.js';
import { fileCache, perFile } from './file-cache.js';
import type { TSESLint } from '@typescript-eslint/utils';

const AUTH_FAILURE_TEXT = new RegExp(
  // The alternatives are factored by their first letters (`a(?:uth…|ccess…|pi…)`, `c(?:ompare|onstant…|anactivate)`):
  // irregexp tries every top-level alternative at every position of the text, and 21 scan about 1.7× faster than the 45
  // written out one by one (the same strings; tests/model/auth-mentions.test.ts compares the two).
  [
    // 401, 403, 429 as number literals; WebSocket close codes 4001/4401/4003/4403 and 1008 (socket-refusals.ts)
    String.raw`4_?(?:(?:[04]_?)?0_?[13]|2_?9)|1_?0_?0_?8|0(?:x0*1(?:9[13]|ad)|o0*6(?:2[13]|55)|b0*(?:1100100[01]1|110101101))`,
    // status and error names, refusal reasons and events (`auth_error`), access-outcome fields (`accessStatus`), API keys
    String.raw`a(?:uth(?:enticat|[_\s-]*(?:required|error|fail)|(?:orization)?[_-]?(?:status|result|error))|ccess(?:[_\s-]*denied|[_-]?(?:status|result|error))|pi[-_]?(?:key|token))`,
    String.raw`c(?:ompare|onstant[_\s-]*time[_\s-]*equal|anactivate)`,
    String.raw`t(?:o(?:o[_\s-]*many[_\s-]*requests|ken[_\s-]*(?:expired|invalid))|iming[_\s-]*safe[_\s-]*equal|otp)|hotp`,
    String.raw`p(?:ermission(?:\s+denied|[_-]?(?:status|result|error))|assword)`,
    String.raw`i(?:nvalid[_\s-]*(?:credential|(?:auth[_\s-]*)?token)|svalid)`,
    // refusals written to a client's socket (socket-refusals.ts)
    String.raw`n(?:ot\s+authori[sz]ed|eeds?\s+(?:\w+\s+)?(?:admin|permission|privilege))|requires?\s+(?:\w+\s+)?(?:admin|permission|privilege)`,
    // the rest: status names, credential checks, passport, auth plugins, one-time codes (`checkOtp`, `checkMfaCode`)
    String.raw`un[_\s-]*authori[sz]ed|forbidden|login[_\s-]*required|verify|strategy|basic-auth|\botp|otp\b|mfa|2fa`,
  ].join('|'),
  // No `u` flag: with it, V8 runs this many-alternative, case-insensitive scan over the whole text
  // about 3× slower (measured on the bench corpus: 92 → 27 ms per pass), and every alternative is ASCII.
  'i',
);

const cache = fileCache<boolean>();

/** Whether the file's text mentions anything an auth-failure recognizer could start from (a superset; see above). */
export function mentionsAuthFailure(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return perFile(cache, sourceCode, () => AUTH_FAILURE_TEXT.test(sourceCode.text));
}
