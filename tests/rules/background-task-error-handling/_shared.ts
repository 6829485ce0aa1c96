/** Logger settings shared by the background-task-error-handling rule tests. */
export const pino = { 'security-logging': { logger: { name: 'logger', importFrom: './logger', style: 'pino' } } };
export const winstonInScope = { 'security-logging': { logger: { name: 'logger', style: 'winston' } } };
export const nest = { 'security-logging': { logger: { name: 'this.logger', style: 'nest' } } };
export const cjsPino = { 'security-logging': { logger: { name: 'log', importFrom: './log', importKind: 'default', style: 'pino' } } };
