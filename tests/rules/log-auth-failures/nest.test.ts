import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { nest } from './_shared.js';

/**
 * NestJS: guards that throw or return false, passport strategies and `AuthGuard.handleRequest`,
 * `HttpException` with FORBIDDEN, exception filters that do or do not log 4xx, `auditedElsewhere`,
 * controllers with `@Res()`; an Angular route guard is no server rejection.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (NestJS)', rule, {
  valid: [
    // --- NestJS ---
    `// a guard that logs before it throws
import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.user) {
      this.logger.warn(\`Unauthenticated \${request.method} \${request.url}\`);
      throw new UnauthorizedException();
    }
    return true;
  }
}`,
    `// a roles guard that returns a computed boolean
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[]>('roles', context.getHandler());
    if (!roles) return true;
    const { user } = context.switchToHttp().getRequest();
    return roles.some((role) => user.roles?.includes(role));
  }
}`,
    `// an Angular route guard (two parameters) returning false is not a server rejection
@Injectable({ providedIn: 'root' })
export class AuthGuard implements CanActivate {
  canActivate(route: ActivatedRouteSnapshot, state: RouterStateSnapshot): boolean {
    if (!this.auth.loggedIn) {
      this.router.navigate(['/login']);
      return false;
    }
    return true;
  }
}`,
    `// an exception filter in the same file logs every 4xx at warn
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  catch(exception: HttpException, host: ArgumentsHost) {
    const status = exception.getStatus();
    if (status >= 500) this.logger.error(exception.message, exception.stack);
    else this.logger.warn(\`\${status} \${exception.message}\`);
    host.switchToHttp().getResponse().status(status).json({ statusCode: status });
  }
}
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (user?.password !== pass) throw new UnauthorizedException();
    return user;
  }
}`,
    {
      code: `// auditedElsewhere: a global filter in another file logs these
import { Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (!user || !(await bcrypt.compare(pass, user.hash))) throw new UnauthorizedException();
    return user;
  }
}`,
      options: [{ auditedElsewhere: ['UnauthorizedException'] }],
    },
    `// passport AuthGuard.handleRequest that logs
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(JwtAuthGuard.name);
  handleRequest(err, user, info) {
    if (err || !user) {
      this.logger.warn(\`JWT rejected: \${info?.message}\`);
      throw err || new UnauthorizedException();
    }
    return user;
  }
}`,
    `// validateUser answers null; the strategy decides (and is checked where it throws)
@Injectable()
export class AuthService {
  async validateUser(email: string, pass: string): Promise<Omit<User, 'password'> | null> {
    const user = await this.users.findOne(email);
    if (user && (await bcrypt.compare(pass, user.password))) {
      const { password, ...result } = user;
      return result;
    }
    return null;
  }
}`,
    `// a controller with @Res() that logs through the class logger
import { Controller, HttpStatus, Logger, Post, Res } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  private readonly logger = new Logger(AuthController.name);
  @Post('login')
  async login(@Body() dto: LoginDto, @Res() res: Response) {
    const user = await this.auth.validate(dto.email, dto.password);
    if (!user) {
      this.logger.warn(\`failed login for \${dto.email}\`);
      return res.status(HttpStatus.UNAUTHORIZED).json({ message: 'Invalid credentials' });
    }
    return res.json(await this.auth.login(user));
  }
}`,
    `// a guard that logs before returning false
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
@Injectable()
export class IpAllowListGuard implements CanActivate {
  private readonly logger = new Logger(IpAllowListGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    if (!this.allowed.has(request.ip)) {
      this.logger.warn(\`blocked \${request.ip}\`);
      return false;
    }
    return true;
  }
}`,
    `// a filter for UnauthorizedException in the same file logs what the guard throws
import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Catch(UnauthorizedException)
export class AuthFailureFilter implements ExceptionFilter {
  private readonly logger = new Logger('Auth');
  catch(exception: UnauthorizedException, host: ArgumentsHost) {
    const request = host.switchToHttp().getRequest();
    this.logger.warn(\`401 \${request.method} \${request.url} from \${request.ip}\`);
    host.switchToHttp().getResponse().status(401).json({ statusCode: 401, message: 'Unauthorized' });
  }
}
@Injectable()
export class SessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!context.switchToHttp().getRequest().session?.userId) throw new UnauthorizedException();
    return true;
  }
}`,
    `// 404 for a missing resource in a Nest controller
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
@Controller('posts')
export class PostsController {
  @Get(':id')
  async find(@Param('id') id: string) {
    const post = await this.posts.find(id);
    if (!post) throw new NotFoundException();
    return post;
  }
}`,
    "// a guard that logs before returning the caller's admin flag\nimport { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';\n@Injectable()\nexport class AdminGuard implements CanActivate {\n  private readonly logger = new Logger(AdminGuard.name);\n  canActivate(context: ExecutionContext): boolean {\n    const request = context.switchToHttp().getRequest();\n    if (!request.user.admin) this.logger.warn(`Non-admin ${request.user.username} refused at ${request.url}`);\n    return request.user.admin;\n  }\n}",
    "// a guard returning a feature switch of the request is no access control\nimport { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';\n@Injectable()\nexport class BetaGuard implements CanActivate {\n  canActivate(context: ExecutionContext): boolean {\n    const request = context.switchToHttp().getRequest();\n    return request.features.enabled;\n  }\n}",
  ],
  invalid: [
    // --- NestJS ---
    {
      // a guard that throws and one that returns false (class logger used by the fix)
      options: [{ includeAnonymous: true }],
      code: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) throw new UnauthorizedException('Missing API key');
    if (key !== this.config.apiKey) return false;
    return true;
  }
}`,
      settings: nest,
      output: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) {
      this.logger.warn({ message: 'Authentication failed', reason: 'unauthorized', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      throw new UnauthorizedException('Missing API key');
    }
    if (key !== this.config.apiKey) {
      this.logger.warn({ message: 'Access denied by guard', reason: 'guard_denied', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      return false;
    }
    return true;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "this.logger.warn" },
              output: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) {
      this.logger.warn({ message: 'Authentication failed', reason: 'unauthorized', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      throw new UnauthorizedException('Missing API key');
    }
    if (key !== this.config.apiKey) return false;
    return true;
  }
}`,
            },
          ],
        },
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "this.logger.warn" },
              output: `import { CanActivate, ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const key = request.headers['x-api-key'];
    if (!key) throw new UnauthorizedException('Missing API key');
    if (key !== this.config.apiKey) {
      this.logger.warn({ message: 'Access denied by guard', reason: 'guard_denied', method: request.method, path: request.url?.split('?')[0], ip: request.ip, userAgent: request.headers['user-agent'] });
      return false;
    }
    return true;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // a passport strategy validate()
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private authService: AuthService) {
    super();
  }
  async validate(username: string, password: string): Promise<any> {
    const user = await this.authService.validateUser(username, password);
    if (!user) {
      throw new UnauthorizedException();
    }
    return user;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 12,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "console.warn" },
              output: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { createHash } from 'node:crypto';
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private authService: AuthService) {
    super();
  }
  async validate(username: string, password: string): Promise<any> {
    const user = await this.authService.validateUser(username, password);
    if (!user) {
      console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials', usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) });
      throw new UnauthorizedException();
    }
    return user;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // a service throwing HttpException(…, HttpStatus.FORBIDDEN) (configured this.logger, class without one: suggestion only)
      code: `import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
@Injectable()
export class PostsService {
  async remove(id: string, userId: string) {
    const post = await this.repo.findOneByOrFail({ id });
    if (post.authorId !== userId) throw new HttpException('Not yours', HttpStatus.FORBIDDEN);
    await this.repo.delete(id);
  }
}`,
      settings: nest,
      output: `import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
@Injectable()
export class PostsService {
  private readonly logger = new Logger(PostsService.name);

  async remove(id: string, userId: string) {
    const post = await this.repo.findOneByOrFail({ id });
    if (post.authorId !== userId) {
      this.logger.warn({ message: 'Access denied', reason: 'forbidden' });
      throw new HttpException('Not yours', HttpStatus.FORBIDDEN);
    }
    await this.repo.delete(id);
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "this.logger.warn" },
              output: `import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
@Injectable()
export class PostsService {
  private readonly logger = new Logger(PostsService.name);

  async remove(id: string, userId: string) {
    const post = await this.repo.findOneByOrFail({ id });
    if (post.authorId !== userId) {
      this.logger.warn({ message: 'Access denied', reason: 'forbidden', userIdHash: createHash('sha256').update(String(userId)).digest('hex').slice(0, 16) });
      throw new HttpException('Not yours', HttpStatus.FORBIDDEN);
    }
    await this.repo.delete(id);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // AuthGuard.handleRequest throwing err || new UnauthorizedException()
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  handleRequest(err, user) {
    if (err || !user) {
      throw err || new UnauthorizedException();
    }
    return user;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: "console.warn" },
              output: `import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  handleRequest(err, user) {
    if (err || !user) {
      console.warn('Authentication failed', { reason: 'unauthorized' });
      throw err || new UnauthorizedException();
    }
    return user;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // an exception filter that logs only 5xx does not cover a 401
      code: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  catch(exception: HttpException, host: ArgumentsHost) {
    const status = exception.getStatus();
    if (status >= 500) this.logger.error(exception.message, exception.stack);
    host.switchToHttp().getResponse().status(status).json({ statusCode: status });
  }
}
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (user?.password !== pass) throw new UnauthorizedException();
    return user;
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 15,
          suggestions: [
            {
              messageId: 'logFailureWithIdentity',
              data: { call: "console.warn" },
              output: `import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { createHash } from 'node:crypto';
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  catch(exception: HttpException, host: ArgumentsHost) {
    const status = exception.getStatus();
    if (status >= 500) this.logger.error(exception.message, exception.stack);
    host.switchToHttp().getResponse().status(status).json({ statusCode: status });
  }
}
@Injectable()
export class AuthService {
  async signIn(username: string, pass: string) {
    const user = await this.users.findOne(username);
    if (user?.password !== pass) {
      console.warn('Login failed: invalid credentials', { reason: 'invalid_credentials', usernameHash: createHash('sha256').update(String(username)).digest('hex').slice(0, 16) });
      throw new UnauthorizedException();
    }
    return user;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: "// a Nest guard returning the caller's admin flag: a non-admin gets a 403 nobody logs\nimport { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';\n@Injectable()\nexport class AdminGuard implements CanActivate {\n  canActivate(context: ExecutionContext): boolean {\n    const request = context.switchToHttp().getRequest();\n    return request.user.admin;\n  }\n}",
      errors: [{"messageId":"unlogged","line":7}],
    },
  ],
});
