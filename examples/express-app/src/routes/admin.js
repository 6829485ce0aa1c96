import { Router } from 'express';
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
