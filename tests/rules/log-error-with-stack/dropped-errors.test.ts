import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';

/**
 * Recall on real applications (issue 18): an error log written where the caught error is never bound —
 * `catch { strapi.log.error('Failed to generate a template …') }` (@strapi/plugin-users-permissions),
 * `.catch(() => console.error(\`could not update requestId ${id}\`))` (signalk) — or bound and never read.
 * The failure's message, stack and cause are all lost. Twins stay quiet: the error passed, a `try` that only
 * parses a value in hand, one file-system call, a `_`-named binding, a warn, and a rejection handler that
 * takes the error, and a synchronous `try` (a parse or computation whose log names what went wrong).
 */
const ruleTester = new RuleTester();
const dropped = (code: string) => ({ code, errors: [{ messageId: 'errorDropped' as const }] });

ruleTester.run('log-error-with-stack (error dropped)', rule, {
  valid: [
    "async function send(user) { try { await mailer.send(user.email, await render(user)) } catch (e) { logger.error('Failed to send the confirmation email', e) } }",
    // a parse of a value in hand: the message names the bad input
    "function options(text) { try { return JSON.parse(text) } catch { logger.error('JSON parameter needs to be valid JSON'); return {} } }",
    // one file-system call
    "import fs from 'node:fs'; function clean(dir) { try { fs.rmSync(dir, { recursive: true }) } catch { console.error(`could not remove ${dir}`) } }",
    // a binding named as deliberately unused
    "async function send(user) { try { await mailer.send(user.email) } catch (_err) { logger.error('Failed to send the confirmation email') } }",
    // a synchronous try: it mostly parses or computes, and the log's text names what went wrong
    "function addTranslationFile(lang, filePath) { try { const raw = fs.readFileSync(filePath); this.addTranslation(lang, JSON.parse(raw.toString())) } catch (err) { logger.error(`Could not load resources file ${filePath}`) } }",
    "function configure(endpoint) { let url; try { url = new URL(endpoint) } catch (error) { logger.error(`The provided endpoint is not a valid URL: ${endpoint}`); throw new UserError('invalid URL') } return url }",
    // below error level
    "async function send(user) { try { await mailer.send(user.email) } catch { logger.warn('Failed to send the confirmation email') } }",
    // the rejection handler takes the error and passes it
    'function update(id, state) { store.update(id, state).catch((err) => console.error(`could not update requestId ${id}`, err)) }',
  ],
  invalid: [
    dropped("async function send(user) {\n  try {\n    await mailer.send(user.email, await render(template, user));\n  } catch {\n    logger.error('Failed to send the confirmation email');\n    return;\n  }\n}"),
    dropped('function update(id, state) { store.update(id, state).then(done).catch(() => { console.error(`could not update requestId ${id}`) }) }'),
    // bound and never read
    "async function connect() { try { await s3.headBucket({ Bucket: bucket }) } catch (error) { this.logger.error('Failed to connect to S3. Please check your S3 configuration.'); process.exit(1) } }",
  ].map((c) => (typeof c === 'string' ? dropped(c) : c)),
});
