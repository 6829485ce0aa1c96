import express from 'express';
import { pinoHttp } from 'pino-http';
import { logger } from '#logger';
import { errorHandler, notFound } from './middleware/error.js';
import { requireSession } from './middleware/auth.js';
import { adminRouter } from './routes/admin.js';
import { authRouter } from './routes/auth.js';

export const app = express();

app.disable('x-powered-by');
app.use(pinoHttp({ logger })); // planted: no-credentials-in-request-log, require-request-id
app.use(express.json());

app.use('/auth', authRouter);
app.use('/admin', adminRouter);
app.get('/me', requireSession, (req, res) => {
  res.json({ userId: req.session.userId });
});

app.use(notFound);
app.use(errorHandler);
