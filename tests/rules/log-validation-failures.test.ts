import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/log-validation-failures.js';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});
/** Plain JavaScript, parsed by ESLint's default parser. */
const js = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } as const;

const ZOD_ISSUES = "parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }))";

ruleTester.run('log-validation-failures', rule, {
  valid: [
    // --- zod: logged with the issues on the failing path ---
    `app.post('/items', (req, res) => {
      const parsed = ItemSchema.safeParse(req.body);
      if (!parsed.success) {
        logger.info({ issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code })) }, 'invalid item');
        return res.status(400).json({ error: 'invalid' });
      }
      res.json(save(parsed.data));
    });`,
    // a log before the branch covers every path
    `app.post('/items', (req, res) => {
      const parsed = ItemSchema.safeParse(req.body);
      req.log.info({ issues: parsed.success ? [] : parsed.error.flatten() }, 'validated');
      if (!parsed.success) return res.status(400).end();
      res.json(parsed.data);
    });`,
    // success branch answers 400 for another reason: not a validation failure path
    `app.post('/items', (req, res) => {
      const parsed = ItemSchema.safeParse(req.body);
      if (parsed.success) return res.status(400).json({ error: 'already exists' });
      res.json({});
    });`,
    // a 400 not on a validation path
    "app.get('/x', (req, res) => { if (!req.query.id) return res.status(400).end(); res.end(); });",
    // a 401 on a validation path is log-auth-failures' business
    `app.post('/login', (req, res) => {
      const parsed = Login.safeParse(req.body);
      if (!parsed.success) return res.status(401).end();
    });`,
    // not in a handler: a parse helper returning a value
    `function parseConfig(raw) {
      const parsed = Config.safeParse(raw);
      if (!parsed.success) return { status: 400 };
      return parsed.data;
    }`,
    // a plain parse, not safeParse
    "app.post('/x', (req, res) => { const result = schema.parse(req.body); if (!result.success) return res.status(400).end(); });",
    // --- Joi ---
    `app.post('/users', (req, res) => {
      const { error, value } = userSchema.validate(req.body);
      if (error) {
        logger.info({ issues: error.details.map((d) => ({ path: d.path, type: d.type })) }, 'invalid user');
        return res.status(400).send({ message: 'invalid' });
      }
      res.json(value);
    });`,
    // Ajv's ajv.validate(schema, data) returns a boolean, not { error }
    `app.post('/a', (req, res) => {
      const valid = ajv.validate(schema, req.body);
      if (!valid) { logger.warn({ errors: ajv.errors }, 'invalid'); return res.status(422).end(); }
      res.end();
    });`,
    // --- express-validator ---
    `app.post('/signup', body('email').isEmail(), (req, res) => {
      const errors = validationResult(req);
      if (!errors.isEmpty()) {
        logger.info({ fields: errors.array().map((e) => e.path) }, 'signup validation failed');
        return res.status(400).json({ errors: errors.array() });
      }
      res.sendStatus(201);
    });`,
    // a debug log does not count... unless the level option says so
    {
      code: `app.post('/signup', (req, res) => {
        const errors = validationResult(req);
        if (!errors.isEmpty()) { logger.debug({ errors: errors.array() }, 'invalid'); return res.status(400).end(); }
      });`,
      options: [{ level: 'debug' }],
    },
    // --- thrown errors reach an error handler in the same file that logs ---
    `app.post('/items', (req, res) => {
      const parsed = ItemSchema.safeParse(req.body);
      if (!parsed.success) throw new BadRequestError('invalid');
      res.json(parsed.data);
    });
    app.use((err, req, res, next) => {
      logger.info({ err, status: err.status }, 'request failed');
      res.status(err.status ?? 500).end();
    });`,
    // --- coveredByRequestLog: thrown / forwarded errors ---
    {
      code: `app.post('/items', (req, res, next) => {
        const parsed = ItemSchema.safeParse(req.body);
        if (!parsed.success) return next(createError(400, 'invalid'));
        res.json(parsed.data);
      });`,
      options: [{ coveredByRequestLog: true }],
    },
    // --- yup / zod in a catch ---
    `import { ValidationError } from 'yup';
    app.post('/p', async (req, res) => {
      try { await schema.validate(req.body, { abortEarly: false }); }
      catch (err) {
        if (err instanceof ValidationError) { logger.info({ issues: err.inner.map((e) => e.path) }, 'invalid'); return res.status(400).end(); }
        throw err;
      }
    });`,
    // ValidationError of another library (Sequelize, @tryghost/errors) is not yup's
    `app.post('/p', async (req, res) => {
      try { await save(req.body); } catch (err) { if (err instanceof ValidationError) return res.status(400).end(); throw err; }
    });`,
    // --- class-validator ---
    `import { validate } from 'class-validator';
    app.post('/dto', async (req, res) => {
      const errors = await validate(plainToInstance(Dto, req.body));
      if (errors.length > 0) { logger.info({ properties: errors.map((e) => e.property) }, 'invalid dto'); return res.status(400).end(); }
      res.end();
    });`,
    // a validate() from elsewhere is not class-validator
    `app.post('/dto', async (req, res) => {
      const errors = await validate(req.body);
      if (errors.length > 0) return res.status(400).end();
    });`,
    // --- TypeScript ---
    `app.post('/t', (req: Request, res: Response) => {
      const parsed = (Schema as ZodSchema).safeParse(req.body);
      if (!parsed.success) { logger.info({ issues: parsed.error.issues } satisfies object, 'bad'); return res.status(400).end(); }
      res.end();
    });`,
    // a log at warn with the issues, in the failing branch, before a thrown framework error
    "app.post('/w', (req, res) => { const r = S.safeParse(req.body); if (!r.success) { logger.warn({ issues: r.error.issues }, 'bad'); throw new BadRequestException(); } });",
    // --- JavaScript (espree) ---
    {
      code: "app.get('/ok', (req, res) => { res.json({ ok: true }); });",
      languageOptions: js,
    },
  ],
  invalid: [
    // --- zod with a direct response ---
    {
      code: `app.post('/items', (req, res) => {
  const parsed = ItemSchema.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ error: 'invalid' });
  }
  res.json(parsed.data);
});`,
      errors: [
        {
          messageId: 'unloggedValidationFailure',
          line: 4,
          data: { status: '400', library: 'zod', level: 'info' },
          suggestions: [
            {
              messageId: 'addLog',
              output: `app.post('/items', (req, res) => {
  const parsed = ItemSchema.safeParse(req.body);
  if (!parsed.success) {
    console.info('Request validation failed', { issues: ${ZOD_ISSUES} });
    return res.status(400).json({ error: 'invalid' });
  }
  res.json(parsed.data);
});`,
            },
          ],
        },
      ],
    },
    // --- a log that does not name the failures does not count; branch without a block ---
    {
      code: "const logger = pino();\napp.post('/items', (req, res) => { const parsed = ItemSchema.safeParse(req.body); logger.info('creating item'); if (!parsed.success) return res.status(422).end(); });",
      settings: { 'security-logging': { logger: { name: 'logger', style: 'pino' } } },
      errors: [
        {
          messageId: 'unloggedValidationFailure',
          data: { status: '422', library: 'zod', level: 'info' },
          suggestions: [
            {
              messageId: 'addLog',
              output: `const logger = pino();\napp.post('/items', (req, res) => { const parsed = ItemSchema.safeParse(req.body); logger.info('creating item'); if (!parsed.success) { logger.info({ issues: ${ZOD_ISSUES} }, 'Request validation failed'); return res.status(422).end(); } });`,
            },
          ],
        },
      ],
    },
    // --- the configured logger is imported when it is not in scope ---
    {
      code: "app.post('/i', (req, res) => { const parsed = Item.safeParse(req.body); if (!parsed.success) return res.status(400).end(); });",
      settings: { 'security-logging': { logger: { name: 'logger', importFrom: '#logger', style: 'pino' } } },
      errors: [
        {
          messageId: 'unloggedValidationFailure',
          suggestions: [
            {
              messageId: 'addLog',
              output: `import { logger } from '#logger';\napp.post('/i', (req, res) => { const parsed = Item.safeParse(req.body); if (!parsed.success) { logger.info({ issues: ${ZOD_ISSUES} }, 'Request validation failed'); return res.status(400).end(); } });`,
            },
          ],
        },
      ],
    },
    // --- Joi ---
    {
      code: "app.post('/users', (req, res) => { const { error } = userSchema.validate(req.body); if (error) return res.status(400).send(error.details[0].message); res.end(); });",
      errors: [
        {
          messageId: 'unloggedValidationFailure',
          data: { status: '400', library: 'Joi', level: 'info' },
          suggestions: [
            {
              messageId: 'addLog',
              output:
                "app.post('/users', (req, res) => { const { error } = userSchema.validate(req.body); if (error) { console.info('Request validation failed', { issues: error.details.map((issue) => ({ path: issue.path.join('.'), type: issue.type })) }); return res.status(400).send(error.details[0].message); } res.end(); });",
            },
          ],
        },
      ],
    },
    // --- express-validator, inline; a debug log is below the default level ---
    {
      code: "app.post('/s', (req, res) => { if (!validationResult(req).isEmpty()) { logger.debug({ errors: validationResult(req).array() }, 'x'); return res.sendStatus(400); } });",
      errors: [{ messageId: 'unloggedValidationFailure', data: { status: '400', library: 'express-validator', level: 'info' }, suggestions: [{ messageId: 'addLog', output: "app.post('/s', (req, res) => { if (!validationResult(req).isEmpty()) { logger.debug({ errors: validationResult(req).array() }, 'x'); console.info('Request validation failed', { issues: validationResult(req).array().map((issue) => ({ path: issue.path ?? issue.param, type: issue.type })) }); return res.sendStatus(400); } });" }] }],
    },
    // --- Ajv compiled validator; the else branch fails ---
    {
      code: "const validate = ajv.compile(schema); app.post('/a', (req, res) => { if (validate(req.body)) { res.end(); } else { res.status(422).json(validate.errors); } });",
      errors: [{ messageId: 'unloggedValidationFailure', data: { status: '422', library: 'Ajv', level: 'info' }, suggestions: [{ messageId: 'addLog', output: "const validate = ajv.compile(schema); app.post('/a', (req, res) => { if (validate(req.body)) { res.end(); } else { console.info('Request validation failed', { issues: (validate.errors ?? []).map((issue) => ({ path: issue.instancePath, keyword: issue.keyword })) }); res.status(422).json(validate.errors); } });" }] }],
    },
    // --- a thrown framework error (Nest) on a zod failure ---
    {
      code: `@Controller('items')
class ItemsController {
  @Post()
  create(@Body() body: unknown) {
    const parsed = ItemSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException(parsed.error.message);
    return parsed.data;
  }
}`,
      errors: [{ messageId: 'unloggedValidationFailure', line: 6, data: { status: '400', library: 'zod', level: 'info' }, suggestions: [{ messageId: 'addLog', output: "@Controller('items')\nclass ItemsController {\n  @Post()\n  create(@Body() body: unknown) {\n    const parsed = ItemSchema.safeParse(body);\n    if (!parsed.success) { console.info('Request validation failed', { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })) }); throw new BadRequestException(parsed.error.message); }\n    return parsed.data;\n  }\n}" }] }],
    },
    // --- an app error class named for validation, in a route handler ---
    {
      code: "router.post('/schema', asyncHandler(async (req, res) => { const parsed = Snapshot.safeParse(req.body); if (!parsed.success) throw new InvalidPayloadError({ reason: parsed.error.message }); res.json(parsed.data); }));",
      errors: [{ messageId: 'unloggedValidationFailure', data: { status: '400', library: 'zod', level: 'info' }, suggestions: [{ messageId: 'addLog', output: "router.post('/schema', asyncHandler(async (req, res) => { const parsed = Snapshot.safeParse(req.body); if (!parsed.success) { console.info('Request validation failed', { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })) }); throw new InvalidPayloadError({ reason: parsed.error.message }); } res.json(parsed.data); }));" }] }],
    },
    // --- ZodError in a catch; Koa ---
    {
      code: "router.post('/k', async (ctx) => { try { Schema.parse(ctx.request.body); } catch (err) { if (err instanceof z.ZodError) { ctx.status = 400; return; } throw err; } });",
      errors: [{ messageId: 'unloggedValidationFailure', data: { status: '400', library: 'zod', level: 'info' }, suggestions: [{ messageId: 'addLog', output: "router.post('/k', async (ctx) => { try { Schema.parse(ctx.request.body); } catch (err) { if (err instanceof z.ZodError) { console.info('Request validation failed', { issues: err.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })) }); ctx.status = 400; return; } throw err; } });" }] }],
    },
    // --- class-validator ---
    {
      code: "import { validate } from 'class-validator'; app.post('/d', async (req, res) => { const errors = await validate(req.body); if (errors.length > 0) return res.status(400).json(errors); res.end(); });",
      errors: [{ messageId: 'unloggedValidationFailure', data: { status: '400', library: 'class-validator', level: 'info' }, suggestions: [{ messageId: 'addLog', output: "import { validate } from 'class-validator'; app.post('/d', async (req, res) => { const errors = await validate(req.body); if (errors.length > 0) { console.info('Request validation failed', { issues: errors.map((issue) => ({ property: issue.property, constraints: Object.keys(issue.constraints ?? {}) })) }); return res.status(400).json(errors); } res.end(); });" }] }],
    },
  ],
});
