import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-pii-in-log.js';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});
/** Plain JavaScript, parsed by ESLint's default parser. */
const js = { parser: espree, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } } as const;

const fp = { 'security-logging': { fingerprint: { name: 'fingerprint', importFrom: './fingerprint' } } };
const fpInScope = { 'security-logging': { fingerprint: { name: 'fingerprint' } } };
const fpImport = "import { fingerprint } from './fingerprint';\n";

ruleTester.run('no-pii-in-log', rule, {
  valid: [
    // --- opaque ids, IP addresses and message text are what a security log needs ---
    "logger.info({ userId: user.id, ip: req.ip }, 'password reset requested');",
    "logger.warn({ ipAddress: req.socket.remoteAddress, emailId: email.id }, 'bounce');",
    "logger.info('Sending email to the member');",
    "logger.info(`Sending email ${email.id} to ${recipients.length} recipients`);",
    "this.logger.debug('Request to send password reset email failed because emailing was not set up');",
    "console.log('email', 'phone', 'date of birth');",
    // --- flags, counts and names about the data, not the data ---
    "logger.info({ emailVerified: user.emailVerified, hasPhone: Boolean(user.phone) }, 'profile');",
    "logger.info({ emailTemplate, phoneCountryCode, emailDomain }, 'config');",
    "logger.info({ isEmail: validator.isEmail(input) }, 'checked');",
    "logger.info({ emailCount: emails.length }, 'sent');",
    "logger.debug(`valid email: ${isValidEmail(email)}`);",
    "logger.info({ sent: !!user.email, verified: typeof user.phone === 'string' }, 'x');",
    "logger.info('has email: %s', user.email ? 'yes' : 'no');",
    "logger.info({ emailMatches: user.email === input.email }, 'x');",
    "logger.warn({ emailLength: user.email.length }, 'too long');",
    // --- configuration addresses and constants ---
    "logger.info(`Rewriting bulk email from address ${fromEmail} to ${supportEmail}`);",
    "const email = 'ops@example.com'; logger.info({ email }, 'alert recipient');",
    "logger.info({ field: FIELDS.EMAIL, code: ErrorCodes.INVALID_PHONE }, 'validation');",
    "logger.info({ adminEmail: config.ADMIN_EMAIL }, 'setup');",
    // --- hashed, masked, fingerprinted ---
    "logger.info({ email: hash(user.email) }, 'login');",
    "logger.info({ email: maskEmail(user.email), phone: redactPhone(user.phone) }, 'login');",
    "logger.info({ emailHash: createHash('sha256').update(email).digest('hex') }, 'login');",
    "logger.info({ user: anonymize(customer.fullName) }, 'order');",
    { code: "logger.info({ email: fingerprint(email) }, 'login');", settings: fpInScope },
    { code: "logger.info({ email: privacy.blind(email) }, 'login');", options: [{ sanitizers: ['privacy.blind'] }] },
    // --- not a logger; not a name ---
    "res.json({ email: user.email });",
    "mailer.send({ to: user.email, subject: 'hi' });",
    "logger.info({ username: user.username, name: product.name }, 'x');",
    "logger.info({ name: file.name, firstEntry: entries[0] }, 'x');",
    // a user's `name` is as often the login name; a candidate is any kind of thing
    "logger.debug(`package ${name} starred by user ${req.remote_user?.name}`);",
    "this.logger.error(`Failed to import data table ${candidate.name}`, { error });",
    "logger.info(`${passport}`);",
    // --- whole-word matching, never substrings ---
    "logger.info({ emailer, telephonyProvider, dobby, nameserver }, 'x');",
    "logger.info({ mailbox, phoneme }, 'x');",
    // --- options ---
    { code: "logger.info({ phone: user.phone }, 'x');", options: [{ categories: ['email'] }] },
    { code: "logger.info({ authorEmail: post.authorEmail }, 'published');", options: [{ allowedNames: ['authorEmail'] }] },
    // --- SSN is a secret: no-raw-secret-in-log reports it ---
    "logger.info({ ssn: applicant.ssn }, 'x');",
    // --- TypeScript-only syntax ---
    "logger.info({ verified: (user as User).emailVerified satisfies boolean }, 'x');",
    { code: "logger.info({ userId: user.id }, 'ok'); const x = <div>{user.email}</div>;", filename: 'file.tsx' },
    // --- JavaScript (espree) ---
    { code: "logger.info({ userId: user.id }, 'login ok');", languageOptions: js },
    // --- a command-line command answers the operator who ran it (n8n's and Flowise's CLI commands) ---
    `class DisableMFACommand extends BaseCommand {
  async run() {
    const { flags } = await this.parse(DisableMFACommand);
    await this.disable(flags.email);
    this.reportSuccess(flags.email);
  }
  reportSuccess(email) {
    this.logger.info(\`Successfully disabled MFA for user with email: \${email}\`);
  }
}`,
    {
      code: `const core_1 = require('@oclif/core');
class user extends base_1.BaseCommand {
  async run() {}
  async resetPassword(queryRunner, email, password) {
    logger_1.default.info(\`Finding user by email: \${email}\`);
  }
}`,
      languageOptions: js,
    },
  ],
  invalid: [
    // --- a CQRS command handler is no command-line command: it runs in the server ---
    {
      code: `class CreateUserHandler extends BaseHandler {
  async execute(command) {
    this.logger.info(\`Creating user \${command.email}\`);
  }
}`,
      errors: [{ messageId: 'piiInLog', line: 3, data: { description: 'An e-mail address `command.email`' }, suggestions: [] }],
    },
    // --- n8n: a raw e-mail next to the user id ---
    {
      code: "this.logger.info('Sent password reset email successfully', { userId: user.id, email });",
      errors: [
        {
          messageId: 'piiInLog',
          line: 1,
          data: { description: 'An e-mail address `email`' },
          suggestions: [{ messageId: 'dropValue', output: "this.logger.info('Sent password reset email successfully', { userId: user.id });" }],
        },
      ],
    },
    // --- medusa: an e-mail in a template literal, with a fallback ---
    {
      code: 'logger.info(`  Processing user: ${user.email || user.id}`);',
      errors: [{ messageId: 'piiInLog', line: 1, data: { description: 'An e-mail address `user.email`' }, suggestions: [] }],
    },
    // --- fingerprint helper configured and importable ---
    {
      code: "logger.info({ email: user.email }, 'login');",
      settings: fp,
      errors: [
        {
          messageId: 'piiInLog',
          suggestions: [
            { messageId: 'useFingerprint', data: { text: 'user.email', helper: 'fingerprint' }, output: `${fpImport}logger.info({ email: fingerprint(user.email) }, 'login');` },
            { messageId: 'dropValue', output: "logger.info({}, 'login');" },
          ],
        },
      ],
    },
    // --- shorthand keeps its key when wrapped ---
    {
      code: "import { fingerprint } from './privacy';\nlogger.warn({ phoneNumber, userId }, 'sms failed');",
      settings: fpInScope,
      errors: [
        {
          messageId: 'piiInLog',
          data: { description: 'A phone number `phoneNumber`' },
          suggestions: [
            { messageId: 'useFingerprint', output: "import { fingerprint } from './privacy';\nlogger.warn({ phoneNumber: fingerprint(phoneNumber), userId }, 'sms failed');" },
            { messageId: 'dropValue', output: "import { fingerprint } from './privacy';\nlogger.warn({ userId }, 'sms failed');" },
          ],
        },
      ],
    },
    // --- by source: destructured from the request body, renamed ---
    {
      code: "app.post('/signup', (req, res) => { const { email: to } = req.body; console.log('signup', to); });",
      errors: [
        {
          messageId: 'piiInLog',
          data: { description: 'An e-mail address `to` (destructured from `email`)' },
          suggestions: [{ messageId: 'dropValue', output: "app.post('/signup', (req, res) => { const { email: to } = req.body; console.log('signup'); });" }],
        },
      ],
    },
    {
      code: "app.post('/signup', (req, res) => { const address = req.body.emailAddress.trim(); logger.info(`new signup ${address}`); });",
      errors: [{ messageId: 'piiInLog', data: { description: 'An e-mail address `address` (from `req.body.emailAddress.trim()`)' }, suggestions: [] }],
    },
    // --- a key says what the value is ---
    {
      code: "logger.info({ email: recipient }, 'bounced');",
      errors: [{ messageId: 'piiInLog', data: { description: 'An e-mail address `recipient` (logged as `email`)' }, suggestions: [{ messageId: 'dropValue', output: "logger.info({}, 'bounced');" }] }],
    },
    // --- national ids, dates of birth, names ---
    {
      code: "logger.info({ passportNumber: dto.passportNumber, dateOfBirth: dto.dateOfBirth, name: customer.name }, 'kyc');",
      errors: [
        { messageId: 'piiInLog', column: 31, data: { description: 'A national id number `dto.passportNumber`' } , suggestions: [{ messageId: 'dropValue', output: "logger.info({ dateOfBirth: dto.dateOfBirth, name: customer.name }, 'kyc');" }] },
        { messageId: 'piiInLog', column: 64, data: { description: 'A date of birth `dto.dateOfBirth`' }, suggestions: [{ messageId: 'dropValue', output: "logger.info({ passportNumber: dto.passportNumber, name: customer.name }, 'kyc');" }] },
        { messageId: 'piiInLog', column: 87, data: { description: "A person's name `customer.name`" }, suggestions: [{ messageId: 'dropValue', output: "logger.info({ passportNumber: dto.passportNumber, dateOfBirth: dto.dateOfBirth }, 'kyc');" }] },
      ],
    },
    {
      code: "logger.debug('user: ' + user.firstName + ' ' + user.last_name);",
      errors: [
        { messageId: 'piiInLog', data: { description: "A person's name `user.firstName`" }, suggestions: [] },
        { messageId: 'piiInLog', data: { description: "A person's name `user.last_name`" }, suggestions: [] },
      ],
    },
    // --- winston with a level argument; JSON.stringify keeps the value ---
    {
      code: "const winston = require('winston'); const logger = winston.createLogger({}); logger.log('info', 'lead', JSON.stringify({ tel: 1, mobileNumber: lead.mobileNumber }));",
      errors: [{ messageId: 'piiInLog', data: { description: 'A phone number `lead.mobileNumber`' }, suggestions: [{ messageId: 'dropValue', output: "const winston = require('winston'); const logger = winston.createLogger({}); logger.log('info', 'lead', JSON.stringify({ tel: 1 }));" }] }],
    },
    // --- options ---
    {
      code: "logger.info({ iban: account.iban }, 'payout');",
      options: [{ piiWords: ['iban'] }],
      errors: [{ messageId: 'piiInLog', data: { description: '`iban` `account.iban`' }, suggestions: [{ messageId: 'dropValue', output: "logger.info({}, 'payout');" }] }],
    },
    // --- TypeScript: Nest logger, type assertions ---
    {
      code: "class S { constructor(private readonly logger: Logger) {} run(u: User) { this.logger.log(`invited ${(u.email as string).toLowerCase()}`); } }",
      errors: [{ messageId: 'piiInLog', data: { description: 'An e-mail address `(u.email as string).toLowerCase()`' }, suggestions: [] }],
    },
    // --- JavaScript (espree) ---
    {
      code: "console.error('lookup failed for', user.phone);",
      languageOptions: js,
      errors: [{ messageId: 'piiInLog', data: { description: 'A phone number `user.phone`' }, suggestions: [{ messageId: 'dropValue', output: "console.error('lookup failed for');" }] }],
    },
  ],
});
