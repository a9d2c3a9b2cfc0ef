// A small OpenAI-compatible chat server on loopback that answers what a test scripts (streamed or not).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  delayMilliseconds?: number;
  content?: string;
}

export interface ScriptedServer {
  baseUrl: string;
  requests: Array<{ messages: Array<{ role: string; content: string }>; stream: boolean }>;
  /** Number of inputs of each /embeddings request. */
  embeddingRequests: number[];
  reply: (next: ScriptedReply) => void;
  close: () => Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/** Starts the server; each request gets the last scripted reply. */
export async function startScriptedServer(): Promise<ScriptedServer> {
  let script: ScriptedReply = { content: '' };
  const requests: ScriptedServer['requests'] = [];
  const embeddingRequests: number[] = [];
  const server: Server = createServer(async (request, response) => {
    const raw = await bodyOf(request);
    if (request.url?.endsWith('/embeddings')) {
      // Deterministic 8-dimensional vectors from the characters of each input.
      const { input, encoding_format: encoding } = JSON.parse(raw) as { input: string[] | string; encoding_format?: string };
      const inputs = Array.isArray(input) ? input : [input];
      embeddingRequests.push(inputs.length);
      const vector = (text: string) => Array.from({ length: 8 }, (_, position) => [...text].reduce((sum, character, index) => sum + ((character.codePointAt(0)! * (index + 1) + position) % 17), 1) / 100);
      response.writeHead(200, { 'content-type': 'application/json' });
      // The official client asks for base64 (little-endian float32) unless told otherwise.
      const encode = (values: number[]) => (encoding === 'base64' ? Buffer.from(new Float32Array(values).buffer).toString('base64') : values);
      response.end(JSON.stringify({ object: 'list', model: 'scripted-embed', data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: encode(vector(text)) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
      return;
    }
    const body = JSON.parse(raw) as { messages: Array<{ role: string; content: string }>; stream?: boolean; model: string };
    requests.push({ messages: body.messages, stream: body.stream === true });
    const reply = script;
    if (reply.delayMilliseconds) await new Promise((resolve) => setTimeout(resolve, reply.delayMilliseconds));
    if (response.destroyed) return;
    if (reply.status && reply.status !== 200) {
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `scripted ${reply.status}`, type: 'server_error' } }));
      return;
    }
    const content = reply.content ?? '';
    const base = { id: 'chatcmpl-scripted', created: 1, model: body.model };
    if (!body.stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: object, finish: string | null) => `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    response.write(chunk({ role: 'assistant', content: '' }, null));
    for (const piece of content.match(/[\s\S]{1,5}/g) ?? []) response.write(chunk({ content: piece }, null));
    response.write(chunk({}, 'stop'));
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    embeddingRequests,
    reply: (next) => {
      script = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
