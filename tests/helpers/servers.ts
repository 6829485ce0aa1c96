/** Probe a file with a server collector: `atExit` sees every call and server creation of the file. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import type { Context } from '../../src/model/ast.js';
import { type ServerCollector, collectServers } from '../../src/model/servers.js';
import { type ProbeOptions, probe } from './probe.js';

export function probeServers(code: string, atExit: (context: Context, servers: ServerCollector) => void, options: ProbeOptions = {}): Linter.LintMessage[] {
  return probe(
    code,
    (context) => {
      const servers = collectServers(context);
      return {
        CallExpression: (node: TSESTree.CallExpression) => servers.onCall(node),
        NewExpression: (node: TSESTree.NewExpression) => servers.onNew(node),
        'Program:exit': () => atExit(context, servers),
      };
    },
    options,
  );
}
