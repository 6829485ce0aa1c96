/**
 * What a response object is called — one answer for every recognizer that goes by the name
 * when nothing else tells (no type, no handler signature): `res`, `resp`, `response`, `reply`,
 * `rep`, with an optional leading underscore (`_res`, compiled or unused-parameter style).
 */

const RESPONSE_NAME = /^_?(?:res|resp|response|reply|rep)$/u;
/** Koa's and Hono's context answers too: `ctx.status = 401`, `ctx.body = …`, `c.json(…, 403)`. */
const RESPONSE_OR_CONTEXT_NAME = /^_?(?:res|resp|response|reply|rep|ctx|context|c)$/u;

/** `res`, `response`, `reply`, `_res`: a name a response object goes by. */
export function isResponseName(name: string): boolean {
  return RESPONSE_NAME.test(name);
}

/** A response object's name, or a Koa / Hono context's (`ctx`, `context`, `c`), which answers requests too. */
export function isResponseOrContextName(name: string): boolean {
  return RESPONSE_OR_CONTEXT_NAME.test(name);
}
