/**
 * A security decision taken by consulting a store (an API-key lookup, the user behind a token, an
 * ACL row) whose catch answers "no" turns an outage into a refusal: the outage reads as "bad API
 * key" or "not logged in", with no record. That "no" is not the answer to a yes/no question
 * (a health probe), nor a result flag: no-silent-catch reports it by default.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

// flowise validateAPIKey: the key lookup's failure answers the same as a wrong key
const CASE_1 = "async function validateAPIKey(req) {\n  const suppliedKey = req.headers.authorization;\n  if (!suppliedKey) return { isValid: false };\n  try {\n    const apiKey = await apikeyService.getApiKey(suppliedKey);\n    if (!apiKey) return { isValid: false };\n    return { isValid: true, apiKey };\n  } catch (error) {\n    return { isValid: false };\n  }\n}";

// flowise validateFlowAPIKey: a predicate whose "no" an outage produced
const CASE_2 = "async function validateFlowAPIKey(chatflow, suppliedKey) {\n  try {\n    const apiKey = await db.apiKeys.findOne({ id: chatflow.apikeyid });\n    if (!apiKey) return false;\n    return compareKeys(apiKey.apiSecret, suppliedKey);\n  } catch (error) {\n    return false;\n  }\n}";

// strapi users-permissions: an outage serves the request as anonymous
const CASE_3 = "async function authenticate(ctx) {\n  try {\n    const token = await getService('jwt').getToken(ctx);\n    const user = await getService('user').fetchAuthenticatedUser(token.id);\n    if (!user) return { error: 'Invalid credentials' };\n    return { authenticated: true, credentials: user };\n  } catch {\n    return { authenticated: false };\n  }\n}";

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (a refusal an outage produced)', rule, {
  valid: [
  // a health probe of the session store answers "down" by design: it judges no input
  `class Health {
  async isSessionStoreUp() {
    try {
      await this.redis.ping();
      return true;
    } catch {
      return false;
    }
  }
}`,
  // a hint, not a verdict on the caller: the tool reports whether the credential was applied (n8n)
  `async function verifyMcpServer(credentialId) {
  try {
    const credential = await this.credentialsService.getOne(credentialId);
    await this.client.connect(credential);
    return { ok: true, credentialApplied: true };
  } catch {
    return { ok: true, credentialApplied: false };
  }
}`,
  ],
  invalid: [
    {
      code: CASE_1,
      errors: [
        {
          messageId: 'silentCatch',
          line: 9,
          suggestions: [{ messageId: 'logIt', data: {"call": "console.error"}, output: CASE_1.replace("  } catch (error) {", "  } catch (error) {\n    console.warn('apikeyService.getApiKey failed', error);") }],
        },
      ],
    },
    {
      code: CASE_2,
      errors: [
        {
          messageId: 'silentCatch',
          line: 7,
          suggestions: [{ messageId: 'logIt', data: {"call": "console.error"}, output: CASE_2.replace("  } catch (error) {", "  } catch (error) {\n    console.warn('apiKeys.findOne failed', error);") }],
        },
      ],
    },
    {
      code: CASE_3,
      errors: [
        {
          messageId: 'silentCatch',
          line: 8,
          suggestions: [{ messageId: 'logIt', data: {"call": "console.error"}, output: CASE_3.replace("  } catch {", "  } catch (err) {\n    console.warn('getToken failed', err);") }],
        },
      ],
    },
  ],
});
