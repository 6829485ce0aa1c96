import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { type RequestInput, createRequestInputTracker } from '../../src/model/request-input.js';
import { isGrpcResponseCallback, messageHandlerInput } from '../../src/model/rpc-input.js';
import { probe } from '../helpers/probe.js';

/** Classify the argument of every `check(…)` call through the shared tracker, keyed by its text. */
function classifyChecks(code: string): Map<string, RequestInput | null> {
  const results = new Map<string, RequestInput | null>();
  probe(
    code,
    (context: Context) => {
      const tracker = createRequestInputTracker(context);
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.callee.name !== 'check' || !node.arguments[0]) return;
          results.set(context.sourceCode.getText(node.arguments[0]), tracker.classify(node.arguments[0]));
        },
      };
    },
    { ts: true },
  );
  return results;
}

function result(results: Map<string, RequestInput | null>, text: string): RequestInput | null {
  if (!results.has(text)) throw new Error(`no check(${text}); checks: ${JSON.stringify([...results.keys()])}`);
  return results.get(text)!;
}

/** messageHandlerInput for every parameter of every method, keyed by `method.param`. */
function handlerParams(code: string): Map<string, ReturnType<typeof messageHandlerInput>> {
  const answers = new Map<string, ReturnType<typeof messageHandlerInput>>();
  probe(
    code,
    (context: Context) => ({
      MethodDefinition(node: TSESTree.MethodDefinition) {
        const fn = node.value;
        if (fn.type !== 'FunctionExpression') return;
        fn.params.forEach((param, index) => {
          const id = param.type === 'TSParameterProperty' ? param.parameter : param;
          const name = id.type === 'Identifier' ? id.name : context.sourceCode.getText(id);
          answers.set(`${context.sourceCode.getText(node.key)}.${name}`, messageHandlerInput(fn, index));
        });
      },
    }),
    { ts: true },
  );
  return answers;
}

describe('messageHandlerInput: NestJS gateways (@SubscribeMessage)', () => {
  const answers = handlerParams(`
    @WebSocketGateway()
    class ChatGateway {
      @SubscribeMessage('user:joinRoom')
      join(@ConnectedSocket() client: Socket, @MessageBody() roomId: string) {}
      @SubscribeMessage('chat')
      chat(@MessageBody() dto: ChatMessageDto, @MessageBody('room') room: string, @MessageBody('n', ParseIntPipe) n: number) {}
      @SubscribeMessage('plain')
      plain(client: Socket, payload: any) {}
      @SubscribeMessage('half')
      half(@ConnectedSocket() client: Socket, payload: any) {}
      handleConnection(client: Socket, extra: string) {}
      @Get('x')
      http(@MessageBody() body: string) {}
    }
  `);
  it('the @MessageBody() parameter is the message: text-typed as a value, DTO-typed as a container, a key as a value', () => {
    expect(answers.get('join.roomId')).toEqual({ kind: 'value', origin: 'message' });
    expect(answers.get('chat.dto')).toEqual({ kind: 'container', origin: 'message' });
    expect(answers.get('chat.room')).toEqual({ kind: 'value', origin: 'message' });
  });
  it('a parse pipe makes the message no text', () => {
    expect(answers.get('chat.n')).toBe('none');
  });
  it('undecorated: Nest passes (client, data), so the second parameter is the message', () => {
    expect(answers.get('plain.payload')).toEqual({ kind: 'value', origin: 'message' });
    expect(answers.get('plain.client')).toBeNull();
  });
  it('once a parameter is decorated, an undecorated one receives nothing; the socket is no message', () => {
    expect(answers.get('half.payload')).toBeNull();
    expect(answers.get('join.client')).toBeNull();
  });
  it('methods without a message decorator are no message handlers', () => {
    expect(answers.get('handleConnection.extra')).toBeNull();
    expect(answers.get('http.body')).toBeNull();
  });
});

