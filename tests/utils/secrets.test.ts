import { describe, expect, it } from 'vitest';
import { classifySecretName, isSecretName, tokenizeName } from '../../src/utils/secrets.js';

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
    'authCode', 'tokenSet', 'sessionKey',
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
