import type { Explanation } from '../nba/explain-recommendation.ts';
import type { NbaResult, ScoredAction } from '../nba/next-best-actions.ts';
import type { TerritoryPlan } from '../nba/territory-plan.ts';
import { printable } from './printable.ts';

const actionName = (kind: string) => kind.replace(/_/g, ' ');
const signed = (value: number) => (value >= 0 ? `+${value}` : `${value}`);

function actionLine(action: ScoredAction): string {
  const what = [action.topic ? `on ${printable(action.topic)}` : '', action.modules.length > 0 ? `with ${action.modules.map((module) => `${module.id} v${module.version}`).join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
  return `${actionName(action.kind)}${what ? ` ${what}` : ''} (score ${action.score})`;
}

/** Pure text for `omni nba`: the recommendation, every signal's contribution, the gates, and what was blocked. */
export function formatNbaResult(result: NbaResult): string {
  const { recommended } = result;
  const lines = [
    `Next best action for ${printable(result.hcp.name)} (${result.hcp.id}, ${printable(result.hcp.specialty)}, territory ${printable(result.hcp.territory)}) as of ${result.asOf}`,
    `Recommendation ${result.recommendationId} (weights ${result.weightsVersion}; logged before it was shown)`,
    '',
    `→ ${actionLine(recommended)}`,
    '  why (weight × signal, largest first; these add up to the score):',
    ...recommended.contributions
      .filter((entry) => entry.contribution !== 0)
      .map((entry) => `    ${signed(entry.contribution).padStart(7)}  ${entry.signal} = ${entry.value} × ${entry.weight}: ${printable(entry.sentence)}`),
    '  gates:',
    ...recommended.gates.map((gate) => `    ${gate.passed ? 'pass' : 'FAIL'}  ${gate.gate}: ${printable(gate.reason)}`),
  ];
  const others = result.actions.filter((action) => action !== recommended);
  if (others.length > 0) lines.push('', 'Also allowed:', ...others.map((action) => `  ${actionLine(action)}`));
  if (result.blocked.length > 0) {
    lines.push(
      '',
      'Blocked (never recommended):',
      ...result.blocked.map((action) => {
        const failed = action.gates.filter((gate) => !gate.passed);
        return `  ${actionName(action.kind)}: ${failed.map((gate) => `${gate.gate}: ${printable(gate.reason)}${gate.records.length ? ` [${gate.records.slice(0, 2).join(', ')}]` : ''}`).join('; ')}`;
      }),
    );
  }
  lines.push('', `Ask why not another action: omni why ${result.recommendationId} --action <kind> | --channel <channel>`);
  return lines.join('\n');
}

/** Pure text for `omni plan`. */
export function formatTerritoryPlan(plan: TerritoryPlan): string {
  const territories = plan.territories === 'all' ? 'all territories' : `territory ${plan.territories.join(', ')}`;
  const lines = [`Plan ${plan.planId} for ${territories} as of ${plan.asOf}: ${plan.hcpsConsidered} HCPs considered, top ${plan.entries.length} (weights ${plan.weightsVersion})`, ''];
  for (const entry of plan.entries) {
    const flags = entry.flags.length > 0 ? ` [${entry.flags.map(actionName).join(', ')}]` : '';
    lines.push(
      `${String(entry.rank).padStart(3)}. ${printable(entry.hcp.name)} (${entry.hcp.id}, ${printable(entry.hcp.specialty)}${entry.hcp.segment ? `, segment ${entry.hcp.segment}` : ''})${flags}`,
      `     ${actionLine(entry.action)}: ${printable(entry.topReason)}`,
    );
  }
  return lines.join('\n');
}

/** Pure text for `omni why`. */
export function formatExplanation(explanation: Explanation): string {
  const { recommended } = explanation;
  const lines = [
    `Recommendation ${explanation.recommendationId} for HCP ${explanation.hcpId}, recorded ${explanation.recordedAt} (weights ${explanation.weights.version})`,
    `Recommended: ${actionName(recommended.kind)} (score ${recommended.score})`,
    ...recommended.contributions.filter((entry) => entry.contribution !== 0).map((entry) => `  ${signed(entry.contribution).padStart(7)}  ${entry.signal}: ${printable(entry.sentence)}`),
  ];
  if (explanation.asked) {
    const asked = explanation.asked;
    lines.push('', `Why not ${actionName(asked.kind)}${asked.channel ? ` (${asked.channel})` : ''}? ${printable(asked.answer)}.`);
    if (asked.alternatives.length > 0) lines.push('Compliant alternatives:', ...asked.alternatives.map((alternative) => `  ${printable(alternative)}`));
  }
  return lines.join('\n');
}
