import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-error-with-stack.js';
import { invalid, suggested } from './cases.js';

/**
 * Precision on real applications (issue 15, session 30): text-only logs where no real operation's
 * error is lost — a `try` that only edits an array it holds, a call of the class's own synchronous
 * parse-and-validate method, a clean-up made while an earlier failure is rethrown, and killing a
 * process beside the object's own status event. Shapes trimmed from homebridge-config-ui-x and n8n.
 * Their twins (an awaited or outside call in the edit, an async or missing own method, a catch that
 * does not rethrow, a helper also called elsewhere, `reportExpectedFailures`) stay reported.
 */
const ruleTester = new RuleTester();

const inHandEdit = (work: string) =>
  `function removeCached(current, accessories, cacheFile) { for (const { uuid } of accessories) { try { ${work} } catch (e) { console.error(\`Failed to remove cached accessory \${uuid} from \${cacheFile}: \${e.message}\`) } } return current }`;
const ownParse = (method: string) =>
  `class Loader { async run() { let items; try { items = this.parseAndValidate(this.config.packages) } catch (error) { const message = error.message ?? 'Unknown error'; this.logger.error(message); throw new BootError(message) } return items } ${method} }`;
const syncParse =
  "parseAndValidate(raw) { const trimmed = (raw ?? '').trim(); let parsed; try { parsed = JSON.parse(trimmed) } catch (error) { throw new Error(`not valid JSON: ${error.message}`) } const result = schema.safeParse(parsed); if (!result.success) throw new Error('validation failed'); return result.data }";
const rollBack = (caller: string) =>
  `class Generator { async generate(projectId) { const table = await this.tables.create(projectId); try { return await this.fill(table) } catch (error) { ${caller} } } async rollBackDataTable(id, projectId) { try { await this.tables.deleteDataTable(id, projectId) } catch (cleanupError) { this.logger.error('Failed to clean up data table', { id, error: cleanupError instanceof Error ? cleanupError.message : String(cleanupError) }) } } }`;
const inlineRollback = (after: string) =>
  `async function save(tx, row) { try { await tx.insert(row); await tx.commit() } catch (err) { try { await tx.rollback() } catch (rollbackError) { logger.error(\`rollback failed: \${rollbackError.message}\`) } ${after} } }`;
const killWithStatus = (announce: string) =>
  `class Ipc { killLater() { this.timer = setTimeout(() => { try { if (!this.child.kill('SIGKILL')) { this.logger.error('Failed to deliver SIGKILL'); ${announce} } } catch (e) { this.logger.error(\`Failed to deliver SIGKILL: \${e.message}.\`); ${announce} } }, 7000) } }`;

ruleTester.run('log-error-with-stack: in-hand edits and clean-ups', rule, {
  valid: [
    // The try only finds and removes an element of an array it holds: no operation goes out.
    inHandEdit("const index = current.findIndex((x) => x.UUID === uuid); if (index > -1) { current.splice(index, 1); console.warn(`Removed ${uuid}`) } else { console.error(`Cannot find ${uuid}`) }"),
    // The class's own synchronous parse-and-validate method reads a value in hand.
    ownParse(syncParse),
    // A clean-up made while the earlier failure is rethrown, through a helper called only there…
    rollBack('await this.rollBackDataTable(table.id, projectId); throw error;'),
    // …or written inline in the rethrowing catch.
    inlineRollback('throw err;'),
    // …or before the catch throws an error of its own that carries the earlier one (flowise's createFileAttachment,
    // removing a stored upload whose processing failed): the failure leaves, named; the clean-up's is secondary.
    inlineRollback('throw new Error(`Failed to save ${row.id}: ${getErrorMessage(err)}`);'),
    // Killing a process, then telling the object's own listeners how it went.
    killWithStatus("this.emit('serverStatusUpdate', { status: 'killFailed' });"),
  ],
  invalid: [
    // An awaited call inside the edit goes out (one store command: `reportExpectedFailures` reports it; two, always).
    invalid(
      inHandEdit('const index = current.findIndex((x) => x.UUID === uuid); await store.remove(current[index])'),
      'e',
      'console.error(`Failed to remove cached accessory ${uuid} from ${cacheFile}: ${e.message}`',
      [{ reportExpectedFailures: true }],
    ),
    invalid(
      inHandEdit('const index = current.findIndex((x) => x.UUID === uuid); await store.remove(current[index]); await store.save(current)'),
      'e',
      'console.error(`Failed to remove cached accessory ${uuid} from ${cacheFile}: ${e.message}`',
    ),
    // Consuming a stream (n8n's task runs): each step of `for await` waits on the agent run.
    invalid(
      'async function consume(stream, chunks) { try { for await (const chunk of stream) { chunks.push(chunk) } } catch (e) { console.error(`Task run failed: ${e.message}`) } }',
      'e',
      'console.error(`Task run failed: ${e.message}`',
    ),
    // An iterating method given a function the try cannot see.
    invalid(inHandEdit('current.forEach(this.applyUpdate)'), 'e', 'console.error(`Failed to remove cached accessory ${uuid} from ${cacheFile}: ${e.message}`'),
    // The own method is async: it may do anything.
    suggested(ownParse(syncParse.replace('parseAndValidate(raw) {', 'async parseAndValidate(raw) {')), 'this.logger.error(message', ', error instanceof Error ? error.stack : String(error)'),
    // A method the class does not define (inherited or missing) may do anything.
    suggested(ownParse('other() {}'), 'this.logger.error(message', ', error instanceof Error ? error.stack : String(error)'),
    // The earlier failure is answered, not rethrown: the clean-up's failure is the only record.
    suggested(rollBack('await this.rollBackDataTable(table.id, projectId); return null;'), 'String(cleanupError) }', ', cleanupError'),
    // The helper is also called where nothing failed.
    suggested(
      rollBack('await this.rollBackDataTable(table.id, projectId); throw error;').replace('async rollBackDataTable(', 'async discard(table) { await this.rollBackDataTable(table.id, table.projectId) } async rollBackDataTable('),
      'String(cleanupError) }',
      ', cleanupError',
    ),
    suggested(inlineRollback('return null;'), 'logger.error(`rollback failed: ${rollbackError.message}`', ', rollbackError'),
    // The catch throws an error of its own that does not mention the earlier failure: the clean-up's log may be the only trace.
    suggested(inlineRollback("throw new Error('Failed to save');"), 'logger.error(`rollback failed: ${rollbackError.message}`', ', rollbackError'),
    // With reportExpectedFailures, a clean-up's failure is reported too.
    suggested(inlineRollback('throw err;'), 'logger.error(`rollback failed: ${rollbackError.message}`', ', rollbackError', [{ reportExpectedFailures: true }]),
    // Another emitter's call is work of its own.
    suggested(
      killWithStatus("this.bus.emitAsync('serverStatusUpdate', { status: 'killFailed' });"),
      'this.logger.error(`Failed to deliver SIGKILL: ${e.message}.`',
      ', e instanceof Error ? e.stack : String(e)',
    ),
  ],
});
