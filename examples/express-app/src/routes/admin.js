import { Router } from 'express';
import { z } from 'zod';
import { logger } from '#logger';
import { db } from '../db.js';
import { requireApiKey } from '../middleware/auth.js';
import { getProfile } from '../services/profiles.js';

export const adminRouter = Router();

adminRouter.use(requireApiKey);

adminRouter.get('/users/:id', async (req, res) => {
  const profile = await getProfile(req.params.id);
  if (!profile) return res.status(404).json({ error: 'Not found' });
  return res.json(profile);
});

adminRouter.delete('/users/:id/sessions', async (req, res) => {
  const revoked = await db.sessions.revokeAll(req.params.id);
  logger.warn({ userId: req.params.id, revoked }, 'sessions revoked by an administrator');
  res.status(204).end();
});

adminRouter.post('/users/:id/export', async (req, res) => {
  try {
    const file = await db.exports.create(req.params.id);
    res.status(201).json({ file });
  } catch (err) { // planted: no-silent-catch
    res.status(500).json({ error: err.message }); // planted: no-error-details-in-response
  }
});

const invitation = z.object({ email: z.string().email(), role: z.enum(['viewer', 'editor']) });

adminRouter.post('/invitations', async (req, res) => {
  const parsed = invitation.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ error: 'Invalid invitation' }); // planted: log-validation-failures
  }
  const { email, role } = parsed.data;
  await db.invitations.create({ email, role });
  logger.info({ email, role }, 'invitation sent'); // planted: no-pii-in-log
  return res.status(201).end();
});
