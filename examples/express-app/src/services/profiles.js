import { createClient } from 'redis';
import { logger } from '#logger';
import { db } from '../db.js';

const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', (err) => logger.error({ err }, 'redis connection error'));

/** Profiles are read through a Redis cache in front of the user store. */
export async function getProfile(userId) {
  try {
    const hit = await redis.get(`profile:${userId}`);
    if (hit) return JSON.parse(hit);
  } catch {} // a cache miss or a Redis outage falls through to the user store
  const user = await db.users.findById(userId);
  if (!user) return null;
  const profile = { id: user.id, email: user.email, name: user.name };
  await redis.set(`profile:${userId}`, JSON.stringify(profile), { EX: 300 }).catch((err) => {
    logger.warn({ err, userId }, 'profile cache write failed');
  });
  return profile;
}
