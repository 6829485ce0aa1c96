import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import logger from './lib/logger.js';
import { errorHandler } from './middleware/errors.js';
import { accountRouter } from './routes/account.js';
import { reportsRouter } from './routes/reports.js';

export const app = new Koa(); // planted: require-request-logging

app.proxy = true;
app.use(errorHandler);
app.use(bodyParser());
app.use(accountRouter.routes()).use(accountRouter.allowedMethods());
app.use(reportsRouter.routes());

// Errors the error middleware re-emits end here, with the request context.
app.on('error', (err, ctx) => {
  logger.child({ method: ctx?.method, path: ctx?.path }).error('request failed', err);
});
