import { z } from 'zod';
import type { AgentAnswer } from '../agent/agent.ts';
import { parseIsoDate } from '../core/dates.ts';
import { demoDayAt } from '../core/demo-clock.ts';

/** POST /v1/ask */
export const AskBody = z.strictObject({
  question: z.string().trim().min(1).max(4_000),
  threadId: z
    .string()
    .regex(/^[\w.:-]{1,120}$/, 'letters, digits, dots, colons, dashes or underscores, at most 120')
    .optional(),
});

/** POST /v1/recommendations/:id/feedback */
export const FeedbackBody = z.strictObject({
  verdict: z.enum(['accept', 'dismiss', 'snooze']),
  reason: z.string().trim().max(500).default(''),
  snoozeUntil: z
    .string()
    .refine((value) => parseIsoDate(value) !== undefined, 'a date, YYYY-MM-DD')
    .optional(),
});

const Citations = z.object({ hcps: z.array(z.string()), modules: z.array(z.string()), recommendations: z.array(z.string()) });

/** The answer of POST /v1/ask: the CLI's --json shape plus each tool call's output (what cards are drawn from). */
export const AskAnswer = z.object({
  answer: z.string(),
  toolCalls: z.array(z.object({ name: z.string(), input: z.unknown(), status: z.enum(['ok', 'invalid', 'not_allowed', 'unknown', 'skipped']), output: z.unknown() })),
  citations: Citations,
  charts: z
    .array(z.object({ tool: z.string(), title: z.string(), alt: z.string(), svg: z.string() }))
    .describe('charts drawn from the tool results: SVG text whose labels are escaped; show it as an image (e.g. a blob URL in <img>), not as inline markup'),
  model: z.string(),
  prompt: z.object({ name: z.string(), sha256: z.string() }),
  threadId: z.string(),
  asOf: z.string().describe('the moment the answer was computed as of (ISO 8601)'),
  demoAsOf: z
    .string()
    .nullable()
    .describe('a demo database answered past the end of its data: the day its data ends (YYYY-MM-DD), to show as "Demo data as of …"; else null'),
  choices: z
    .array(z.string())
    .describe('the answer is a clarifying question: its likeliest readings, each a complete question to send back as is (same threadId) as the next question; else []'),
});

export function answerBody(answer: AgentAnswer, demoAsOf: string | null = null): z.infer<typeof AskAnswer> {
  return {
    answer: answer.answer,
    toolCalls: answer.toolCalls.map(({ name, input, status, output }) => ({ name, input, status, output })),
    citations: answer.citations,
    charts: answer.charts,
    model: answer.model,
    prompt: answer.prompt,
    threadId: answer.threadId,
    asOf: answer.asOf,
    demoAsOf: demoDayAt(demoAsOf, answer.asOf),
    choices: answer.choices,
  };
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string().nullable() }) });

const schema = (type: z.ZodType) => {
  const json = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

/** The OpenAPI 3.1 document, built from the same zod schemas the routes validate with. */
export function openApiDocument(): Record<string, unknown> {
  const errors = (...statuses: number[]) =>
    Object.fromEntries(statuses.map((status) => [String(status), { description: errorText[status] ?? 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));
  const json = (ref: string, description: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
  const idParameter = (name: string) => [{ name, in: 'path', required: true, schema: { type: 'string' } }];
  return {
    openapi: '3.1.0',
    info: { title: 'Omni API', version: '1', description: 'The Omni assistant over HTTP. Every /v1 route needs a bearer token (omni token create --as <user-id>); the token decides what the caller may see.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { AskBody: schema(AskBody), AskAnswer: schema(AskAnswer), FeedbackBody: schema(FeedbackBody), Error: schema(ErrorBody), Object: { type: 'object' } },
    },
    security: [{ bearer: [] }],
    paths: {
      '/v1/ask': {
        post: {
          summary: 'Ask the assistant. Accept: text/event-stream streams started, tool_call, answer (or error) events.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/AskBody' } } } },
          responses: { '200': { ...json('AskAnswer', 'the answer'), content: { 'application/json': { schema: { $ref: '#/components/schemas/AskAnswer' } }, 'text/event-stream': { schema: { type: 'string' } } } }, ...errors(400, 401, 413, 415, 429, 502) },
        },
      },
      '/v1/hcps/{id}': { get: { summary: "An HCP's unified profile, as the caller may see it (404 alike for a missing HCP and one outside the caller's access)", parameters: idParameter('id'), responses: { '200': json('Object', 'the profile'), ...errors(401, 404, 429) } } },
      '/v1/recommendations/{id}': { get: { summary: 'A decision-log record (recommendation, plan, draft, content suggestion) and the feedback on it (404 alike for a missing record and one outside the caller\'s access)', parameters: idParameter('id'), responses: { '200': json('Object', 'the record'), ...errors(401, 404, 429) } } },
      '/v1/recommendations/{id}/feedback': {
        post: {
          summary: 'Accept, dismiss or snooze a recommendation; kept as a new decision-log record',
          parameters: idParameter('id'),
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/FeedbackBody' } } } },
          responses: { '201': json('Object', 'the feedback record'), ...errors(400, 401, 404, 413, 415, 429) },
        },
      },
      '/v1/safety/intakes': {
        get: {
          summary: 'Adverse-event intakes for Drug Safety, oldest first, each with its due time and what an incomplete one is missing (medical affairs and admins)',
          parameters: [{ name: 'since', in: 'query', required: false, schema: { type: 'string' }, description: 'only intakes recorded from this ISO 8601 date or date-time on' }],
          responses: { '200': json('Object', '{since, intakes: [{intakeId, recordedAt, reportedAt, dueBy, complete, missing, reporter, patient, product, productAsGiven, event, narrative, reportedBy, sequence, hash}]}'), ...errors(400, 401, 403, 429) },
        },
      },
      '/v1/audit/verify': { get: { summary: "Walk the decision log's hash chain (admins, managers, medical affairs)", responses: { '200': json('Object', 'intact, or the first broken record'), ...errors(401, 403, 429) } } },
      '/v1/whoami': { get: { summary: 'The user the token belongs to', responses: { '200': json('Object', '{id, name, role, territories}'), ...errors(401, 429) } } },
      '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': json('Object', 'ok') } } },
    },
  };
}

const errorText: Record<number, string> = {
  400: 'invalid input',
  401: 'missing or invalid bearer token',
  403: 'outside the caller’s access',
  404: 'not found',
  413: 'body over the size limit',
  415: 'the body is not application/json',
  429: 'rate limited, or too many failed sign-ins from this address (Retry-After says when to retry)',
  502: 'the language model failed or timed out',
};
