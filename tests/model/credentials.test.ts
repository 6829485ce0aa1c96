import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createCredentialClassifier, getSecretComparison, getSecretLookup } from '../../src/model/credentials.js';
import { createRequestInputTracker } from '../../src/model/request-input.js';
import { callResult, probe, probeCalls } from '../helpers/probe.js';

/** For every equality in `code`: `presented ~ held` (with `!` when negated) when it compares a credential with a held secret, else null. */
function comparisons(code: string): (string | null)[] {
  const out: (string | null)[] = [];
  probe(code, (context) => {
    const credentials = createCredentialClassifier(context, createRequestInputTracker(context));
    return {
      BinaryExpression(node: TSESTree.BinaryExpression) {
        const c = getSecretComparison(credentials, node);
        out.push(c ? `${c.negated ? '!' : ''}${context.sourceCode.getText(c.presented)} ~ ${context.sourceCode.getText(c.held)}` : null);
      },
    };
  });
  return out;
}

describe('getSecretComparison', () => {
  it('request input against a configured secret, either way round', () => {
    expect(
      comparisons("app.get('/', (req, res) => { if (req.headers['x-api-key'] === process.env.API_KEY) ok(); if (process.env.API_KEY !== req.query.key) deny(); });"),
    ).toEqual(["req.headers['x-api-key'] ~ process.env.API_KEY", '!req.query.key ~ process.env.API_KEY']);
  });
  it('not a comparison with a constant, nor other operators, nor unrelated values', () => {
    expect(comparisons("app.get('/', (req, res) => { if (req.query.key === 'abc') a(); if (req.query.page < process.env.API_KEY) b(); if (x === y) c(); });")).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('getSecretComparison: decoded credentials, keyed hashes', () => {
  it('Basic auth decoded from the Authorization header is still the credential the client sent', () => {
    // tiddlywiki: base64Decode, split, index, compared inside a find over configured credentials
    const code = `function authenticateRequest(request, response) {
  var header = request.headers.authorization || "";
  var token = header.split(/\\s+/).pop() || "", auth = $tw.utils.base64Decode(token), parts = auth.split(/:/), incomingPassword = parts[1];
  return this.credentialsData.find(function (credential) { return credential.password === incomingPassword; });
}`;
    expect(comparisons(code)).toEqual(['incomingPassword ~ credential.password']);
    // pm2 serve: a parser of the header
    expect(
      comparisons(`http.createServer(function (request, response) {
  var user = parseBasicAuth(request.headers.authorization);
  if (user.password !== options.basic_auth.password) return sendBasicAuthResponse(response);
});`),
    ).toEqual(['!user.password ~ options.basic_auth.password']);
  });
  it('a parser of the whole request gives the scheme too: no credential', () => {
    // @atproto/pds: const [type, token] = parseAuthorizationHeader(req); type === AuthType.BEARER
    expect(comparisons("const bearerTokenFromReq = (req) => { const [type, token] = parseAuthorizationHeader(req); return type === AuthType.BEARER ? token : null; };")).toEqual([null]);
  });
  it('numbers parsed from a header are no credential', () => {
    expect(comparisons("app.get('/', (req, res) => { const n = parseInt(req.headers['x-api-key'], 10); if (n === config.apiKey) ok(); });")).toEqual([null]);
  });
  it('a let cut from its own value keeps its source; a let given another value does not', () => {
    // supertokens: a header getter, then `x = x.split(' ')[1]`
    const code = `async function validateApiKey(input) {
  let apiKeyHeaderValue = input.req.getHeaderValue("authorization");
  apiKeyHeaderValue = apiKeyHeaderValue === undefined ? void 0 : apiKeyHeaderValue.split(" ")[1];
  return apiKeyHeaderValue === input.config.apiKey;
}`;
    expect(comparisons(code).filter(Boolean)).toEqual(['apiKeyHeaderValue ~ input.config.apiKey']);
    expect(
      comparisons("app.get('/', (req, res) => { let key = req.headers['x-api-key']; key = lookup(); if (key === process.env.API_KEY) ok(); });"),
    ).toEqual([null]);
  });
  it('a hash joining a held secret with other data is a MAC; a hash of the secret alone or of a password is not', () => {
    // node-media-server: a signed URL's md5(path-exp-key) against the sign the client sent
    const code = `function verifyAuth(authKey, session) {
  let shv = session.streamQuery?.sign.split("-")[1];
  let str = session.streamPath + "-" + exp + "-" + authKey;
  let md5 = crypto.createHash("md5");
  let ohv = md5.update(str).digest("hex");
  return shv === ohv;
}`;
    expect(comparisons(code).filter(Boolean)).toEqual(['shv ~ ohv']);
    expect(comparisons('function f(apiKey, stored) { const h = crypto.createHash("sha256").update(apiKey).digest("hex"); return h === stored; }')).toEqual([null]);
    expect(comparisons('function f(password, salt, stored) { const h = crypto.createHash("sha256").update(password + salt).digest("hex"); return h === stored; }').filter(Boolean)).toEqual([]);
  });
});

describe('getSecretLookup', () => {
  it('a presented credential looked up in a list of held secrets', () => {
    const code = "const keys = process.env.API_KEYS.split(','); app.get('/', (req, res) => { keys.includes(req.headers['x-api-key']); keys.indexOf(req.headers['x-api-key']); keys.includes(req.query.page, 1); names.includes(req.query.name); });";
    const results = probeCalls(code, (context, node) => getSecretLookup(createCredentialClassifier(context, createRequestInputTracker(context)), node));
    expect(callResult(results, "keys.includes(req.headers['x-api-key'])")).toBe('includes');
    expect(callResult(results, "keys.indexOf(req.headers['x-api-key'])")).toBe('indexOf');
    expect(callResult(results, 'keys.includes(req.query.page, 1)')).toBeNull();
    expect(callResult(results, 'names.includes(req.query.name)')).toBeNull();
  });
});
