import { AppError } from '../../core/app-error.ts';
import { parseIsoDateTime } from '../../core/dates.ts';
import { Channel } from '../../domain/vocabulary.ts';
import { ApprovedContentLibrary, type RankingMode } from '../../retrieval/approved-content-search.ts';
import { ContentVectorIndex } from '../../retrieval/content-vector-index.ts';
import type { ContentFilters } from '../../retrieval/content-filters.ts';
import { createEmbedder } from '../../retrieval/create-embedder.ts';
import { formatContentResults } from '../format-content.ts';
import type { Command } from '../command.ts';

export const contentCommand: Command = {
  name: 'content',
  summary: 'search the approved content library, or bring its index up to date',
  usage: 'omni content search "<query>" [--hcp <id>] [--channel <c>] [--purpose promotional|medical] [--as-of <date>] [--json]\n       omni content index',
  details: [
    'Only approved, unexpired modules valid for the market, audience, channel and purpose can be',
    'returned; each result says why it passed. Ranking: SQLite FTS5 (bm25) and the hnswlib vector',
    'index, merged by reciprocal rank fusion.',
    '  --hcp <id>       apply that HCP\'s market and specialty',
    '  --channel <c>    only modules approved for that channel (e.g. email)',
    '  --purpose <p>    promotional (default; includes event invitations) or medical',
    '  --as-of <date>   what was approved on that day (default: today)',
    '  --market <m>     default US',
    '  --limit <n>      results (default 5, at most 50)',
    '  --mode <m>       hybrid (default), lexical or vector',
    'The vector index lives beside the database (<db>.content.hnsw); only new or changed modules are',
    'embedded. Embedder: OMNI_EMBEDDER=use (bundled Universal Sentence Encoder, offline default),',
    'openai (OPENAI_API_KEY, OPENAI_BASE_URL, OMNI_EMBEDDING_MODEL, OMNI_EMBEDDING_DIMENSIONS) or hashed-ngram.',
    'JSON output: [{id, version, mlrCode, title, kind, purpose, brandName, genericName, passage,',
    '              passedBecause, ranks: {lexical, vector}, score}]',
  ].join('\n'),
  options: {
    hcp: { type: 'string' },
    channel: { type: 'string' },
    purpose: { type: 'string', default: 'promotional' },
    'as-of': { type: 'string' },
    market: { type: 'string', default: 'US' },
    limit: { type: 'string', default: '5' },
    mode: { type: 'string', default: 'hybrid' },
    json: { type: 'boolean', default: false },
  },
  async run({ positionals, values }, context) {
    const [action, ...rest] = positionals;
    if (action !== 'search' && action !== 'index') throw new AppError('INVALID_INPUT', 'usage: omni content search "<query>" | omni content index');
    const store = context.openStore();
    try {
      const index = ContentVectorIndex.open(await createEmbedder(context.config.embedder, store), `${context.config.databasePath}.content.hnsw`);
      const library = new ApprovedContentLibrary(store, index);
      const summary = await library.refresh();
      if (action === 'index') {
        context.out(values.json ? JSON.stringify({ ...summary, modules: index.size }) : `Content index: ${index.size} module versions (${summary?.added ?? 0} added, ${summary?.changed ?? 0} re-embedded, ${summary?.removed ?? 0} removed, ${summary?.unchanged ?? 0} unchanged).`);
        return 0;
      }
      const query = rest.join(' ').trim();
      if (!query) throw new AppError('INVALID_INPUT', 'what to search for? usage: omni content search "<query>"');
      const filters = contentFilters(values, context.now());
      if (typeof values.hcp === 'string') {
        const hcp = store.hcps.getById(values.hcp);
        if (!hcp) throw new AppError('NOT_FOUND', `no HCP with id "${values.hcp}"`);
        filters.specialty = hcp.specialty;
        filters.market = 'US';
      }
      const mode = values.mode;
      if (mode !== 'hybrid' && mode !== 'lexical' && mode !== 'vector') throw new AppError('INVALID_INPUT', '--mode must be hybrid, lexical or vector');
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new AppError('INVALID_INPUT', '--limit must be a whole number from 1 to 50');
      const results = await library.search(query, filters, { limit, mode: mode as RankingMode });
      context.out(values.json ? JSON.stringify(results) : formatContentResults(query, filters, results));
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
