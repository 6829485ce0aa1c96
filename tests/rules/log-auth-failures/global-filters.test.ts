import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { tempProject } from '../../helpers/temp-project.js';

/**
 * NestJS applications whose global exception filter lives in another file: `app.useGlobalFilters(new
 * AllExceptionsFilter())` where the application boots, or `{ provide: APP_FILTER, useClass: … }` in a module
 * the boot file imports. A filter that logs every exception at warn or above records the `ForbiddenException`
 * a service throws; one that logs only 5xx, catches other exceptions only, or is never registered does not.
 * Trimmed from real Nest applications (TypeScript sources, `tsc` and SWC output).
 */
const { tree } = tempProject('log-auth-failures-global-filters-');
const ruleTester = new RuleTester();

const FILTER_LOGS_ALL = `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);
  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse();
    const request = ctx.getRequest();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    this.logger.error({ method: request.method, path: request.url, status }, 'HTTP exception');
    response.status(status).json({ statusCode: status });
  }
}
`;
// Logs only server errors: a 403 goes out unlogged.
const FILTER_LOGS_5XX = FILTER_LOGS_ALL.replace(
  "    this.logger.error({ method: request.method, path: request.url, status }, 'HTTP exception');",
  "    if (status >= 500) this.logger.error({ method: request.method, path: request.url, status }, 'HTTP exception');",
);
// Answers every HttpException first and returns: it logs only unknown errors.
const FILTER_RETURNS_HTTP = FILTER_LOGS_ALL.replace(
  "    this.logger.error({ method: request.method, path: request.url, status }, 'HTTP exception');",
  "    if (exception instanceof HttpException) {\n      response.status(status).json(exception.getResponse());\n      return;\n    }\n    this.logger.error({ method: request.method, path: request.url, status }, 'HTTP exception');",
);
// Catches only NotFoundException: a ForbiddenException goes to Nest's own handler, which does not log it.
const FILTER_NOT_FOUND = FILTER_LOGS_ALL.replace('@Catch()', '@Catch(NotFoundException)').replace('Logger }', 'Logger, NotFoundException }');

const SERVICE = `import { ForbiddenException, Injectable } from '@nestjs/common';
@Injectable()
export class ProfilesService {
  constructor(private readonly prisma: PrismaService) {}
  async findOne(id: string, userId: string) {
    const profile = await this.prisma.profile.findUnique({ where: { id } });
    if (profile.userId !== userId) {
      throw new ForbiddenException('You do not have access to this profile');
    }
    return profile;
  }
}
`;

const MAIN_USE_GLOBAL = `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalFilters(new AllExceptionsFilter());
  await app.listen(3000);
}
bootstrap();
`;

function nestApp(name: string, files: Record<string, string>): string {
  return tree(name, { 'package.json': JSON.stringify({ name, main: 'dist/main.js' }), 'src/profiles/profiles.service.ts': SERVICE, ...files });
}

