import { AppError, isAppError } from '../../core/app-error.ts';
import { parseIsoDate, parseIsoDateTime } from '../../core/dates.ts';
import { ContentProvenance } from '../../compliance/content-provenance.ts';
import { ContentModule } from '../../domain/content-module.ts';
import { hcpMarket } from '../../domain/hcp.ts';
import type { OmniStore } from '../../domain/repositories.ts';
import { parseSplDocument, splModules } from '../../content/spl-parser.ts';
import { Channel } from '../../domain/vocabulary.ts';
import type { RankingMode } from '../../retrieval/approved-content-search.ts';
import { createContentLibrary } from '../../container.ts';
import { ContentVectorIndex } from '../../retrieval/content-vector-index.ts';
import type { ContentFilters } from '../../retrieval/content-filters.ts';
import { createEmbedder } from '../../retrieval/create-embedder.ts';
import { readUtf8File } from '../../ingest/strict-utf8.ts';
import { dataClockFor, demoLines } from '../caller.ts';
import { formatContentResults } from '../format-content.ts';
import type { CliContext, Command } from '../command.ts';

export const contentCommand: Command = {
  name: 'content',
  summary: 'search the approved content library, or bring its index up to date',
  usage: [
    'omni content search "<query>" [--hcp <id>] [--channel <c>] [--purpose promotional|medical] [--as-of <date>] [--json]',
    '       omni content index',
    '       omni content import-spl <label.xml> [--status draft|approved] [--approved-at <date> --approved-by <user id> --mlr-code <code>] [--expires-at <date>]',
  ].join('\n'),
  details: [
    'Only approved, unexpired modules valid for the market, audience, channel and purpose can be',
    'returned; each result says why it passed. Ranking: SQLite FTS5 (bm25) and the hnswlib vector',
    'index, merged by reciprocal rank fusion.',
    '  --hcp <id>       apply that HCP\'s market and specialty',
    '  --channel <c>    only modules approved for that channel (e.g. email)',
    '  --purpose <p>    promotional (default; includes event invitations) or medical',
    '  --as-of <date>   what was approved on that day (default: today; a demo database\'s last day once past it)',
    '  --market <m>     default US',
    '  --limit <n>      results (default 5, at most 50)',
    '  --mode <m>       hybrid (default), lexical or vector',
    'The vector index lives beside the database (<db>.content.hnsw); only new or changed modules are',
    'embedded. Embedder: OMNI_EMBEDDER=use (bundled Universal Sentence Encoder, offline default),',
    'openai (OPENAI_API_KEY, OPENAI_BASE_URL, OMNI_EMBEDDING_MODEL, OMNI_EMBEDDING_DIMENSIONS) or hashed-ngram.',
    'JSON output: [{id, version, mlrCode, title, kind, purpose, brandName, genericName, passage,',
    '              passedBecause, ranks: {lexical, vector}, score}]',
    'import-spl reads a DailyMed SPL XML label (boxed warning, warnings and precautions, adverse',
    'reactions) into modules. They arrive as drafts unless --status approved is given with its',
    'provenance, --approved-at, --approved-by (a user id) and --mlr-code (each module gets the code plus',
    'its section): label text still needs MLR approval before reps may use it. Approved text may link',
    'only to the allowed domains (OMNI_CONTENT_LINK_DOMAINS) and hold no hidden text or instructions.',
  ].join('\n'),
  options: {
    hcp: { type: 'string' },
    channel: { type: 'string' },
    purpose: { type: 'string', default: 'promotional' },
    'as-of': { type: 'string' },
    market: { type: 'string', default: 'US' },
    limit: { type: 'string', default: '5' },
    mode: { type: 'string', default: 'hybrid' },
    status: { type: 'string', default: 'draft' },
    'approved-at': { type: 'string' },
    'approved-by': { type: 'string' },
    'mlr-code': { type: 'string' },
    'expires-at': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, context) {
    const [action, ...rest] = positionals;
    if (action !== 'search' && action !== 'index' && action !== 'import-spl') {
      throw new AppError('INVALID_INPUT', 'usage: omni content search "<query>" | omni content index | omni content import-spl <file>');
    }
    const store = context.openStore();
    try {
      if (action === 'import-spl') return importSpl(rest, values, store, context);
      const index = ContentVectorIndex.open(await createEmbedder(context.config.embedder, store), `${context.config.databasePath}.content.hnsw`);
      const library = createContentLibrary(store, { linkDomains: context.config.contentLinkDomains }, index);
      const summary = await library.refresh();
      if (action === 'index') {
        context.out(values.json ? JSON.stringify({ ...summary, modules: index.size }) : `Content index: ${index.size} module versions (${summary?.added ?? 0} added, ${summary?.changed ?? 0} re-embedded, ${summary?.removed ?? 0} removed, ${summary?.unchanged ?? 0} unchanged).`);
        return 0;
      }
      const query = rest.join(' ').trim();
      if (!query) throw new AppError('INVALID_INPUT', 'what to search for? usage: omni content search "<query>"');
      const clock = dataClockFor(store, values['as-of'], context.now);
      const now = clock.now();
      const filters = contentFilters(values, now);
      if (typeof values.hcp === 'string') {
        const hcp = store.hcps.getById(values.hcp);
        if (!hcp) throw new AppError('NOT_FOUND', `no HCP with id "${values.hcp}"`);
        filters.specialty = hcp.specialty;
        filters.market = hcpMarket(hcp);
      }
      const mode = values.mode;
      if (mode !== 'hybrid' && mode !== 'lexical' && mode !== 'vector') throw new AppError('INVALID_INPUT', '--mode must be hybrid, lexical or vector');
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new AppError('INVALID_INPUT', '--limit must be a whole number from 1 to 50');
      const results = await library.search(query, filters, { limit, mode: mode as RankingMode });
      context.out(values.json ? JSON.stringify(results) : [formatContentResults(query, filters, results), ...demoLines(clock, now.toISOString())].join('\n'));
      return 0;
    } finally {
      store.close();
    }
  },
};

