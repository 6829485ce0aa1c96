export async function errorHandler(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? 500;
    ctx.body = { error: err.expose ? err.message : 'Internal Server Error' };
    ctx.app.emit('error', err, ctx);
  }
}
