import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { JwtModule } from '@nestjs/jwt';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { SessionCleanupService } from './tasks/session-cleanup.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    // pino-http through nestjs-pino logs every request.
    LoggerModule.forRoot({ pinoHttp: { redact: ['req.headers.authorization', 'req.headers.cookie'] } }),
    JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '1h' } }),
    ScheduleModule.forRoot(),
    EventEmitterModule.forRoot(),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, SessionCleanupService, { provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
