import securityLogging from 'eslint-plugin-security-logging';

export default [
  securityLogging.configs.recommended,
  {
    // Rules of the strict tier that this app also wants.
    rules: {
      // The audit schema (issue #20): the client address and an event name on the success line,
      // the caller bound to the request logger. (log-auth-failures takes the same requiredFields
      // and eventField; strict sets requiredFields: ['ip', 'reason'] there.)
      'security-logging/log-auth-success': ['error', { requiredFields: ['ip'], eventField: { key: 'event', prefix: 'auth.' }, bindIdentity: true }],
      'security-logging/log-rate-limit-violations': 'error',
      'security-logging/log-validation-failures': 'error',
      'security-logging/no-credentials-in-request-log': 'error',
      'security-logging/no-fail-open-auth': 'error',
      // pino writes JSON lines (CR/LF escaped); this app still wants request input out of message text.
      'security-logging/no-log-injection': ['error', { includeJsonLoggers: true }],
      'security-logging/no-pii-in-log': 'error',
      'security-logging/require-constant-time-compare': 'error',
      'security-logging/require-request-id': 'error',
    },
  },
  {
    settings: {
      'security-logging': {
        // `eslint --fix` inserts calls to this app's pino logger. `#logger` is a package.json
        // "imports" alias, so the inserted import is the same from every folder.
        logger: { name: 'logger', importFrom: '#logger', style: 'pino' },
      },
    },
  },
];
