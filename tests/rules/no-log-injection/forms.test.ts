import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

/**
 * Form fields a parser reads from the request (formidable's / multiparty's `form.parse(req, (err, fields, files) => …)`)
 * and JSON parsed from client text are client input like a body. Trimmed from Etherpad's client-diagnostics
 * endpoints (node/hooks/express/apicalls.js).
 */
const ruleTester = new RuleTester();

ruleTester.run('no-log-injection (parsed forms and JSON)', rule, {
  valid: [
    `// the field logged as a structured value
app.post('/ep/pad/connection-diagnostic-info', (req, res) => {
  new formidable.IncomingForm().parse(req, (err, fields, files) => {
    clientLogger.info('DIAGNOSTIC-INFO', { diagnosticInfo: fields.diagnosticInfo });
    res.end('OK');
  });
});`,
    `// a template parsed by another parser is no request input
app.get('/page', (req, res) => {
  engine.parse(template, (err, ast) => {
    logger.info(\`parsed \${ast.name}\`);
    res.end();
  });
});`,
    `// JSON the server holds itself
app.get('/version', (req, res) => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  logger.info(\`version \${pkg.version}\`);
  res.json({ version: pkg.version });
});`,
  ],
  invalid: [
    {
      code: `app.post('/ep/pad/connection-diagnostic-info', (req, res) => {
  new formidable.IncomingForm().parse(req, (err, fields, files) => {
    clientLogger.info(\`DIAGNOSTIC-INFO: \${fields.diagnosticInfo}\`);
    res.end('OK');
  });
});`,
      errors: [
        {
          messageId: 'injection',
          line: 3,
          suggestions: [
            {
              messageId: 'useFields',
              output: `app.post('/ep/pad/connection-diagnostic-info', (req, res) => {
  new formidable.IncomingForm().parse(req, (err, fields, files) => {
    clientLogger.info('DIAGNOSTIC-INFO', { diagnosticInfo: fields.diagnosticInfo });
    res.end('OK');
  });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `app.post('/jserror', (req, res) => {
  new formidable.IncomingForm().parse(req, (err, fields, files) => {
    let data;
    try {
      data = JSON.parse(fields.errorInfo);
    } catch (e) {
      return res.end();
    }
    clientLogger.warn(\`\${data.msg} --\`, data);
    res.end('OK');
  });
});`,
      errors: [
        {
          messageId: 'injection',
          line: 9,
          suggestions: [
            {
              messageId: 'useFields',
              output: `app.post('/jserror', (req, res) => {
  new formidable.IncomingForm().parse(req, (err, fields, files) => {
    let data;
    try {
      data = JSON.parse(fields.errorInfo);
    } catch (e) {
      return res.end();
    }
    clientLogger.warn('msg', { msg: data.msg }, data);
    res.end('OK');
  });
});`,
            },
          ],
        },
      ],
    },
  ],
});
