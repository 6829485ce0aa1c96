import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';

export const ROLES_KEY = 'roles';

@Injectable()
export class JwtGuard implements CanActivate {
  private readonly logger = new Logger(JwtGuard.name);

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: { sub: string; role: string } }>();
    const token = request.headers.authorization?.replace(/^Bearer /u, '');
    try {
      request.user = await this.jwt.verifyAsync(token ?? '');
    } catch (err) {
      this.logger.warn({ reason: (err as Error).name, ip: request.ip, path: request.path }, 'rejected token');
      throw new UnauthorizedException();
    }
    const roles = this.reflector.get<string[] | undefined>(ROLES_KEY, context.getHandler());
    if (roles && !roles.includes(request.user.role)) {
      throw new ForbiddenException(); // planted: log-auth-failures
    }
    return true;
  }
}
