import type { Tool } from '../src/core/define-tool.ts';
import { assessMaturityTool } from './assess-maturity.ts';
import { checkConsentTool } from './check-consent.ts';
import { draftFollowupTool } from './draft-followup.ts';
import { explainRecommendationTool } from './explain-recommendation.ts';
import { getNextBestActionsTool } from './get-next-best-actions.ts';
import { lookupHcpProfileTool } from './lookup-hcp-profile.ts';
import { planTerritoryTool } from './plan-territory.ts';
import { queryPerformanceTool } from './query-performance.ts';
import { recordFeedbackTool } from './record-feedback.ts';
import { reportAdverseEventTool } from './report-adverse-event.ts';
import { searchApprovedContentTool } from './search-approved-content.ts';
import { summarizeFieldInsightsTool } from './summarize-field-insights.ts';
import type { ToolContext } from './tool-context.ts';

export type { ToolContext } from './tool-context.ts';

/** A tool with its types erased, as the agent loop holds them (inputs are validated by each tool's schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AgentTool = Tool<any, any, ToolContext>;

/** Every tool the agent has, in the order the model sees them. */
export const agentTools: readonly AgentTool[] = [
  lookupHcpProfileTool,
  checkConsentTool,
  searchApprovedContentTool,
  getNextBestActionsTool,
  planTerritoryTool,
  explainRecommendationTool,
  draftFollowupTool,
  recordFeedbackTool,
  summarizeFieldInsightsTool,
  queryPerformanceTool,
  assessMaturityTool,
  reportAdverseEventTool,
];
