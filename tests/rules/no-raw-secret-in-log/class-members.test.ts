import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../../src/rules/no-raw-secret-in-log.js';

const ruleTester = new RuleTester();

/** @uppy/companion's Uploader, trimmed: a short prefix of the upload token is the trace id of every log line. */
const uploader = (getter: string, log = "logger.debug('Received from client: pause', 'uploader', this.shortToken);") => `class Uploader {
  constructor(options) { this.token = options.token; }
  static shortenToken(token) {
    return token.substring(0, 8);
  }
  ${getter}
  onPause() {
    ${log}
  }
}`;

/** The three suggestions for `expr`, logged last in `log` (a fingerprint, dropped, redacted). */
const suggestions = (code: string, log: string, expr: string) => {
  const edit = (replacement: string) => code.replace(log, log.replace(`, ${expr})`, replacement));
  return [
    { messageId: 'useSha256' as const, output: `import { createHash } from 'node:crypto';\n${edit(`, createHash('sha256').update(String(${expr})).digest('hex').slice(0, 12))`)}` },
    { messageId: 'dropValue' as const, output: edit(')') },
    { messageId: 'redactValue' as const, output: edit(", '[REDACTED]')") },
  ];
};
const PAUSE = "logger.debug('Received from client: pause', 'uploader', this.shortToken);";

ruleTester.run('no-raw-secret-in-log (class getters and methods)', rule, {
  valid: [
    // a getter that returns a same-class static method's masked preview
    uploader('get shortToken() {\n    return Uploader.shortenToken(this.token);\n  }'),
    // the same read inside an arrow of a method (`this` is the instance)
    uploader('get shortToken() {\n    return Uploader.shortenToken(this.token);\n  }', "emitter.on('pause', () => logger.debug('pause', 'uploader', this.shortToken));"),
    // the getter slices itself
    uploader('get shortToken() {\n    return this.token.slice(0, 8);\n  }'),
    // the static method called directly, or through this.constructor
    uploader('', "logger.debug('cleanup', Uploader.shortenToken(this.token));"),
    uploader('', "logger.debug('cleanup', this.constructor.shortenToken(this.token));"),
    // an instance method that only returns a hash
    uploader('tokenTag() {\n    return hashToken(this.token);\n  }', "logger.info('upload done', { token: this.tokenTag() });"),
    // a same-file function that returns another one's masked preview
    "function preview(t) {\n  return t.substring(0, 6);\n}\nfunction shortToken(t) {\n  return preview(t);\n}\nlogger.info(`websocket connected ${shortToken(token)}`);",
  ],
  invalid: [
    // the twin: a getter that returns the whole token
    (() => {
      const log = "logger.debug('pause', 'uploader', this.authToken);";
      const code = uploader('get authToken() {\n    return this.token;\n  }', log);
      return { code, errors: [{ messageId: 'rawSecret' as const, line: 10, suggestions: suggestions(code, log, 'this.authToken') }] };
    })(),
    // a getter whose name says nothing, returning the token
    (() => {
      const log = "logger.debug('pause', 'uploader', this.current);";
      const code = uploader('get current() {\n    return this.token;\n  }', log);
      return { code, errors: [{ messageId: 'rawSecret' as const, line: 10, suggestions: suggestions(code, log, 'this.current') }] };
    })(),
    // masked on one path only
    (() => {
      const code = uploader('get shortToken() {\n    return this.verbose ? this.token : Uploader.shortenToken(this.token);\n  }');
      return { code, errors: [{ messageId: 'rawSecret' as const, line: 10, suggestions: suggestions(code, PAUSE, 'this.shortToken') }] };
    })(),
    // a getter that returns something unknown: the name decides, as before
    (() => {
      const code = uploader('get shortToken() {\n    return lookupToken(this.id);\n  }');
      return { code, errors: [{ messageId: 'rawSecret' as const, line: 10, suggestions: suggestions(code, PAUSE, 'this.shortToken') }] };
    })(),
  ],
});
