import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-error-details-in-response.js';

const ruleTester = new RuleTester();

// A `try` only in-process code can throw into (nothing awaited, no synchronous I/O, every throw builds its
// error) answered with a 4xx or no status: the message is the app's own or a validator's verdict on the request.
ruleTester.run('no-error-details-in-response (errors only in-process code throws)', rule, {
  valid: [
    // a same-class synchronous method over in-memory state, answered 400 (signalk's notifications API)
    "class NotificationApi {\n  init() {\n    this.app.post('/notifications/:id/silence', async (req, res) => {\n      try {\n        if (uuid.validate(req.params.id)) {\n          this.silence(req.params.id);\n          res.status(200).json({ state: 'COMPLETED' });\n        } else {\n          res.status(400).json({ state: 'FAILED' });\n        }\n      } catch (err) {\n        res.status(400).json({ state: 'FAILED', statusCode: 400, message: err.message });\n      }\n    });\n  }\n  silence(id) {\n    this.requireManager().silence(id);\n  }\n  requireManager() {\n    if (!this.manager) throw new ManagerDisabledError();\n    return this.manager;\n  }\n}",
    // a map look-up and the app's own throws
    "app.post('/providers/_default/:id', (req, res) => {\n  try {\n    if (!req.params.id) throw new Error('Provider id not supplied!');\n    if (providers.has(req.params.id)) {\n      defaultProviderId = req.params.id;\n      res.json({ state: 'COMPLETED' });\n    } else {\n      throw new Error(`Provider ${req.params.id} not found!`);\n    }\n  } catch (err) {\n    res.status(400).json({ message: err.message });\n  }\n});",
    // a validator namespace's method, whatever it is called (`validate.query`)
    "app.get('/resources/:type', (req, res, next) => {\n  try {\n    validate.query(req.params.type, undefined, req.method, req.query);\n  } catch (e) {\n    res.status(400).json({ state: 'FAILED', message: e.message });\n    return;\n  }\n  next();\n});",
    // parsing an upload with node:crypto, the error text in an HTTP exception of the app
    "async function uploadCertificate(keyPem, certPem) {\n  try {\n    const x509 = new X509Certificate(certPem);\n    createSecureContext({ key: keyPem, cert: x509.toString() });\n  } catch (e) {\n    throw new BadRequestException(`Invalid key/certificate: ${e?.message || e}`);\n  }\n}",
    // an in-process parser of text the client pasted; a socket message without a status
    "app.post('/playground/input', (req, res) => {\n  try {\n    const data = processors[req.body.type](req.body.input);\n    res.json(data);\n  } catch (ex) {\n    console.error(ex);\n    res.status(400).json({ error: ex.message });\n  }\n});",
    "socket.on('data', (msg) => {\n  try {\n    app.subscriptionmanager.unsubscribe(msg, unsubscribes);\n  } catch (e) {\n    socket.write(JSON.stringify(e.message));\n    socket.end();\n  }\n});",
    // an async same-file function called without await cannot throw into the try
    "async function persist(x) {\n  await db.save(x);\n}\napp.post('/x', (req, res) => {\n  try {\n    persist(req.body);\n    res.json({ ok: true });\n  } catch (err) {\n    res.status(400).send(err.message);\n  }\n});",
  ],
  invalid: [
    // something awaited: the rejection of outside work reaches the catch
    {
      code: "app.post('/x', async (req, res) => {\n  try {\n    if (!req.params.id) throw new Error('Provider id not supplied!');\n    await store.silence(req.params.id);\n  } catch (err) {\n    res.status(400).json({ message: err.message });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: "sendGeneric", output: "app.post('/x', async (req, res) => {\n  try {\n    if (!req.params.id) throw new Error('Provider id not supplied!');\n    await store.silence(req.params.id);\n  } catch (err) {\n    console.warn('store.silence failed', err);\n    res.status(400).json({ message: 'Bad Request' });\n  }\n});" }] }],
    },
    // the answer says the server failed (5xx): even an in-process error is unexpected there
    {
      code: "app.post('/x', (req, res) => {\n  try {\n    const token = jwt.sign({ id: req.body.name }, secretKey, { expiresIn: '1h' });\n    res.json({ token });\n  } catch (err) {\n    res.status(500).json({ message: err.message });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: "sendGeneric", output: "app.post('/x', (req, res) => {\n  try {\n    const token = jwt.sign({ id: req.body.name }, secretKey, { expiresIn: '1h' });\n    res.json({ token });\n  } catch (err) {\n    console.error('jwt.sign failed', err);\n    res.status(500).json({ message: 'Internal Server Error' });\n  }\n});" }] }],
    },
    // a synchronous file read names the path; a synchronous read in a same-file helper too
    {
      code: "app.get('/config', (req, res) => {\n  try {\n    res.json(JSON.parse(fs.readFileSync(configPath, 'utf8')));\n  } catch (err) {\n    res.status(400).json({ message: err.message });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: "sendGeneric", output: "app.get('/config', (req, res) => {\n  try {\n    res.json(JSON.parse(fs.readFileSync(configPath, 'utf8')));\n  } catch (err) {\n    console.warn('JSON.parse failed', err);\n    res.status(400).json({ message: 'Bad Request' });\n  }\n});" }] }],
    },
    {
      code: "function loadTemplate(name) {\n  return readTemplate(name);\n}\nfunction readTemplate(name) {\n  return fs.readFileSync(path.join(dir, name), 'utf8');\n}\napp.get('/t/:name', (req, res) => {\n  try {\n    res.send(loadTemplate(req.params.name));\n  } catch (err) {\n    res.status(404).send(err.message);\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 11, suggestions: [{ messageId: "sendGeneric", output: "function loadTemplate(name) {\n  return readTemplate(name);\n}\nfunction readTemplate(name) {\n  return fs.readFileSync(path.join(dir, name), 'utf8');\n}\napp.get('/t/:name', (req, res) => {\n  try {\n    res.send(loadTemplate(req.params.name));\n  } catch (err) {\n    console.warn('loadTemplate failed', err);\n    res.status(404).send({ error: 'Not Found' });\n  }\n});" }] }],
    },
    // a module loaded at request time names the server's paths when it fails
    {
      code: "app.get('/plugin/:name', (req, res) => {\n  try {\n    const plugin = require(`./plugins/${req.params.name}`);\n    res.json(plugin.describe());\n  } catch (err) {\n    res.status(400).send(err.message);\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: "sendGeneric", output: "app.get('/plugin/:name', (req, res) => {\n  try {\n    const plugin = require(`./plugins/${req.params.name}`);\n    res.json(plugin.describe());\n  } catch (err) {\n    console.warn('require failed', err);\n    res.status(400).send({ error: 'Bad Request' });\n  }\n});" }] }],
    },
    // a synchronous database client (better-sqlite3) by its receiver
    {
      code: "app.get('/items/:id', (req, res) => {\n  try {\n    res.json(db.prepare('SELECT * FROM items WHERE id = ?').get(req.params.id));\n  } catch (err) {\n    res.status(400).json({ error: err.message });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 5, suggestions: [{ messageId: "sendGeneric", output: "app.get('/items/:id', (req, res) => {\n  try {\n    res.json(db.prepare('SELECT * FROM items WHERE id = ?').get(req.params.id));\n  } catch (err) {\n    console.warn('db.prepare failed', err);\n    res.status(400).json({ error: 'Bad Request' });\n  }\n});" }] }],
    },
    // an error from elsewhere rethrown inside the try
    {
      code: "app.get('/x', async (req, res) => {\n  const { data, error } = await supabase.from('items').select();\n  try {\n    if (error) throw error;\n    res.json(toItems(data));\n  } catch (err) {\n    res.status(400).json({ message: err.message });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 7, suggestions: [{ messageId: "sendGeneric", output: "app.get('/x', async (req, res) => {\n  const { data, error } = await supabase.from('items').select();\n  try {\n    if (error) throw error;\n    res.json(toItems(data));\n  } catch (err) {\n    console.warn('toItems failed', err);\n    res.status(400).json({ message: 'Bad Request' });\n  }\n});" }] }],
    },
    // the stack names the server's files whoever threw
    {
      code: "app.post('/x', (req, res) => {\n  try {\n    validate.body(req.body);\n    res.json({ ok: true });\n  } catch (err) {\n    res.status(400).json({ stack: err.stack });\n  }\n});",
      errors: [{ messageId: 'detailsInResponse', line: 6, suggestions: [{ messageId: "sendGeneric", output: "app.post('/x', (req, res) => {\n  try {\n    validate.body(req.body);\n    res.json({ ok: true });\n  } catch (err) {\n    console.warn('validate.body failed', err);\n    res.status(400).json({ stack: 'Bad Request' });\n  }\n});" }] }],
    },
  ],
});
