/**
 * `settings['security-logging']`: read once per settings object, validated with
 * one readable error that names the bad key and the expected shape.
 */

export const SETTINGS_KEY = 'security-logging';

export type LoggerStyle = 'pino' | 'winston' | 'bunyan' | 'console' | 'nest' | 'log4js';
export const LOGGER_STYLES: readonly LoggerStyle[] = ['pino', 'winston', 'bunyan', 'console', 'nest', 'log4js'];

/** How the auth fix logs the attempted identity (a user name, an email): hashed, as is, or not at all. */
export type IdentityMode = 'hash' | 'raw' | 'omit';
export const IDENTITY_MODES: readonly IdentityMode[] = ['hash', 'raw', 'omit'];

export interface LoggerSetting {
  /** Expression the fix writes as the logger object: `logger`, `this.logger`, `log`. */
  name: string;
  /** Module to import it from when it is not in scope (`'./logger'`, `'@app/logging'`). */
  importFrom?: string;
  /** How the module exports it. Defaults to `'named'`. */
  importKind: 'named' | 'default';
  style: LoggerStyle;
}

export interface FingerprintSetting {
  name: string;
  importFrom?: string;
  importKind: 'named' | 'default';
}

export interface SecurityLoggingSettings {
  /** Extra logger objects: identifiers or member paths (`appLogger`, `this.audit`). */
  loggers: readonly string[];
  /** Functions that log an error when called (`logError`, `utils.reportError`). */
  logFunctions: readonly string[];
  /** Error reporters that count as handling (`Sentry.captureException`, ...). */
  reporters: readonly string[];
  /** What autofixes insert; `undefined` means fixes are offered as suggestions only. */
  logger: LoggerSetting | undefined;
  fingerprint: FingerprintSetting | undefined;
  /**
   * The attempted identity in auth-failure fixes: `hash` (default) logs it through the
   * `fingerprint` helper, or leaves it out of the autofix when none is configured; `raw`
   * logs it as is; `omit` never logs it.
   */
  identity: IdentityMode;
  /**
   * Logger modules (package names or import paths as written) whose `req` / `res` serializers
   * strip credentials (Authorization, cookies, passwords) before writing: a request logged
   * through them is not a leak. Extends the built-in list (`@tryghost/logging`).
   */
  redactingLoggers: readonly string[];
  /**
   * The project's constant-time comparison helper (`safeCompare(presented, expected)`, returning a
   * boolean and safe for unequal lengths): require-constant-time-compare autofixes to it.
   */
  safeCompare: FingerprintSetting | undefined;
  /**
   * Request headers that carry credentials besides Authorization, Cookie, X-API-Key and the like
   * (`x-acme-token`), lower-cased: access logs must redact them too.
   */
  secretHeaders: readonly string[];
  /**
   * Whether the application logs unhandled rejections with their stack in a process-level handler
   * (`process.on('unhandledRejection', …)`). Unset: background-task-error-handling looks for one in the
   * linted file and in the files the package's entry points reach.
   */
  logsUnhandledRejections?: boolean;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(`eslint-plugin-security-logging: invalid settings['${SETTINGS_KEY}']: ${message}`);
    this.name = 'SettingsError';
    // The stack would point deep into the plugin; the message says everything.
    this.stack = `${this.name}: ${this.message}`;
  }
}

const EMPTY: SecurityLoggingSettings = {
  loggers: [],
  logFunctions: [],
  reporters: [],
  logger: undefined,
  fingerprint: undefined,
  identity: 'hash',
  redactingLoggers: [],
  safeCompare: undefined,
  secretHeaders: [],
};

const TOP_LEVEL_KEYS = [
  'loggers',
  'logFunctions',
  'reporters',
  'logger',
  'fingerprint',
  'identity',
  'redactingLoggers',
  'safeCompare',
  'secretHeaders',
  'logsUnhandledRejections',
] as const;
const cache = new WeakMap<object, SecurityLoggingSettings>();

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const MEMBER_PATH = /^(?:this|[A-Za-z_$][\w$]*)(?:\.[A-Za-z_$#][\w$]*)*$/u;

function readPathList(raw: Record<string, unknown>, key: string): readonly string[] {
  const value = raw[key];
  if (value === undefined) return [];
  const shape = `an array of identifiers or member paths such as ["appLogger", "this.audit"]`;
  if (!Array.isArray(value)) throw new SettingsError(`"${key}" must be ${shape}; got ${describe(value)}.`);
  value.forEach((item, index) => {
    if (typeof item !== 'string' || !MEMBER_PATH.test(item)) {
      throw new SettingsError(`"${key}[${index}]" must be an identifier or member path such as "appLogger" or "this.audit"; got ${describe(item)}.`);
    }
  });
  return value as string[];
}

function readModuleList(raw: Record<string, unknown>, key: string): readonly string[] {
  const value = raw[key];
  if (value === undefined) return [];
  const shape = `an array of module specifiers such as ["@acme/logger", "./logger"]`;
  if (!Array.isArray(value)) throw new SettingsError(`"${key}" must be ${shape}; got ${describe(value)}.`);
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '' || /\s/u.test(item)) {
      throw new SettingsError(`"${key}[${index}]" must be a module specifier as it is imported, such as "@acme/logger"; got ${describe(item)}.`);
    }
  });
  return value as string[];
}

