/**
 * A local fake of an OpenAI-compatible chat-completions endpoint (feasibility §7): it answers structured output
 * as JSON content (json_schema), as a forced tool call (function calling) or as server-sent events (stream), and
 * records every request so tests can assert on what the extractor sent. No test reaches a real provider.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model?: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  tools?: Array<{ type: string; function: { name: string; parameters: Record<string, unknown> } }>;
  tool_choice?: { type: string; function?: { name: string } };
  stream?: boolean;
  [key: string]: unknown;
}

/** What a test's responder returns: a payload (object → structured output, string → raw content) or a failure. */
export type FakeReply =
  | { payload: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { hang: true };

export interface FakeOpenAI {
  /** Base URL to configure (…/v1). */
  url: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

export function startFakeOpenAI(respond: (request: ChatRequest, index: number) => FakeReply | Promise<FakeReply>): Promise<FakeOpenAI> {
  const requests: ChatRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `not faked: ${req.method} ${req.url}` } }));
      return;
    }
    const body = JSON.parse(raw) as ChatRequest;
    requests.push(body);
    const reply = await respond(body, requests.length - 1);
    if ('hang' in reply) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { error: { message: `fake ${reply.status}`, type: 'fake' } }));
      return;
    }
    writeCompletion(res, body, reply.payload, reply.usage ?? { prompt_tokens: 1200, completion_tokens: 300 }, requests.length);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        requests,
        close: () => {
          for (const res of hanging) res.destroy();
          server.closeAllConnections();
          return new Promise<void>((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

function writeCompletion(res: http.ServerResponse, request: ChatRequest, payload: unknown, usage: { prompt_tokens: number; completion_tokens: number }, n: number): void {
  const forcedTool = request.tool_choice?.function?.name ?? (request.tools?.length === 1 ? request.tools[0]!.function.name : undefined);
  const content = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const toolCalls = forcedTool && typeof payload !== 'string'
    ? [{ id: `call_${n}`, type: 'function', function: { name: forcedTool, arguments: content } }]
    : undefined;
  const message = toolCalls ? { role: 'assistant', content: null, tool_calls: toolCalls } : { role: 'assistant', content };
  const finish_reason = toolCalls ? 'tool_calls' : 'stop';
  const base = { id: `chatcmpl-fake-${n}`, created: Math.floor(Date.now() / 1000), model: request.model ?? 'fake' };
  const totals = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
  if (request.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (choices: unknown[], extra: object = {}) => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra })}\n\n`);
    const delta = toolCalls ? { role: 'assistant', tool_calls: toolCalls.map((tc, index) => ({ index, ...tc })) } : { role: 'assistant', content };
    chunk([{ index: 0, delta, finish_reason: null }]);
    chunk([{ index: 0, delta: {}, finish_reason }]);
    chunk([], { usage: totals });
    res.end('data: [DONE]\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, logprobs: null, finish_reason }], usage: totals }));
}
