/**
 * A question the offline local model answers with a clarifying question and choices (no tool call),
 * for the front ends' tests of choice buttons. The model is trained from data/nlu/: if a retrain stops
 * it clarifying this one, pick another here (`omni ask "<q>" --as u-rep-mw-1 --json` shows `choices`).
 */
export const CLARIFIED_QUESTION = 'hmm what about the thing';
