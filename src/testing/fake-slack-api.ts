import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

/**
 * A fake Slack Web API on 127.0.0.1 (random port) for tests and the bench: `@slack/web-api` (and so
 * bolt) is pointed at it with `slackApiUrl` (SLACK_API_URL), and every call goes over real HTTP.
 *
 * - `POST /api/<method>` with a form-encoded body (what the WebClient sends; nested fields such as
 *   `blocks` arrive as JSON text and are parsed back) or a JSON body.
 * - Each call is recorded in order with its arguments, the bearer token and what was answered.
 * - Replies as Slack does: HTTP 200 with `{ok: true, ...}`; `auth.test` names the bot
 *   (`botUserId`, `botId`), `chat.postMessage` returns a new `ts` per message, `chat.update`,
 *   `chat.postEphemeral`, `views.open`, `conversations.replies` and `apps.connections.open` answer in
 *   Slack's shape; any other method gets `{ok: true}`. `responseUrl` takes what a slash command or
 *   interaction answers through its response_url (recorded as method 'response_url').
 * - files.uploadV2's three steps: `files.getUploadURLExternal` gives an upload URL on this server,
 *   the bytes posted there are recorded as method 'file_upload' (`{fileId, bytes, png}`), and
 *   `files.completeUploadExternal` answers with the files.
 * - With `token` set, a call without `Authorization: Bearer <token>` gets `{ok: false, error: 'invalid_auth'}`.
 * - `rateLimitNext(method, seconds)` makes the next call of that method answer HTTP 429 with
 *   `Retry-After: <seconds>` and `{ok: false, error: 'ratelimited'}`, once.
 * - `failNext(method, error)` makes the next call answer `{ok: false, error}` (e.g. 'channel_not_found'), once.
 * - Socket mode: `apps.connections.open` with an app token (xapp-…) returns a ws:// URL on the same
 *   port; the fake speaks just enough WebSocket (RFC 6455: handshake, unmasking client frames, text,
 *   ping/pong, close; no extensions) to say `hello`, push envelopes (`socketMode.send`) and record the
 *   app's acks (`socketMode.acks`).
 */

export interface RecordedSlackCall {
  method: string;
  /** The call's arguments, nested JSON fields parsed. */
  args: Record<string, unknown>;
  token: string | undefined;
  /** Milliseconds since the epoch when the request arrived. */
  at: number;
  /** The HTTP status answered (429 for a rate-limited call). */
  status: number;
  /** The body answered. */
  response: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** http://127.0.0.1:<port>/api/, as WebClient's slackApiUrl wants it. */
  readonly url: string;
  /** A response_url for slash commands and interactions; what is posted to it is recorded as method 'response_url'. */
  readonly responseUrl: string;
  readonly calls: RecordedSlackCall[];
  /** Calls of one method that were answered 200 (what Slack acted on). */
  delivered(method: string): RecordedSlackCall[];
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  failNext(method: string, error: string): void;
  /** Resolves with the first recorded call (past or future) that matches, or rejects after `timeoutMs`. */
  waitFor(predicate: (call: RecordedSlackCall) => boolean, timeoutMs?: number): Promise<RecordedSlackCall>;
  /** Forgets the recorded calls (not the bot identity or the ts counter). */
  reset(): void;
  readonly socketMode: FakeSocketMode;
  close(): Promise<void>;
}

/** Slack's side of a socket-mode connection. */
export interface FakeSocketMode {
  /** Resolves when an app has connected and been sent `hello`. */
  connected(timeoutMs?: number): Promise<void>;
  /** Pushes an envelope ({envelope_id, type: 'events_api' | 'slash_commands' | 'interactive', payload, ...}) to every connected app. */
  send(envelope: Record<string, unknown>): void;
  /** The app's acks, in order: {envelope_id, payload?}. */
  readonly acks: Record<string, unknown>[];
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Connections opened so far. */
  readonly connections: number;
}

