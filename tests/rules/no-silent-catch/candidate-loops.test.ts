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

/** Reported at the empty catch, with the suggestions to log the error or rethrow it. */
const silent = (code: string) => ({
  code,
  errors: [
    {
      messageId: 'silentCatch' as const,
      suggestions: [
        { messageId: 'logIt' as const, data: { call: 'console.error' }, output: code.replace('catch {}', "catch (err) {\n  console.error('compactDecrypt failed', err);\n}") },
        { messageId: 'rethrow' as const, output: code.replace('catch {}', 'catch (err) {\n  throw err;\n}') },
      ],
    },
  ],
});

ruleTester.run('no-silent-catch (candidates tried in turn, then thrown)', rule, {
  valid: [
    decrypt('if (!decrypted) { throw new JWEDecryptionFailed() }'),
    decrypt('if (!decrypted) throw new JWEDecryptionFailed();'),
  ],
  invalid: [
    silent(decrypt('if (!decrypted) { return null }')),
    // The check reads something the try does not assign.
    silent(decrypt('if (!keystore.fresh) { throw new JWEDecryptionFailed() }')),
  ],
});
