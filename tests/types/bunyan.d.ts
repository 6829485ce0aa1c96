// bunyan 2 ships no types; the runtime test only creates a logger and calls its methods.
declare module 'bunyan' {
  interface Logger {
    error(...args: unknown[]): void;
  }
  const bunyan: { createLogger(options: Record<string, unknown>): Logger; stdSerializers: Record<string, unknown> };
  export default bunyan;
}
