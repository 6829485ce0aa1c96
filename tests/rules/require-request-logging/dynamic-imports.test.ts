import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-request-logging.js';

/**
 * Session 38, by class (model/modules.ts `awaitedImportSource`): a framework loaded with `import()` is the same
 * module as a static import, so `const express = (await import('express')).default; const app = express()`
 * (hubot's Robot.setupExpress) and `const { default: fastify } = await import('fastify')` create servers the
 * rule checks like any other; one that registers a request logger stays quiet.
 */
const ruleTester = new RuleTester();

const robot = (middleware: string) => `export class Robot {
  async setupExpress() {
    const express = (await import('express')).default;
    const basicAuth = (await import('express-basic-auth')).default;
${middleware}    const app = express();
    app.use(poweredBy);
    app.use(basicAuth({ users: { admin: process.env.PASS } }));
    app.use(express.json({ limit: '100kb' }));
    return new Promise((resolve) => {
      this.server = app.listen(8080, '0.0.0.0', () => {
        this.router = app;
        resolve(this.server);
      });
    });
  }
}`;

ruleTester.run('require-request-logging (frameworks loaded with import(), session 38)', rule, {
  valid: [
    // the same app with morgan registered
    { code: robot("    const morgan = (await import('morgan')).default;\n    const poweredBy = morgan('combined');\n") },
    // a Fastify instance loaded by a destructured import() with its logger on
    {
      code: `export async function start() {
  const { default: fastify } = await import('fastify');
  const server = fastify({ logger: true });
  server.get('/health', async () => 'ok');
  server.get('/items', async () => []);
  await server.listen({ port: 3000 });
}`,
    },
  ],
  invalid: [
    // hubot src/Robot.mjs: express from import(), served in the same method, no request logger
    { code: robot('    const poweredBy = (req, res, next) => { res.setHeader("X-Powered-By", "hubot"); next(); };\n'), errors: [{ messageId: 'missingRequestLogging', line: 6, suggestions: [] }] },
    {
      code: `export async function start() {
  const { default: fastify } = await import('fastify');
  const server = fastify();
  server.get('/items', async () => []);
  await server.listen({ port: 3000 });
}`,
      errors: [{ messageId: 'missingRequestLogging', line: 3, suggestions: 1 as never }],
    },
  ],
});
