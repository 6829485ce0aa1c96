/**
 * A connection test's failure is the answer its caller asked for: a `try` whose last outside work is a call
 * named for testing a connection (`await driver.testConnection()`, `await db.ping()`) or `SELECT 1` sent
 * (`await connection.execute('SELECT 1')`), its catch answering the client with the error (uptime-kuma's
 * database set-up form, Cube's playground "test connection", round 13). Work awaited after the test (a
 * settings write) can fail for the server's reasons and is relayed like any outside failure: reported.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-silent-catch.js';

const SETUP = `router.post('/setup-database', async (request, response) => {
  const dbConfig = request.body.dbConfig;
  try {
    const connection = await mysql.createConnection({ host: dbConfig.hostname, user: dbConfig.username, password: dbConfig.password });
    await connection.execute('SELECT 1');
    connection.end();
  } catch (e) {
    response.status(400).json('Cannot connect to the database: ' + e.message);
    return;
  }
  await Database.writeDBConfig(dbConfig);
  response.json({ ok: true });
});`;

const PLAYGROUND = `class DevServer {
  initDevEnv(app) {
    app.post('/playground/test-connection', async (req, res) => {
      const { variables } = req.body || {};
      let driver = null;
      try {
        driver = CubejsServerCore.createDriver(variables.CUBEJS_DB_TYPE, { dataSource: req.body.dataSource });
        await driver.testConnection();
        this.cubejsServer.event('test_database_connection_success');
        return res.json('ok');
      } catch (error) {
        this.cubejsServer.event('test_database_connection_error');
        return res.status(400).json({ error: error.toString() });
      } finally {
        if (driver) await driver.release();
      }
    });
  }
}`;

// the settings are written inside the same try, after the test: a failed write reads as "cannot connect"
const WRITE_AFTER_TEST = SETUP.replace('    connection.end();\n', '    await Database.writeDBConfig(dbConfig);\n');

const ruleTester = new RuleTester();

ruleTester.run('no-silent-catch (connection tests answered to their caller)', rule, {
  valid: [SETUP, PLAYGROUND],
  invalid: [
    {
      code: WRITE_AFTER_TEST,
      errors: [
        {
          messageId: 'silentCatch',
          line: 9,
          suggestions: [
            {
              messageId: 'logIt',
              data: { call: 'console.error' },
              output: WRITE_AFTER_TEST.replace("    return;\n  }\n", "    console.error('mysql.createConnection failed', e);\n    return;\n  }\n"),
            },
          ],
        },
      ],
    },
  ],
});
