import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { logger as requestLogger } from 'hono/logger';
import { requestId } from 'hono/request-id';
import { logger } from './lib/logger.js';
import { apiKeys } from './routes/api-keys.js';
import { uploads } from './routes/uploads.js';

type Env = { Variables: { userId: string } };

export const app = new Hono<Env>();

app.use(requestId());
app.use(requestLogger((line) => logger.info(line)));

app.route('/api-keys', apiKeys);
app.route('/uploads', uploads);

app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  logger.error({ err, requestId: c.get('requestId') }, 'unhandled error');
  return c.json({ error: 'Internal Server Error', requestId: c.get('requestId') }, 500);
});
