// In-memory stand-in for the user and session tables.
import { randomUUID } from 'node:crypto';

const users = new Map();
const sessions = new Map();
const resets = new Map();

export const db = {
  users: {
    async findByEmail(email) {
      return [...users.values()].find((user) => user.email === email) ?? null;
    },
    async findById(id) {
      return users.get(id) ?? null;
    },
  },
  sessions: {
    async find(id) {
      const session = sessions.get(id);
      return session && session.expiresAt > Date.now() ? session : null;
    },
    async create(userId) {
      const session = { id: randomUUID(), userId, expiresAt: Date.now() + 3_600_000 };
      sessions.set(session.id, session);
      return session;
    },
    async deleteExpired(now) {
      let removed = 0;
      for (const [id, session] of sessions) {
        if (session.expiresAt <= now) {
          sessions.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
    async revokeAll(userId) {
      let revoked = 0;
      for (const [id, session] of sessions) {
        if (session.userId === userId) {
          sessions.delete(id);
          revoked += 1;
        }
      }
      return revoked;
    },
  },
  passwordResets: {
    async create(userId) {
      const reset = { token: randomUUID(), userId, tokenExpiresAt: new Date(Date.now() + 900_000).toISOString() };
      resets.set(reset.token, reset);
      return reset;
    },
  },
  audit: {
    async read() {
      return '';
    },
    async rotate() {
      // Archiving is out of scope for the example.
    },
  },
};
