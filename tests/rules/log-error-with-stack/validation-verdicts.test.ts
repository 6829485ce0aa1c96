import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid } from './cases.js';

/**
 * Precision on real applications (issue 15, session 34): a try that makes one check of a value in hand and a catch
 * that answers with a validation verdict (a `VALIDATION_ERROR` code, a "validation failed" reason, an `invalid…`
 * message): the failure is the input's, named by the message. Shapes trimmed from central-ledger. Their twins (two calls,
 * an argument that is itself a call, a catch that only logs "Invalid …") stay reported.
 */
const ruleTester = new RuleTester();

const errorFromPayee = (body: string) =>
  `function fromErrorInformation(errInfo, cause) { let fspiopError; try { ${body} } catch (err) { console.error(\`apiErrorCode error: \${err.message}\`); fspiopError = Factory.createFSPIOPError(Enums.FSPIOPErrorCodes.VALIDATION_ERROR, ERROR_MESSAGES.invalidApiErrorCode, cause) } return fspiopError }`;
const condition = (body: string) =>
  `async function validateConditionAndExpiration(payload, reasons) { try { const condition = 'ni:///sha-256;' + payload.condition + '?fpt=preimage-sha-256&cost=0'; ${body} } catch (err) { console.error(\`\${err.message}\`); reasons.push('Condition validation failed'); return false } return true }`;

ruleTester.run('log-error-with-stack (validation verdicts)', rule, {
  valid: [
    errorFromPayee('fspiopError = Factory.createFSPIOPErrorFromErrorInformation(errInfo)'),
    condition('await CryptoConditions.validateCondition(condition)'),
  ],
  invalid: [
    // Two calls: the try does more than check the value.
    invalid(errorFromPayee('fspiopError = Factory.createFSPIOPErrorFromErrorInformation(errInfo); await store.save(fspiopError)'), 'err', 'console.error(`apiErrorCode error: ${err.message}`'),
    // The argument is fetched by a call: not a value in hand.
    invalid(condition('await CryptoConditions.validateCondition(await loadCondition(payload.id))'), 'err', 'console.error(`${err.message}`'),
    // The object's own method may run any code (vendure's asset server runs plugin strategies there).
    invalid(
      'class AssetServer { sendAsset() { return async (req, res) => { let params; try { params = await this.getImageTransformParameters(req) } catch (e) { console.error(`Bad parameters: ${e.message}`); res.status(400).send("Invalid parameters"); return } res.send(params) } } }',
      'e',
      'console.error(`Bad parameters: ${e.message}`',
    ),
    // A catch that only logs "Invalid …" gives no verdict.
    invalid('async function check(settings) { try { await validator.check(settings) } catch (e) { console.error(`Invalid settings: ${e.message}`) } }', 'e', 'console.error(`Invalid settings: ${e.message}`'),
  ],
});
