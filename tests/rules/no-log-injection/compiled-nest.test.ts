import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-log-injection.js';

/**
 * NestJS controllers as TypeScript compiles them (what npm packages ship): parameter decorators become
 * `__param(i, (0, common_1.Body)())` in the method's `__decorate([...], X.prototype, "m", null)`, and bind
 * request input exactly like `@Body()` / `@Query('q')` in source.
 */
const ruleTester = new RuleTester();

const HEAD = `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
var __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };
const common_1 = require("@nestjs/common");`;

ruleTester.run('no-log-injection (compiled Nest controllers)', rule, {
  valid: [
    // ParseIntPipe: a number cannot carry a line break
    `${HEAD}
let ItemsController = class ItemsController {
    constructor() { this.logger = new common_1.Logger('items'); }
    find(id) {
        this.logger.log(\`find \${id}\`);
    }
};
__decorate([(0, common_1.Get)(':id'), __param(0, (0, common_1.Param)('id', common_1.ParseIntPipe))], ItemsController.prototype, "find", null);
ItemsController = __decorate([(0, common_1.Controller)('items')], ItemsController);`,
    // a parameter without a decorator (a service method) is not request input
    `${HEAD}
let AuthService = class AuthService {
    constructor() { this.logger = new common_1.Logger('auth'); }
    signIn(username) {
        this.logger.warn('login failed for ' + username);
    }
};
AuthService = __decorate([(0, common_1.Injectable)()], AuthService);`,
    // the decorator binds another parameter than the one logged
    `${HEAD}
let AuthController = class AuthController {
    constructor() { this.logger = new common_1.Logger('auth'); }
    signIn(body, attempt) {
        this.logger.warn('login failed, attempt ' + attempt);
    }
};
__decorate([(0, common_1.Post)('login'), __param(0, (0, common_1.Body)())], AuthController.prototype, "signIn", null);
AuthController = __decorate([(0, common_1.Controller)('auth')], AuthController);`,
  ],
  invalid: [
    {
      code: `${HEAD}
let AuthController = class AuthController {
    constructor() { this.logger = new common_1.Logger('auth'); }
    signIn(username) {
        this.logger.warn('login failed for ' + username);
    }
};
__decorate([(0, common_1.Post)('login'), __param(0, (0, common_1.Body)('username'))], AuthController.prototype, "signIn", null);
AuthController = __decorate([(0, common_1.Controller)('auth')], AuthController);`,
      // The logger assigned in the constructor is Nest's, as a class field `logger = new Logger()` is:
      // the same autofix as the source form (tests/rules/no-log-injection/graphql.test.ts).
      output: `${HEAD}
let AuthController = class AuthController {
    constructor() { this.logger = new common_1.Logger('auth'); }
    signIn(username) {
        this.logger.warn({ message: 'login failed for', username });
    }
};
__decorate([(0, common_1.Post)('login'), __param(0, (0, common_1.Body)('username'))], AuthController.prototype, "signIn", null);
AuthController = __decorate([(0, common_1.Controller)('auth')], AuthController);`,
      errors: [{ messageId: 'injection', line: 8, suggestions: [{ messageId: 'useFields', output: `${HEAD}
let AuthController = class AuthController {
    constructor() { this.logger = new common_1.Logger('auth'); }
    signIn(username) {
        this.logger.warn({ message: 'login failed for', username });
    }
};
__decorate([(0, common_1.Post)('login'), __param(0, (0, common_1.Body)('username'))], AuthController.prototype, "signIn", null);
AuthController = __decorate([(0, common_1.Controller)('auth')], AuthController);` }] }],
    },
  ],
});
