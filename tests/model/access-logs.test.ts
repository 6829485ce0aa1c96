import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  accessLoggerWritesFullUrl,
  expressWinstonUnlistedHeaders,
  getAccessLoggerCreation,
  pinoHttpUnredactedHeaders,
  serializerLeavesHeadersOut,
  takesLoggerForOptions,
} from '../../src/model/access-logs.js';
import { createLogFieldFilters } from '../../src/model/log-serializers.js';
import { probe, probeCalls } from '../helpers/probe.js';

/** Whether the access logger created by the call whose text starts with `start` writes the full URL. */
function writesUrl(code: string, start: string): boolean | null {
  const results = probeCalls(code, (context, node) => {
    const creation = getAccessLoggerCreation(context, node);
    return creation ? accessLoggerWritesFullUrl(creation, context.sourceCode) : null;
  });
  for (const [text, value] of results) if (text.startsWith(start) && value !== null) return value;
  return null;
}

describe('accessLoggerWritesFullUrl', () => {
  it("morgan: predefined formats and formats with :url write it, a format without :url does not", () => {
    expect(writesUrl("import morgan from 'morgan'; app.use(morgan('combined'));", 'morgan(')).toBe(true);
    expect(writesUrl("import morgan from 'morgan'; app.use(morgan(':method :url :status'));", 'morgan(')).toBe(true);
    expect(writesUrl("import morgan from 'morgan'; app.use(morgan(':method :status :response-time'));", 'morgan(')).toBe(false);
  });

  it("pino-http: the default request serializer writes it; its own req serializer or a redact of req.url does not", () => {
    expect(writesUrl("import pinoHttp from 'pino-http'; app.use(pinoHttp());", 'pinoHttp(')).toBe(true);
    expect(writesUrl("import pinoHttp from 'pino-http'; app.use(pinoHttp({ serializers: { req: (r) => ({ method: r.method }) } }));", 'pinoHttp(')).toBe(false);
    expect(writesUrl("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: ['req.url'] }));", 'pinoHttp(')).toBe(false);
    expect(writesUrl("import pinoHttp from 'pino-http'; app.use(pinoHttp({ autoLogging: false }));", 'pinoHttp(')).toBe(false);
  });

  it('express-winston: default fields write it; a requestFilter or a message without {{req.url}} does not', () => {
    expect(writesUrl("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ winstonInstance }));", 'expressWinston.logger(')).toBe(true);
    expect(writesUrl("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ winstonInstance, requestFilter: (req, name) => req[name] }));", 'expressWinston.logger(')).toBe(false);
    expect(writesUrl("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ winstonInstance, meta: false, msg: 'HTTP {{req.method}}' }));", 'expressWinston.logger(')).toBe(false);
  });
});

describe('serializerLeavesHeadersOut', () => {
  /** The verdict for every `req:` / `res:` property value in `code`. */
  function verdicts(code: string): (boolean | null)[] {
    const out: (boolean | null)[] = [];
    probe(code, (context) => ({
      Property(node: TSESTree.Property) {
        if (node.key.type === 'Identifier' && (node.key.name === 'req' || node.key.name === 'res')) out.push(serializerLeavesHeadersOut(context, node.value));
      },
    }));
    return out;
  }

  it('a custom serializer that picks fields leaves headers out; one that writes them or returns the request does not', () => {
    expect(verdicts('pinoHttp({ serializers: { req: (req) => ({ id: req.id, ua: req.headers["user-agent"] }), res: (res) => ({ headers: res.headers }) } });')).toEqual([true, false]);
    expect(verdicts('pinoHttp({ serializers: { req: (r) => r } });')).toEqual([false]);
  });

  it('follows a same-file function or variable; the standard serializer writes headers; an import cannot be told', () => {
    const code = [
      "import { reqSerializer } from './serializers';",
      'function pickReq(req) { return { method: req.method }; }',
      'const pickRes = (res) => ({ statusCode: res.statusCode });',
      'pinoHttp({ serializers: { req: pickReq, res: pickRes } });',
      'pinoHttp({ serializers: { req: pino.stdSerializers.req } });',
      'pinoHttp({ serializers: { req: reqSerializer } });',
    ].join('\n');
    expect(verdicts(code)).toEqual([true, true, false, null]);
  });
});

