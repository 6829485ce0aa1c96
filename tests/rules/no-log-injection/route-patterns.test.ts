import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

/**
 * A route parameter whose route pattern keeps it to a line-free alphabet without `%` (the escape Express
 * decodes in the value it hands the handler) cannot carry a line break: the numbered captures of a
 * regular expression route (wiki-server's `/^\/page\/([a-z0-9-]+)\/action$/i`), a named parameter's
 * inline pattern (`/:id(\\d+)`). A pattern that admits `.`, a negated class, `\S`, or a class holding `%`
 * (`[ -~]`) lets `%0A` through, and the parameter stays reported.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-log-injection (route patterns)', rule, {
  valid: [
    // wiki-server: a capture of a regular expression route, read in a callback inside the handler
    `app.put(/^\\/page\\/([a-z0-9-]+)\\/action$/i, authorized, (req, res) => {
  pagehandler.saveToRecycler(req.params[0], (err) => {
    if (err) console.log(\`Error saving \${req.params[0]} before fork: \${err}\`);
  });
});`,
    // a named parameter with an inline pattern, through a const
    `router.get('/jobs/:id(\\\\d+)', (req, res) => {
  const id = req.params.id;
  console.log('loading job ' + id);
  res.end();
});`,
    // a class of letters and digits, destructured
    `router.delete('/slug/:slug([a-z0-9-]+)', (req, res) => {
  const { slug } = req.params;
  console.warn(\`deleting \${slug}\`);
  res.end();
});`,
  ],
  invalid: [
    // a capture that admits any character but a line break: '%0A' is decoded into one
    {
      code: `app.get(/^\\/view\\/(.+)$/, (req, res) => {
  console.log(\`viewing \${req.params[0]}\`);
  res.end();
});`,
      output: "app.get(/^\\/view\\/(.+)$/, (req, res) => {\n  console.log('viewing', { _0: req.params[0] });\n  res.end();\n});",
      errors: [{"messageId": "injection", "line": 2, "suggestions": [{"messageId": "useFields", "output": "app.get(/^\\/view\\/(.+)$/, (req, res) => {\n  console.log('viewing', { _0: req.params[0] });\n  res.end();\n});"}]}],
    },
    // a plain named parameter
    {
      code: `router.get('/jobs/:id', (req, res) => {
  console.log('loading job ' + req.params.id);
  res.end();
});`,
      output: "router.get('/jobs/:id', (req, res) => {\n  console.log('loading job', { id: req.params.id });\n  res.end();\n});",
      errors: [{"messageId": "injection", "line": 2, "suggestions": [{"messageId": "useFields", "output": "router.get('/jobs/:id', (req, res) => {\n  console.log('loading job', { id: req.params.id });\n  res.end();\n});"}]}],
    },
    // an inline pattern whose class range holds '%'
    {
      code: `router.get('/files/:name([ -~]+)', (req, res) => {
  console.log('file ' + req.params.name);
  res.end();
});`,
      output: "router.get('/files/:name([ -~]+)', (req, res) => {\n  console.log('file', { name: req.params.name });\n  res.end();\n});",
      errors: [{"messageId": "injection", "line": 2, "suggestions": [{"messageId": "useFields", "output": "router.get('/files/:name([ -~]+)', (req, res) => {\n  console.log('file', { name: req.params.name });\n  res.end();\n});"}]}],
    },
    // a negated class
    {
      code: `app.get(/^\\/tag\\/([^\\/]+)$/, (req, res) => {
  console.log('tag ' + req.params[0]);
  res.end();
});`,
      output: "app.get(/^\\/tag\\/([^\\/]+)$/, (req, res) => {\n  console.log('tag', { _0: req.params[0] });\n  res.end();\n});",
      errors: [{"messageId": "injection", "line": 2, "suggestions": [{"messageId": "useFields", "output": "app.get(/^\\/tag\\/([^\\/]+)$/, (req, res) => {\n  console.log('tag', { _0: req.params[0] });\n  res.end();\n});"}]}],
    },
  ],
});
