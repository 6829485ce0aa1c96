import { Hono } from 'hono';
import { logger } from '../lib/logger.js';
import { requireSession } from '../lib/session.js';

type Env = { Variables: { userId: string } };

export const uploads = new Hono<Env>();

async function scanForViruses(file: File): Promise<void> {
  const response = await fetch(process.env.SCANNER_URL as string, { method: 'POST', body: file });
  if (!response.ok) throw new Error(`scanner answered ${response.status}`);
}

async function store(file: File): Promise<string> {
  const response = await fetch(process.env.STORAGE_URL as string, { method: 'PUT', body: file });
  if (!response.ok) throw new Error(`storage answered ${response.status}`);
  return response.headers.get('location') ?? '';
}

uploads.post('/', requireSession, async (c) => {
  const body = await c.req.parseBody();
  const file = body['file'];
  if (!(file instanceof File)) return c.json({ error: 'file is required' }, 400);

  let location: string;
  try {
    location = await store(file);
  } catch (err) {
    logger.error({ err, userId: c.get('userId') }, 'upload failed');
    return c.json({ error: 'Upload failed' }, 502);
  }

  scanForViruses(file); // planted: background-task-error-handling
  return c.json({ location }, 201);
});

uploads.get('/:name', requireSession, async (c) => {
  try {
    const response = await fetch(`${process.env.STORAGE_URL}/${encodeURIComponent(c.req.param('name'))}`);
    return c.body(response.body, response.status as 200);
  } catch (error) {
    logger.error((error as Error).message); // planted: log-error-with-stack
    return c.json({ error: (error as Error).message }, 500); // planted: no-error-details-in-response
  }
});

uploads.delete('/:name', requireSession, async (c) => {
  const name = c.req.param('name');
  try {
    await fetch(`${process.env.STORAGE_URL}/${encodeURIComponent(name)}`, { method: 'DELETE' });
  } catch (err) {
    return c.json({ error: 'Could not delete the file' }, 502); // planted: no-silent-catch
  }
  logger.info({ name, userId: c.get('userId') }, 'upload deleted');
  return c.body(null, 204);
});
