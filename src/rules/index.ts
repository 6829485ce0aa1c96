import backgroundTaskErrorHandling from './background-task-error-handling.js';
import logAuthFailures from './log-auth-failures.js';
import logAuthSuccess from './log-auth-success.js';
import logErrorWithStack from './log-error-with-stack.js';
import logRateLimitViolations from './log-rate-limit-violations.js';
import logValidationFailures from './log-validation-failures.js';
import noCredentialsInRequestLog from './no-credentials-in-request-log.js';
import noErrorDetailsInResponse from './no-error-details-in-response.js';
import noFailOpenAuth from './no-fail-open-auth.js';
import noLogInjection from './no-log-injection.js';
import noPiiInLog from './no-pii-in-log.js';
import noRawSecretInLog from './no-raw-secret-in-log.js';
import noSilentCatch from './no-silent-catch.js';
import requireConstantTimeCompare from './require-constant-time-compare.js';
import requireErrorHandlerLogging from './require-error-handler-logging.js';
import requireRequestId from './require-request-id.js';
import requireRequestLogging from './require-request-logging.js';

/** Every rule of the plugin, by name. Configs are derived from each rule's `meta.docs`. */
export const rules = {
  'background-task-error-handling': backgroundTaskErrorHandling,
  'log-auth-failures': logAuthFailures,
  'log-auth-success': logAuthSuccess,
  'log-error-with-stack': logErrorWithStack,
  'log-rate-limit-violations': logRateLimitViolations,
  'log-validation-failures': logValidationFailures,
  'no-credentials-in-request-log': noCredentialsInRequestLog,
  'no-error-details-in-response': noErrorDetailsInResponse,
  'no-fail-open-auth': noFailOpenAuth,
  'no-log-injection': noLogInjection,
  'no-pii-in-log': noPiiInLog,
  'no-raw-secret-in-log': noRawSecretInLog,
  'no-silent-catch': noSilentCatch,
  'require-constant-time-compare': requireConstantTimeCompare,
  'require-error-handler-logging': requireErrorHandlerLogging,
  'require-request-id': requireRequestId,
  'require-request-logging': requireRequestLogging,
};
