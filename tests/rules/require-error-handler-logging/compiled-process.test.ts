import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/require-error-handler-logging.js';

/**
 * Session 35: the process object as TypeScript's CommonJS output names an import of it
 * (`const process_1 = __importDefault(require("process"))` → `process_1.default.on(…)`,
 * `process_1.default.exit(1)`) gets the verdicts of the source form `process.on(…)`.
 */
const ruleTester = new RuleTester();

const header = `const process_1 = __importDefault(require("process"));
const logger_1 = __importDefault(require("./logger"));
`;

ruleTester.run('require-error-handler-logging (compiled process object)', rule, {
  valid: [
    // logs the error with its stack, then exits
    { code: `${header}process_1.default.on('uncaughtException', (err) => {
  logger_1.default.error('Uncaught exception', err);
  process_1.default.exit(1);
});` },
  ],
  invalid: [
    // exits without a word, as process.on('uncaughtException', (err) => { process.exit(1) }) does
    {
      code: `${header}process_1.default.on('uncaughtException', (err) => {
  process_1.default.exit(1);
});`,
      errors: [{ messageId: 'processExitsSilently', line: 3, suggestions: [{"messageId": "addLog", "output": "const process_1 = __importDefault(require(\"process\"));\nconst logger_1 = __importDefault(require(\"./logger\"));\nprocess_1.default.on('uncaughtException', (err) => {\n  console.error('uncaught exception', err);\n  process_1.default.exit(1);\n});"}] }],
    },
    // neither logs nor exits
    {
      code: `${header}process_1.default.on('unhandledRejection', () => {});`,
      errors: [{ messageId: 'processSilent', line: 3, suggestions: [{"messageId": "addLog", "output": "const process_1 = __importDefault(require(\"process\"));\nconst logger_1 = __importDefault(require(\"./logger\"));\nprocess_1.default.on('unhandledRejection', (err) => {\n  console.error('unhandled rejection', err);\n});"}] }],
    },
    // an exit code set on the compiled process object counts as an exit
    {
      code: `${header}process_1.default.on('uncaughtException', (err) => {
  process_1.default.exitCode = 1;
});`,
      errors: [{ messageId: 'processExitsSilently', line: 3, suggestions: [{"messageId": "addLog", "output": "const process_1 = __importDefault(require(\"process\"));\nconst logger_1 = __importDefault(require(\"./logger\"));\nprocess_1.default.on('uncaughtException', (err) => {\n  console.error('uncaught exception', err);\n  process_1.default.exitCode = 1;\n});"}] }],
    },
  ],
});
