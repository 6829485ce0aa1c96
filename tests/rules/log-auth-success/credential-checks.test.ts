import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-success.js';

/**
 * Credential checks log-auth-success shares with log-auth-failures (one answer, credentialCheckKind): a
 * one-time code (speakeasy, otplib) or a WebAuthn assertion checked in a handler signs the user in, and so
 * does an app's own check handed the password (`authService.validateUser(email, password)`). Enrolling a
 * factor, registering a passkey, confirming a factor's removal and a validator given only an id are no login.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-success (credential checks)', rule, {
  valid: [
    "// speakeasy: the signed-in user is logged before answering\nrouter.post('/2fa/verify', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const ok = speakeasy.totp.verify({ secret: user.totpSecret, encoding: 'base32', token: req.body.code, window: 1 });\n  if (!ok) return res.status(401).json({ error: 'Invalid code' });\n  req.session.userId = user.id;\n  logger.info('login', { userId: user.id, factor: 'totp' });\n  res.json({ ok: true });\n});",
    "// SimpleWebAuthn: the verified assertion is logged with the user\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const verification = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge, authenticator: user.authenticator });\n  if (!verification.verified) return res.status(401).json({ verified: false });\n  req.session.userId = user.id;\n  logger.info('passkey login', { userId: user.id });\n  res.json({ verified: true });\n});",
    "// a code that confirms turning two-factor off is no sign-in\nrouter.post('/2fa/disable', async (req, res) => {\n  const ok = speakeasy.totp.verify({ secret: req.user.totpSecret, encoding: 'base32', token: req.body.code });\n  if (!ok) return res.status(401).json({ error: 'Invalid code' });\n  await User.update(req.user.id, { totpSecret: null });\n  res.json({ ok: true });\n});",
    "// enrolling an authenticator app: the code confirms the new secret, nobody signs in\nrouter.post('/account/2fa', async function enableTwoFactor(req, res) {\n  if (!authenticator.check(req.body.code, req.body.secret)) return res.status(400).json({ error: 'Invalid code' });\n  await User.update(req.user.id, { totpSecret: req.body.secret });\n  res.json({ enabled: true });\n});",
    "// registering a passkey is enrolment, not a login\nrouter.post('/webauthn/register/verify', async (req, res) => {\n  const { verified, registrationInfo } = await verifyRegistrationResponse({ response: req.body, expectedChallenge: req.session.challenge });\n  if (verified) await Authenticator.create({ userId: req.user.id, ...registrationInfo });\n  res.json({ verified });\n});",
    "// validateUser given the session's user id: does the account exist, no password checked\nrouter.get('/login/status', async (req, res) => {\n  const user = await authService.validateUser(req.session.userId);\n  res.json({ signedIn: !!user });\n});",
    "// the wrong code only: the failure branch is log-auth-failures' concern, nothing succeeds here\nrouter.post('/2fa/verify', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  if (!speakeasy.totp.verify({ secret: user.totpSecret, encoding: 'base32', token: req.body.code })) {\n    return res.redirect('/2fa?error=invalid');\n  }\n  return finishLogin(req, res, user);\n});",
    "// a two-factor code re-checked before a password change is no sign-in\nrouter.post('/me/password', async function updatePassword(req, res) {\n  const isMfaCodeValid = await mfaService.validateMfa(req.user.id, req.body.mfaCode);\n  if (!isMfaCodeValid) throw new InvalidMfaCodeError();\n  await User.setPassword(req.user.id, req.body.newPassword);\n  res.json({ success: true });\n});",
  ],
  invalid: [
    {
      "code": "// speakeasy: the code of a pending login is right, the session is set, nobody logs who signed in\nrouter.post('/2fa/verify', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const ok = speakeasy.totp.verify({ secret: user.totpSecret, encoding: 'base32', token: req.body.code, window: 1 });\n  if (!ok) return res.status(401).json({ error: 'Invalid code' });\n  req.session.userId = user.id;\n  res.json({ ok: true });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logSuccess",
              "data": {
                "call": "console.info"
              },
              "output": "// speakeasy: the code of a pending login is right, the session is set, nobody logs who signed in\nrouter.post('/2fa/verify', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const ok = speakeasy.totp.verify({ secret: user.totpSecret, encoding: 'base32', token: req.body.code, window: 1 });\n  if (!ok) return res.status(401).json({ error: 'Invalid code' });\n  req.session.userId = user.id;\n  console.info('Login succeeded', { userId: user.id, ip: req.ip, userAgent: req.headers['user-agent'] });\n  res.json({ ok: true });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// SimpleWebAuthn: a verified passkey assertion signs the user in without a log\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const verification = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge, expectedOrigin: origin, expectedRPID: rpID, authenticator: user.authenticator });\n  if (!verification.verified) return res.status(401).json({ verified: false });\n  req.session.userId = user.id;\n  res.json({ verified: true });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logSuccess",
              "data": {
                "call": "console.info"
              },
              "output": "// SimpleWebAuthn: a verified passkey assertion signs the user in without a log\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const verification = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge, expectedOrigin: origin, expectedRPID: rpID, authenticator: user.authenticator });\n  if (!verification.verified) return res.status(401).json({ verified: false });\n  req.session.userId = user.id;\n  console.info('Login succeeded', { userId: user.id, ip: req.ip, userAgent: req.headers['user-agent'] });\n  res.json({ verified: true });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// an app's own credential check handed the password: the redirect after it is the login\nrouter.post('/login', async (req, res) => {\n  const { email, password } = req.body;\n  const user = await authService.validateUser(email, password);\n  if (!user) return res.redirect('/login?error=1');\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logSuccess",
              "data": {
                "call": "console.info"
              },
              "output": "// an app's own credential check handed the password: the redirect after it is the login\nrouter.post('/login', async (req, res) => {\n  const { email, password } = req.body;\n  const user = await authService.validateUser(email, password);\n  if (!user) return res.redirect('/login?error=1');\n  req.session.userId = user.id;\n  console.info('Login succeeded', { userId: user.id, ip: req.ip, userAgent: req.headers['user-agent'] });\n  res.redirect('/');\n});"
            }
          ]
        }
      ]
    },
  ],
});
