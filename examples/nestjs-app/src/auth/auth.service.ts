import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as bcrypt from 'bcrypt';
import { UsersService } from '../users/users.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string) {
    this.logger.debug(`login attempt for ${email} with password ${password}`); // planted: no-raw-secret-in-log, no-log-injection
    const user = await this.users.findByEmail(email);
    if (!user) {
      throw new UnauthorizedException('Invalid email or password'); // planted: log-auth-failures
    }
    if (!(await bcrypt.compare(password, user.passwordHash))) {
      this.logger.warn({ userId: user.id }, 'login failed: wrong password');
      throw new UnauthorizedException('Invalid email or password');
    }
    this.logger.log({ userId: user.id }, 'login succeeded');
    return { accessToken: await this.jwt.signAsync({ sub: user.id, role: user.role }) };
  }
}
