import type { ContentFilters } from '../retrieval/content-filters.ts';
import type { ContentSearchResult } from '../retrieval/approved-content-search.ts';
import { printable } from './printable.ts';

/** Pure text formatting for `omni content search`. */
export function formatContentResults(query: string, filters: ContentFilters, results: readonly ContentSearchResult[]): string {
  const scope = [
    `approved on ${filters.asOf}`,
    `market ${filters.market}`,
    filters.specialty ? `for ${filters.specialty}` : '',
    filters.channel ? `on ${filters.channel}` : '',
    filters.purpose,
  ].filter(Boolean);
  if (results.length === 0) return `No approved content matches "${printable(query)}" (${scope.join(', ')}).`;
  const lines = [`Approved content for "${printable(query)}" (${scope.join(', ')}):`];
  results.forEach((result, index) => {
    const ranks = [result.ranks.lexical ? `text #${result.ranks.lexical}` : '', result.ranks.vector ? `meaning #${result.ranks.vector}` : ''].filter(Boolean).join(', ');
    lines.push(
      '',
      `${index + 1}. ${printable(result.title)}`,
      `   ${result.id} v${result.version} · ${result.mlrCode} · ${result.kind} · ${ranks}`,
      `   "${printable(result.passage)}"`,
      `   passed: ${result.passedBecause.join('; ')}`,
    );
  });
  return lines.join('\n');
}