// useGlobalFilters in the boot file, the filter in its own module.
const bootRegistered = nestApp('boot-registered', { 'src/main.ts': MAIN_USE_GLOBAL, 'src/app.module.ts': 'export class AppModule {}\n', 'src/common/filters/all-exceptions.filter.ts': FILTER_LOGS_ALL });
// APP_FILTER provider of the root module the boot file imports.
const providerRegistered = nestApp('provider-registered', {
  'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
  'src/app.module.ts':
    "import { Module } from '@nestjs/common';\nimport { APP_FILTER } from '@nestjs/core';\nimport { HttpErrorFilter } from './shared/http-error.filter';\n@Module({ providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }] })\nexport class AppModule {}\n",
  'src/shared/http-error.filter.ts': FILTER_LOGS_ALL.replace(/AllExceptionsFilter/gu, 'HttpErrorFilter'),
});
// tsc's CommonJS output: the filter required as a namespace, its class decorated by `__decorate`.
const compiled = tree('compiled', {
  'package.json': JSON.stringify({ name: 'compiled', main: 'dist/main.js' }),
  'dist/main.js':
    '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nconst core_1 = require("@nestjs/core");\nconst app_module_1 = require("./app.module");\nconst all_exceptions_filter_1 = require("./common/all-exceptions.filter");\nasync function bootstrap() {\n    const app = await core_1.NestFactory.create(app_module_1.AppModule);\n    app.useGlobalFilters(new all_exceptions_filter_1.AllExceptionsFilter());\n    await app.listen(3000);\n}\nbootstrap();\n',
  'dist/app.module.js': 'exports.AppModule = class AppModule {};\n',
  'dist/common/all-exceptions.filter.js':
    '"use strict";\nvar __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return target; };\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.AllExceptionsFilter = void 0;\nconst common_1 = require("@nestjs/common");\nlet AllExceptionsFilter = class AllExceptionsFilter {\n    constructor() {\n        this.logger = new common_1.Logger(AllExceptionsFilter.name);\n    }\n    catch(exception, host) {\n        const request = host.switchToHttp().getRequest();\n        this.logger.warn(`${request.method} ${request.url} failed: ${exception.message}`);\n        host.switchToHttp().getResponse().status(exception.getStatus ? exception.getStatus() : 500).json({});\n    }\n};\nexports.AllExceptionsFilter = AllExceptionsFilter;\nexports.AllExceptionsFilter = AllExceptionsFilter = __decorate([\n    (0, common_1.Catch)()\n], AllExceptionsFilter);\n',
  'dist/profiles/profiles.service.js': '',
});
// SWC's output (`nest build -b swc`): ES modules, `_ts_decorate` for every decorator.
const swc = tree('swc', {
  'package.json': JSON.stringify({ name: 'swc', type: 'module', main: './dist/main.js' }),
  'dist/main.js':
    'import { NestFactory } from "@nestjs/core";\nimport { AppModule } from "./app.module.js";\nimport { AllExceptionsFilter } from "./common/filters/all-exceptions.filter.js";\nconst app = await NestFactory.create(AppModule);\napp.useGlobalFilters(new AllExceptionsFilter());\nawait app.listen(3000);\n',
  'dist/app.module.js': 'export class AppModule {}\n',
  'dist/common/filters/all-exceptions.filter.js':
    'function _ts_decorate(decorators, target, key, desc) {\n    return target;\n}\nimport { Catch } from "@nestjs/common";\nimport { appLogger } from "../logging/app-logger.js";\nexport class AllExceptionsFilter {\n    catch(exception, host) {\n        const request = host.switchToHttp().getRequest();\n        appLogger.error({ event: "http.exception", method: request.method, path: request.url }, "HTTP exception");\n        host.switchToHttp().getResponse().status(500).json({});\n    }\n}\nAllExceptionsFilter = _ts_decorate([\n    Catch()\n], AllExceptionsFilter);\n',
});
const SWC_SERVICE = `function _ts_decorate(decorators, target, key, desc) {
    return target;
}
import { ForbiddenException, Injectable } from "@nestjs/common";
export class SharingService {
    async removeShare(shareId, userId) {
        const share = await this.prisma.share.findUnique({ where: { id: shareId } });
        if (share.ownerId !== userId) {
            throw new ForbiddenException('Only the owner can remove a share');
        }
        await this.prisma.share.delete({ where: { id: shareId } });
    }
}
SharingService = _ts_decorate([
    Injectable()
], SharingService);
`;
// The filter logs only 5xx; another catches NotFoundException only; a third is written but never registered.
const fiveHundreds = nestApp('five-hundreds', { 'src/main.ts': MAIN_USE_GLOBAL, 'src/common/filters/all-exceptions.filter.ts': FILTER_LOGS_5XX });
const httpFirst = nestApp('http-first', { 'src/main.ts': MAIN_USE_GLOBAL, 'src/common/filters/all-exceptions.filter.ts': FILTER_RETURNS_HTTP });
const notFoundOnly = nestApp('not-found-only', { 'src/main.ts': MAIN_USE_GLOBAL, 'src/common/filters/all-exceptions.filter.ts': FILTER_NOT_FOUND });
const unregistered = nestApp('unregistered', {
  'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nNestFactory.create(AppModule).then((app) => app.listen(3000));\n",
  'src/common/filters/all-exceptions.filter.ts': FILTER_LOGS_ALL,
});

