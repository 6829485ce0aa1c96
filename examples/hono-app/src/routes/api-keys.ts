import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { logger } from '../lib/logger.js';
import { requireAdminToken, requireSession } from '../lib/session.js';

type Env = { Variables: { userId: string } };
interface ApiKey {
  id: string;
  userId: string;
  hash: string;
}

const keys = new Map<string, ApiKey>();

export const apiKeys = new Hono<Env>();

apiKeys.post('/', requireSession, async (c) => {
  let label: string;
  try {
    ({ label } = await c.req.json<{ label: string }>());
  } catch {
    return c.json({ error: 'The body must be JSON with a label' }, 400);
  }
  const secret = randomBytes(24).toString('base64url');
  const key: ApiKey = { id: randomBytes(8).toString('hex'), userId: c.get('userId'), hash: createHash('sha256').update(secret).digest('hex') };
  keys.set(key.id, key);
  logger.info({ keyId: key.id, userId: key.userId, label }, 'API key created');
  return c.json({ id: key.id, secret }, 201);
});

apiKeys.delete('/:id', requireAdminToken, async (c) => {
  const removed = keys.delete(c.req.param('id'));
  logger.warn({ keyId: c.req.param('id'), removed }, 'API key revoked by an administrator');
  return c.body(null, removed ? 204 : 404);
});
