import { logger } from '#logger';

export function notFound(req, res) {
  res.status(404).json({ error: 'Not found' });
}

// Express recognises an error handler by its four parameters, so `next` stays declared.
export function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
  // http-errors marks messages that are safe to show the client with `expose`.
  const status = Number.isInteger(err.status) ? err.status : 500;
  return res.status(status).json({ error: err.expose ? err.message : 'Internal Server Error' });
}
