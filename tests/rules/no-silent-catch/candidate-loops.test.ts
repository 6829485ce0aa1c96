import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

/**
 * Candidates tried in turn whose absence of a result is thrown right after the loop (oidc-provider's JWE decrypt and
 * JWS verify: `for (const key of keys) { try { decrypted = await compactDecrypt(jwe, key); break } catch {} }
 * if (!decrypted) throw new JWEDecryptionFailed()`), also when the loop sits in the `else` of an `if` that throws
 * for no candidates. A failed candidate moves on; when all fail, the caller is told. The twin that answers `null`
 * instead of throwing stays reported.
 */
const ruleTester = new RuleTester();

const decrypt = (after: string) =>
  `export async function decrypt(jwe, keystore) { const keys = keystore.selectForDecrypt(decodeProtectedHeader(jwe)); let decrypted; if (keys.length === 0) { throw new JWKSNoMatchingKey() } else { for (const key of keys) { try { decrypted = await compactDecrypt(jwe, keystore.getKeyObject(key), { maxDecompressedLength: 0 }); break } catch {} } } ${after} return Buffer.from(decrypted.plaintext) }`;

ruleTester.run('no-silent-catch (candidates tried in turn, then thrown)', rule, {
  valid: [
    decrypt('if (!decrypted) { throw new JWEDecryptionFailed() }'),
    decrypt('if (!decrypted) throw new JWEDecryptionFailed();'),
  ],
  invalid: [
    { code: decrypt('if (!decrypted) { return null }'), errors: 1 },
    // The check reads something the try does not assign.
    { code: decrypt('if (!keystore.fresh) { throw new JWEDecryptionFailed() }'), errors: 1 },
  ],
});
