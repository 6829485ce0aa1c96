/** Logger settings shared by the log-auth-failures rule tests. */
/** A configured logger: fixes become autofixes and import it. */
export const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
/** A CommonJS default export. */
export const cjs = { 'security-logging': { logger: { name: 'log', importFrom: './log', importKind: 'default', style: 'pino' } } };
/** A logger the file declares itself. */
export const winston = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
/** A configured fingerprint helper for presented keys and tokens. */
export const fingerprint = {
  'security-logging': {
    logger: { name: 'logger', importFrom: './logger', style: 'pino' },
    fingerprint: { name: 'fingerprint', importFrom: './crypto' },
  },
};
/** NestJS: the class's own logger. */
export const nest = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };
