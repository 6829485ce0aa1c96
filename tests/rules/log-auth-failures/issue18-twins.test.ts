import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';
import { pino } from './_shared.js';

/**
 * Issue 18 audit: twins the other files lacked.
 * - a 401/403 chosen by a ternary between status constants imported by name (`http-status`), as the
 *   issue writes it (`userId ? NOT_FOUND : FORBIDDEN`, a refusal of a caller with no session, so only
 *   with includeAnonymous) and on a presented identity (a member's role, reported by default); quiet
 *   when logged on the way, or when the ternary picks by a resource's state;
 * - the logged twins of the app's own `formatResponse(401, res, …)` and of socket.io middleware
 *   refusing the handshake with `next(new Error('unauthorized'))` after a failed `jwt.verify`.
 */
const ruleTester = new RuleTester();

ruleTester.run('log-auth-failures (issue 18 twins)', rule, {
  valid: [
    // the ternary between named constants, logged on the way
    {
      code: `const { NOT_FOUND, FORBIDDEN } = require('http-status');
router.delete('/teams/:id', async (req, res) => {
  const team = await Team.findById(req.params.id);
  const role = await team.roleOf(req.user.id);
  if (role !== 'admin') {
    logger.warn({ reason: role ? 'forbidden' : 'not_member', path: req.path }, 'Team delete refused');
    return res.status(role ? FORBIDDEN : NOT_FOUND).json({ error: 'Not available' });
  }
  await team.remove();
  res.sendStatus(204);
});`,
      settings: pino,
    },
    // the issue's own shape, logged, with anonymous refusals reported
    {
      options: [{ includeAnonymous: true }],
      code: `const { NOT_FOUND, FORBIDDEN } = require('http-status');
router.get('/notes/:id', async (req, res) => {
  const userId = req.session.userId;
  const note = await Note.findOne({ _id: req.params.id, ownerId: userId });
  if (!note) {
    logger.warn({ reason: userId ? 'not_found' : 'forbidden', path: req.path }, 'Note not available');
    return res.status(userId ? NOT_FOUND : FORBIDDEN).json({ error: 'Not available' });
  }
  res.json(note);
});`,
      settings: pino,
    },
    // a named 403 chosen by the resource's state (quarantined), not by who asks
    {
      code: `const { NOT_FOUND, FORBIDDEN } = require('http-status');
router.get('/files/:id', async (req, res) => {
  const file = await File.findById(req.params.id);
  if (!file || file.quarantined) {
    return res.status(file ? FORBIDDEN : NOT_FOUND).json({ error: 'Not available' });
  }
  res.json(file);
});`,
      settings: pino,
    },
    // the app's own response helper given a 401 and the response, logged first
    {
      code: `router.get('/reports/:id', async (req, res) => {
  const report = await Report.findById(req.params.id);
  if (!req.user.canRead(report)) {
    logger.warn({ reason: 'unauthorized', path: req.path, user: req.user.id }, 'Report access denied');
    return formatResponse(401, res, { message: 'Not allowed' });
  }
  return formatResponse(200, res, report);
});`,
      settings: pino,
    },
    // socket.io middleware refusing the handshake after a failed jwt.verify, logged first
    `io.use((socket, next) => {
  try {
    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);
    next();
  } catch (err) {
    logger.warn({ ip: socket.handshake.address, reason: 'invalid_token' }, 'socket.io handshake refused');
    next(new Error('unauthorized'));
  }
});`,
  ],
  invalid: [
    // a member's role picks 403 or 404 between named constants: the 403 refuses a known caller
    {
      code: `const { NOT_FOUND, FORBIDDEN } = require('http-status');
router.delete('/teams/:id', async (req, res) => {
  const team = await Team.findById(req.params.id);
  const role = await team.roleOf(req.user.id);
  if (role !== 'admin') {
    return res.status(role ? FORBIDDEN : NOT_FOUND).json({ error: 'Not available' });
  }
  await team.remove();
  res.sendStatus(204);
});`,
      settings: pino,
      errors: [{ messageId: 'unlogged', line: 6, column: 30 }],
    },
    // the shape: no session user gets the named FORBIDDEN (anonymous: reported with includeAnonymous)
    {
      options: [{ includeAnonymous: true }],
      code: `const { NOT_FOUND, FORBIDDEN } = require('http-status');
router.get('/notes/:id', async (req, res) => {
  const userId = req.session.userId;
  const note = await Note.findOne({ _id: req.params.id, ownerId: userId });
  if (!note) {
    return res.status(userId ? NOT_FOUND : FORBIDDEN).json({ error: 'Not available' });
  }
  res.json(note);
});`,
      settings: pino,
      errors: [{ messageId: 'unlogged', line: 6, column: 44 }],
    },
  ],
});
