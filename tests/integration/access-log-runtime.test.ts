/**
 * The options no-credentials-in-request-log's fix writes really keep credentials out of a
 * real pino-http access log: lint a file with the rule, take the fixed options object, run a
 * real HTTP request through pino-http with those options (on 127.0.0.1) and read the log.
 */
import { once } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type ESLint, Linter } from 'eslint';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const SECRETS = {
  authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig',
  cookie: 'sid=s%3Asession-secret-value',
  'x-api-key': 'sk_live_api_key_value',
  setCookie: 'refresh=refresh-token-secret; HttpOnly',
};

function fixedOptions(code: string): string {
  const linter = new Linter();
  const config: Linter.Config[] = [
    {
      plugins: { 'security-logging': plugin as unknown as ESLint.Plugin },
      rules: { 'security-logging/no-credentials-in-request-log': 'error' },
      languageOptions: { sourceType: 'module' },
    },
  ];
  const before = linter.verify(code, config, { filename: 'server.js' });
  expect(before.map((m) => m.ruleId)).toEqual(['security-logging/no-credentials-in-request-log']);
  const { output, messages } = linter.verifyAndFix(code, config, { filename: 'server.js' });
  expect(messages).toEqual([]);
  const match = /pinoHttp\((\{[\s\S]*\})\)\);/u.exec(output);
  if (!match) throw new Error(`no options in fixed output:\n${output}`);
  return match[1]!;
}

async function logOneRequest(options: Record<string, unknown>): Promise<string> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const middleware = pinoHttp({ ...options, ...(options.logger ? {} : { stream }) } as never);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    middleware(req, res);
    res.setHeader('set-cookie', SECRETS.setCookie);
    res.end('ok');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/account?page=2`, {
    headers: { authorization: SECRETS.authorization, cookie: SECRETS.cookie, 'x-api-key': SECRETS['x-api-key'] },
  });
  await response.text();
  server.close();
  await once(server, 'close');
  const withLogger = options.logger as { __lines?: string[] } | undefined;
  return (withLogger?.__lines ?? lines).join('');
}

function loggerInto(lines: string[], redact?: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return Object.assign(pino(redact ? { redact } : {}, stream), { __lines: lines });
}

describe('pino-http with the redact paths the fix writes', () => {
  it('writes the credentials without the fix (the finding is real)', async () => {
    const log = await logOneRequest({});
    expect(log).toContain(SECRETS.authorization);
    expect(log).toContain(SECRETS['x-api-key']);
    expect(log).toContain('refresh-token-secret');
  });

  it('redacts Authorization, Cookie, X-API-Key and Set-Cookie once fixed (options inline)', async () => {
    const text = fixedOptions("import pinoHttp from 'pino-http';\napp.use(pinoHttp({ quietReqLogger: true }));\n");
    const options = new Function(`return (${text});`)() as Record<string, unknown>;
    const log = await logOneRequest(options);
    expect(log).toContain('"method":"GET"');
    for (const secret of Object.values(SECRETS)) expect(log).not.toContain(secret.split('=')[1] ?? secret);
    expect(log).not.toContain('session-secret-value');
    expect(log).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(log).toContain('[Redacted]');
  });

  it('redacts too when pino-http is given an existing logger (redact goes to its child)', async () => {
    const text = fixedOptions("import pinoHttp from 'pino-http';\nconst logger = pino();\napp.use(pinoHttp({ logger }));\n");
    expect(text).toContain('logger');
    const lines: string[] = [];
    const logger = loggerInto(lines);
    const options = new Function('logger', `return (${text});`)(logger) as Record<string, unknown>;
    const log = await logOneRequest(options);
    expect(log).toContain('"method":"GET"');
    expect(log).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(log).not.toContain('session-secret-value');
    expect(log).not.toContain('sk_live_api_key_value');
    expect(log).not.toContain('refresh-token-secret');
  });
});
