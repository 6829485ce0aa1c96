import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findConfigDumps } from '../../src/model/secrets/config-objects.js';
import { classifySecretName, isCredentialEnvKey, isSecretName, namesSecurityQuestion, tokenizeName } from '../../src/model/secrets/names.js';
import { type SecretAnalyzerOptions, createSecretAnalyzer } from '../../src/model/secrets/values.js';
import { probe } from '../helpers/probe.js';

describe('tokenizeName', () => {
  it.each([
    ['apiKey', ['api', 'key']],
    ['APIKey', ['api', 'key']],
    ['X-API-Key', ['x', 'api', 'key']],
    ['x-api-key', ['x', 'api', 'key']],
    ['JWT_SECRET', ['jwt', 'secret']],
    ['sessionID', ['session', 'id']],
    ['client_secret', ['client', 'secret']],
    ['cvv2', ['cvv']],
    ['accesstoken', ['access', 'token']],
    ['apikeyid', ['api', 'key', 'id']],
    ['#refreshToken', ['refresh', 'token']],
    ['OAuth2Token', ['o', 'auth', 'token']],
    ['spinner', ['spinner']],
    ['passport', ['passport']],
    ['tokenizer', ['tokenizer']],
    ['passage', ['passage']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
  ])('%s → %j', (name, tokens) => {
    expect(tokenizeName(name)).toEqual(tokens);
  });
});

describe('isSecretName: secrets', () => {
  it.each([
    'password', 'newPassword', 'hashedPassword', 'passwordHash', 'user_password', 'DB_PASSWORD', 'passwd', 'pwd',
    'dbPass', 'SMTP_PASS', 'pass', 'passphrase', 'PASS_PHRASE', 'secret', 'clientSecret', 'client_secret',
    'JWT_SECRET', 'secretKey', 'secretValue', 'token', 'accessToken', 'access_token', 'refreshToken',
    'idToken', 'bearerToken', 'sessionToken', 'csrfToken', 'authToken', 'resetToken', 'passwordResetToken',
    'forgotPasswordToken', 'GITHUB_TOKEN', 'jwt', 'bearer', 'tokenValue', 'tokenResponse', 'refreshTokens',
    'apiKey', 'api_key', 'API_KEY', 'x-api-key', 'X-Api-Key', 'apikey', 'STRIPE_SECRET_KEY', 'privateKey',
    'private_key', 'PRIVATE_KEY', 'authorization', 'Authorization', 'authHeader', 'authorizationHeader',
    'proxy-authorization', 'cookie', 'cookies', 'set-cookie', 'setCookie', 'COOKIE_SECRET', 'credentials',
    'credential', 'awsCredentials', 'creds', 'otp', 'otpCode', 'totp', 'verificationCode', 'recoveryCodes',
    'pin', 'pinCode', 'userPin', 'ssn', 'socialSecurityNumber', 'creditCard', 'creditCardNumber', 'cardNumber',
    'card_number', 'cvv', 'cvc', 'mnemonic', 'seedPhrase', 'secretAccessKey', 'signingKey', 'encryptionKey',
    'authCode', 'tokenSet', 'sessionKey', 'REFRESH_TOKEN_SECRET', 'ACCESS_TOKEN_PRIVATE_KEY', 'GOOGLE_CLIENT_SECRET',
    'AWS_SECRET_ACCESS_KEY', 'HASHED_PASSWORD', 'DEFAULT_PASSWORD', 'JWT_SIGNING_KEY', 'ENCODED_CREDENTIALS',
    // a hash of a password, a PIN or a one-time code can be guessed; an HMAC secret is a key
    'pinHash', 'otpHash', 'hashedOtp', 'hmacSecret',
  ])('%s', (name) => {
    expect(classifySecretName(name)).toMatchObject({ kind: 'secret' });
  });
});

describe('isSecretName: qualified (mentions a secret word, harmless)', () => {
  it.each([
    'passwordResetUrl', 'tokenCount', 'tokenExpiresAt', 'secretName', 'apiKeyId', 'isPasswordValid', 'hasToken',
    'passwordLength', 'tokenType', 'token_type', 'csrfTokenHeaderName', 'pageToken', 'nextPageToken',
    'next_page_token', 'cancelToken', 'cancellationToken', 'deviceToken', 'pushToken', 'fcmToken',
    'continuationToken', 'maxTokens', 'promptTokens', 'completion_tokens', 'total_tokens', 'tokens', 'ledPin',
    'accessKeyId', 'secretArn', 'secretId', 'secretsManager', 'passwordPolicy', 'passwordMinLength',
    'tokenService', 'jwtService', 'jwtStrategy', 'jwtPayload', 'jwtExpiresIn', 'JWT_EXPIRES_IN', 'tokenEndpoint',
    'tokenUrl', 'cookieName', 'cookieOptions', 'cookieParser', 'withCredentials', 'credentialsProvider',
    'authorizationUrl', 'passwordChangedAt', 'shouldRefreshToken', 'validateToken', 'setToken', 'tokenBucket',
    'tokenAddress', 'tokenBalance', 'tokenId', 'otpExpiresAt', 'otpAttempts', 'passwordHint', 'passwordStrength',
    'privateKeyPath', 'isSecret', 'maskedToken', 'tokenPreview', 'numTokens', 'passwordMatches', 'passwordReset',
    'jwtHeaders', 'jwtHeader', 'TOKEN_NOT_FOUND_REDIS', 'USER_FROM_TOKEN_NOT_FOUND', 'CREATING_TOKEN', 'TOKEN_STORED_REDIS',
    'INVALID_TOKEN_ERROR', 'EXPIRED_TOKEN', 'MISSING_API_KEY', 'NEXT_PUBLIC_MAPS_API_KEY', 'VITE_FIREBASE_API_KEY', 'REACT_APP_API_KEY',
    // a hash of a random token or key is its fingerprint; a desensitized form says what it is
    'hashedToken', 'HASHED_TOKEN', 'tokenHash', 'token_sha256', 'apiKeyHash', 'hashed_api_key', 'hashedRefreshToken',
    'desensitizedToken', 'anonymizedToken',
  ])('%s', (name) => {
    expect(classifySecretName(name)).toMatchObject({ kind: 'qualified' });
  });
});

describe('isSecretName: unrelated names', () => {
  it.each([
    'userName', 'email', 'spinner', 'mapping', 'pinned', 'opinion', 'tokenizer', 'tokenize', 'passport', 'bypass',
    'passage', 'compass', 'passThrough', 'firstPass', 'sessionId', 'session_id', 'sid', 'session', 'auth', 'key',
    'keys', 'hash', 'code', 'PWD', 'OLDPWD', 'passwordless', 'secretary', 'userId', 'requestId', 'authMethod',
  ])('%s', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('options', () => {
  it('secretWords adds words and names', () => {
    expect(isSecretName('sessionId', { secretWords: ['sessionId'] })).toBe(true);
    expect(isSecretName('session_id', { secretWords: ['sessionId'] })).toBe(true);
    expect(isSecretName('sessionIdCount', { secretWords: ['sessionId'] })).toBe(false);
    expect(isSecretName('githubPat', { secretWords: ['pat'] })).toBe(true);
    expect(isSecretName('pattern', { secretWords: ['pat'] })).toBe(false);
  });
  it('allowedNames exempts names, in any case style', () => {
    expect(isSecretName('demoToken', { allowedNames: ['demoToken'] })).toBe(false);
    expect(isSecretName('DEMO_TOKEN', { allowedNames: ['demoToken'] })).toBe(false);
    expect(isSecretName('otherToken', { allowedNames: ['demoToken'] })).toBe(true);
  });
});

describe('createSecretAnalyzer on log arguments', () => {
  /** What the analyzer finds in the arguments of every `log(...)` call: `[text, what, whole]` per finding. */
  function findings(code: string, options: SecretAnalyzerOptions = {}, ts = false): [string, string, boolean][] {
    const out: [string, string, boolean][] = [];
    probe(
      code,
      (context) => {
        const analyzer = createSecretAnalyzer(context, options);
        return {
          CallExpression(node: TSESTree.CallExpression) {
            if (node.callee.type !== 'Identifier' || node.callee.name !== 'log') return;
            const labels = analyzer.argumentLabels(node.arguments);
            node.arguments.forEach((arg, i) => {
              for (const f of analyzer.findSecrets(arg, labels[i] ?? null, i === 0 ? [] : null)) {
                out.push([context.sourceCode.getText(f.node), f.what, f.whole]);
              }
            });
          },
        };
      },
      { ts },
    );
    return out;
  }

  it('takes an object whose secret fields the file reads off the same variable and path for a whole secret carrier', () => {
    expect(findings('const grant = load();\nlog(grant.response);\nconst { access_token } = grant.response;\nuse(grant.response.refresh_token);')).toEqual([
      ['grant.response', 'an object this file reads secrets from', true],
    ]);
    expect(findings('function f(user) {\n  log(user);\n  hash(user.password);\n}')).toEqual([['user', 'an object this file reads secrets from', true]]);
    // deleted before, read off another variable, or harmless fields only
    expect(findings('function f(user) {\n  hash(user.password);\n  delete user.password;\n  log(user);\n}')).toEqual([]);
    expect(findings('const grant = load();\nconst other = load();\nlog(grant);\nuse(other.access_token);')).toEqual([]);
    expect(findings('const usage = load();\nlog(usage);\nuse(usage.tokenCount, usage.name);')).toEqual([]);
  });

  it('follows a secret read deeper in the object, and what a same-file function reads off the parameter it is handed', () => {
    const viaHelper = 'function onData(parsed) {\n  log(parsed);\n  processLogin(parsed);\n}\nfunction processLogin(msg) {\n  return login(msg.login.username, msg.login.password);\n}';
    expect(findings(viaHelper)).toEqual([['parsed', 'an object this file reads secrets from', true]]);
    const elsewhere = 'function onData(parsed) {\n  log(parsed);\n  processUpdates(parsed);\n}\nfunction processUpdates(msg) {\n  return msg.updates.map((u) => u.path);\n}';
    expect(findings(elsewhere)).toEqual([]);
    // put into text, the object prints [object Object]
    expect(findings('function onData(parsed) {\n  log(`message: ${parsed}`);\n  processLogin(parsed);\n}\nfunction processLogin(msg) {\n  return login(msg.login.password);\n}')).toEqual([]);
    expect(findings('const grant = load();\nlog(grant);\nuse(grant.response.access_token);')).toEqual([['grant', 'an object this file reads secrets from', true]]);
  });

  it('judges a same-class getter or method by what it returns: a masked preview is safe, the whole token is not', () => {
    const cls = (members: string, logged: string) =>
      `class Uploader {\n  static shortenToken(token) { return token.substring(0, 8); }\n  ${members}\n  run() { log('uploader', ${logged}); }\n}`;
    expect(findings(cls('get shortToken() { return Uploader.shortenToken(this.token); }', 'this.shortToken'))).toEqual([]);
    expect(findings(cls('', 'this.constructor.shortenToken(this.token)'))).toEqual([]);
    expect(findings('function preview(t) { return t.slice(0, 6); }\nfunction short(t) { return preview(t); }\nlog(short(apiKey));')).toEqual([]);
    expect(findings(cls('get authToken() { return this.token; }', 'this.authToken'))).toEqual([['this.authToken', 'the token', false]]);
    // the getter's value decides over its harmless name
    expect(findings(cls('get current() { return this.token; }', 'this.current'))).toEqual([['this.current', 'the token', false]]);
    expect(findings(cls('get shortToken() { return lookup(this.id); }', 'this.shortToken'))).toEqual([['this.shortToken', 'the token', false]]);
  });

  it('recognises request sources', () => {
    expect(findings('function h(req, res) { log(req.headers); log(req.headers.authorization); log(req.get("Cookie")); log(req.cookies); log(req); }')).toEqual([
      ['req.headers', 'the request headers', true],
      ['req.headers.authorization', 'the Authorization header', false],
      ['req.get("Cookie")', 'the cookie', false],
      ['req.cookies', 'the request cookies', true],
      ['req', 'the whole request object', true],
    ]);
  });

  it('trusts a value named for a redacted copy, and still finds the copy under another name', () => {
    const code = (name: string) =>
      `function f(token, extra) { const headers = { ...extra, Authorization: \`Bearer \${token}\` }; const ${name} = token ? { ...headers, Authorization: 'Bearer *****' } : { ...headers }; log('request', { headers: ${name} }); }`;
    expect(findings(code('redactedHeaders'))).toEqual([]);
    expect(findings(code('maskedHeaders'))).toEqual([]);
    expect(findings(code('allHeaders')).length).toBeGreaterThan(0);
  });

  it('keeps what a destructured or renamed value was', () => {
    expect(
      findings(
        "function h(req) { const { password: pw } = req.body; const { headers } = req; const auth = headers['x-api-key']; const [, t] = req.headers.authorization.split(' '); log(pw, headers, auth, t); }",
      ),
    ).toEqual([
      ['pw', 'the password', false],
      ['headers', 'the request headers', true],
      ['auth', 'the API key', false],
      ['t', 'the Authorization header', false],
    ]);
  });

  it('reads process.env by name, and whole', () => {
    expect(findings('log(process.env.DB_PASSWORD, process.env.NODE_ENV, process.env.PWD, process.env)')).toEqual([
      ['process.env.DB_PASSWORD', 'the password', false],
      ['process.env', 'the whole environment', true],
    ]);
  });

  it('does not treat a local object named request as the request', () => {
    expect(findings('const request = { id: 1 }; log(request); function f(req) { const body = req.body; log(body.title); }')).toEqual([]);
  });

  it('finds secrets inside templates, concatenations, objects and conditionals', () => {
    expect(findings('function f(user, password, t, u) { log(`login ${user} pw=${password}`, "Bearer " + t, { nested: { token: u } }, u ? password : null); }')).toEqual([
      ['password', 'the password', false],
      ['t', 'the token', false],
      ['u', 'the token', false],
      ['password', 'the password', false],
    ]);
  });

  it('treats sanitized, hashed, boolean and size-only forms as safe', () => {
    expect(
      findings(
        "function f(token, apiKey) { log(redact(token), createHash('sha256').update(apiKey).digest('hex'), !!token, token.length, typeof apiKey, apiKey.slice(0, 4), scrub.it(token)); }",
        { sanitizers: ['scrub.it'] },
      ),
    ).toEqual([]);
  });

  it("reads compiled code's indirect calls of imported helpers: masks and hashes are safe, producers are not", () => {
    expect(findings('function f(token) { log((0, token_1.maskToken)(token), (0, token_1.getDesensitizedToken)(token), (0, auth_1.getAccessToken)()); }')).toEqual([
      ['(0, auth_1.getAccessToken)()', 'the token returned by', false],
    ]);
  });

  it('labels values by format strings and preceding message parts', () => {
    expect(findings("function f(a, b, c) { log('user=%s password=%s', a, b); log('secret:', c); log('user:', a); }")).toEqual([
      ['b', 'the password', false],
      ['c', 'the secret', false],
    ]);
  });

  it('finds a key in a URL built around it: a template, URLSearchParams, new URL, a same-file builder (issue 18)', () => {
    expect(
      findings(
        "function buildUrl(q) { return `https://x.example/geo?key=${process.env.GEO_KEY}&q=${q}`; } function f(q) { const params = new URLSearchParams({ q, key: process.env.GEO_KEY }); const u = new URL(`https://x.example/?key=${process.env.GEO_KEY}`); log(`https://x.example/?key=${process.env.GEO_KEY}`, params, u.href, buildUrl(q)); }",
      ),
    ).toEqual([
      ['process.env.GEO_KEY', 'the GEO_KEY variable', false],
      ['params', 'the value', false],
      ['u.href', 'the value', false],
      ['buildUrl(q)', 'the value', false],
    ]);
  });

  it('not a URL or query string without a secret, nor a builder that returns no text built from one', () => {
    expect(
      findings(
        "function buildUrl(q) { return `https://x.example/geo?q=${q}`; } function hasKey() { return !!process.env.GEO_KEY; } function f(q) { log(new URLSearchParams({ q }), new URL('https://x.example/'), buildUrl(q), hasKey()); }",
      ),
    ).toEqual([]);
  });

  it('reports a whole body only where it carries credentials', () => {
    expect(findings("app.post('/login', (req) => { log(req.body); }); app.post('/products', (req) => { log(req.body); });")).toEqual([
      ['req.body', 'the request body', true],
    ]);
  });
});

describe('isCredentialEnvKey', () => {
  it.each([
    ['STRIPE_KEY', true],
    ['GEO_KEY', true],
    ['MAPBOX_ACCESS_KEY', true],
    ['LICENSE_KEY', true],
    ['SORT_KEY', false],
    ['RECAPTCHA_SITE_KEY', false],
    ['STRIPE_PUBLISHABLE_KEY', false],
    ['VAPID_PUBLIC_KEY', false],
    ['CACHE_KEY', false],
    ['KEY', false],
    ['stripeKey', false],
    ['REDIS_KEY_PREFIX', false],
  ])('%s → %s', (name, expected) => {
    expect(isCredentialEnvKey(name)).toBe(expected);
  });
});

describe('security-question answers (issue 18)', () => {
  it.each(['securityAnswer', 'security_answer', 'SECURITY_ANSWER', 'securityAnswer1', 'secretAnswer', 'securityQuestionAnswer', 'securityAnswers'])(
    '%s is a security answer',
    (name) => {
      expect(classifySecretName(name)).toEqual({ kind: 'secret', concept: 'security answer' });
    },
  );
  it.each(['securityAnswerId', 'hasSecurityAnswer', 'answer', 'questionAnswer', 'quizAnswers'])('%s is not one by its name alone', (name) => {
    expect(classifySecretName(name).kind).not.toBe('secret');
  });
  it('namesSecurityQuestion: names that put an `answer` in a security-question flow', () => {
    expect(['checkSecurityAnswer', 'securityQuestion', '/security-question', 'SecretQuestions'].map(namesSecurityQuestion)).toEqual([true, true, true, true]);
    expect(['checkAnswer', 'quizQuestion', 'securityPolicy'].map(namesSecurityQuestion)).toEqual([false, false, false]);
  });
  it('a bare `answer` is one in a function or route named for security questions, or read off a security question', () => {
    const found: string[] = [];
    probe(
      `
      async function checkSecurityAnswer(email, answer) { log(answer); }
      router.post('/security-question', (req, res) => { const { answer } = req.body; log(\`answer=\${answer}\`); });
      function reset(user) { log(user.securityQuestion.answer); }
      function grade(quiz, answer) { log(answer); log(quiz.answer); }
      `,
      (context) => {
        const analyzer = createSecretAnalyzer(context);
        return {
          CallExpression(node: TSESTree.CallExpression) {
            if (node.callee.type !== 'Identifier' || node.callee.name !== 'log') return;
            for (const f of analyzer.findSecrets(node.arguments[0]!, null, [])) found.push(`${context.sourceCode.getText(f.node)}:${f.concept}`);
          },
        };
      },
    );
    expect(found).toEqual(['answer:security answer', 'answer:security answer', 'user.securityQuestion.answer:security answer']);
  });
});

describe('findConfigDumps: configuration objects logged whole (issue 18)', () => {
  function dumps(code: string): string[] {
    const out: string[] = [];
    probe(code, (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'log') return;
        for (const arg of node.arguments) for (const d of findConfigDumps(context, arg)) out.push(`${context.sourceCode.getText(d.node)}:${d.what}`);
      },
    }));
    return out;
  }
  it("a database's connection parameters by name: a database word, a connect word, a parameters word last", () => {
    expect(dumps('log(db.connectObj); log({ pgConnectionOptions }); log(db.connectionCount); log(socket.connectionInfo);')).toEqual([
      "db.connectObj:a database's connection parameters",
      "pgConnectionOptions:a database's connection parameters",
    ]);
  });
  it('an imported config, this.settings, process.env, a config object literal with secrets, inside JSON.stringify or { config }', () => {
    expect(
      dumps(`
        import config from './config';
        const appConfig = { port: 3000, jwtSecret: process.env.JWT_SECRET };
        const dbConfig = { host: 'db', auth: process.env.STRIPE_KEY };
        class Server { start() { log(this.settings); } connect() { return db.connect(this.settings.db?.password); } }
        log(config);
        log('config', JSON.stringify(appConfig, null, 2));
        log({ dbConfig });
        log(process.env);
      `),
    ).toEqual([
      'this.settings:a configuration object',
      'config:a configuration object',
      'appConfig:a configuration object',
      'dbConfig:a configuration object',
      'process.env:the process environment',
    ]);
  });
  it('one setting, a string named like one, an object without secrets, a request body, a class\'s scoped this.config are not', () => {
    expect(
      dumps(`
        import config from './config';
        const env = process.env.NODE_ENV;
        const uiConfig = { theme: 'dark', pageSize: 20 };
        const CONFIG = 'config.json';
        log(config.port);
        log(env);
        log(uiConfig);
        log(CONFIG);
        app.post('/', (req, res) => { log(req.body.settings); });
        class Compaction { run() { log({ config: this.config }); return this.config.batchSize; } }
      `),
    ).toEqual([]);
  });
});
