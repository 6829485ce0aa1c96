import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';

export interface User {
  id: string;
  email: string;
  role: string;
  passwordHash: string;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  private readonly users = new Map<string, User>();

  constructor(private readonly events: EventEmitter2) {}

  async findByEmail(email: string): Promise<User | undefined> {
    return [...this.users.values()].find((user) => user.email === email);
  }

  async getProfile(id: string) {
    const user = this.users.get(id);
    if (!user) throw new NotFoundException();
    let avatarUrl: string | null = null;
    try {
      avatarUrl = await this.fetchAvatar(user.email);
    } catch (error) {
      this.logger.error(`avatar lookup failed: ${error}`); // planted: log-error-with-stack
    }
    return { id: user.id, email: user.email, avatarUrl };
  }

  async remove(id: string) {
    if (!this.users.delete(id)) throw new NotFoundException();
    this.logger.warn(`user ${id} deleted by an administrator`);
    this.events.emit('user.deleted', { id });
  }

  @OnEvent('user.deleted', { async: true })
  async revokeSessions(payload: { id: string }) {
    try {
      await fetch(`${process.env.AUTH_URL}/users/${payload.id}/sessions`, { method: 'DELETE' });
    } catch {
      return; // planted: no-silent-catch
    }
    this.logger.log(`sessions of user ${payload.id} revoked`);
  }

  private async fetchAvatar(email: string): Promise<string> {
    const response = await fetch(`${process.env.AVATAR_URL}?email=${encodeURIComponent(email)}`);
    if (!response.ok) throw new Error(`avatar service answered ${response.status}`);
    return response.url;
  }
}