describe('messageHandlerInput: microservice handlers (@MessagePattern, @EventPattern, @GrpcMethod)', () => {
  const answers = handlerParams(`
    @Controller()
    class OrdersController {
      @MessagePattern({ cmd: 'find' })
      find(@Payload() data: string, @Ctx() context: RmqContext) {}
      @EventPattern('order_created')
      created(@Payload('note') note: string, @Payload('qty', ParseIntPipe) qty: number) {}
      @MessagePattern('sum')
      sum(data: number[], context: NatsContext) {}
      @GrpcMethod('HeroService', 'FindOne')
      findOne(data: HeroById | string, metadata: Metadata) {}
      @EventPattern('untyped')
      untyped(message) {}
    }
  `);
  it('the @Payload() parameter (or the first one when none is decorated) is the message', () => {
    expect(answers.get('find.data')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(answers.get('created.note')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(answers.get('sum.data')).toEqual({ kind: 'container', origin: 'rpc' });
    expect(answers.get('findOne.data')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(answers.get('untyped.message')).toEqual({ kind: 'value', origin: 'rpc' });
  });
  it('the context, the gRPC metadata and piped numbers are not', () => {
    expect(answers.get('find.context')).toBeNull();
    expect(answers.get('sum.context')).toBeNull();
    expect(answers.get('findOne.metadata')).toBeNull();
    expect(answers.get('created.qty')).toBe('none');
  });
});

describe('createRequestInputTracker asks about message handlers', () => {
  const results = classifyChecks(`
    @WebSocketGateway()
    class RoomsGateway {
      @SubscribeMessage('user:joinRoom')
      join(@ConnectedSocket() client: Socket, @MessageBody() roomId: string, @MessageBody() dto: JoinDto) {
        check(roomId);
        check(client.id);
        check(dto);
        check(dto.nickname);
        check(\`room \${roomId.trim()}\`);
        check(JSON.stringify(dto.nickname));
      }
      @SubscribeMessage('count')
      count(@MessageBody() total: number, @MessageBody('size', ParseIntPipe) size: number) {
        check(total);
        check(size);
      }
    }
    @Controller()
    class Worker {
      @EventPattern('user_renamed')
      renamed(@Payload() { name }: { name: string }) {
        check(name);
      }
    }
  `);
  it('the message and its fields are client input, followed like request input', () => {
    expect(result(results, 'roomId')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, 'dto')).toEqual({ kind: 'container', origin: 'message' });
    expect(result(results, 'dto.nickname')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, '`room ${roomId.trim()}`')).toEqual({ kind: 'value', origin: 'message' });
    expect(result(results, 'name')).toEqual({ kind: 'value', origin: 'rpc' });
  });
  it('the socket, sanitized text and numbers are not', () => {
    expect(result(results, 'client.id')).toBeNull();
    expect(result(results, 'JSON.stringify(dto.nickname)')).toBeNull();
    expect(result(results, 'total')).toBeNull();
    expect(result(results, 'size')).toBeNull();
  });
});

describe('messageHandlerInput on plain JavaScript (espree leaves decorators out)', () => {
  it('a class method of a JS file is no message handler, and asking does not throw', () => {
    const answers: unknown[] = [];
    probe(
      `class Router { pick(req) { return req.app.stack.every((router) => router.name === 'x'); } }`,
      () => ({
        MethodDefinition(node: TSESTree.MethodDefinition) {
          if (node.value.type === 'FunctionExpression') answers.push(messageHandlerInput(node.value, 0));
        },
      }),
    );
    expect(answers).toEqual([null]);
  });
});

describe('rpcServerInput: methods of a plain gRPC server (@grpc/grpc-js, legacy grpc)', () => {
  it('the first parameter of an implementation method is the call: its .request is the message, its fields are values', () => {
    const results = classifyChecks(`
      const grpc = require('@grpc/grpc-js');
      const server = new grpc.Server();
      server.addService(proto.Greeter.service, {
        sayHello(call, callback) {
          check(call); check(call.request); check(call.request.name);
          check(call.getPeer()); check(call.cancelled); check(call.metadata); check(call.metadata.get('x-user'));
          check(callback);
        },
      });
    `);
    expect(result(results, 'call')).toEqual({ kind: 'call', origin: 'rpc' });
    expect(result(results, 'call.request')).toEqual({ kind: 'container', origin: 'rpc' });
    expect(result(results, 'call.request.name')).toEqual({ kind: 'value', origin: 'rpc' });
    for (const text of ['call.getPeer()', 'call.cancelled', 'call.metadata', "call.metadata.get('x-user')", 'callback']) expect(result(results, text)).toBeNull();
  });

  it('functions named in the implementation object (shorthand, by name, through a const), legacy addProtoService, a destructured request', () => {
    const results = classifyChecks(`
      const grpc = require('grpc');
      function sayHello(call, callback) { check(call.request.name); }
      const getFeature = function (point, callback) { check(point.request.latitude); };
      function listFeatures({ request }) { check(request.rectangle); check(request.rectangle.lo); }
      const impl = { getFeature, listFeatures };
      server.addProtoService(routeguide.RouteGuide.service, { sayHello: sayHello });
      server.addService(routeguide.RouteGuide.service, impl);
    `);
    expect(result(results, 'call.request.name')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'point.request.latitude')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'request.rectangle')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'request.rectangle.lo')).toEqual({ kind: 'value', origin: 'rpc' });
  });

  it('a generated service definition without a gRPC import in the file (the server made elsewhere)', () => {
    const results = classifyChecks(`
      import { GreeterService } from './generated/helloworld_grpc_pb';
      export function register(server) {
        server.addService(GreeterService, { sayHello(call, callback) { check(call.request.name); } });
      }
    `);
    expect(result(results, 'call.request.name')).toEqual({ kind: 'value', origin: 'rpc' });
  });

  it("static codegen: a protobuf message's generated getters read its fields", () => {
    const results = classifyChecks(`
      const grpc = require('grpc');
      const services = require('./helloworld_grpc_pb');
      function sayHello(call, callback) {
        const name = call.request.getName();
        check(name); check(call.request.getTagsList()); check(call.request.toObject()); check(call.request.getTagsList().length);
      }
      server.addService(services.GreeterService, { sayHello: sayHello });
    `);
    expect(result(results, 'name')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'call.request.getTagsList()')).toEqual({ kind: 'container', origin: 'rpc' });
    expect(result(results, 'call.request.toObject()')).toEqual({ kind: 'container', origin: 'rpc' });
    expect(result(results, 'call.request.getTagsList().length')).toBeNull();
  });

  it('typed methods: a ServerUnaryCall / stream parameter, a handleUnaryCall-typed function; streamed messages', () => {
    const results = classifyChecks(`
      import type { ServerUnaryCall, ServerDuplexStream, handleUnaryCall, sendUnaryData } from '@grpc/grpc-js';
      class Greeter {
        sayHello(call: ServerUnaryCall<HelloRequest, HelloReply>, callback: sendUnaryData<HelloReply>) { check(call.request.name); }
        routeChat(call: ServerDuplexStream<Note, Note>) {
          call.on('data', (note) => { check(note); check(note.message); });
          call.on('end', () => {});
        }
      }
      const sayGoodbye: grpc.handleUnaryCall<HelloRequest, HelloReply> = (call, callback) => { check(call.request.name); };
    `);
    expect(result(results, 'call.request.name')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'note')).toEqual({ kind: 'container', origin: 'rpc' });
    expect(result(results, 'note.message')).toEqual({ kind: 'value', origin: 'rpc' });
  });

  it('not a gRPC server: an object registered elsewhere, addService of another library, the second parameter', () => {
    const results = classifyChecks(`
      registry.addService('mailer', { send(call, callback) { check(call.request.to); check(callback.request); } });
      plugins.register({ sayHello(call) { check(call.request.name); } });
      function unused(call) { check(call.request.id); }
    `);
    expect(result(results, 'call.request.to')).toBeNull();
    expect(result(results, 'callback.request')).toBeNull();
    expect(result(results, 'call.request.name')).toBeNull();
    expect(result(results, 'call.request.id')).toBeNull();
  });
});

