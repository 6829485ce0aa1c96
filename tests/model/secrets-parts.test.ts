/**
 * The parts createSecretAnalyzer is built from (src/model/secrets/*), asked directly on real
 * idioms. The analyzer's own behaviour is covered by secrets.test.ts and the rule tests.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { createBodyContextReader } from '../../src/model/secrets/body-context.js';
import { namesNonSecretAttribute, selectsPart } from '../../src/model/secrets/derived-parts.js';
import { createIdKeyReader } from '../../src/model/secrets/id-keys.js';
import { createLabelReader } from '../../src/model/secrets/labels.js';
import { classifySecretName, ownerVoidsSecretWord } from '../../src/model/secrets/names.js';
import { createRequestSourceReader } from '../../src/model/secrets/request-sources.js';
import { createSecretTypeReader } from '../../src/model/secrets/type-info.js';
import { isBooleanCall, isMaskingSlice, isSanitizingCall, wrapperArguments } from '../../src/model/secrets/value-calls.js';
import { callResult, probe, probeCalls, type ProbeOptions } from '../helpers/probe.js';

const nameOf = (name: string) => classifySecretName(name);

/** For every `log(x)` call: `fn` asked about its first argument. */
function atLogArguments<T>(code: string, fn: (context: Context, arg: TSESTree.Node) => T, options: ProbeOptions = {}): T[] {
  const out: T[] = [];
  probe(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'log' && node.arguments[0]) out.push(fn(context, node.arguments[0]));
      },
    }),
    options,
  );
  return out;
}

describe('value-calls', () => {
  const code = `
    redactHeaders(h); bcrypt.hash(p); crypto.createHash('sha256').update(t).digest('hex'); utils.scrub(x);
    token.includes('x'); isValidToken(t); timingSafeEqual(a, b);
    token.slice(0, 8); card.slice(-4); token.slice(0, 40);
    JSON.stringify(user, null, 2); Object.assign({}, a, b); getToken();
    color.magenta(mfaCode); chalk.bold.red(token); chalk_1.default.green(key); color.rgb(r); paint.red(x);
  `;
  const results = probeCalls(code, (_context, node) => node);

  it('isSanitizingCall: redact/mask/hash helpers, hash chains and configured sanitizers; not a plain getter', () => {
    const none = new Set<string>();
    expect(isSanitizingCall(callResult(results, 'redactHeaders(h)'), none)).toBe(true);
    expect(isSanitizingCall(callResult(results, "crypto.createHash('sha256').update(t).digest('hex')"), none)).toBe(true);
    expect(isSanitizingCall(callResult(results, 'utils.scrub(x)'), new Set(['utils.scrub']))).toBe(true);
    expect(isSanitizingCall(callResult(results, 'getToken()'), none)).toBe(false);
  });

  it('isBooleanCall: yes/no answers; not a getter', () => {
    expect(isBooleanCall(callResult(results, "token.includes('x')"))).toBe(true);
    expect(isBooleanCall(callResult(results, 'isValidToken(t)'))).toBe(true);
    expect(isBooleanCall(callResult(results, 'getToken()'))).toBe(false);
  });

  it('isMaskingSlice: a short prefix or the last four; not most of the value', () => {
    expect(isMaskingSlice(callResult(results, 'token.slice(0, 8)'), 'slice')).toBe(true);
    expect(isMaskingSlice(callResult(results, 'card.slice(-4)'), 'slice')).toBe(true);
    expect(isMaskingSlice(callResult(results, 'token.slice(0, 40)'), 'slice')).toBe(false);
  });

  it('wrapperArguments: what a wrapper returns in another shape; null for other calls', () => {
    expect(wrapperArguments(callResult(results, 'JSON.stringify(user, null, 2)'))?.length).toBe(1);
    expect(wrapperArguments(callResult(results, 'Object.assign({}, a, b)'))?.length).toBe(3);
    expect(wrapperArguments(callResult(results, 'getToken()'))).toBeNull();
  });

  it('wrapperArguments: terminal colouring returns the text it is given; not another method of a colour library nor a style of another object', () => {
    for (const text of ['color.magenta(mfaCode)', 'chalk.bold.red(token)', 'chalk_1.default.green(key)']) expect(wrapperArguments(callResult(results, text))?.length).toBe(1);
    for (const text of ['color.rgb(r)', 'paint.red(x)']) expect(wrapperArguments(callResult(results, text))).toBeNull();
  });
});

