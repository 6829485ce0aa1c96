/**
 * Is a 401/403 a bot challenge: the answer of a CAPTCHA check (reCAPTCHA, hCaptcha, Turnstile, an app's
 * own image CAPTCHA)? Such a check asks whether a human is at the keyboard, not who is asking: its
 * token is a proof of solving a puzzle, issued to anyone, and names no identity, credential, role or
 * permission. A missing or failed CAPTCHA answered with 401/403 (`if (!token) return this.ctx.throw(403)`
 * in `useRecaptchaOrTurnstileCheck`, a CAPTCHA wall page answered 401 in `applyCaptchaEx`) refuses no
 * caller; the sign-in it may guard is checked, and reported, where the password is.
 *
 * General rule: a 401/403 inside a function whose own name says it runs a CAPTCHA check (one of its
 * words is `captcha`, `recaptcha`, `hcaptcha` or `turnstile`) and says nothing of signing in (no
 * `login`, `signin`, `password`, `auth`, `session`, `user` word: `verifyCaptchaAndLogin` also checks the
 * password) is not access control.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describeEnclosingFunction } from './ast.js';
import { tokenizeName } from './secrets/names.js';

/** Words of a human-or-bot check. */
const BOT_CHECK_WORDS = new Set(['captcha', 'recaptcha', 'hcaptcha', 'turnstile']);
/** Words of a sign-in or of who is asking: a function named for both also checks the caller. */
const CALLER_WORDS = new Set(['login', 'signin', 'sign', 'logon', 'password', 'passwd', 'auth', 'authenticate', 'authorize', 'session', 'user', 'account', 'credential', 'credentials', 'permission', 'role', 'admin']);

/** Whether the 401/403 at `node` is answered by a function named for a CAPTCHA check and nothing else. */
export function answersBotChallenge(node: TSESTree.Node): boolean {
  const name = describeEnclosingFunction(node);
  if (name === null) return false;
  const words = tokenizeName(name);
  return words.some((w) => BOT_CHECK_WORDS.has(w)) && !words.some((w) => CALLER_WORDS.has(w));
}
