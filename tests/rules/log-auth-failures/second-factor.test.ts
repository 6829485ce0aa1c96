import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * One-time codes and WebAuthn: the false branch of a one-time-code check (`speakeasy.totp.verify(…)`,
 * otplib's `authenticator.check(code, secret)`, an app's `verifyTotpCode(…)`), of a WebAuthn
 * authentication's `verified` (`const { verified } = await verifyAuthenticationResponse(…)`) and the
 * `catch` around that verification are failed credential checks, whatever they answer with (a 400, the
 * form re-rendered with an error, a redirect to the login page). Registering a passkey or enabling
 * two-factor (the code confirms a secret being enrolled) is enrolment, and generating a secret is no check.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (second factor)', rule, {
  valid: [
    "// speakeasy: the wrong code is logged\nrouter.post('/2fa/verify', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const verified = speakeasy.totp.verify({ secret: user.twoFactorSecret, encoding: 'base32', token: req.body.token, window: 1 });\n  if (!verified) {\n    logger.warn('2FA code rejected', { userId: user.id, ip: req.ip });\n    return res.status(400).json({ message: 'Invalid 2FA code' });\n  }\n  req.session.userId = user.id;\n  res.json({ ok: true });\n});",
    "// otplib: a redirect on the verified path is no failure\nimport { authenticator } from 'otplib';\nrouter.post('/login/otp', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  if (authenticator.check(req.body.code, user.otpSecret)) {\n    req.session.userId = user.id;\n    return res.redirect('/');\n  }\n  logger.warn('OTP rejected', { userId: user.id });\n  res.render('otp', { error: 'Wrong code, try again' });\n});",
    "// SimpleWebAuthn: the failed assertion is logged\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const { verified } = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge, expectedOrigin: origin, expectedRPID: rpID, authenticator: user.device });\n  if (!verified) {\n    req.log.warn({ userId: user.id }, 'passkey not verified');\n    return res.status(400).json({ error: 'Passkey not verified' });\n  }\n  res.json({ verified });\n});",
    "// SimpleWebAuthn: `verified === false` logged before the 400\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const verification = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge, expectedOrigin: origin, expectedRPID: rpID, authenticator: user.device });\n  if (verification.verified === false) {\n    req.log.warn({ user: user.id, reason: 'invalid_passkey' }, 'passkey sign-in refused');\n    return res.status(400).json({ error: 'Passkey not verified' });\n  }\n  req.session.userId = user.id;\n  res.json({ ok: true });\n});",
    "// registering a passkey is enrolment, not a login: its failure is no refused caller\nrouter.post('/webauthn/register/verify', async (req, res) => {\n  const { verified } = await verifyRegistrationResponse({ response: req.body, expectedChallenge: req.session.challenge, expectedOrigin: origin, expectedRPID: rpID });\n  if (!verified) return res.status(400).json({ error: 'Registration failed' });\n  res.json({ verified });\n});",
    "// generating a secret or a QR code is no check\nrouter.get('/2fa/setup', async (req, res) => {\n  const secret = speakeasy.generateSecret({ name: 'MyApp' });\n  if (!secret) return res.redirect('/settings?error=setup');\n  res.render('2fa-setup', { qr: await qrcode.toDataURL(secret.otpauth_url) });\n});",
    "// a catch around an unrelated call next to a code check\nrouter.post('/2fa/verify', async (req, res) => {\n  let user;\n  try {\n    user = await User.findById(req.session.pendingUserId);\n  } catch (err) {\n    return res.redirect('/login?error=server');\n  }\n  res.json({ ok: speakeasy.totp.verify({ secret: user.secret, encoding: 'base32', token: req.body.token }) });\n});",
    "// a redirect after a failed code check that the handler logs\nrouter.post('/mfa', async (req, res) => {\n  const ok = await verifyTotpCode(req.user.id, req.body.code);\n  if (ok === false) {\n    logger.warn('MFA code rejected', { userId: req.user.id });\n    return res.redirect('/login?error=mfa');\n  }\n  res.redirect('/');\n});",
    "// enabling two-factor: the code confirms the secret being enrolled, a typo is no failed sign-in\nexport class TFAService {\n  async enableTFA(key, otp, secret) {\n    if (!authenticator.check(otp, secret)) throw new InvalidPayloadError({ reason: '\"otp\" is invalid' });\n    await this.users.updateOne(key, { tfa_secret: secret });\n  }\n}",
    "// saltcorn: the code confirms the TOTP secret being set up, the handler handed through a wrapper\nrouter.post(\n  '/twofa/setup/totp',\n  loggedIn,\n  error_catcher(async (req, res) => {\n    const user = await User.findOne({ id: req.user.id });\n    const rv = totp.verify(req.body.code, user.totp_key, { time: 30 });\n    if (!rv) {\n      req.flash('danger', 'Could not verify code');\n      res.redirect('/auth/twofa/setup/totp');\n      return;\n    }\n    await user.update({ totp_enabled: true });\n    res.redirect('/auth/settings');\n  })\n);",
  ],
  invalid: [
    {
      "code": "// saltcorn: disabling two-factor with a wrong code is a failed check of a signed-in session, the handler handed through a wrapper\nrouter.post(\n  '/twofa/disable/totp',\n  loggedIn,\n  error_catcher(async (req, res) => {\n    const user = await User.findOne({ id: req.user.id });\n    const rv = totp.verify(req.body.code, user.totp_key, { time: 30 });\n    if (!rv) {\n      req.flash('danger', 'Could not verify code');\n      res.redirect('/auth/twofa/disable/totp');\n      return;\n    }\n    await user.update({ totp_enabled: false });\n    res.redirect('/auth/settings');\n  })\n);",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 10,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// saltcorn: disabling two-factor with a wrong code is a failed check of a signed-in session, the handler handed through a wrapper\nrouter.post(\n  '/twofa/disable/totp',\n  loggedIn,\n  error_catcher(async (req, res) => {\n    const user = await User.findOne({ id: req.user.id });\n    const rv = totp.verify(req.body.code, user.totp_key, { time: 30 });\n    if (!rv) {\n      req.flash('danger', 'Could not verify code');\n      console.warn('Authentication failed: invalid one-time code', { reason: 'invalid_otp', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n      res.redirect('/auth/twofa/disable/totp');\n      return;\n    }\n    await user.update({ totp_enabled: false });\n    res.redirect('/auth/settings');\n  })\n);"
            }
          ]
        }
      ]
    },
    {
      "code": "// speakeasy: a wrong TOTP code answered 400\nrouter.post('/2fa/verify', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const verified = speakeasy.totp.verify({ secret: user.twoFactorSecret, encoding: 'base32', token: req.body.token, window: 1 });\n  if (!verified) return res.status(400).json({ message: 'Invalid 2FA code' });\n  req.session.userId = user.id;\n  res.json({ ok: true });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// speakeasy: a wrong TOTP code answered 400\nrouter.post('/2fa/verify', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const verified = speakeasy.totp.verify({ secret: user.twoFactorSecret, encoding: 'base32', token: req.body.token, window: 1 });\n  if (!verified) {\n    console.warn('Authentication failed: invalid one-time code', { reason: 'invalid_otp', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(400).json({ message: 'Invalid 2FA code' });\n  }\n  req.session.userId = user.id;\n  res.json({ ok: true });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// otplib: the login form re-rendered with an error after a wrong code\nimport { authenticator } from 'otplib';\nrouter.post('/login/otp', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const isValid = authenticator.check(req.body.code, user.otpSecret);\n  if (!isValid) {\n    return res.render('otp', { error: 'Wrong code, try again' });\n  }\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 7,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// otplib: the login form re-rendered with an error after a wrong code\nimport { authenticator } from 'otplib';\nrouter.post('/login/otp', async (req, res) => {\n  const user = await User.findById(req.session.pendingUserId);\n  const isValid = authenticator.check(req.body.code, user.otpSecret);\n  if (!isValid) {\n    console.warn('Authentication failed: invalid one-time code', { reason: 'invalid_otp', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.render('otp', { error: 'Wrong code, try again' });\n  }\n  req.session.userId = user.id;\n  res.redirect('/');\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// SimpleWebAuthn: `verified` destructured from the authentication response, false answered 400\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const authenticator = user.devices.find((d) => d.credentialID === req.body.id);\n  const { verified, authenticationInfo } = await verifyAuthenticationResponse({\n    response: req.body,\n    expectedChallenge: req.session.challenge,\n    expectedOrigin: origin,\n    expectedRPID: rpID,\n    authenticator,\n  });\n  if (!verified) return res.status(400).json({ error: 'Passkey not verified' });\n  authenticator.counter = authenticationInfo.newCounter;\n  res.json({ verified });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 12,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// SimpleWebAuthn: `verified` destructured from the authentication response, false answered 400\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const authenticator = user.devices.find((d) => d.credentialID === req.body.id);\n  const { verified, authenticationInfo } = await verifyAuthenticationResponse({\n    response: req.body,\n    expectedChallenge: req.session.challenge,\n    expectedOrigin: origin,\n    expectedRPID: rpID,\n    authenticator,\n  });\n  if (!verified) {\n    console.warn('Authentication failed: passkey not verified', { reason: 'invalid_passkey', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(400).json({ error: 'Passkey not verified' });\n  }\n  authenticator.counter = authenticationInfo.newCounter;\n  res.json({ verified });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// SimpleWebAuthn example server: a bad assertion throws, and the catch answers 400\napp.post('/verify-authentication', async (req, res) => {\n  const body = req.body;\n  let verification;\n  try {\n    verification = await verifyAuthenticationResponse({ response: body, expectedChallenge: req.session.currentChallenge, expectedOrigin, expectedRPID: rpID, credential: dbCredential });\n  } catch (error) {\n    return res.status(400).send({ error: error.message });\n  }\n  const { verified, authenticationInfo } = verification;\n  if (verified) dbCredential.counter = authenticationInfo.newCounter;\n  res.send({ verified });\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 8,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// SimpleWebAuthn example server: a bad assertion throws, and the catch answers 400\napp.post('/verify-authentication', async (req, res) => {\n  const body = req.body;\n  let verification;\n  try {\n    verification = await verifyAuthenticationResponse({ response: body, expectedChallenge: req.session.currentChallenge, expectedOrigin, expectedRPID: rpID, credential: dbCredential });\n  } catch (error) {\n    console.warn('Authentication failed: passkey not verified', { reason: 'invalid_passkey', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(400).send({ error: error.message });\n  }\n  const { verified, authenticationInfo } = verification;\n  if (verified) dbCredential.counter = authenticationInfo.newCounter;\n  res.send({ verified });\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// an app's own code check, then a redirect to the login page with an error\nrouter.post('/mfa', async (req, res) => {\n  const ok = await verifyTotpCode(req.user.id, req.body.code);\n  if (ok === false) {\n    return res.redirect('/login?error=mfa');\n  }\n  req.session.mfa = true;\n  res.redirect(req.session.returnTo || '/');\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// an app's own code check, then a redirect to the login page with an error\nrouter.post('/mfa', async (req, res) => {\n  const ok = await verifyTotpCode(req.user.id, req.body.code);\n  if (ok === false) {\n    console.warn('Authentication failed: invalid one-time code', { reason: 'invalid_otp', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.redirect('/login?error=mfa');\n  }\n  req.session.mfa = true;\n  res.redirect(req.session.returnTo || '/');\n});"
            }
          ]
        }
      ]
    },
    {
      "code": "// disabling two-factor with a wrong code: a second factor refused on a sensitive action\nrouter.post('/me/tfa/disable', async (req, res, next) => {\n  const service = new TFAService({ accountability: req.accountability });\n  if ((await service.verifyOTP(req.accountability.user, req.body.otp)) === false) {\n    throw new InvalidPayloadError({ reason: '\"otp\" is invalid' });\n  }\n  await service.disableTFA(req.accountability.user);\n  return next();\n});",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 5,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "// disabling two-factor with a wrong code: a second factor refused on a sensitive action\nrouter.post('/me/tfa/disable', async (req, res, next) => {\n  const service = new TFAService({ accountability: req.accountability });\n  if ((await service.verifyOTP(req.accountability.user, req.body.otp)) === false) {\n    console.warn('Authentication failed: invalid one-time code', { reason: 'invalid_otp', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    throw new InvalidPayloadError({ reason: '\"otp\" is invalid' });\n  }\n  await service.disableTFA(req.accountability.user);\n  return next();\n});"
            }
          ]
        }
      ]
    },
    {
      code: "// SimpleWebAuthn: the verification object's `verified` compared with false, answered 400\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const verification = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge, expectedOrigin: origin, expectedRPID: rpID, authenticator: user.device });\n  if (verification.verified === false) {\n    return res.status(400).json({ error: 'Passkey not verified' });\n  }\n  req.session.userId = user.id;\n  res.json({ ok: true });\n});",
      errors: [{ messageId: 'unlogged', line: 6, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: "// SimpleWebAuthn: the verification object's `verified` compared with false, answered 400\nrouter.post('/webauthn/login/verify', async (req, res) => {\n  const user = await User.findById(req.session.challengeUserId);\n  const verification = await verifyAuthenticationResponse({ response: req.body, expectedChallenge: req.session.challenge, expectedOrigin: origin, expectedRPID: rpID, authenticator: user.device });\n  if (verification.verified === false) {\n    console.warn('Authentication failed: passkey not verified', { reason: 'invalid_passkey', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });\n    return res.status(400).json({ error: 'Passkey not verified' });\n  }\n  req.session.userId = user.id;\n  res.json({ ok: true });\n});" }] }],
    },
  ],
});
