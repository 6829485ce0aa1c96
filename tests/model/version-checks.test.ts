import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { AnyFunction } from '../../src/model/ast.js';
import { isVersionCheckFailure } from '../../src/model/version-checks.js';
import { callResult, probeCalls } from '../helpers/probe.js';

/** For each `log(…)` call: whether it logs the failure of a version check (its handler: the enclosing catch clause or function). */
function checks(code: string) {
  const results = probeCalls(code, (context, node) => {
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'log') return null;
    let handler: TSESTree.Node | undefined = node.parent;
    while (handler && handler.type !== 'CatchClause' && handler.type !== 'ArrowFunctionExpression' && handler.type !== 'FunctionExpression') handler = handler.parent;
    return handler ? isVersionCheckFailure(context, node, handler as TSESTree.CatchClause | AnyFunction) : null;
  });
  return (text: string) => callResult(results, text);
}

describe('isVersionCheckFailure', () => {
  it('reads the log text, the enclosing functions and the failing calls', () => {
    const of = checks(`
      async function a() { try { await got(URL) } catch (e) { log('Failed to fetch changelog') } }
      async function checkForUpdates() { try { await got(URL) } catch (e) { log('request failed 1') } }
      exports.checkForUpdates = async () => { try { await got(URL) } catch (e) { log('request failed 2') } };
      function b() { Promise.all([changelog_1.default.fetch(), load()]).catch((e) => log('request failed 3')) }
      async function c() { try { await packages.outdated(0) } catch (e) { log('request failed 4') } }
      function d() { fetchInfo().then((info) => changelog.show(info)).catch((e) => log('request failed 5')) }
    `);
    expect(of("log('Failed to fetch changelog')")).toBe(true);
    expect(of("log('request failed 1')")).toBe(true);
    expect(of("log('request failed 2')")).toBe(true);
    expect(of("log('request failed 3')")).toBe(true);
    expect(of("log('request failed 4')")).toBe(true);
    // a call inside a `.then` callback is not what the chain's head failed for
    expect(of("log('request failed 5')")).toBe(false);
  });

  it('does not take an update, or checking a package before installing it, for a version check', () => {
    const of = checks(`
      async function save() { try { await db.update(row) } catch (e) { log('Failed to update the settings') } }
      async function checkUpdate(name) { try { await registry.view(name) } catch (e) { log('Failed to validate package') } }
      async function updateChecked(id) { try { await db.save(id) } catch (e) { log('Failed to save') } }
    `);
    expect(of("log('Failed to update the settings')")).toBe(false);
    expect(of("log('Failed to validate package')")).toBe(false);
    expect(of("log('Failed to save')")).toBe(false);
  });
});
