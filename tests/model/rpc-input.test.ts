import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/model/ast.js';
import { type RequestInput, createRequestInputTracker } from '../../src/model/request-input.js';
import { messageHandlerInput } from '../../src/model/rpc-input.js';
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
