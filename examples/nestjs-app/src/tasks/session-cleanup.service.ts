import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';

@Injectable()
export class SessionCleanupService implements OnModuleInit {
  private readonly logger = new Logger(SessionCleanupService.name);

  onModuleInit() {
    setInterval(async () => { // planted: background-task-error-handling
      await this.pingSessionStore();
    }, 30_000);
  }

  // Nest's scheduler catches and logs what a @Cron method throws.
  @Cron(CronExpression.EVERY_HOUR)
  async purgeExpiredSessions() {
    const response = await fetch(`${process.env.SESSION_STORE_URL}/expired`, { method: 'DELETE' });
    this.logger.log(`expired sessions purged (${response.status})`);
  }

  private async pingSessionStore() {
    const response = await fetch(`${process.env.SESSION_STORE_URL}/ping`);
    if (!response.ok) throw new Error(`session store answered ${response.status}`);
  }
}
