import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { classifyCall } from '../../src/model/fallible.js';
import { isShellQuestion } from '../../src/model/shell-probes.js';
import { callResult, probeCalls } from '../helpers/probe.js';

/** `isShellQuestion` on the call's last callee segment and arguments, for every call in `code`. */
function questions(code: string): Map<string, unknown> {
  return probeCalls(code, (_context, node) => {
    const call = node as TSESTree.CallExpression;
    const callee = call.callee;
    const method = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    return isShellQuestion(method, call.arguments);
  }) as Map<string, unknown>;
}

describe('isShellQuestion', () => {
  const result = questions(`
    execSync(\`test -w "\${npmGlobalPath}"\`, { uid, gid });
    execSync('test -w "$(dirname $(which npm))"');
    execSync('[ -d /opt/app ]');
    exec('command -v docker');
    execSync('which git');
    execFileSync('which', ['git']);
    execFileSync('command', ['-v', 'git']);
    spawnSync('test', ['-x', bin]);
    execSync('which chromium 2>/dev/null || which chromium-browser 2>/dev/null');
    execSync(\`where "\${path}" 2>nul\`);
    execSync(\`chown -R \${user}:admin "\${dir}"\`);
    execSync('test -d /opt/app || mkdir /opt/app');
    execSync('which npm; npm install -g x');
    execSync('test -f a > log');
    execSync(\`\${cmd} which git\`);
    execSync(command);
    execFileSync('chmod', ['+x', bin]);
    execFileSync('command', ['git', 'pull']);
    fork('test');
  `);
  it.each([
    ['execSync(`test -w "${npmGlobalPath}"`, { uid, gid })', true],
    [`execSync('test -w "$(dirname $(which npm))"')`, true],
    [`execSync('[ -d /opt/app ]')`, true],
    [`exec('command -v docker')`, true],
    [`execSync('which git')`, true],
    [`execFileSync('which', ['git'])`, true],
    [`execFileSync('command', ['-v', 'git'])`, true],
    [`spawnSync('test', ['-x', bin])`, true],
    // Questions asked in turn, silenced.
    [`execSync('which chromium 2>/dev/null || which chromium-browser 2>/dev/null')`, true],
    ['execSync(`where "${path}" 2>nul`)', true],
    // Work, chained work, a redirect, a command built elsewhere.
    ['execSync(`chown -R ${user}:admin "${dir}"`)', false],
    [`execSync('test -d /opt/app || mkdir /opt/app')`, false],
    [`execSync('which npm; npm install -g x')`, false],
    [`execSync('test -f a > log')`, false],
    ['execSync(`${cmd} which git`)', false],
    ['execSync(command)', false],
    [`execFileSync('chmod', ['+x', bin])`, false],
    [`execFileSync('command', ['git', 'pull'])`, false],
    [`fork('test')`, false],
  ])('%s → %s', (text, expected) => {
    expect(callResult(result, text)).toBe(expected);
  });
});

describe('classifyCall: a question asked of the shell is a probe', () => {
  it('answers probe for a child-process question and external for other commands', () => {
    const r = probeCalls(
      `import { execSync, execFileSync } from 'node:child_process';
       execSync('test -w /usr/local/lib');
       execFileSync('which', ['docker']);
       execSync('chown -R me /usr/local/lib');`,
      (context, node) => classifyCall(context, node),
    );
    expect(callResult(r, `execSync('test -w /usr/local/lib')`)).toBe('probe');
    expect(callResult(r, `execFileSync('which', ['docker'])`)).toBe('probe');
    expect(callResult(r, `execSync('chown -R me /usr/local/lib')`)).toBe('external');
  });

  it('asks only calls into child_process (not a same-named method of another object)', () => {
    const r = probeCalls(`async function f() { await db.exec('test -w x'); }`, (context, node) => classifyCall(context, node));
    expect(callResult(r, `db.exec('test -w x')`)).toBe('external');
  });
});