/** HTTP header names (`x-acme-token`), returned lower-cased. */
function readHeaderList(raw: Record<string, unknown>, key: string): readonly string[] {
  const value = raw[key];
  if (value === undefined) return [];
  const shape = `an array of HTTP header names such as ["x-acme-token"]`;
  if (!Array.isArray(value)) throw new SettingsError(`"${key}" must be ${shape}; got ${describe(value)}.`);
  return value.map((item, index) => {
    if (typeof item !== 'string' || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/u.test(item)) {
      throw new SettingsError(`"${key}[${index}]" must be an HTTP header name such as "x-acme-token"; got ${describe(item)}.`);
    }
    return item.toLowerCase();
  });
}

function readImportable(raw: Record<string, unknown>, key: 'logger' | 'fingerprint' | 'safeCompare', extraKeys: readonly string[]) {
  const value = raw[key];
  const shapeHint =
    key === 'logger'
      ? `{ name: string, importFrom?: string, importKind?: "named" | "default", style: ${LOGGER_STYLES.map((s) => `"${s}"`).join(' | ')} }`
      : `{ name: string, importFrom?: string, importKind?: "named" | "default" }`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SettingsError(`"${key}" must be ${shapeHint}; got ${describe(value)}.`);
  }
  const obj = value as Record<string, unknown>;
  const allowed = ['name', 'importFrom', 'importKind', ...extraKeys];
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new SettingsError(`"${key}.${k}" is not a known key; "${key}" must be ${shapeHint}.`);
  }
  if (typeof obj.name !== 'string' || !MEMBER_PATH.test(obj.name)) {
    throw new SettingsError(`"${key}.name" must be an identifier or member path such as "logger" or "this.logger"; got ${describe(obj.name)}.`);
  }
  if (obj.importFrom !== undefined && (typeof obj.importFrom !== 'string' || obj.importFrom === '')) {
    throw new SettingsError(`"${key}.importFrom" must be a non-empty module specifier such as "./logger"; got ${describe(obj.importFrom)}.`);
  }
  if (obj.importFrom !== undefined && !/^[A-Za-z_$][\w$]*$/u.test(obj.name)) {
    throw new SettingsError(`"${key}.name" must be a plain identifier when "${key}.importFrom" is set (it is the imported binding); got ${describe(obj.name)}.`);
  }
  if (obj.importKind !== undefined && obj.importKind !== 'named' && obj.importKind !== 'default') {
    throw new SettingsError(`"${key}.importKind" must be "named" or "default"; got ${describe(obj.importKind)}.`);
  }
  return {
    name: obj.name,
    importFrom: obj.importFrom as string | undefined,
    importKind: (obj.importKind as 'named' | 'default' | undefined) ?? 'named',
    obj,
  };
}

export function parseSettings(all: unknown): SecurityLoggingSettings {
  if (all === null || typeof all !== 'object') return EMPTY;
  const raw = (all as Record<string, unknown>)[SETTINGS_KEY];
  if (raw === undefined) return EMPTY;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SettingsError(`it must be an object with the keys ${TOP_LEVEL_KEYS.join(', ')}; got ${describe(raw)}.`);
  }
  const cached = cache.get(raw);
  if (cached) return cached;
  const rec = raw as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      throw new SettingsError(`"${key}" is not a known key; expected one of ${TOP_LEVEL_KEYS.join(', ')}.`);
    }
  }
  let logger: LoggerSetting | undefined;
  if (rec.logger !== undefined) {
    const { obj, ...base } = readImportable(rec, 'logger', ['style']);
    if (typeof obj.style !== 'string' || !(LOGGER_STYLES as readonly string[]).includes(obj.style)) {
      throw new SettingsError(`"logger.style" must be one of ${LOGGER_STYLES.map((s) => `"${s}"`).join(', ')}; got ${describe(obj.style)}.`);
    }
    logger = { ...base, style: obj.style as LoggerStyle };
  }
  let fingerprint: FingerprintSetting | undefined;
  if (rec.fingerprint !== undefined) {
    const { obj: _obj, ...base } = readImportable(rec, 'fingerprint', []);
    fingerprint = base;
  }
  let safeCompare: FingerprintSetting | undefined;
  if (rec.safeCompare !== undefined) {
    const { obj: _obj, ...base } = readImportable(rec, 'safeCompare', []);
    safeCompare = base;
  }
  if (rec.logsUnhandledRejections !== undefined && typeof rec.logsUnhandledRejections !== 'boolean') {
    throw new SettingsError(`"logsUnhandledRejections" must be true or false; got ${describe(rec.logsUnhandledRejections)}.`);
  }
  if (rec.identity !== undefined && !(IDENTITY_MODES as readonly unknown[]).includes(rec.identity)) {
    throw new SettingsError(`"identity" must be one of ${IDENTITY_MODES.map((m) => `"${m}"`).join(', ')}; got ${describe(rec.identity)}.`);
  }
  const settings: SecurityLoggingSettings = {
    loggers: readPathList(rec, 'loggers'),
    logFunctions: readPathList(rec, 'logFunctions'),
    reporters: readPathList(rec, 'reporters'),
    logger,
    fingerprint,
    identity: (rec.identity as IdentityMode | undefined) ?? 'hash',
    redactingLoggers: readModuleList(rec, 'redactingLoggers'),
    safeCompare,
    secretHeaders: readHeaderList(rec, 'secretHeaders'),
    ...(rec.logsUnhandledRejections === undefined ? {} : { logsUnhandledRejections: rec.logsUnhandledRejections as boolean }),
  };
  cache.set(raw, settings);
  return settings;
}

/** The validated settings of the file being linted. */
export function getSettings(context: { settings: unknown }): SecurityLoggingSettings {
  return parseSettings(context.settings);
}
