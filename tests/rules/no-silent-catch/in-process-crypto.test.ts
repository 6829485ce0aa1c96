/**
 * Crypto on values in hand (jose's jwtVerify / jwtDecrypt with a secret or key the code holds, its JWT builders'
 * sign(), WebCrypto's crypto.subtle): asynchronous only because WebCrypto is, it fails with its verdict on the
 * token, as `jwt.verify(token, secret)` does synchronously. A catch answering null there answers "not a valid
 * token" (better-auth's verifyJWT, next-auth's decode: round 17 of the accuracy harness). A key set fetched from a
 * URL, or keys read from a database in the same `try`, go out: those catches stay reported.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

const ruleTester = new RuleTester();

const REMOTE_JWKS = "import { createRemoteJWKSet, jwtVerify } from 'jose';\nconst JWKS = createRemoteJWKSet(new URL('https://issuer.example/.well-known/jwks.json'));\nexport async function verifyIdToken(token) {\n  try {\n    return (await jwtVerify(token, JWKS)).payload;\n  } catch {\n    return null;\n  }\n}\n";
const STORED_KEYS = "import { jwtVerify } from 'jose';\nexport async function verifyWithStoredKeys(adapter, token) {\n  try {\n    const keys = await adapter.findMany({ model: 'jwks' });\n    return (await jwtVerify(token, keys[0])).payload;\n  } catch {\n    return null;\n  }\n}\n";

ruleTester.run('no-silent-catch (crypto on values in hand)', rule, {
  valid: [
    // better-auth 1.7 dist/crypto/jwt.mjs
    "import { jwtVerify } from 'jose';\nasync function verifyJWT(token, secret) {\n  try {\n    return (await jwtVerify(token, new TextEncoder().encode(secret))).payload;\n  } catch {\n    return null;\n  }\n}",
    // next-auth 4 src/jwt/index.ts (trimmed): decode = hkdf + jwtDecrypt
    "import { jwtDecrypt } from 'jose';\nexport async function getToken(token, encryptionSecret) {\n  try {\n    const { payload } = await jwtDecrypt(token, encryptionSecret, { clockTolerance: 15 });\n    return payload;\n  } catch {\n    return null;\n  }\n}",
    // better-auth dist/cookies/jwt.mjs: a key of a JWKS in hand
    "import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';\nasync function verifySessionCookieJwtWithJwks(token, jwks) {\n  try {\n    const header = decodeProtectedHeader(token);\n    const key = jwks.keys.find((entry) => entry.kid === header.kid);\n    if (!key) return null;\n    const publicKey = await importJWK(key, key.alg);\n    const { payload } = await jwtVerify(token, publicKey, { algorithms: [key.alg] });\n    return payload;\n  } catch {\n    return null;\n  }\n}",
    // TypeScript's CommonJS output, and a key-resolving function that reads secrets in hand
    "const jose_1 = require('jose');\nasync function verifySession(token, secrets) {\n  try {\n    const { payload } = await (0, jose_1.jwtDecrypt)(token, async ({ kid }) => secrets[kid]);\n    return payload;\n  } catch {\n    return null;\n  }\n}",
    // signing with a key in hand, and WebCrypto
    "import { SignJWT } from 'jose';\nasync function signSessionToken(payload, key) {\n  try {\n    return await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);\n  } catch {\n    return null;\n  }\n}",
    "async function verifyWebhookSignature(key, signature, body) {\n  try {\n    return await crypto.subtle.verify('HMAC', key, signature, body);\n  } catch {\n    return false;\n  }\n}",
  ],
  invalid: [
    {
      code: REMOTE_JWKS,
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{ messageId: 'logIt', data: { call: 'console.error' }, output: REMOTE_JWKS.replace('  } catch {\n', "  } catch (err) {\n    console.warn('jwtVerify failed', err);\n") }] }],
    },
    {
      code: STORED_KEYS,
      errors: [{ messageId: 'silentCatch', line: 7, suggestions: [{ messageId: 'logIt', data: { call: 'console.error' }, output: STORED_KEYS.replace('  } catch {\n', "  } catch (err) {\n    console.warn('adapter.findMany failed', err);\n") }] }],
    },
  ],
});
