import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

const ruleTester = new RuleTester();

// The login name a function named for logging in takes right before the password is the text a client typed at the
// login form, whichever file calls it (homebridge-config-ui-x's AuthService.authenticate, The Lounge's LDAP auth; issue 18).
const lockout = (param: string, log: string) =>
  `class AuthService {\n  async authenticate(${param}, password, otp) {\n    if (this.failures.get(${param}) >= MAX_FAILURES) {\n      ${log};\n      throw new HttpException('Too many failed attempts.', 429);\n    }\n    return this.checkPassword(${param}, password, otp);\n  }\n}`;

ruleTester.run('no-log-injection (login names of login functions)', rule, {
  valid: [
    // as a structured field
    lockout('username', "this.logger.warn('Too many failed login attempts', { username })"),
    // an id, not the typed login name
    lockout('userId', 'this.logger.warn(`Too many failed login attempts for ${userId}`)'),
    // not named for logging in: an admin's own account management
    'class Users {\n  async updateUser(username, password) {\n    this.logger.info(`updating ${username}`);\n    return this.repo.save(username, password);\n  }\n}',
    // the login name is not right before the password
    'function ldapAuthCommon(user, bindDN, password, callback) {\n  log.info(`bind for ${user}`);\n}',
  ],
  invalid: [
    {
      code: lockout('username', "this.logger.warn(`Too many failed login attempts for '${username}' - temporarily locked out.`)"),
      errors: [
        {
          messageId: 'injection',
          line: 4,
          suggestions: [{ messageId: 'useFields', output: lockout('username', "this.logger.warn({ message: 'Too many failed login attempts for - temporarily locked out.', username })") }],
        },
      ],
    },
    // a passport local strategy's verify callback
    {
      code: "passport.use(new LocalStrategy(async (email, password, done) => {\n  const user = await Users.findOne({ email });\n  if (!user) {\n    logger.warn('unknown account ' + email);\n    return done(null, false);\n  }\n  return done(null, user);\n}));",
      errors: [{ messageId: 'injection', line: 4, suggestions: [{ messageId: 'useFields', output: "passport.use(new LocalStrategy(async (email, password, done) => {\n  const user = await Users.findOne({ email });\n  if (!user) {\n    logger.warn('unknown account', { email });\n    return done(null, false);\n  }\n  return done(null, user);\n}));" }] }],
    },
  ],
});