describe('createLabelReader', () => {
  const labels = createLabelReader(nameOf);

  it('labelFromText: keys, `Bearer `, `is`; not a method name or a count', () => {
    expect(labels.labelFromText('token=')?.concept).toBe('token');
    expect(labels.labelFromText('Authorization: Bearer ')?.concept).toBe('token');
    expect(labels.labelFromText('your password is ')?.concept).toBe('password');
    expect(labels.labelFromText('getAccessToken: ')).toBeNull();
    expect(labels.labelFromText('token count: ')).toBeNull();
  });

  it('labelFromName: a secret key names its value; a harmless key does not', () => {
    expect(labels.labelFromName('apiKey')?.concept).toBe('API key');
    expect(labels.labelFromName('tokenExpiresAt')).toBeNull();
  });

  it('argumentLabels and labelApplies: a printf label reaches a plain value, not a decoded one', () => {
    const found = atLogArguments(`log('password: %s', p); log(jwt.decode(t)); log(record.tokenId);`, (_context, arg) => arg);
    const call = found[0]!.parent as TSESTree.CallExpression;
    expect(labels.argumentLabels(call.arguments).map((l) => l?.concept ?? null)).toEqual([null, 'password']);
    expect(labels.labelApplies(call.arguments[1]!)).toBe(true);
    expect(labels.labelApplies(found[1]!)).toBe(false);
    expect(labels.labelApplies(found[2]!)).toBe(false);
  });
});

describe('createBodyContextReader', () => {
  const credentialBody = (code: string, filename = 'routes/products.js') =>
    atLogArguments(code, (context, arg) => createBodyContextReader(context, {}).isCredentialBodyContext(arg), { filename, sourceType: 'module' });

  it('a login route, request-wide middleware or a handler reading a secret field', () => {
    expect(credentialBody(`router.post('/login', (req, res) => { log(req.body); });`)).toEqual([true]);
    expect(credentialBody(`app.use((req, res, next) => { log(req.body); next(); });`)).toEqual([true]);
    expect(credentialBody(`router.post('/profile', (req, res) => { const { password } = req.body; log(req.body); });`)).toEqual([true]);
  });

  it('not a product route in a product file', () => {
    expect(credentialBody(`router.post('/products', (req, res) => { log(req.body); });`)).toEqual([false]);
  });
});

describe('createRequestSourceReader', () => {
  const reader = (context: Context) =>
    createRequestSourceReader(context, { nameOf, isTypedWithoutSecrets: () => false, isCredentialBodyContext: () => true });

  it('sourceOfMember: request headers, the Authorization header, a session cookie, a credential env var', () => {
    const found = atLogArguments(
      `app.get('/', (req, res) => { log(req.headers); log(req.headers.authorization); log(req.cookies.sid); log(process.env.STRIPE_KEY); });`,
      (context, arg) => (arg.type === 'MemberExpression' ? reader(context).sourceOfMember(arg)?.kind ?? null : null),
    );
    expect(found).toEqual(['secret', 'secret', 'secret', 'secret']);
  });

  it('sourceOfMember: null for harmless request fields and other objects', () => {
    const found = atLogArguments(
      `app.get('/', (req, res) => { log(req.headers['content-type']); log(req.method); log(config.headers); log(process.env.PUBLIC_KEY); });`,
      (context, arg) => (arg.type === 'MemberExpression' ? reader(context).sourceOfMember(arg) : 'not a member'),
    );
    expect(found).toEqual([null, null, null, null]);
  });

  it('isWholeRequest: a handler parameter; not a canvas ctx', () => {
    const found = atLogArguments(
      `app.get('/', (req, res) => { log(req); }); function draw(ctx) { log(ctx); }`,
      (context, arg) => reader(context).isWholeRequest(arg),
    );
    expect(found).toEqual([true, false]);
  });
});

