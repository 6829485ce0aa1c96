import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { servesOnlyLocalProcesses } from '../../src/model/local-servers.js';
import { probe } from '../helpers/probe.js';

function answer(code: string): boolean {
  let result: boolean | null = null;
  probe(code, (context: Context) => ({
    Program() {
      result = servesOnlyLocalProcesses(context);
    },
  }));
  return result!;
}

describe('servesOnlyLocalProcesses: a server on a run-time port of the loopback interface', () => {
  it.each([
    "const s = app.listen(0, '127.0.0.1', () => resolve(s));",
    "server.listen({ port: 0, host: 'localhost' });",
    "http.createServer(handler).listen(0, '::1');",
  ])('%s: only local processes the app gives the address to', (code) => {
    expect(answer(code)).toBe(true);
  });

  it.each([
    // a fixed loopback port: apps listen there behind a reverse proxy
    "app.listen(3000, '127.0.0.1');",
    "server.listen({ port: 8080, host: 'localhost' });",
    // every interface, or no host given
    "app.listen(0, '0.0.0.0');",
    'app.listen(0);',
    // one server local, another public
    "mock.listen(0, '127.0.0.1'); app.listen(process.env.PORT);",
    // a loopback address without a server
    "const url = 'http://localhost:3000';",
  ])('%s: reachable from elsewhere, or no server', (code) => {
    expect(answer(code)).toBe(false);
  });
});
