import securityLogging from 'eslint-plugin-security-logging';

export default [
  securityLogging.configs.recommended,
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