export interface FakeSlackApiOptions {
  /** When set, calls must carry this bot token. */
  token?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

type Waiter = { predicate: (call: RecordedSlackCall) => boolean; resolve: (call: RecordedSlackCall) => void };

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const botUserId = options.botUserId ?? 'U0OMNIBOT';
  const botId = options.botId ?? 'B0OMNIBOT';
  const teamId = options.teamId ?? 'T0SYN0001';
  const calls: RecordedSlackCall[] = [];
  const waiters = new Set<Waiter>();
  const rateLimits = new Map<string, number[]>();
  const failures = new Map<string, string[]>();
  let sequence = 0;
  let uploads = 0;
  const nextTs = () => {
    sequence += 1;
    return `${1_800_000_000 + sequence}.${String(sequence).padStart(6, '0')}`;
  };

  const record = (call: RecordedSlackCall) => {
    calls.push(call);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(call)) {
        waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  };

  const reply = (method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://omni-test.slack.com/', team: 'Omni Test', user: 'omni', team_id: teamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false };
      case 'chat.postMessage': {
        const ts = nextTs();
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: { type: 'message', user: botUserId, bot_id: botId, text: args.text, ts, ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}) },
        };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: `V${String(sequence + 1).padStart(8, '0')}`, ...(typeof args.view === 'object' ? args.view : {}) } };
      case 'files.getUploadURLExternal': {
        uploads += 1;
        const fileId = `F${String(uploads).padStart(8, '0')}`;
        return { ok: true, file_id: fileId, upload_url: `http://127.0.0.1:${port}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal': {
        const files = typeof args.files === 'string' ? (JSON.parse(args.files) as { id: string; title?: string }[]) : [];
        return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title ?? '' })) };
      }
      case 'conversations.replies':
        return { ok: true, messages: [], has_more: false };
      case 'apps.connections.open':
        return token?.startsWith('xapp-') ? { ok: true, url: `ws://127.0.0.1:${port}/socket-mode/link?ticket=${sequence}` } : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: true };
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const raw = await readBody(request);
    const text = raw.toString('utf8');
    const at = Date.now();
    const path = (request.url ?? '').split('?')[0]!;
    const upload = /^\/upload\/(F\w+)$/.exec(path);
    if (request.method === 'POST' && upload) {
      // files.uploadV2's second step: the file's bytes to the URL files.getUploadURLExternal gave.
      const args = { fileId: upload[1], bytes: raw.length, png: raw.includes(PNG_SIGNATURE) };
      record({ method: 'file_upload', args, token: undefined, at, status: 200, response: { ok: true } });
      return send(response, 200, { ok: true });
    }
    const match = /^\/api\/([\w.]+)$/.exec(path);
    if (request.method === 'POST' && path.startsWith('/response/')) {
      // A response_url: Slack takes the message (JSON) and answers ok, no token needed.
      record({ method: 'response_url', args: parseArgs(text, request.headers['content-type'] ?? ''), token: undefined, at, status: 200, response: { ok: true } });
      return send(response, 200, { ok: true });
    }
    if (request.method !== 'POST' || !match) return send(response, 404, { ok: false, error: 'unknown_method' });
    const method = match[1]!;
    const args = parseArgs(text, request.headers['content-type'] ?? '');
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      record({ method, args, token, at, status, response: body });
      send(response, status, body, headers);
    };
    const limited = rateLimits.get(method);
    if (limited && limited.length > 0) {
      const seconds = limited.shift()!;
      return answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(seconds) });
    }
    if (options.token !== undefined && token !== options.token && method !== 'apps.connections.open') return answer(200, { ok: false, error: 'invalid_auth' });
    const failure = failures.get(method);
    if (failure && failure.length > 0) return answer(200, { ok: false, error: failure.shift()! });
    return answer(200, reply(method, args, token));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { ok: false, error: 'fatal_error' }));
  });
  const sockets = new Set<Socket>();
  const acks: Record<string, unknown>[] = [];
  const ackWaiters = new Set<() => void>();
  const connectWaiters = new Set<() => void>();
  let connections = 0;
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    const key = request.headers['sec-websocket-key'];
    if (!(request.url ?? '').startsWith('/socket-mode/') || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    connections += 1;
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let frame = readFrame(buffered); frame; frame = readFrame(buffered)) {
        buffered = buffered.subarray(frame.length);
        if (frame.opcode === 0x8) {
          socket.end(writeFrame(0x8, frame.payload.subarray(0, 2)));
          sockets.delete(socket);
          return;
        }
        if (frame.opcode === 0x9) socket.write(writeFrame(0xa, frame.payload));
        if (frame.opcode === 0x1) {
          try {
            acks.push(JSON.parse(frame.payload.toString('utf8')) as Record<string, unknown>);
          } catch {
            acks.push({ unparsable: frame.payload.toString('utf8') });
          }
          for (const waiter of [...ackWaiters]) waiter();
        }
      }
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    socket.write(writeFrame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: sockets.size, debug_info: { host: 'fake-slack', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0OMNI' } }))));
    for (const waiter of [...connectWaiters]) waiter();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitUntil = <T>(check: () => T | undefined, waiters: Set<() => void>, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const now = check();
      if (now !== undefined) return resolve(now);
      const waiter = () => {
        const value = check();
        if (value === undefined) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(waiter);
    });

  const socketMode: FakeSocketMode = {
    connected: (timeoutMs = 10_000) => waitUntil(() => (sockets.size > 0 ? true : undefined), connectWaiters, timeoutMs, 'socket-mode connection').then(() => undefined),
    send(envelope) {
      const frame = writeFrame(0x1, Buffer.from(JSON.stringify(envelope)));
      for (const socket of sockets) socket.write(frame);
    },
    acks,
    waitForAck: (envelopeId, timeoutMs = 10_000) => waitUntil(() => acks.find((ack) => ack.envelope_id === envelopeId), ackWaiters, timeoutMs, `ack of ${envelopeId}`),
    get connections() {
      return connections;
    },
  };

  return {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/response/T0SYN0001/1/hook`,
    calls,
    delivered: (method) => calls.filter((call) => call.method === method && call.status === 200 && call.response.ok === true),
    rateLimitNext(method, retryAfterSeconds) {
      rateLimits.set(method, [...(rateLimits.get(method) ?? []), retryAfterSeconds]);
    },
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      const earlier = calls.find(predicate);
      if (earlier) return Promise.resolve(earlier);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching Slack API call within ${timeoutMs} ms; calls so far: ${calls.map((call) => call.method).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    reset() {
      calls.length = 0;
    },
    socketMode,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls']);

function parseArgs(text: string, contentType: string): Record<string, unknown> {
  if (text.length === 0) return {};
  if (contentType.startsWith('application/json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(text))) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single === undefined) continue;
    // WebClient sends nested fields (blocks, attachments, view) as JSON text and booleans as "true"/"false".
    if (JSON_FIELDS.has(key)) {
      try {
        args[key] = JSON.parse(single);
        continue;
      } catch {
        // not JSON after all: kept as text
      }
    }
    args[key] = single === 'true' ? true : single === 'false' ? false : single;
  }
  return args;
}

/** One complete frame at the start of `buffer` (client frames are masked), or null when more bytes are needed. */
function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; length: number } | null {
  if (buffer.length < 2) return null;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const mask = masked ? buffer.subarray(offset, offset + 4) : null;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (mask) for (let index = 0; index < payload.length; index++) payload[index]! ^= mask[index % 4]!;
  return { opcode, payload, length: offset + length };
}

/** A final, unmasked server frame. */
function writeFrame(opcode: number, payload: Buffer): Buffer {
  let header: Buffer;
  if (payload.length < 126) {
    header = Buffer.from([0x80 | opcode, payload.length]);
  } else if (payload.length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(126, 1);
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(127, 1);
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, payload]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