describe('createIdKeyReader', () => {
  it('isIdComposite: ids and fixed text, directly or through a const; not a token built from a random part', () => {
    const found = atLogArguments(
      'const key = `${sessionId}|${executionId}`; log(key); log(userId + ":" + projectId); log(`${userId}:${randomBytes(16)}`);',
      (context, arg) => createIdKeyReader(context, nameOf).isIdComposite(arg),
    );
    expect(found).toEqual([true, true, false]);
  });

  it('parameterGetsOnlyIds: every call in the file passes an id key; not when one passes a secret', () => {
    const code = `
      function cache(sessionKey) { log(sessionKey); }
      cache(\`\${sessionId}|\${executionId}\`);
      function store(secretKey) { log(secretKey); }
      store(\`\${sessionId}|\${executionId}\`); store(apiKey);
    `;
    const found = atLogArguments(code, (context, arg) => {
      let fn: TSESTree.Node | undefined = arg.parent;
      while (fn && fn.type !== 'FunctionDeclaration') fn = fn.parent;
      const decl = fn as TSESTree.FunctionDeclaration;
      return createIdKeyReader(context, nameOf).parameterGetsOnlyIds(decl, decl.params[0]!);
    });
    expect(found).toEqual([true, false]);
  });
});

describe('createSecretTypeReader', () => {
  it('answers "unknown" without type information', () => {
    const found = atLogArguments(`log(user);`, (context, arg) => {
      const types = createSecretTypeReader(context, nameOf);
      return [types.isNumberOrBoolean(arg), types.isTypedWithoutSecrets(arg), types.typeFinding(arg)];
    });
    expect(found).toEqual([[false, false, null]]);
  });
});

describe('derived-parts', () => {
  it('names a non-secret attribute of a credential by the last word of the variable name', () => {
    expect(['username', 'user', 'authUser', 'keyId', 'scheme', 'tokenlessScope', 'expiry', 'email'].map(namesNonSecretAttribute)).toEqual([true, true, true, true, true, true, true, true]);
    expect(['data', 'parts', 'value', 'encoded', 'header', 'fileContents', 'identifier'].map(namesNonSecretAttribute)).toEqual([false, false, false, false, false, false, false]);
  });

  it('selects a part by index, also behind text-keeping calls and empty fallbacks; a named field or a copy is no selected part', () => {
    const parts = atLogArguments(
      "log((data[1] || '').toString().trim()); log(credentials[1] || credentials[0] || ''); log(parts.shift()); log(req.headers['authorization']); log(token); log(token.trim()); log(data[1] || other);",
      (_context, arg) => selectsPart(arg),
    );
    expect(parts).toEqual([true, true, true, false, false, false, false]);
  });
});

describe('ownerVoidsSecretWord', () => {
  it('reads a secret word under an owner of a non-credential kind as the compound name', () => {
    expect([['challenge', 'token'], ['acmeChallenge', 'token'], ['page', 'token'], ['device', 'token'], ['led', 'pin']].map(([o, p]) => ownerVoidsSecretWord(o!, p!))).toEqual([true, true, true, true, true]);
  });

  it('reads every field of a holder of file locations as a location (node-red: project.files.oldCredentials)', () => {
    expect([['files', 'oldCredentials'], ['projectFiles', 'credentials'], ['paths', 'privateKey'], ['dirs', 'secrets']].map(([o, p]) => ownerVoidsSecretWord(o!, p!))).toEqual([true, true, true, true]);
    expect([['file', 'password'], ['settings', 'credentials'], ['profile', 'privateKey']].map(([o, p]) => ownerVoidsSecretWord(o!, p!))).toEqual([false, false, false]);
  });

  it('leaves a token under a request context, a session, an input or a user alone', () => {
    expect([['context', 'token'], ['session', 'token'], ['input', 'token'], ['user', 'tokens'], ['challenge', 'password'], ['challenge', 'tokenSecret']].map(([o, p]) => ownerVoidsSecretWord(o!, p!))).toEqual([false, false, false, false, false, false]);
  });
});
