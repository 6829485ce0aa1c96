import { describe, expect, it } from 'vitest';
import { SETTINGS_KEY, SettingsError, getSettings, parseSettings } from '../../src/core/settings.js';
import { probe } from '../helpers/probe.js';

const wrap = (value: unknown) => ({ [SETTINGS_KEY]: value });

/** The one error `parseSettings` throws for `value`, or a failure when it throws none. */
function errorFor(value: unknown): SettingsError {
  try {
    parseSettings(wrap(value));
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return error as SettingsError;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
}

describe('parseSettings: defaults', () => {
  it.each([[undefined], [null], [{}], [{ other: { x: 1 } }], ['not an object']])('no security-logging key in %j → empty settings', (all) => {
    expect(parseSettings(all)).toEqual({ loggers: [], logFunctions: [], reporters: [], logger: undefined, fingerprint: undefined, identity: 'hash', redactingLoggers: [], safeCompare: undefined, secretHeaders: [] });
  });

  it('an empty object parses to the defaults', () => {
    expect(parseSettings(wrap({}))).toEqual({ loggers: [], logFunctions: [], reporters: [], logger: undefined, fingerprint: undefined, identity: 'hash', redactingLoggers: [], safeCompare: undefined, secretHeaders: [] });
  });
});

describe('parseSettings: good settings', () => {
  it('parses every key', () => {
    const result = parseSettings(
      wrap({
        loggers: ['appLogger', 'this.audit', 'ctx.state.log', 'this.#log'],
        logFunctions: ['logError', 'utils.reportError'],
        reporters: ['alerts.page'],
        logger: { name: 'logger', importFrom: './logger', importKind: 'default', style: 'pino' },
        fingerprint: { name: 'fingerprint', importFrom: '@app/crypto' },
        identity: 'omit',
        redactingLoggers: ['@acme/logging', './log'],
        safeCompare: { name: 'safeCompare', importFrom: '@app/security', importKind: 'default' },
        secretHeaders: ['X-Tenant-Token', 'x-acme-key'],
      }),
    );
    expect(result).toEqual({
      loggers: ['appLogger', 'this.audit', 'ctx.state.log', 'this.#log'],
      logFunctions: ['logError', 'utils.reportError'],
      reporters: ['alerts.page'],
      logger: { name: 'logger', importFrom: './logger', importKind: 'default', style: 'pino' },
      fingerprint: { name: 'fingerprint', importFrom: '@app/crypto', importKind: 'named' },
      identity: 'omit',
      redactingLoggers: ['@acme/logging', './log'],
      safeCompare: { name: 'safeCompare', importFrom: '@app/security', importKind: 'default' },
      secretHeaders: ['x-tenant-token', 'x-acme-key'],
    });
  });

  it.each(['pino', 'winston', 'bunyan', 'console', 'nest', 'log4js'])('accepts logger style %s and defaults importKind to named', (style) => {
    expect(parseSettings(wrap({ logger: { name: 'log', style } })).logger).toEqual({
      name: 'log',
      importFrom: undefined,
      importKind: 'named',
      style,
    });
  });

  it('accepts a member path as the logger name when nothing is imported', () => {
    expect(parseSettings(wrap({ logger: { name: 'this.logger', style: 'nest' } })).logger?.name).toBe('this.logger');
  });
});

describe('parseSettings: bad settings throw one SettingsError naming the key and the shape', () => {
  it.each([
    [[], /it must be an object with the keys loggers, logFunctions, reporters, logger, fingerprint, identity, redactingLoggers, safeCompare, secretHeaders, logsUnhandledRejections; got an array/u],
    ['pino', /it must be an object .*; got "pino"/u],
    [null, /it must be an object .*; got null/u],
  ])('the whole value %j', (value, message) => {
    expect(errorFor(value).message).toMatch(message);
  });

  it('an unknown top-level key', () => {
    expect(errorFor({ loger: {} }).message).toMatch(/"loger" is not a known key; expected one of loggers, logFunctions, reporters, logger, fingerprint, identity, redactingLoggers, safeCompare, secretHeaders, logsUnhandledRejections\./u);
  });

  it.each(['loggers', 'logFunctions', 'reporters'])('%s that is not an array', (key) => {
    expect(errorFor({ [key]: 'appLogger' }).message).toMatch(
      new RegExp(`"${key}" must be an array of identifiers or member paths such as \\["appLogger", "this\\.audit"\\]; got "appLogger"\\.`, 'u'),
    );
  });

  it.each([
    [{ loggers: ['ok', 42] }, /"loggers\[1\]" must be an identifier or member path .*; got number 42\./u],
    [{ loggers: ['a b'] }, /"loggers\[0\]" must be an identifier or member path .*; got "a b"\./u],
    [{ logFunctions: ['log-error'] }, /"logFunctions\[0\]" must be an identifier or member path .*; got "log-error"\./u],
    [{ reporters: ['Sentry.'] }, /"reporters\[0\]" must be/u],
    [{ reporters: [{ name: 'x' }] }, /"reporters\[0\]" must be .*; got an object\./u],
  ])('a bad list item %j', (value, message) => {
    expect(errorFor(value).message).toMatch(message);
  });

  it('logger.style that is not a known style', () => {
    const { message } = errorFor({ logger: { name: 'logger', style: 'log4j' } });
    expect(message).toBe(
      `eslint-plugin-security-logging: invalid settings['security-logging']: "logger.style" must be one of "pino", "winston", "bunyan", "console", "nest", "log4js"; got "log4j".`,
    );
  });

  it.each([['sha256'], [true], [null]])('identity that is not hash, raw or omit: %j', (identity) => {
    expect(errorFor({ identity }).message).toMatch(/"identity" must be one of "hash", "raw", "omit"; got /u);
  });

  it.each([
    ['@acme/logging', /"redactingLoggers" must be an array of module specifiers such as \["@acme\/logger", "\.\/logger"\]; got "@acme\/logging"\./u],
    [[''], /"redactingLoggers\[0\]" must be a module specifier as it is imported, such as "@acme\/logger"; got ""\./u],
    [['ok', 3], /"redactingLoggers\[1\]" must be a module specifier .*; got number 3\./u],
  ])('redactingLoggers %j', (redactingLoggers, message) => {
    expect(errorFor({ redactingLoggers }).message).toMatch(message);
  });

  it.each([
    ['x-acme-token', /"secretHeaders" must be an array of HTTP header names such as \["x-acme-token"\]; got "x-acme-token"\./u],
    [['x acme'], /"secretHeaders\[0\]" must be an HTTP header name such as "x-acme-token"; got "x acme"\./u],
    [['ok', 3], /"secretHeaders\[1\]" must be an HTTP header name .*; got number 3\./u],
  ])('secretHeaders %j', (secretHeaders, message) => {
    expect(errorFor({ secretHeaders }).message).toMatch(message);
  });

  it.each([
    ['safeCompare', /"safeCompare" must be \{ name: string, importFrom\?: string, importKind\?: "named" \| "default" \}; got "safeCompare"\./u],
    [{ name: 'a b' }, /"safeCompare\.name" must be an identifier or member path/u],
    [{ name: 'safeCompare', from: './x' }, /"safeCompare\.from" is not a known key/u],
  ])('safeCompare %j', (safeCompare, message) => {
    expect(errorFor({ safeCompare }).message).toMatch(message);
  });

  it('logger.style missing', () => {
    expect(errorFor({ logger: { name: 'logger' } }).message).toMatch(/"logger\.style" must be one of .*; got nothing\./u);
  });

  it.each([
    [{ logger: 'logger' }, /"logger" must be \{ name: string, importFrom\?: string, importKind\?: "named" \| "default", style: "pino" \| "winston" \| "bunyan" \| "console" \| "nest" \| "log4js" \}; got "logger"\./u],
    [{ logger: ['logger'] }, /"logger" must be \{ name: string.*; got an array\./u],
    [{ logger: { name: 'logger', style: 'pino', level: 'error' } }, /"logger\.level" is not a known key; "logger" must be \{ name: string/u],
    [{ logger: { style: 'pino' } }, /"logger\.name" must be an identifier or member path such as "logger" or "this\.logger"; got nothing\./u],
    [{ logger: { name: 'my logger', style: 'pino' } }, /"logger\.name" must be an identifier or member path .*; got "my logger"\./u],
    [{ logger: { name: 'logger', importFrom: '', style: 'pino' } }, /"logger\.importFrom" must be a non-empty module specifier such as "\.\/logger"; got ""\./u],
    [{ logger: { name: 'logger', importFrom: 7, style: 'pino' } }, /"logger\.importFrom" must be a non-empty module specifier .*; got number 7\./u],
    [
      { logger: { name: 'this.logger', importFrom: './logger', style: 'nest' } },
      /"logger\.name" must be a plain identifier when "logger\.importFrom" is set \(it is the imported binding\); got "this\.logger"\./u,
    ],
    [{ logger: { name: 'logger', importKind: 'namespace', style: 'pino' } }, /"logger\.importKind" must be "named" or "default"; got "namespace"\./u],
  ])('logger %j', (value, message) => {
    expect(errorFor(value).message).toMatch(message);
  });

  it.each([
    [{ fingerprint: true }, /"fingerprint" must be \{ name: string, importFrom\?: string, importKind\?: "named" \| "default" \}; got boolean true\./u],
    [{ fingerprint: { name: 'fp', style: 'pino' } }, /"fingerprint\.style" is not a known key/u],
    [{ fingerprint: { name: 'fp', importKind: 'star' } }, /"fingerprint\.importKind" must be "named" or "default"; got "star"\./u],
    [{ fingerprint: { name: 'crypto.fp', importFrom: './fp' } }, /"fingerprint\.name" must be a plain identifier when "fingerprint\.importFrom" is set/u],
  ])('fingerprint %j', (value, message) => {
    expect(errorFor(value).message).toMatch(message);
  });

  it('every message starts with the plugin and the settings key, and the stack is just the message', () => {
    const error = errorFor({ logger: { name: 'logger', style: 'log4j' } });
    expect(error.name).toBe('SettingsError');
    expect(error.message.startsWith(`eslint-plugin-security-logging: invalid settings['security-logging']: `)).toBe(true);
    expect(error.stack).toBe(`SettingsError: ${error.message}`);
  });
});

describe('parseSettings: caching', () => {
  it('returns the same result for the same settings object', () => {
    const raw = { loggers: ['appLogger'] };
    const first = parseSettings(wrap(raw));
    expect(parseSettings(wrap(raw))).toBe(first);
  });

  it('parses a different object with equal content separately', () => {
    const first = parseSettings(wrap({ loggers: ['appLogger'] }));
    const second = parseSettings(wrap({ loggers: ['appLogger'] }));
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it('does not cache a rejected object as valid', () => {
    const raw = { logger: { name: 'logger', style: 'log4j' } };
    expect(() => parseSettings(wrap(raw))).toThrow(SettingsError);
    expect(() => parseSettings(wrap(raw))).toThrow(SettingsError);
  });
});

describe('getSettings in a rule', () => {
  it('reads the settings of the file being linted', () => {
    let seen: unknown;
    probe(
      'x();',
      (context) => {
        seen = getSettings(context);
        return {};
      },
      { settings: wrap({ reporters: ['alerts.page'] }) },
    );
    expect(seen).toMatchObject({ reporters: ['alerts.page'], loggers: [] });
  });

  it('surfaces a bad setting as the readable error, not a crash deep inside', () => {
    expect(() =>
      probe(
        'x();',
        (context) => {
          getSettings(context);
          return {};
        },
        { settings: wrap({ logger: { name: 'logger', style: 'log4j' } }) },
      ),
    ).toThrow(/"logger\.style" must be one of "pino", "winston", "bunyan", "console", "nest", "log4js"; got "log4j"\./u);
  });
});
