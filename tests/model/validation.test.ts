import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type ValidationCheck, failingCheck, isValidationErrorName, namesFailures } from '../../src/model/validation.js';
import { type ProbeOptions, callResult, probe, probeCalls } from '../helpers/probe.js';

/** failingCheck of every `answer(…)` call, in order. */
function checks(code: string, options: ProbeOptions = {}): (ValidationCheck | null)[] {
  const out: (ValidationCheck | null)[] = [];
  probe(code, (context) => ({
    'CallExpression[callee.name="answer"]': (node: TSESTree.CallExpression) => out.push(failingCheck(context, node)),
  }), options);
  return out;
}

describe('isValidationErrorName', () => {
  it('matches app error classes named for a failed validation', () => {
    for (const name of ['ValidationError', 'InvalidPayloadError', 'BadRequestException', 'RequestValidationError', 'UnprocessableException']) expect(isValidationErrorName(name)).toBe(true);
  });
  it('does not match other errors', () => {
    for (const name of ['NotFoundError', 'Validation', 'HttpException', 'BadRequest', 'validationError']) expect(isValidationErrorName(name)).toBe(false);
  });
});

describe('failingCheck', () => {
  it('recognises zod safeParse results on their failing branch only', () => {
    const [fail, pass] = checks("const parsed = schema.safeParse(req.body);\nif (!parsed.success) answer(400); else answer(200);");
    expect(fail).toEqual({ library: 'zod', issues: "parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }))" });
    expect(pass).toBeNull();
    expect(checks('try { schema.parse(body); } catch (err) { if (err instanceof ZodError) answer(400); }')[0]?.library).toBe('zod');
  });

  it('recognises Joi, Ajv, express-validator, class-validator and yup', () => {
    expect(checks('const { error } = schema.validate(req.body);\nif (error) answer(400);')[0]).toEqual({ library: 'joi', issues: "error.details.map((issue) => ({ path: issue.path.join('.'), type: issue.type }))" });
    expect(checks('const validate = ajv.compile(schema);\nif (!validate(req.body)) answer(400);')[0]?.library).toBe('ajv');
    expect(checks('if (!ajv.validate(schema, body)) answer(422);')[0]?.issues).toBe('(ajv.errors ?? []).map((issue) => ({ path: issue.instancePath, keyword: issue.keyword }))');
    expect(checks('const errors = validationResult(req);\nif (!errors.isEmpty()) answer(400);')[0]?.library).toBe('express-validator');
    expect(checks("import { validate } from 'class-validator';\nasync function f(dto) { const errors = await validate(dto);\nif (errors.length > 0) answer(400); }")[0]?.library).toBe('class-validator');
    expect(checks("import { ValidationError } from 'yup';\ntry { await schema.validate(body); } catch (e) { if (e instanceof ValidationError) answer(400); }")[0]?.library).toBe('yup');
  });

  it('recognises the validation errors of a Fastify error handler', () => {
    const code = "import Fastify from 'fastify';\nconst app = Fastify();\napp.setErrorHandler((error, request, reply) => { if (error.validation) answer(400); });";
    expect(checks(code)[0]).toEqual({ library: 'fastify', issues: 'error.validation.map((issue) => ({ path: issue.instancePath, keyword: issue.keyword }))' });
  });

  it('answers null for branches that are not a failed validation', () => {
    expect(checks('if (!user) answer(401);')).toEqual([null]);
    expect(checks('if (!ajv) answer(500);')).toEqual([null]);
    expect(checks('const { error } = await supabase.auth.getUser();\nif (error) answer(401);')).toEqual([null]);
    expect(checks("import { ValidationError } from './errors';\ntry { run(); } catch (e) { if (e instanceof ValidationError) answer(400); }")).toEqual([null]);
    expect(checks('const parsed = schema.safeParse(body);\nif (parsed.success) answer(200);')).toEqual([null]);
  });
});

describe('namesFailures', () => {
  it('is true for a log call that names the result, its issues or a catch parameter', () => {
    const code = "const parsed = schema.safeParse(body);\nlogger.warn({ issues: parsed.error.issues }, 'invalid');\nlogger.info({ parsed }, 'bad');\ntry { x(); } catch (err) { logger.warn({ err }, 'failed'); }";
    const r = probeCalls(code, namesFailures);
    expect(callResult(r, "logger.warn({ issues: parsed.error.issues }, 'invalid')")).toBe(true);
    expect(callResult(r, "logger.info({ parsed }, 'bad')")).toBe(true);
    expect(callResult(r, "logger.warn({ err }, 'failed')")).toBe(true);
  });
  it('is false for a log call that says only that something failed', () => {
    const r = probeCalls("logger.warn('invalid request body');\nlogger.info({ userId: user.id }, 'rejected');", namesFailures);
    expect([...r.values()].every((v) => v === false)).toBe(true);
  });
});
