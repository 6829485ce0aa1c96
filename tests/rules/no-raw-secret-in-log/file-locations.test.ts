import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

/**
 * A secret word under a holder of file locations (`files`, `paths`, `dirs` …) names a file, as
 * `credentialsFile` does: node-red's project migration logs `project.files.oldCredentials`, the path of
 * the old `*_cred.json` file (round 11). The credentials themselves, under any other owner, stay reported.
 */
const ruleTester = new RuleTester();

const migration = `function createDefaultProject(log, project) {
  log.trace('Migrating credentials file ' + project.files.oldCredentials + ' to ' + project.files.credentials);
  log.trace('Project key file ' + options.paths.privateKey);
}`;

const leaked = `function createDefaultProject(log, project) {
  log.trace('Project credentials ' + project.settings.credentials);
}`;

ruleTester.run('no-raw-secret-in-log (file locations)', rule, {
  valid: [migration],
  invalid: [
    {
      code: leaked,
      errors: [
        {
          messageId: 'rawSecret',
          line: 2,
          suggestions: [
            { messageId: 'useSha256', output: "import { createHash } from 'node:crypto';\n" + leaked.replace('project.settings.credentials)', "createHash('sha256').update(String(project.settings.credentials)).digest('hex').slice(0, 12))") },
            { messageId: 'redactValue', output: leaked.replace('project.settings.credentials)', "'[REDACTED]')") },
          ],
        },
      ],
    },
  ],
});