// The reports (with the suggested log) of the service, the gateway and the plain function below.
const serviceErrors = [{"messageId": "unlogged", "line": 8, "suggestions": [{"messageId": "logFailureWithIdentity", "output": "import { ForbiddenException, Injectable } from '@nestjs/common';\nimport { createHash } from 'node:crypto';\n@Injectable()\nexport class ProfilesService {\n  constructor(private readonly prisma: PrismaService) {}\n  async findOne(id: string, userId: string) {\n    const profile = await this.prisma.profile.findUnique({ where: { id } });\n    if (profile.userId !== userId) {\n      console.warn('Access denied', { reason: 'forbidden', userIdHash: createHash('sha256').update(String(userId)).digest('hex').slice(0, 16) });\n      throw new ForbiddenException('You do not have access to this profile');\n    }\n    return profile;\n  }\n}\n"}]}] as const;
const gatewayErrors = [{"messageId": "unlogged", "line": 7, "suggestions": [{"messageId": "logFailure", "output": "import { ForbiddenException } from '@nestjs/common';\nimport { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';\n@WebSocketGateway()\nexport class EventsGateway {\n  @SubscribeMessage('join')\n  join(client: Socket, room: string) {\n    if (!client.data.user.rooms.includes(room)) {\n      console.warn('Access denied', { reason: 'forbidden' });\n      throw new ForbiddenException('Not a member of this room');\n    }\n    client.join(room);\n  }\n}\n"}]}] as const;
const functionErrors = [{"messageId": "unlogged", "line": 3, "suggestions": [{"messageId": "logFailureWithIdentity", "output": "import { ForbiddenException } from '@nestjs/common';\nimport { createHash } from 'node:crypto';\nexport function assertOwner(profile: { userId: string }, userId: string) {\n  if (profile.userId !== userId) {\n    console.warn('Access denied', { reason: 'forbidden', userIdHash: createHash('sha256').update(String(userId)).digest('hex').slice(0, 16) });\n    throw new ForbiddenException('Not your profile');\n  }\n}\n"}]}] as const;

ruleTester.run('log-auth-failures (global filters in another file)', rule, {
  valid: [
    { filename: join(bootRegistered, 'src/profiles/profiles.service.ts'), code: SERVICE },
    { filename: join(providerRegistered, 'src/profiles/profiles.service.ts'), code: SERVICE },
    {
      filename: join(compiled, 'dist/profiles/profiles.service.js'),
      code: `"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) { return target; };
Object.defineProperty(exports, "__esModule", { value: true });
const common_1 = require("@nestjs/common");
let ProfilesService = class ProfilesService {
    async findOne(id, userId) {
        const profile = await this.prisma.profile.findUnique({ where: { id } });
        if (profile.userId !== userId)
            throw new common_1.ForbiddenException('You do not have access to this profile');
        return profile;
    }
};
exports.ProfilesService = ProfilesService;
exports.ProfilesService = ProfilesService = __decorate([
    (0, common_1.Injectable)()
], ProfilesService);
`,
    },
    { filename: join(swc, 'dist/modules/sharing/sharing.service.js'), code: SWC_SERVICE },
  ],
  invalid: [
    // The global filter logs only what it answers with a 5xx.
    { filename: join(fiveHundreds, 'src/profiles/profiles.service.ts'), code: SERVICE, errors: serviceErrors },
    // It answers HttpExceptions before its log and returns.
    { filename: join(httpFirst, 'src/profiles/profiles.service.ts'), code: SERVICE, errors: serviceErrors },
    // It catches NotFoundException only.
    { filename: join(notFoundOnly, 'src/profiles/profiles.service.ts'), code: SERVICE, errors: serviceErrors },
    // Written, never registered.
    { filename: join(unregistered, 'src/profiles/profiles.service.ts'), code: SERVICE, errors: serviceErrors },
    // Registered, but the throw is in a WebSocket gateway: global HTTP filters do not see it.
    {
      filename: join(bootRegistered, 'src/events/events.gateway.ts'),
      code: `import { ForbiddenException } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
@WebSocketGateway()
export class EventsGateway {
  @SubscribeMessage('join')
  join(client: Socket, room: string) {
    if (!client.data.user.rooms.includes(room)) throw new ForbiddenException('Not a member of this room');
    client.join(room);
  }
}
`,
      errors: gatewayErrors,
    },
    // Registered, but the throw is in a plain function of the file, not a Nest class: who calls it is unknown.
    {
      filename: join(bootRegistered, 'src/profiles/ownership.ts'),
      code: `import { ForbiddenException } from '@nestjs/common';
export function assertOwner(profile: { userId: string }, userId: string) {
  if (profile.userId !== userId) throw new ForbiddenException('Not your profile');
}
`,
      errors: functionErrors,
    },
  ],
});
