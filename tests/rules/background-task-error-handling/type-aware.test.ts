import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/background-task-error-handling.js';

// With type information, any call typed as a Promise counts; without it, unknown functions are never guessed at.
const typedTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: import.meta.dirname },
  },
});

typedTester.run('background-task-error-handling (type-aware)', rule, {
  valid: [
    'declare function syncRemote(): void;\nsetInterval(() => {\n  syncRemote();\n}, 1000);',
    // Fastify's reply declares `then` to be awaitable; reply.send() is not a floating promise.
    "interface FastifyReply { code(n: number): FastifyReply; send(p?: unknown): FastifyReply; then(ok: () => void, fail: (e: unknown) => void): void }\ndeclare const fastify: { get(path: string, h: (request: unknown, reply: FastifyReply) => void): void };\nfastify.get('/', (request, reply) => {\n  reply.code(200).send('ok');\n});",
    "declare function syncRemote(): Promise<void>;\ndeclare const logger: { error(o: object, m: string): void };\nsetInterval(() => {\n  syncRemote().catch((err) => logger.error({ err }, 'sync failed'));\n}, 1000);",
    // Outside background work and request handlers: typescript-eslint's no-floating-promises covers it.
    'declare function migrate(): Promise<void>;\nmigrate();',
    'declare const repo: { save(): Promise<void> };\nsetInterval(async () => {\n  try {\n    await repo.save();\n  } catch (err) {\n    console.error(err);\n  }\n}, 1000);',
  ],
  invalid: [
    {
      code: 'declare function syncRemote(): Promise<void>;\nsetInterval(() => {\n  syncRemote();\n}, 1000);',
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          suggestions: [
            {
              messageId: 'addCatch',
              output:
                "declare function syncRemote(): Promise<void>;\nsetInterval(() => {\n  syncRemote().catch((err) => console.error('syncRemote failed', err));\n}, 1000);",
            },
          ],
        },
      ],
    },
    {
      code: "declare const repo: { save(): Promise<void> };\nemitter.on('order', () => repo.save());",
      errors: [
        {
          messageId: 'returnedPromise',
          line: 2,
          suggestions: [
            {
              messageId: 'addCatch',
              output: "declare const repo: { save(): Promise<void> };\nemitter.on('order', () => repo.save().catch((err) => console.error('save failed', err)));",
            },
          ],
        },
      ],
    },
  ],
});
