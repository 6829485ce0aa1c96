import { logger } from '#logger';
import { db } from '../db.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Purge expired sessions every minute. */
export function startSessionCleanup() {
  return setInterval(async () => { // planted: background-task-error-handling
    const removed = await db.sessions.deleteExpired(Date.now());
    logger.info({ removed }, 'expired sessions purged');
  }, MINUTE);
}

/** Rotate the audit log every hour; a failure is logged and retried on the next tick. */
export function startAuditRotation() {
  return setInterval(async () => {
    try {
      await db.audit.rotate();
    } catch (err) {
      logger.error({ err }, 'audit log rotation failed');
    }
  }, HOUR);
}

/** Nightly copy of the audit log to object storage; the caller retries on `false`. */
export async function exportAuditLog(storage) {
  try {
    await storage.upload(`audit-${new Date().toISOString().slice(0, 10)}.log`, await db.audit.read());
    return true;
  } catch (err) {
    logger.error(`audit export failed: ${err.message}`); // planted: log-error-with-stack
    return false;
  }
}

/** Revoke every session of a disabled account. */
export function revokeSessions(userId) {
  db.sessions.deleteForUser(userId).catch(() => {}); // planted: no-silent-catch
}

/** Job settings come from an environment variable; a malformed value means the defaults. */
export function readJobConfig(raw = process.env.JOB_CONFIG) {
  try {
    return JSON.parse(raw);
  } catch {
    return { cleanupIntervalMs: MINUTE };
  }
}
