import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * Shapes of compiled and service code: TypeScript's CommonJS output of a Nest class (decorators applied with
 * `__decorate`), a verdict named `isAllowed` read by what it was computed from, an auth error returned as the
 * result (a GraphQL error union, a result type) beside a success, and a promise settled with a 401 answer on a
 * failed password check.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (compiled code and error results)', rule, {
  valid: [
    `"use strict";
const common_1 = require("@nestjs/common");
const errors_1 = require("../common/errors");
const logger_1 = require("../logger");
let AuthGuard = class AuthGuard {
    async canActivate(context) {
        const permissions = this.reflector.get("permissions", context.getHandler());
        const isAllowed = await this.accessStrategy.canAccess(context, permissions);
        if (!isAllowed) {
            logger_1.Logger.warn(\`Access denied to \${context.getHandler().name}\`);
            throw new errors_1.ForbiddenError();
        }
        return true;
    }
};
exports.AuthGuard = AuthGuard = __decorate([(0, common_1.Injectable)()], AuthGuard);`,
    `// a verdict computed from an allowlist of models read from the settings: a product rule
const express = require('express');
const router = express.Router();
router.post('/complete', async (req, res) => {
  const allowedModels = aiSettings.openaiAllowedModels;
  const isAllowed = allowedModels.includes(req.body.model);
  if (!isAllowed) return res.status(403).json({ error: 'Model not enabled' });
  res.json(await complete(req.body));
});`,
    `// an error mapper returns an error on every path: the caller's throw is the rejection
import { Injectable } from '@nestjs/common';

@Injectable()
export class LdapErrors {
  toAppError(e: Error) {
    if (e instanceof InvalidCredentialsLdapError) return new InvalidCredentialsError();
    if (e instanceof InsufficientAccessError) return new ForbiddenError();
    return e;
  }
}`,
    `// the failed password check is logged before the error result is returned
import { Injectable, Logger } from '@nestjs/common';
import { InvalidCredentialsError } from './errors';

@Injectable()
export class UserService {
  private readonly logger = new Logger(UserService.name);
  async updatePassword(userId: string, current: string, next: string) {
    const user = await this.users.findOneOrFail(userId);
    const matches = await this.passwordCipher.check(current, user.passwordHash);
    if (!matches) {
      this.logger.warn(\`Wrong current password for user \${userId}\`);
      return new InvalidCredentialsError();
    }
    user.passwordHash = await this.passwordCipher.hash(next);
    await this.users.save(user);
    return true;
  }
}`,
    `// compiled, but no Nest decorator is applied to the class: a plain helper class, not a provider
"use strict";
const common_1 = require("@nestjs/common");
const errors_1 = require("../common/errors");
class CredentialsChecker {
    async check(ctx, userId, password) {
        const passwordMatches = await this.strategy.verifyUserPassword(ctx, userId, password);
        if (!passwordMatches) {
            return new errors_1.InvalidCredentialsError({ authenticationError: '' });
        }
        return true;
    }
}
exports.CredentialsChecker = CredentialsChecker;`,
    `const bcrypt = require('bcryptjs');
const log = require('./log');

function login(name, password) {
  return new Promise((resolve, reject) => {
    const user = users.find((u) => u.username === name);
    bcrypt.compare(password, user ? user.password : DUMMY_HASH, (err, matches) => {
      if (err) {
        reject(err);
      } else if (matches === true && user) {
        resolve({ statusCode: 200, token: sign(user) });
      } else {
        log.warn(\`login failed for \${name}\`);
        resolve({ statusCode: 401, message: 'Invalid username/password' });
      }
    });
  });
}
module.exports = { login };`,
    `// a status object resolved outside a credential check and outside a handler is data
function describeAccess(path) {
  return new Promise((resolve) => {
    if (isProtected(path)) resolve({ statusCode: 403, path, auth: 'required' });
    else resolve({ statusCode: 200, path });
  });
}
module.exports = { describeAccess };`,
    `// compiled Nest provider: a thrown app error passes the app's global exception filter (Vendure's logs ForbiddenError at warn)
"use strict";
const common_1 = require("@nestjs/common");
const errors_1 = require("../../common/error/errors");
let FacetService = class FacetService {
    async assignFacetsToChannel(ctx, input) {
        const hasPermission = await this.roleService.userHasAnyPermissionsOnChannel(ctx, input.channelId, ['UpdateFacet']);
        if (!hasPermission) {
            throw new errors_1.ForbiddenError();
        }
        return this.channelService.assignToChannels(ctx, input.facetIds, input.channelId);
    }
};
exports.FacetService = FacetService = __decorate([(0, common_1.Injectable)()], FacetService);`,
    // Vendure's shop resolver, compiled: its own ForbiddenError passes the app's global exception filter (another file),
    // which logs it at warn, so a route or resolver method read from \`__decorate\` gives no verdict on it
    `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
var __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };
const graphql_1 = require("@nestjs/graphql");
const errors_1 = require("../../../common/error/errors");
let ShopCustomerResolver = class ShopCustomerResolver {
    async updateCustomerAddress(ctx, args) {
        const customer = await this.getCustomerForOwner(ctx);
        const customerAddresses = await this.customerService.findAddressesByCustomerId(ctx, customer.id);
        if (!customerAddresses.find(address => (0, utils_1.idsAreEqual)(address.id, args.input.id))) {
            throw new errors_1.ForbiddenError();
        }
        return this.customerService.updateAddress(ctx, args.input);
    }
};
__decorate([(0, graphql_1.Mutation)(), __param(0, (0, request_context_decorator_1.Ctx)()), __param(1, (0, graphql_1.Args)())], ShopCustomerResolver.prototype, "updateCustomerAddress", null);
ShopCustomerResolver = __decorate([(0, graphql_1.Resolver)('Customer')], ShopCustomerResolver);`,
    // Nest's ForbiddenException in a compiled controller route, logged before it
    `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
var __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };
const common_1 = require("@nestjs/common");
let AddressController = class AddressController {
    async update(req, id, body) {
        const address = await this.addresses.findOne(id);
        if (address.ownerId !== req.user.id) {
            this.logger.warn(\`address \${id}: owner mismatch for user \${req.user.id}\`);
            throw new common_1.ForbiddenException();
        }
        return this.addresses.update(id, body);
    }
};
__decorate([(0, common_1.Put)(':id'), __param(0, (0, common_1.Req)()), __param(1, (0, common_1.Param)('id')), __param(2, (0, common_1.Body)())], AddressController.prototype, "update", null);
AddressController = __decorate([(0, common_1.Controller)('addresses')], AddressController);`,
  ],
  invalid: [
    // Nest's own ForbiddenException in a route read from \`__decorate\`: Nest's built-in filter does not log a 4xx
    {
      code: `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
var __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };
const common_1 = require("@nestjs/common");
let AddressController = class AddressController {
    async update(req, id, body) {
        const address = await this.addresses.findOne(id);
        if (address.ownerId !== req.user.id) {
            throw new common_1.ForbiddenException();
        }
        return this.addresses.update(id, body);
    }
};
__decorate([(0, common_1.Put)(':id'), __param(0, (0, common_1.Req)()), __param(1, (0, common_1.Param)('id')), __param(2, (0, common_1.Body)())], AddressController.prototype, "update", null);
AddressController = __decorate([(0, common_1.Controller)('addresses')], AddressController);`,
      output: null,
      errors: [{ messageId: 'unlogged', line: 9, suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return desc; };
var __param = (this && this.__param) || function (paramIndex, decorator) { return function (target, key) { decorator(target, key, paramIndex); } };
const common_1 = require("@nestjs/common");
let AddressController = class AddressController {
    async update(req, id, body) {
        const address = await this.addresses.findOne(id);
        if (address.ownerId !== req.user.id) {
            console.warn('Access denied', { reason: 'forbidden', method: req.method, path: req.url?.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] });
            throw new common_1.ForbiddenException();
        }
        return this.addresses.update(id, body);
    }
};
__decorate([(0, common_1.Put)(':id'), __param(0, (0, common_1.Req)()), __param(1, (0, common_1.Param)('id')), __param(2, (0, common_1.Body)())], AddressController.prototype, "update", null);
AddressController = __decorate([(0, common_1.Controller)('addresses')], AddressController);` }] }],
    },
    {
      code: `"use strict";
const common_1 = require("@nestjs/common");
const errors_1 = require("../common/errors");
let AuthGuard = class AuthGuard {
    async canActivate(context) {
        const permissions = this.reflector.get("permissions", context.getHandler());
        const isAllowed = await this.accessStrategy.canAccess(context, permissions);
        if (!isAllowed) {
            throw new errors_1.ForbiddenError();
        }
        return true;
    }
};
exports.AuthGuard = AuthGuard = __decorate([(0, common_1.Injectable)()], AuthGuard);`,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            { messageId: 'logFailure', data: {"call":"console.warn"}, output: `"use strict";
const common_1 = require("@nestjs/common");
const errors_1 = require("../common/errors");
let AuthGuard = class AuthGuard {
    async canActivate(context) {
        const permissions = this.reflector.get("permissions", context.getHandler());
        const isAllowed = await this.accessStrategy.canAccess(context, permissions);
        if (!isAllowed) {
            console.warn('Access denied', { reason: 'forbidden' });
            throw new errors_1.ForbiddenError();
        }
        return true;
    }
};
exports.AuthGuard = AuthGuard = __decorate([(0, common_1.Injectable)()], AuthGuard);` },
          ],
        },
      ],
    },
    {
      code: `"use strict";
const common_1 = require("@nestjs/common");
const errors_1 = require("../common/errors");
let AuthService = class AuthService {
    async authenticate(ctx, method, data) {
        const strategy = this.getStrategy(method);
        const authenticateResult = await strategy.authenticate(ctx, data);
        if (!authenticateResult) {
            return new errors_1.InvalidCredentialsError({ authenticationError: '' });
        }
        return this.createSessionForUser(ctx, authenticateResult);
    }
};
exports.AuthService = AuthService = __decorate([(0, common_1.Injectable)(), __metadata("design:paramtypes", [])], AuthService);`,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            { messageId: 'logFailure', data: {"call":"console.warn"}, output: `"use strict";
const common_1 = require("@nestjs/common");
const errors_1 = require("../common/errors");
let AuthService = class AuthService {
    async authenticate(ctx, method, data) {
        const strategy = this.getStrategy(method);
        const authenticateResult = await strategy.authenticate(ctx, data);
        if (!authenticateResult) {
            console.warn('Authentication failed', { reason: 'unauthorized' });
            return new errors_1.InvalidCredentialsError({ authenticationError: '' });
        }
        return this.createSessionForUser(ctx, authenticateResult);
    }
};
exports.AuthService = AuthService = __decorate([(0, common_1.Injectable)(), __metadata("design:paramtypes", [])], AuthService);` },
          ],
        },
      ],
    },
    {
      code: `import { Injectable } from '@nestjs/common';
import { InvalidCredentialsError } from './errors';

@Injectable()
export class UserService {
  async updatePassword(userId: string, current: string, next: string) {
    const user = await this.users.findOneOrFail(userId);
    const matches = await this.passwordCipher.check(current, user.passwordHash);
    if (!matches) return new InvalidCredentialsError();
    user.passwordHash = await this.passwordCipher.hash(next);
    await this.users.save(user);
    return true;
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            { messageId: 'logFailureWithIdentity', data: {"call":"console.warn"}, output: `import { Injectable } from '@nestjs/common';
import { InvalidCredentialsError } from './errors';
import { createHash } from 'node:crypto';

@Injectable()
export class UserService {
  async updatePassword(userId: string, current: string, next: string) {
    const user = await this.users.findOneOrFail(userId);
    const matches = await this.passwordCipher.check(current, user.passwordHash);
    if (!matches) {
      console.warn('Authentication failed', { reason: 'unauthorized', userIdHash: createHash('sha256').update(String(userId)).digest('hex').slice(0, 16) });
      return new InvalidCredentialsError();
    }
    user.passwordHash = await this.passwordCipher.hash(next);
    await this.users.save(user);
    return true;
  }
}` },
          ],
        },
      ],
    },
    {
      code: `const bcrypt = require('bcryptjs');

function login(name, password) {
  return new Promise((resolve, reject) => {
    const user = users.find((u) => u.username === name);
    bcrypt.compare(password, user ? user.password : DUMMY_HASH, (err, matches) => {
      if (err) {
        reject(err);
      } else if (matches === true && user) {
        resolve({ statusCode: 200, token: sign(user) });
      } else {
        resolve({ statusCode: 401, message: 'Invalid username/password' });
      }
    });
  });
}
module.exports = { login };`,
      output: null,
      errors: [
        {
          messageId: 'unlogged',
          line: 12,
          suggestions: [
            { messageId: 'logFailure', data: {"call":"console.warn"}, output: `const bcrypt = require('bcryptjs');

function login(name, password) {
  return new Promise((resolve, reject) => {
    const user = users.find((u) => u.username === name);
    bcrypt.compare(password, user ? user.password : DUMMY_HASH, (err, matches) => {
      if (err) {
        reject(err);
      } else if (matches === true && user) {
        resolve({ statusCode: 200, token: sign(user) });
      } else {
        console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials' });
        resolve({ statusCode: 401, message: 'Invalid username/password' });
      }
    });
  });
}
module.exports = { login };` },
          ],
        },
      ],
    },
  ],
});
