import securityLogging from 'eslint-plugin-security-logging';

export default [
  securityLogging.configs.recommended,
  {
    settings: {
      'security-logging': {
        // A winston logger exported as default from src/lib/logger.js. The relative path is
        // resolved from this directory and rewritten for each file a fix edits.
        logger: { name: 'logger', importFrom: './src/lib/logger.js', importKind: 'default', style: 'winston' },
      },
    },
  },
];
