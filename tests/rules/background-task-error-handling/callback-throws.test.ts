import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

/**
 * A throw from the error-first callback of Node's callback-style I/O (fs, child_process, dns) inside
 * a listener or a request handler: the callback runs from the event loop, so nothing catches it.
 */
const ruleTester = new RuleTester();

ruleTester.run('background-task-error-handling (throws from callbacks of system calls)', rule, {
  valid: [
    // the callback logs and answers instead of throwing
    `const fs = require('fs');
io.on('connection', (socket) => {
  socket.on('saveSettings', (settings) => {
    fs.writeFile('settings.json', settings, (err) => {
      if (err) {
        console.error('saving settings failed', err);
        return socket.emit('saveprogress', 'failed');
      }
      socket.emit('saveprogress', 'saved');
    });
  });
});`,
    // a command-line script: no listener or handler around the call, crashing is the script's answer
    `const fs = require('fs');
fs.readFile('package.json', 'utf8', (err, text) => {
  if (err) throw err;
  console.log(JSON.parse(text).version);
});`,
    // the synchronous call throws into the handler, where Express catches it
    `const fs = require('fs');
app.get('/version', (req, res) => {
  const text = fs.readFileSync('package.json', 'utf8');
  res.json({ version: JSON.parse(text).version });
});`,
    // the throw is caught inside the callback
    `const fs = require('fs');
app.get('/config', (req, res) => {
  fs.readFile('config.json', 'utf8', (err, text) => {
    try {
      if (err) throw err;
      res.json(JSON.parse(text));
    } catch (e) {
      console.error('reading config failed', e);
      res.status(500).end();
    }
  });
});`,
    // an unknown callback API may call back synchronously, inside the handler
    `app.get('/me', (req, res) => {
  auth.verify(req.headers.authorization, (err, user) => {
    if (err) throw err;
    res.json(user);
  });
});`,
  ],
  invalid: [
    {
      // etherpad admin settings: a failed write throws from the fs callback inside a socket listener
      code: `const fs = require('fs');
io.on('connection', (socket) => {
  socket.on('saveSettings', (settings) => {
    fs.writeFile('settings.json', settings, (err) => {
      if (err) throw err;
      socket.emit('saveprogress', 'saved');
    });
  });
});`,
      errors: [{ messageId: 'throwFromCallback', line: 5 }],
    },
    {
      code: `import { exec } from 'node:child_process';
app.post('/restart', (req, res) => {
  exec('systemctl restart app', (error, stdout) => {
    if (error) throw error;
    res.send(stdout);
  });
});`,
      errors: [{ messageId: 'throwFromCallback', line: 4 }],
    },
    {
      code: `const fs = require('fs');
setInterval(() => {
  fs.stat('/var/run/app.pid', (err, stat) => {
    if (err) throw new Error('pid file missing');
    check(stat);
  });
}, 60000);`,
      errors: [{ messageId: 'throwFromCallback', line: 4 }],
    },
  ],
});
