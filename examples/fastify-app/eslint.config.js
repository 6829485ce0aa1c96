import securityLogging from 'eslint-plugin-security-logging';

export default [
  securityLogging.configs.recommended,
  {
    settings: {
      'security-logging': {
        // Fastify logs through the pino instance it was given (`loggerInstance`); fixes import it.
        logger: { name: 'logger', importFrom: '#logger', style: 'pino' },
      },
    },
  },
];