describe('pinoHttpUnredactedHeaders / expressWinstonUnlistedHeaders', () => {
  const SECRET = ['authorization', 'cookie', 'x-api-key'];
  /** The answer for the first access logger created in `code`, as `request | response` header lists. */
  function unredacted(code: string): string | null | undefined {
    let out: string | null | undefined;
    probe(code, (context) => {
      const filters = createLogFieldFilters(context);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          const creation = getAccessLoggerCreation(context, node);
          if (!creation || out !== undefined) return;
          if (creation.kind === 'pino-http') {
            const r = pinoHttpUnredactedHeaders(context, creation, SECRET, filters);
            out = r ? `${r.request.join(',')} | ${r.response.join(',')}` : null;
          } else if (creation.kind === 'express-winston') {
            const r = expressWinstonUnlistedHeaders(creation, SECRET);
            out = r ? r.missing.join(',') : null;
          }
        },
      };
    });
    return out;
  }

  it('pino-http: every secret header and set-cookie by default; what redact and a header-free serializer cover is left out', () => {
    expect(unredacted("import pinoHttp from 'pino-http'; app.use(pinoHttp());")).toBe('authorization,cookie,x-api-key | set-cookie');
    expect(unredacted("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: ['req.headers.authorization', 'res.headers[\"set-cookie\"]'] }));")).toBe('cookie,x-api-key | ');
    expect(unredacted("import pinoHttp from 'pino-http'; app.use(pinoHttp({ serializers: { req: (req) => ({ id: req.id }) } }));")).toBe(' | set-cookie');
  });
  it('pino-http: no answer when it logs no requests or its options cannot be read', () => {
    expect(unredacted("import pinoHttp from 'pino-http'; app.use(pinoHttp({ autoLogging: false }));")).toBeNull();
    expect(unredacted("import pinoHttp from 'pino-http'; app.use(pinoHttp({ redact: shared }));")).toBeNull();
    expect(unredacted("import pinoHttp from 'pino-http'; import { reqSerializer } from './s'; app.use(pinoHttp({ serializers: { req: reqSerializer } }));")).toBeNull();
  });
  it('express-winston: the secret headers headerBlacklist does not list; none when it writes no headers', () => {
    expect(unredacted("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ transports }));")).toBe('authorization,cookie,x-api-key');
    expect(unredacted("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ headerBlacklist: ['Authorization', 'cookie'] }));")).toBe('x-api-key');
    expect(unredacted("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ meta: false }));")).toBeNull();
    expect(unredacted("import expressWinston from 'express-winston'; app.use(expressWinston.logger({ requestWhitelist: ['url', 'method'] }));")).toBeNull();
  });
});

describe('takesLoggerForOptions', () => {
  it('pinoHttp(logger) with a pino instance in place of options; not options from elsewhere', () => {
    const code = [
      "import pino from 'pino'; import pinoHttp from 'pino-http'; import { httpOptions } from './config';",
      'const logger = pino();',
      'app.use(pinoHttp(logger));',
      'app.use(pinoHttp(httpOptions));',
      'app.use(pinoHttp({ logger }));',
    ].join('\n');
    const results = probeCalls(code, (context, node) => {
      const creation = getAccessLoggerCreation(context, node);
      return creation ? takesLoggerForOptions(context, creation) : null;
    });
    expect([...results.entries()].filter(([, v]) => v !== null)).toEqual([
      ['pinoHttp(logger)', true],
      ['pinoHttp(httpOptions)', false],
      ['pinoHttp({ logger })', false],
    ]);
  });
});