describe('rpcServerInput: jayson JSON-RPC methods', () => {
  it("each method's first parameter holds the client's params", () => {
    const results = classifyChecks(`
      const jayson = require('jayson');
      const methods = {
        echo(args, callback) { check(args); check(args.text); check(args[0]); check(callback); },
      };
      const server = new jayson.Server({ add(params, callback) { check(params[0]); } });
      jayson.server(methods).http().listen(3000);
      server.method('mul', (input, done) => { check(input.factor); });
    `);
    expect(result(results, 'args')).toEqual({ kind: 'container', origin: 'rpc' });
    expect(result(results, 'args.text')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'args[0]')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'params[0]')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'input.factor')).toEqual({ kind: 'value', origin: 'rpc' });
    expect(result(results, 'callback')).toBeNull();
  });

  it('a Server of another module is not jayson', () => {
    const results = classifyChecks(`
      const { Server } = require('./my-server');
      const server = new Server({ add(params, callback) { check(params[0]); } });
    `);
    expect(result(results, 'params[0]')).toBeNull();
  });
});

describe('isGrpcResponseCallback', () => {
  it("the second parameter of a gRPC method answers the client; a jayson method's or an unregistered function's does not", () => {
    const answers = new Map<string, boolean>();
    probe(
      `
      const grpc = require('@grpc/grpc-js');
      function getUser(call, callback) { callback(1); }
      function other(call, done) { done(2); }
      const jayson = require('jayson');
      const server = new jayson.Server({ add(args, callback) { callback(3); } });
      server.addService(proto.Users.service, { getUser });
      `,
      (context: Context) => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type !== 'Identifier' || node.arguments[0]?.type !== 'Literal') return;
          const owner = (id: TSESTree.Identifier) => {
            const def = context.sourceCode.getScope(id).references.find((r) => r.identifier === id)?.resolved?.defs[0];
            return def?.type === 'Parameter' ? (def.node as never) : null;
          };
          answers.set(String(node.arguments[0].value), isGrpcResponseCallback(context, node.callee, owner));
        },
      }),
    );
    expect([answers.get('1'), answers.get('2'), answers.get('3')]).toEqual([true, false, false]);
  });
});
