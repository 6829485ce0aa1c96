import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A rejection chosen only because a genuine credential expired (an expiry error class, an error named for it,
 * an expiry time compared with the clock, `isExpired()`) is the normal refresh trigger: quiet by default,
 * reported with `includeExpired` (on in strict). A forged or unknown credential on the next branch stays reported.
 * Trimmed from the AT Protocol PDS, Flowise and Actual's sync server.
 */
const ruleTester = new RuleTester();

const expired = [
  // jose's JWTExpired in the rejection handler of the verification; the other failures are logged
  `export class AuthVerifier {
  async verifyBearerJwt(req) {
    const token = bearerTokenFromReq(req);
    const { payload } = await jose.jwtVerify(token, this._jwtKey).catch((cause) => {
      if (cause instanceof jose.errors.JWTExpired) {
        throw new InvalidRequestError('Token has expired', 'ExpiredToken', { cause });
      }
      logger.warn({ cause }, 'token could not be verified');
      throw new InvalidRequestError('Token could not be verified', 'InvalidToken', { cause });
    });
    return payload;
  }
}`,
  // passport's jwt strategy reports the expiry in info: the client retries with its refresh cookie
  `const verifyToken = (req, res, next) => {
  passport.authenticate('jwt', { session: true }, (err, user, info) => {
    if (err) return next(err);
    if (info && info.name === 'TokenExpiredError') {
      if (req.cookies && req.cookies.refreshToken) {
        return res.status(401).json({ message: 'Token expired', retry: true });
      }
    }
    if (!user) {
      logger.warn('invalid token', { ip: req.ip });
      return res.status(401).json({ message: 'Invalid or missing token' });
    }
    next();
  })(req, res, next);
};
app.use('/api', verifyToken);`,
  // a stored session past its expiry time
  `export function validateSession(req, res) {
  const session = getSession(req.headers['x-actual-token']);
  if (!session) {
    logger.warn('unknown session token', { ip: req.ip });
    res.status(401).send({ reason: 'unauthorized' });
    return null;
  }
  if (session.expires_at !== TOKEN_EXPIRATION_NEVER && session.expires_at * 1000 <= Date.now()) {
    res.status(401);
    res.send({ status: 'error', reason: 'token-expired' });
    return null;
  }
  return session;
}
app.get('/sync', (req, res) => { if (validateSession(req, res)) res.json(sync()); });`,
];

ruleTester.run('log-auth-failures (expired credentials)', rule, {
  valid: expired,
  invalid: [
    { code: expired[0]!, options: [{ includeExpired: true }] as const, errors: [{ messageId: 'unloggedExpired' as const, line: 6, suggestions: [{"messageId": "logFailure", "output": "export class AuthVerifier {\n  async verifyBearerJwt(req) {\n    const token = bearerTokenFromReq(req);\n    const { payload } = await jose.jwtVerify(token, this._jwtKey).catch((cause) => {\n      if (cause instanceof jose.errors.JWTExpired) {\n        console.warn('Authentication failed: expired credential', { reason: 'expired_credential' });\n        throw new InvalidRequestError('Token has expired', 'ExpiredToken', { cause });\n      }\n      logger.warn({ cause }, 'token could not be verified');\n      throw new InvalidRequestError('Token could not be verified', 'InvalidToken', { cause });\n    });\n    return payload;\n  }\n}"}] }] },
    { code: expired[1]!, options: [{ includeExpired: true }] as const, errors: [{ messageId: 'unloggedExpired' as const, line: 6, suggestions: [{"messageId": "logFailure", "output": "const verifyToken = (req, res, next) => {\n  passport.authenticate('jwt', { session: true }, (err, user, info) => {\n    if (err) return next(err);\n    if (info && info.name === 'TokenExpiredError') {\n      if (req.cookies && req.cookies.refreshToken) {\n        console.warn('Authentication failed: expired credential', { reason: 'expired_credential', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n        return res.status(401).json({ message: 'Token expired', retry: true });\n      }\n    }\n    if (!user) {\n      logger.warn('invalid token', { ip: req.ip });\n      return res.status(401).json({ message: 'Invalid or missing token' });\n    }\n    next();\n  })(req, res, next);\n};\napp.use('/api', verifyToken);"}] }] },
    { code: expired[2]!, options: [{ includeExpired: true }] as const, errors: [{ messageId: 'unloggedExpired' as const, line: 9, suggestions: [{"messageId": "logFailure", "output": "export function validateSession(req, res) {\n  const session = getSession(req.headers['x-actual-token']);\n  if (!session) {\n    logger.warn('unknown session token', { ip: req.ip });\n    res.status(401).send({ reason: 'unauthorized' });\n    return null;\n  }\n  if (session.expires_at !== TOKEN_EXPIRATION_NEVER && session.expires_at * 1000 <= Date.now()) {\n    console.warn('Authentication failed: expired credential', { reason: 'expired_credential' });\n    res.status(401);\n    res.send({ status: 'error', reason: 'token-expired' });\n    return null;\n  }\n  return session;\n}\napp.get('/sync', (req, res) => { if (validateSession(req, res)) res.json(sync()); });"}] }] },
    {
      // the report says what happened: an expired credential refused, not an invalid token
      code: `const verifyToken = (req, res, next) => {
  jwt.verify(req.headers.authorization, secret, (err, payload) => {
    if (err instanceof jwt.TokenExpiredError) return res.status(401).json({ retry: true });
    if (err) {
      logger.warn({ ip: req.ip }, 'invalid token');
      return res.status(401).json({ message: 'Invalid token' });
    }
    req.user = payload;
    next();
  });
};
app.use(verifyToken);`,
      options: [{ includeExpired: true }] as const,
      errors: [
        {
          messageId: 'unloggedExpired' as const,
          data: { what: 'a 401 response for an expired credential' },
          line: 3,
          suggestions: [{"messageId": "logFailure", "output": "const verifyToken = (req, res, next) => {\n  jwt.verify(req.headers.authorization, secret, (err, payload) => {\n    if (err instanceof jwt.TokenExpiredError) {\n      console.warn('Authentication failed: expired credential', { reason: 'expired_credential', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.status(401).json({ retry: true });\n    }\n    if (err) {\n      logger.warn({ ip: req.ip }, 'invalid token');\n      return res.status(401).json({ message: 'Invalid token' });\n    }\n    req.user = payload;\n    next();\n  });\n};\napp.use(verifyToken);"}],
        },
      ],
    },
    {
      // the forged-token branch beside it is no expiry
      code: `const verifyToken = (req, res, next) => {
  jwt.verify(req.headers.authorization, secret, (err, payload) => {
    if (err instanceof jwt.TokenExpiredError) return res.status(401).json({ retry: true });
    if (err) return res.status(401).json({ message: 'Invalid token' });
    req.user = payload;
    next();
  });
};
app.use(verifyToken);`,
      errors: [{ messageId: 'unlogged' as const, line: 4, suggestions: [{"messageId": "logFailure", "output": "const verifyToken = (req, res, next) => {\n  jwt.verify(req.headers.authorization, secret, (err, payload) => {\n    if (err instanceof jwt.TokenExpiredError) return res.status(401).json({ retry: true });\n    if (err) {\n      console.warn('Authentication failed: invalid token', { reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      return res.status(401).json({ message: 'Invalid token' });\n    }\n    req.user = payload;\n    next();\n  });\n};\napp.use(verifyToken);"}] }],
    },
  ],
});
