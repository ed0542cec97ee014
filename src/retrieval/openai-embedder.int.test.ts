import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { OpenAIEmbedder, type OpenAIEmbedderOptions } from './openai-embedder.ts';

/**
 * A real OpenAI-compatible server on loopback: POST /v1/embeddings answers with deterministic,
 * deliberately unnormalised vectors, so the real `openai` client and LangChain code paths run.
 */
interface RecordedRequest {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: { model: string; input: string[]; dimensions?: number; encoding_format?: string };
}

type Mode =
  | { kind: 'ok'; length?: number; delayFirstMs?: number }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

let server: Server;
let baseURL: string;
let mode: Mode = { kind: 'ok' };
let requests: RecordedRequest[] = [];

/** The server's vector for a text: long, not unit length, and different for every text. */
const rawVector = (text: string, length: number): number[] =>
  Array.from({ length }, (_, index) => ((text.charCodeAt(index % text.length) * (index + 1)) % 17) + 1);

const unit = (values: number[]): number[] => {
  const length = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  return values.map((value) => value / length);
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = JSON.parse(await readBody(request)) as RecordedRequest['body'];
  requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
  const reply = (status: number, payload: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  };
  if (request.method !== 'POST' || request.url !== '/v1/embeddings') return reply(404, { error: { message: 'not found', type: 'invalid_request_error' } });
  if (mode.kind === 'hang') return; // never answers; the client's timeout must end the call
  if (mode.kind === 'status') {
    const type = mode.status === 401 ? 'invalid_api_key' : 'server_error';
    return reply(mode.status, { error: { message: `scripted ${mode.status}`, type, code: type } });
  }
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  // Delaying the first batch makes later batches finish first: results must still come back in input order.
  const delay = mode.delayFirstMs;
  if (delay && requests.length === 1) await new Promise((resolve) => setTimeout(resolve, delay));
  const length = mode.length ?? body.dimensions ?? 8;
  reply(200, {
    object: 'list',
    data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: rawVector(text, length) })),
    model: body.model,
    usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  mode = { kind: 'ok' };
  requests = [];
});

const embedder = (options: Partial<OpenAIEmbedderOptions> = {}) =>
  new OpenAIEmbedder({ apiKey: 'test-key', baseURL, model: 'text-embedding-3-small', dimensions: 8, timeoutMs: 2_000, maxRetries: 0, ...options });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('OpenAIEmbedder against an OpenAI-compatible server on loopback', () => {
  it('names its model by the model and any requested length', () => {
    expect(embedder()).toMatchObject({ model: 'openai:text-embedding-3-small@8', dimensions: 8 });
    expect(embedder({ dimensions: undefined })).toMatchObject({ model: 'openai:text-embedding-3-small', dimensions: 1536 });
    expect(() => embedder({ model: 'nomic-embed-text', dimensions: undefined })).toThrow(/dimensions/);
  });

  it('sends the inputs, model, length and key, and returns unit Float32Arrays in input order', async () => {
    const texts = ['hepatotoxicity and liver enzyme monitoring', 'monitor liver function tests', 'webinar registration details'];
    const vectors = await embedder().embed(texts);

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/embeddings',
      authorization: 'Bearer test-key',
      body: { model: 'text-embedding-3-small', input: texts, dimensions: 8, encoding_format: 'float' },
    });
    expect(vectors).toHaveLength(3);
    for (const [index, vector] of vectors.entries()) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(8);
      const expected = unit(rawVector(texts[index]!, 8));
      for (const [position, value] of expected.entries()) expect(vector[position]).toBeCloseTo(value, 6);
    }
  });

  it('omits the dimensions parameter when the native length is used', async () => {
    mode = { kind: 'ok', length: 1536 };
    const [vector] = await embedder({ dimensions: undefined }).embed(['peripheral neuropathy']);
    expect(requests[0]!.body).not.toHaveProperty('dimensions');
    expect(vector).toHaveLength(1536);
  });

  it('keeps input order across several concurrent batches, and skips blank texts', async () => {
    mode = { kind: 'ok', delayFirstMs: 150 };
    const texts = ['one', 'two', '', 'three', 'four', '   ', 'five'];
    const vectors = await embedder({ batchSize: 2 }).embed(texts);

    expect(requests.map((request) => request.body.input).flat().sort()).toEqual(['five', 'four', 'one', 'three', 'two']);
    expect(requests).toHaveLength(3);
    for (const [index, text] of texts.entries()) {
      if (text.trim() === '') {
        expect(vectors[index]!.every((value) => value === 0)).toBe(true);
      } else {
        expect(vectors[index]![0]).toBeCloseTo(unit(rawVector(text, 8))[0]!, 6);
      }
    }
    expect(await embedder().embed(['', ' '])).toHaveLength(2);
    expect(requests).toHaveLength(3); // blank-only input makes no request
  });

  it('surfaces HTTP 500 as an error after one request when retries are off', async () => {
    mode = { kind: 'status', status: 500 };
    const error = await failure(embedder().embed(['anything']));
    expect(error.code).toBe('INTERNAL');
    expect(error.details).toMatchObject({ status: 500 });
    expect(requests).toHaveLength(1);
  });

  it('surfaces HTTP 401 as a configuration error, without retrying', async () => {
    mode = { kind: 'status', status: 401 };
    const error = await failure(embedder({ maxRetries: 3 }).embed(['anything']));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).not.toContain('test-key');
    expect(requests).toHaveLength(1);
  });

  it('gives up on a server that never answers after the timeout', async () => {
    mode = { kind: 'hang' };
    const started = performance.now();
    const error = await failure(embedder({ timeoutMs: 300 }).embed(['anything']));
    expect(error.details).toMatchObject({ timeout: true });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('rejects vectors of the wrong length', async () => {
    mode = { kind: 'ok', length: 4 };
    const error = await failure(embedder().embed(['anything']));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details).toMatchObject({ returned: 4, configured: 8 });
  });

  it('reports an unreachable server as an error', async () => {
    const error = await failure(embedder({ baseURL: 'http://127.0.0.1:9/v1' }).embed(['anything']));
    expect(error.code).toBe('INTERNAL');
  });
});
