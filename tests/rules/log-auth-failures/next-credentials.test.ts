import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/log-auth-failures.js';

/**
 * NextAuth.js / Auth.js credentials providers: `authorize()` returning null refuses the sign-in (a 401
 * `CredentialsSignin`), and NextAuth.js 4 records nothing. A null on the branch where the password check failed, or
 * where the account looked up by the submitted login name was not found, is the refused sign-in; an empty form
 * (nothing to check) is not. Also compiled (`(0, credentials_1.default)({ … })` with `(0, bcryptjs_1.compare)(…)`).
 */
const ruleTester = new RuleTester();

const authorize = (body: string): string => `import CredentialsProvider from 'next-auth/providers/credentials';
import bcrypt from 'bcryptjs';
export const authOptions = {
  providers: [
    CredentialsProvider({
      async authorize(credentials) {
${body}
      },
    }),
  ],
};`;

const LOOKUP = "        const user = await prisma.user.findUnique({ where: { email: credentials.email } });";
const BAD_PASSWORD = authorize(`        if (!credentials?.email || !credentials?.password) return null;
${LOOKUP}
        if (!user) return null;
        const ok = await bcrypt.compare(credentials.password, user.passwordHash);
        if (!ok) return null;
        return { id: user.id, email: user.email };`);
const WARN = "          console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials' });";

const COMPILED = `const credentials_1 = __importDefault(require("next-auth/providers/credentials"));
const bcryptjs_1 = require("bcryptjs");
exports.authOptions = {
    providers: [
        (0, credentials_1.default)({
            async authorize(credentials) {
                const user = await db.user.findFirst({ where: { username: credentials.username } });
                if (!user || !(await (0, bcryptjs_1.compare)(credentials.password, user.password))) {
                    return null;
                }
                return user;
            },
        }),
    ],
};`;

ruleTester.run('log-auth-failures (NextAuth.js credentials providers)', rule, {
  valid: [
    // an empty form: nothing was presented to check
    authorize(`        if (!credentials?.email || !credentials?.password) return null;
        return { id: 'demo' };`),
    // both refusals logged
    authorize(`${LOOKUP}
        if (!user) {
          logger.warn({ email: credentials.email }, 'sign-in: unknown account');
          return null;
        }
        if (!(await bcrypt.compare(credentials.password, user.passwordHash))) {
          logger.warn({ userId: user.id }, 'sign-in: wrong password');
          return null;
        }
        return user;`),
    // an \`authorize\` of something that is not a credentials provider
    `const policy = createPolicy({
  async authorize(credentials) {
    if (!(await bcrypt.compare(credentials.password, stored))) return null;
    return true;
  },
});`,
  ],
  invalid: [
    {
      code: BAD_PASSWORD,
      errors: [
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: BAD_PASSWORD.replace('        if (!user) return null;', `        if (!user) {\n${WARN}\n          return null;\n        }`) }],
        },
        {
          messageId: 'unlogged',
          line: 11,
          suggestions: [{ messageId: 'logFailure', data: { call: 'console.warn' }, output: BAD_PASSWORD.replace('        if (!ok) return null;', `        if (!ok) {\n${WARN}\n          return null;\n        }`) }],
        },
      ],
    },
    {
      code: COMPILED,
      errors: [
        {
          messageId: 'unlogged',
          line: 9,
          suggestions: [
            {
              messageId: 'logFailure',
              data: { call: 'console.warn' },
              output: COMPILED.replace(
                '                    return null;',
                "                    console.warn('Authentication failed: invalid credentials', { reason: 'invalid_credentials' });\n                    return null;",
              ),
            },
          ],
        },
      ],
    },
  ],
});