function contentFilters(values: Record<string, string | boolean | undefined>, now: Date): ContentFilters {
  const asOfText = values['as-of'];
  const asOf = typeof asOfText === 'string' ? parseIsoDateTime(asOfText)?.slice(0, 10) : now.toISOString().slice(0, 10);
  if (!asOf) throw new AppError('INVALID_INPUT', `--as-of must be an ISO 8601 date, not "${String(asOfText)}"`);
  const purpose = values.purpose;
  if (purpose !== 'promotional' && purpose !== 'medical') throw new AppError('INVALID_INPUT', '--purpose must be promotional or medical');
  const filters: ContentFilters = { asOf, market: String(values.market), purpose };
  if (typeof values.channel === 'string') {
    const channel = Channel.safeParse(values.channel);
    if (!channel.success) throw new AppError('INVALID_INPUT', `--channel must be one of ${Channel.options.join(', ')}`);
    filters.channel = channel.data;
  }
  return filters;
}

function importSpl(
  positionals: string[],
  values: Record<string, string | boolean | undefined>,
  store: OmniStore,
  context: Pick<CliContext, 'out' | 'now' | 'config'>,
): number {
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', 'usage: omni content import-spl <label.xml>');
  const status = values.status;
  if (status !== 'draft' && status !== 'approved') throw new AppError('INVALID_INPUT', '--status must be draft or approved');
  const approvedAt = typeof values['approved-at'] === 'string' ? parseIsoDate(values['approved-at']) : undefined;
  const approvedBy = typeof values['approved-by'] === 'string' ? values['approved-by'].trim() : '';
  const mlrCode = typeof values['mlr-code'] === 'string' ? values['mlr-code'].trim() : '';
  if (status === 'approved') {
    // An approved label carries its provenance: the approval date, the approver and the MLR code.
    const missing = [!approvedAt && '--approved-at <YYYY-MM-DD> (the MLR approval date)', !approvedBy && '--approved-by <user id> (the MLR approver)', !mlrCode && '--mlr-code <code> (the MLR approval code)'].filter(Boolean);
    if (missing.length > 0) throw new AppError('INVALID_INPUT', `--status approved needs ${missing.join(', ')}`);
    if (!store.users.exists(approvedBy)) throw new AppError('INVALID_INPUT', `--approved-by: no user '${approvedBy}' (omni users lists them)`);
  }
  const expiresAt = typeof values['expires-at'] === 'string' ? parseIsoDate(values['expires-at']) : null;
  if (expiresAt === undefined) throw new AppError('INVALID_INPUT', '--expires-at must be a date (YYYY-MM-DD)');
  let xml: string;
  try {
    xml = readUtf8File(file);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('NOT_FOUND', `cannot read ${file}`);
  }
  let modules;
  try {
    const document = parseSplDocument(xml);
    modules = splModules(document, { approvedAt: approvedAt ?? context.now().toISOString().slice(0, 10), expiresAt, ...(mlrCode ? { mlrCode } : {}) });
  } catch (error) {
    // The parser's messages name the line and column; they hold no secrets.
    throw new AppError('INVALID_INPUT', `${file}: ${error instanceof Error ? error.message : 'not a readable SPL document'}`);
  }
  const checked = modules.map((module) => ContentModule.parse({ ...module, status, approvedBy: status === 'approved' ? approvedBy : null }));
  // Approved label text must hold the content rules too (allowed link domains, no hidden text): one
  // module that does not means nothing is imported, each module named with what it holds.
  const provenance = new ContentProvenance({ linkDomains: context.config.contentLinkDomains }, (id) => store.users.exists(id));
  const refused = checked.flatMap((module) => provenance.problems(module).map((problem) => `${file}: ${module.id} (${module.title}): ${problem.field}: ${problem.reason}`));
  if (refused.length > 0) {
    throw new AppError('INVALID_INPUT', `nothing imported; these modules cannot be approved (import them as drafts, or allow a domain with OMNI_CONTENT_LINK_DOMAINS):\n${refused.join('\n')}`);
  }
  store.transaction(() => checked.forEach((module) => store.contentModules.upsert(module)));
  context.out(
    values.json
      ? JSON.stringify({ imported: checked.length, status, modules: checked.map((module) => ({ id: module.id, version: module.version, title: module.title })) })
      : `Imported ${checked.length} ${status} modules from ${file} (${checked[0]?.brandName ?? ''} ${checked[0]?.genericName ? `(${checked[0].genericName})` : ''}).`,
  );
  return 0;
}
