import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * Precision on real code (issue #15): paywalls and switches in a conjunction, predicates, routes and
 * link tokens (n8n, Directus, Medusa) are not access control; the real shapes beside them stay reported.
 */
// The default parser is @typescript-eslint/parser: decorators, `satisfies` and type assertions parse.
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (precision on real code)', rule, {
  valid: [
    // --- not access control on real code (issue #15): paywalls and switches in a conjunction, predicates, routes, link tokens ---
    // n8n: a licence quota refuses, the owner role only exempts (a paywall in a conjunction).
    `export class PasswordResetController {
  async resolvePasswordToken(req, res, payload) {
    const user = await this.authService.resolvePasswordResetToken(payload.token);
    if (user.role.slug !== GLOBAL_OWNER_ROLE.slug && !this.license.isWithinUsersLimit()) {
      this.logger.debug('Request to resolve password token failed because the user limit was reached');
      throw new ForbiddenError('Maximum number of users reached');
    }
  }
}`,
    // Directus: OAuth callers refused because MCP OAuth is switched off (a switch in a conjunction with a fact the caller has).
    `import { ForbiddenError } from '@directus/errors';
const mcpHandler = asyncHandler(async (req, res) => {
  const env = useEnv();
  const { mcp_oauth_enabled } = await new SettingsService({ schema: req.schema }).readSingleton({ fields: ['mcp_oauth_enabled'] });
  if (req.accountability?.oauth && (toBoolean(env['MCP_OAUTH_ENABLED']) !== true || toBoolean(mcp_oauth_enabled) !== true)) {
    throw new ForbiddenError({ reason: 'MCP OAuth must be enabled' });
  }
  res.json(await mcp.handle(req));
});
router.post('/', mcpHandler);`,
    // n8n: the instance is read-only; the predicate's name, not the service's, says what is tested.
    `const branchWriteAccessMiddleware = (_req, _res, next) => {
  if (Container.get(InstanceWriteAccessService).isReadOnly()) {
    throw new ForbiddenError('This instance is in read-only mode.');
  }
  next();
};
router.post('/data-tables', branchWriteAccessMiddleware, createTable);`,
    // n8n: an account provisioned from environment variables cannot change its password (account state).
    `export class MeController {
  async updatePassword(req, res, payload) {
    const { user } = req;
    if (this.isUserManagedByEnv(user)) {
      throw new ForbiddenError('This account is managed via environment variables');
    }
    return this.userService.updatePassword(user, payload);
  }
}`,
    // n8n: a caught UserError from a licence check becomes a 403: what the try called decides.
    `export class InsightsController {
  async getInsights(req, res, query) {
    try {
      this.insightsService.validateDateFiltersLicense({ startDate: query.startDate, endDate: query.endDate });
    } catch (error) {
      if (error instanceof UserError) {
        throw new ForbiddenError(error.message);
      }
      throw error;
    }
    return this.insightsService.getInsights(query);
  }
}`,
    // Directus: the model is not in the allowlist read from the AI settings (what is asked for, not who asks).
    `import { ForbiddenError } from '@directus/errors';
export const aiObjectPostHandler = async (req, res) => {
  const { provider, model } = req.body;
  const aiSettings = res.locals.ai.settings;
  const allowedModelsMap = { openai: aiSettings.openaiAllowedModels, anthropic: aiSettings.anthropicAllowedModels };
  const allowedModels = allowedModelsMap[provider];
  if (!allowedModels || allowedModels.length === 0 || !allowedModels.includes(model)) {
    throw new ForbiddenError({ reason: 'Model not allowed for this provider' });
  }
  res.json(await generate(provider, model));
};
router.post('/object', aiObjectPostHandler);`,
    // n8n: an invite link whose JWT does not verify is a broken link, answered 400.
    `export class UserService {
  getInvitationIdsFromToken(token) {
    try {
      const decoded = this.jwtService.verify(token);
      return { inviterId: decoded.inviterId, inviteeId: decoded.inviteeId };
    } catch (error) {
      this.logger.debug('Failed to verify JWT token', { error });
      throw new BadRequestError('Invalid invite URL');
    }
  }
}`,
    // Directus: a signed consent form field that fails to verify, answered 400 invalid_request.
    `app.post('/oauth/consent', async (req, res) => {
  const { signed_params } = req.body;
  let claims;
  try {
    claims = jwt.verify(signed_params, consentKey, { algorithms: ['HS256'] });
  } catch {
    return res.status(400).json({ error: 'invalid_request', error_description: 'Invalid or expired consent token' });
  }
  res.json(await decide(claims));
});`,
    // Directus: an Origin header that does not parse as a URL is malformed input.
    `function requireSameOrigin(req, res, next) {
  let requestOrigin;
  try {
    requestOrigin = new URL(String(req.headers.origin));
  } catch {
    res.status(403).json({ error: 'access_denied', error_description: 'Malformed Origin header' });
    return;
  }
  next();
}
router.post('/oauth/authorize/decision', requireSameOrigin, decide);`,
    // Medusa: the stored API key being edited is of the wrong type: a field of a record, not a presented key.
    `export const POST = async (req, res) => {
  const apiKey = await refetchApiKey(req.params.id, req.scope, ['id', 'type']);
  if (apiKey.type !== ApiKeyType.PUBLISHABLE) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Sales channels can only be associated with publishable API keys');
  }
  res.status(200).json({ api_key: await link(apiKey, req.validatedBody) });
};`,
    // n8n: any other path under /types is refused whoever asks (a routing rule on the path).
    `app.use((req, res, next) => {
  if (requestPath.mayReachDirectory(req.path, 'types')) {
    res.status(401).end();
    return;
  }
  next();
});`,
    // Directus: the route predicate only picks an HTML or JSON answer; the settings switch refuses.
    `async function checkOAuthSettings(req, res, next) {
  const settings = await settingsService.readSingleton({ fields: ['mcp_enabled', 'mcp_oauth_enabled'] });
  if (toBoolean(settings?.mcp_oauth_enabled) !== true) {
    if (isOAuthHtmlEndpoint(req)) {
      res.status(403).send(await renderErrorPage('MCP OAuth is disabled in project settings.'));
      return;
    }
    res.status(403).json({ error: 'access_denied' });
    return;
  }
  next();
}
router.use(checkOAuthSettings);`,
    // n8n: the local gateway is not connected (the state of a resource).
    `export class InstanceAiController {
  async gatewayEvents(req, res) {
    const gateway = this.gatewayService.getLocalGateway(req.user.id);
    if (!gateway.isConnected) {
      throw new ForbiddenError('Local gateway not initialized');
    }
    res.flushHeaders();
  }
}`,
  ],
  invalid: [
    // --- issue #15: the real shapes that stay reported ---
    {
      // Directus: an OAuth session outside its endpoints — the route test follows an early exit for other sessions, so it refuses a token's scope.
      code: `import { ForbiddenError } from '@directus/errors';
function mcpOAuthGuard(req, _res, next) {
  if (!req.accountability?.oauth) {
    next();
    return;
  }
  if (!isMcpPath(req.path)) {
    next(new ForbiddenError());
    return;
  }
  next();
}
app.use(mcpOAuthGuard);`,
      settings: pino,
      output: `import { ForbiddenError } from '@directus/errors';
import { logger } from './logger';
function mcpOAuthGuard(req, _res, next) {
  if (!req.accountability?.oauth) {
    next();
    return;
  }
  if (!isMcpPath(req.path)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    next(new ForbiddenError());
    return;
  }
  next();
}
app.use(mcpOAuthGuard);`,
      errors: [
        {
          messageId: 'unlogged',
          line: 8,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { ForbiddenError } from '@directus/errors';
import { logger } from './logger';
function mcpOAuthGuard(req, _res, next) {
  if (!req.accountability?.oauth) {
    next();
    return;
  }
  if (!isMcpPath(req.path)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    next(new ForbiddenError());
    return;
  }
  next();
}
app.use(mcpOAuthGuard);` },
          ],
        },
      ],
    },
    {
      // n8n: a credential the caller may not read (the error class names the caller's rights) becomes a 403.
      code: `export class CredentialsController {
  async testCredentials(req, res, payload) {
    try {
      return await this.credentialsService.testWithCredentials(req.user, payload.credentials);
    } catch (error) {
      if (error instanceof CredentialNotFoundError) {
        throw new ForbiddenError();
      }
      throw error;
    }
  }
}`,
      settings: pino,
      output: `import { logger } from './logger';
export class CredentialsController {
  async testCredentials(req, res, payload) {
    try {
      return await this.credentialsService.testWithCredentials(req.user, payload.credentials);
    } catch (error) {
      if (error instanceof CredentialNotFoundError) {
        logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
        throw new ForbiddenError();
      }
      throw error;
    }
  }
}`,
      errors: [
        {
          messageId: 'unlogged',
          line: 7,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
export class CredentialsController {
  async testCredentials(req, res, payload) {
    try {
      return await this.credentialsService.testWithCredentials(req.user, payload.credentials);
    } catch (error) {
      if (error instanceof CredentialNotFoundError) {
        logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
        throw new ForbiddenError();
      }
      throw error;
    }
  }
}` },
          ],
        },
      ],
    },
    {
      // An IP allowlist matched against the caller stays access control.
      code: `app.use('/admin', (req, res, next) => {
  if (!allowedIps.includes(req.ip)) {
    return res.status(403).json({ error: 'Forbidden' });
  }
  next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.use('/admin', (req, res, next) => {
  if (!allowedIps.includes(req.ip)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Forbidden' });
  }
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.use('/admin', (req, res, next) => {
  if (!allowedIps.includes(req.ip)) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Forbidden' });
  }
  next();
});` },
          ],
        },
      ],
    },
    {
      // An anonymous caller refused unless a switch opens the API: the caller's absence refuses.
      options: [{ includeAnonymous: true }],
      code: `app.get('/api/items', (req, res) => {
  if (!req.user && !features.publicApiEnabled) {
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json(items.list());
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.get('/api/items', (req, res) => {
  if (!req.user && !features.publicApiEnabled) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json(items.list());
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.get('/api/items', (req, res) => {
  if (!req.user && !features.publicApiEnabled) {
    logger.warn({ reason: 'unauthorized', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed');
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json(items.list());
});` },
          ],
        },
      ],
    },
    {
      // A bearer token from the Authorization header that fails to verify, answered 400, stays reported.
      code: `app.use((req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return res.status(400).json({ error: 'Invalid token' });
  }
  next();
});`,
      settings: pino,
      output: `import { logger } from './logger';
app.use((req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid token' });
  }
  next();
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 6,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.use((req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid token' });
  }
  next();
});` },
          ],
        },
      ],
    },
    {
      // includeNonAccessControl (strict) reports a link token answered 400 too.
      code: `app.post('/invites/accept', async (req, res) => {
  try {
    jwt.verify(req.body.inviteToken, inviteSecret);
  } catch {
    return res.status(400).json({ error: 'Invalid invite URL' });
  }
  res.json(await invites.accept(req.body));
});`,
      settings: pino,
      options: [{"includeNonAccessControl":true}],
      output: `import { logger } from './logger';
app.post('/invites/accept', async (req, res) => {
  try {
    jwt.verify(req.body.inviteToken, inviteSecret);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid invite URL' });
  }
  res.json(await invites.accept(req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 5,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.post('/invites/accept', async (req, res) => {
  try {
    jwt.verify(req.body.inviteToken, inviteSecret);
  } catch {
    logger.warn({ reason: 'invalid_token', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Authentication failed: invalid token');
    return res.status(400).json({ error: 'Invalid invite URL' });
  }
  res.json(await invites.accept(req.body));
});` },
          ],
        },
      ],
    },
    {
      // includeNonAccessControl (strict) reports a paywall in a conjunction too.
      code: `app.post('/users', async (req, res) => {
  if (req.user.role !== 'owner' && !license.isWithinUsersLimit()) {
    return res.status(403).json({ error: 'Maximum number of users reached' });
  }
  res.json(await users.create(req.body));
});`,
      settings: pino,
      options: [{"includeNonAccessControl":true}],
      output: `import { logger } from './logger';
app.post('/users', async (req, res) => {
  if (req.user.role !== 'owner' && !license.isWithinUsersLimit()) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Maximum number of users reached' });
  }
  res.json(await users.create(req.body));
});`,
      errors: [
        {
          messageId: 'unlogged',
          line: 3,
          suggestions: [
            { messageId: 'logFailure', data: {call: 'logger.warn'}, output: `import { logger } from './logger';
app.post('/users', async (req, res) => {
  if (req.user.role !== 'owner' && !license.isWithinUsersLimit()) {
    logger.warn({ reason: 'forbidden', method: req.method, path: req.originalUrl.split('?')[0], ip: req.ip, userAgent: req.headers['user-agent'] }, 'Access denied');
    return res.status(403).json({ error: 'Maximum number of users reached' });
  }
  res.json(await users.create(req.body));
});` },
          ],
        },
      ],
    },
  ],
});
