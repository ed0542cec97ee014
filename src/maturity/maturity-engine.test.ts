import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { daysAgo, FIXTURE_AS_OF, LOCAL_OPERATOR, MaturityFixture } from './maturity-fixture.ts';
import type { DimensionMeasure, MetricResult } from './measures.ts';
import { spearman } from './measures.ts';
import { chooseNextStep, overallStage, placeDimension } from './stages.ts';
import { loadMaturityThresholds, MaturityThresholds, type DimensionName, type MetricName, type StageId } from './thresholds.ts';

const fixtures: MaturityFixture[] = [];
const fixture = () => {
  const created = new MaturityFixture();
  fixtures.push(created);
  return created;
};
afterEach(() => {
  while (fixtures.length > 0) fixtures.pop()!.remove();
});

const metric = (assessment: { metrics: MetricResult[] }, name: MetricName) => assessment.metrics.find((entry) => entry.name === name)!;

describe('automation: share of actions triggered by the HCP\'s own behaviour', () => {
  /** 10 HCPs × 10 actions 15 days apart; the first `triggered` actions of each follow a click on the same product 2 days earlier. */
  function build(triggered: number, automated: boolean): MaturityFixture {
    const world = fixture();
    for (let h = 0; h < 10; h++) {
      const hcp = world.hcp(`hcp-a${h}`);
      for (let k = 0; k < 10; k++) {
        const day = 5 + k * 15;
        if (k < triggered) world.ix(hcp, day + 2, 'email', 'clicked', { actor: 'system:marketing-automation' });
        if (automated) world.ix(hcp, day, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy' });
        else world.ix(hcp, day, 'field_visit', 'completed');
      }
    }
    return world;
  }

  it.each([
    [0, true, 'fragmented', 0],
    [2, true, 'coordinated_multichannel', 0.2],
    [4, true, 'data_driven_orchestration', 0.4],
    [7, true, 'ai_driven', 0.7],
    // AI-driven also needs automated sends to react: here only reps do.
    [7, false, 'data_driven_orchestration', 0.7],
  ] as const)('%i of 10 triggered (automated %s) is %s', (triggered, automated, stage, share) => {
    const dimension = build(triggered, automated).dimension('automation');
    expect(dimension.stage).toBe(stage);
    expect(metric(dimension, 'triggered_share')).toMatchObject({ value: share, numerator: triggered * 10, denominator: 100 });
    expect(metric(dimension, 'automated_triggered_share').value).toBe(automated ? share : null);
    if (triggered > 0) expect(dimension.examples.find((example) => example.label === 'automation:triggered')!.ids[0]).toMatch(/^ix-\d+ \(after ix-\d+\)$/);
  });

  it('counts a trigger only on the same product, before the action and within the window', () => {
    const world = fixture();
    const hcp = world.hcp('hcp-1');
    world.ix(hcp, 52, 'email', 'clicked', { product: 'prod-p2' }); // another product
    world.ix(hcp, 50, 'field_visit', 'completed');
    world.ix(hcp, 38, 'webinar', 'attended', { actor: 'system:marketing-automation' }); // 8 days before: outside 7
    world.ix(hcp, 30, 'field_visit', 'completed');
    world.ix(hcp, 19, 'field_visit', 'completed');
    world.ix(hcp, 18, 'content_download', 'downloaded', { actor: 'system:website' }); // after the action
    world.ix(hcp, 10, 'website', 'requested', { actor: 'system:website' });
    world.ix(hcp, 9, 'phone', 'completed'); // triggered by the visit request
    world.ix(hcp, 8, 'medical_inquiry', 'replied', { actor: 'u-msl-ne', purpose: 'medical' }); // a reply, not an action
    const automation = world.dimension('automation');
    expect(metric(automation, 'triggered_share')).toMatchObject({ numerator: 1, denominator: 4 });
  });
});

describe('data: share of HCPs with a unified view across three or more channels', () => {
  function build(unified: number): MaturityFixture {
    const world = fixture();
    for (let h = 0; h < 10; h++) {
      const hcp = world.hcp(`hcp-d${h}`);
      world.ix(hcp, 10, 'field_visit', 'completed');
      world.ix(hcp, 20, 'email', 'sent', { actor: 'system:marketing-automation' });
      if (h < unified) world.ix(hcp, 30, 'website', 'opened', { actor: 'system:website' });
      else world.ix(hcp, 200, 'website', 'opened', { actor: 'system:website' }); // before the period: does not count
    }
    return world;
  }

  it.each([
    [1, 'fragmented'],
    [3, 'coordinated_multichannel'],
    [6, 'data_driven_orchestration'],
    [8, 'ai_driven'],
  ] as const)('%i of 10 HCPs on 3+ channels is %s', (unified, stage) => {
    const data = build(unified).dimension('data');
    expect(data.stage).toBe(stage);
    expect(metric(data, 'unified_view_share')).toMatchObject({ value: unified / 10, numerator: unified, denominator: 10 });
  });

  it('counts HCPs without any interaction in the denominator', () => {
    const world = build(8);
    world.hcp('hcp-silent-1');
    world.hcp('hcp-silent-2');
    expect(metric(world.dimension('data'), 'unified_view_share')).toMatchObject({ numerator: 8, denominator: 12 });
  });
});

describe('segmentation: segments set, and contact intensity that follows them', () => {
  it('is fragmented below half the HCPs segmented, coordinated above', () => {
    for (const [segmented, stage] of [
      [4, 'fragmented'],
      [6, 'coordinated_multichannel'],
    ] as const) {
      const world = fixture();
      for (let h = 0; h < 10; h++) {
        const hcp = world.hcp(`hcp-s${h}`, h < segmented ? { segment: 'A', tier: 1 } : { segment: null, tier: null });
        world.ix(hcp, 10, 'field_visit', 'completed');
      }
      const segmentation = world.dimension('segmentation');
      expect(segmentation.stage).toBe(stage);
      expect(metric(segmentation, 'segment_coverage').value).toBe(segmented / 10);
    }
  });

  it('is data-driven when segment A gets more contact than segment D, AI-driven when contacts also follow each HCP\'s engagement', () => {
    const world = fixture();
    for (let h = 0; h < 6; h++) {
      const a = world.hcp(`hcp-a${h}`, { segment: 'A', tier: 1 });
      const d = world.hcp(`hcp-d${h}`, { segment: 'D', tier: 4 });
      for (let k = 0; k < 4; k++) world.ix(a, 10 + k * 20, 'field_visit', 'completed');
      world.ix(d, 30, 'field_visit', 'completed');
    }
    const flat = world.dimension('segmentation');
    expect(flat.stage).toBe('data_driven_orchestration');
    expect(metric(flat, 'segment_intensity_ratio')).toMatchObject({ value: 4, numerator: 4, denominator: 1 });
    expect(metric(flat, 'within_segment_responsiveness').value).toBeNull(); // contacts do not vary within a segment
    expect(flat.next!.unmet.map((entry) => entry.metric)).toEqual(['within_segment_responsiveness']);

    // Now HCP h gets h more visits and has h website visits of their own, in both segments.
    for (let h = 0; h < 6; h++) {
      for (let k = 0; k < h; k++) {
        world.ix(`hcp-a${h}`, 5 + k * 20, 'field_visit', 'completed');
        world.ix(`hcp-d${h}`, 6 + k * 20, 'remote_detail', 'completed');
        world.ix(`hcp-a${h}`, 7 + k * 20, 'website', 'opened', { actor: 'system:website' });
        world.ix(`hcp-d${h}`, 8 + k * 20, 'website', 'opened', { actor: 'system:website' });
      }
    }
    const responsive = world.dimension('segmentation');
    expect(metric(responsive, 'within_segment_responsiveness').value).toBe(1);
    expect(metric(responsive, 'segment_intensity_ratio').value).toBe(Math.round((6.5 / 3.5) * 100) / 100);
    expect(responsive.stage).toBe('ai_driven');
  });

  it('cannot compare intensity with one segment only', () => {
    const world = fixture();
    for (let h = 0; h < 8; h++) world.ix(world.hcp(`hcp-b${h}`, { segment: 'B', tier: 2 }), 10, 'field_visit', 'completed');
    const segmentation = world.dimension('segmentation');
    expect(segmentation.stage).toBe('coordinated_multichannel');
    expect(metric(segmentation, 'segment_intensity_ratio').value).toBeNull();
  });

  it('computes Spearman with ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBe(0.9487); // ranks 1, 2.5, 2.5, 4 against 1, 3, 2, 4: 4.5 / √(4.5 × 5)
  });
});

describe('relevance: share of content sent that matched the HCP\'s recent interest (the NBA engine\'s)', () => {
  /** 5 HCPs engaged with p1 (dosing) before the period's sends; of 10 sends each, `matched` are p1 content on dosing. */
  function build(matched: number): MaturityFixture {
    const world = fixture();
    for (let h = 0; h < 5; h++) {
      const hcp = world.hcp(`hcp-r${h}`);
      for (const day of [172, 171, 170]) world.ix(hcp, day, 'website', 'opened', { actor: 'system:website', topic: 'dosing' });
      for (let k = 0; k < 10; k++) {
        const product = k < matched ? 'prod-p1' : 'prod-p2';
        world.ix(hcp, 150 - k * 10, 'email', 'sent', { actor: 'system:marketing-automation', product, topic: 'dosing', module: `cm-${product}-efficacy` });
      }
    }
    return world;
  }

  it.each([
    [2, 'fragmented'],
    [5, 'coordinated_multichannel'],
    [7, 'data_driven_orchestration'],
    [9, 'ai_driven'],
  ] as const)('%i of 10 sends on the interest is %s', (matched, stage) => {
    const relevance = build(matched).dimension('relevance');
    expect(relevance.stage).toBe(stage);
    expect(metric(relevance, 'interest_matched_share')).toMatchObject({ value: matched / 10, numerator: matched * 5, denominator: 50 });
  });

  it('needs the topic to match too where both are known, and leaves out sends to HCPs with no interest yet', () => {
    const world = fixture();
    const hcp = world.hcp('hcp-1');
    world.ix(hcp, 100, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy', topic: 'safety' }); // no interest yet
    world.ix(hcp, 90, 'webinar', 'attended', { actor: 'system:marketing-automation', topic: 'dosing' }); // intent: owed a follow-up on p1, dosing
    world.ix(hcp, 80, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy', topic: 'safety' }); // p1, other topic
    world.ix(hcp, 70, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy', topic: 'dosing' }); // p1, dosing
    world.ix(hcp, 60, 'email', 'sent', { actor: 'system:marketing-automation', module: null, topic: 'dosing' }); // no content: not counted
    world.ix(hcp, 50, 'medical_inquiry', 'replied', { actor: 'u-msl-ne', purpose: 'medical', module: 'cm-p1-medical' }); // medical reply: not counted
    const relevance = world.dimension('relevance');
    expect(metric(relevance, 'interest_matched_share')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(metric(relevance, 'interest_matched_share').detail).toMatch(/1 of 3 sends went to HCPs with no interest signal yet/);
  });

  it('is unknown when no content was sent to anyone with a known interest', () => {
    const world = fixture();
    world.ix(world.hcp('hcp-1'), 10, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy' });
    const relevance = world.dimension('relevance');
    expect(relevance.stage).toBe('unknown');
    expect(relevance.unknownReason).toMatch(/^Nothing to measure in the period/);
  });
});

describe('testing: no measure in the data', () => {
  it('is unknown with the reason, never guessed', () => {
    const world = fixture();
    const hcp = world.hcp('hcp-1');
    world.ix(hcp, 10, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy' });
    const testing = world.dimension('testing');
    expect(testing).toMatchObject({ stage: 'unknown', next: null, nextAction: null });
    expect(testing.unknownReason).toMatch(/^No measure in the data/);
    expect(metric(testing, 'tested_share')).toMatchObject({ value: null, numerator: null, denominator: null });
  });
});

describe('analysis: use of the decision log (recommendations and their feedback)', () => {
  function build(recommended: number, withFeedback: number): MaturityFixture {
    const world = fixture();
    for (let h = 0; h < 10; h++) {
      const hcp = world.hcp(`hcp-n${h}`);
      if (h < recommended) {
        const record = world.recommendation(hcp, 20);
        if (h < withFeedback) world.feedback(record, h % 2 === 0 ? 'accept' : 'dismiss');
      }
    }
    return world;
  }

  it.each([
    [0, 0, 'fragmented'],
    [1, 0, 'coordinated_multichannel'],
    [3, 1, 'data_driven_orchestration'],
    [7, 4, 'ai_driven'],
    [7, 2, 'data_driven_orchestration'],
    [7, 1, 'coordinated_multichannel'], // 1 of 7 with feedback is short of 20 %
  ] as const)('%i of 10 HCPs recommended, %i with feedback, is %s', (recommended, withFeedback, stage) => {
    const analysis = build(recommended, withFeedback).dimension('analysis');
    expect(analysis.stage).toBe(stage);
    expect(metric(analysis, 'recommendation_coverage')).toMatchObject({ numerator: recommended, denominator: 10 });
    expect(metric(analysis, 'feedback_rate')).toMatchObject({ numerator: withFeedback, denominator: recommended });
  });

  it('counts plan entries, and only decisions of the period about HCPs in scope', () => {
    const world = build(0, 0);
    world.hcp('hcp-west', { territory: 'T-W' });
    const plan = world.plan(['hcp-n0', 'hcp-n1', 'hcp-west'], 5);
    world.feedback(plan);
    world.recommendation('hcp-n2', 400); // before the period
    world.recommendation('hcp-west', 3); // another team's HCP
    const east = world.dimension('analysis', world.caller('u-mgr-east'));
    expect(metric(east, 'recommendation_coverage')).toMatchObject({ numerator: 2, denominator: 10 });
    expect(metric(east, 'feedback_rate')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(east.examples.find((example) => example.label === 'analysis:with_feedback')!.ids).toEqual([plan.id]);
  });
});

describe('teams: field, medical and digital handoffs', () => {
  /** 10 HCPs, each with a medical request 100 days ago and a field visit 60 days ago; the first ones answered / followed up. */
  function build(answered: number, visits: number, followed: number): MaturityFixture {
    const world = fixture();
    for (let h = 0; h < 10; h++) {
      const hcp = world.hcp(`hcp-t${h}`);
      world.ix(hcp, 100, 'medical_inquiry', 'requested', { actor: 'system:medical-information', purpose: 'medical' });
      if (h < answered) world.ix(hcp, 95, 'medical_inquiry', 'replied', { actor: 'u-msl-ne', purpose: 'medical' });
      if (h < visits) {
        world.ix(hcp, 60, 'field_visit', 'completed');
        if (h < followed) world.ix(hcp, 57, 'email', 'sent', { actor: 'u-rep-ne', module: 'cm-p1-efficacy' });
      }
    }
    return world;
  }

  it.each([
    [3, 0, 0, 'fragmented'],
    [6, 0, 0, 'coordinated_multichannel'],
    [8, 10, 4, 'data_driven_orchestration'],
    [10, 10, 7, 'ai_driven'],
    [10, 10, 2, 'coordinated_multichannel'],
  ] as const)('%i of 10 questions answered, %i visits with %i digital follow-ups, is %s', (answered, visits, followed, stage) => {
    const teams = build(answered, visits, followed).dimension('teams');
    expect(teams.stage).toBe(stage);
    expect(metric(teams, 'medical_handoff_share')).toMatchObject({ numerator: answered, denominator: 10 });
    expect(metric(teams, 'digital_follow_up_share')).toMatchObject({ numerator: followed, denominator: visits });
  });

  it('counts rep notes that route a question to medical, leaves out open windows, and answers too late', () => {
    const world = fixture();
    const hcp = world.hcp('hcp-1');
    const routed = world.note(hcp, 80, 'Question on BRANDP1 dosing around surgery. Needs an MSL follow-up.');
    const meeting = world.ix(hcp, 70, 'msl_meeting', 'completed', { actor: 'u-msl-ne', purpose: 'medical', product: null });
    world.note(hcp, 120, 'Routine visit, took the leave-behind.'); // no routing: not a question for medical
    world.ix(hcp, 150, 'call_center', 'requested', { actor: 'system:call-center', purpose: 'medical' });
    world.note(hcp, 150.5, 'Asked about hepatic impairment; promised an answer via medical information.'); // the same question as the request
    world.ix(hcp, 110, 'medical_inquiry', 'replied', { actor: 'u-msl-ne', purpose: 'medical' }); // 40 days later: too late
    world.ix(hcp, 3, 'medical_inquiry', 'requested', { actor: 'system:medical-information', purpose: 'medical' }); // window still open
    world.ix(hcp, 2, 'field_visit', 'completed'); // window still open
    const teams = world.dimension('teams');
    expect(metric(teams, 'medical_handoff_share')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(metric(teams, 'medical_handoff_share').detail).toMatch(/\(50\.0%; 1 medical-information request, 1 rep note routing a question to medical\) .* 1 more is still inside the window/);
    expect(teams.examples.find((example) => example.label === 'teams:medical_handled')!.ids).toEqual([`${routed} → ${meeting}`]);
    expect(metric(teams, 'digital_follow_up_share')).toMatchObject({ value: null, denominator: 0 });
  });
});

describe('the overall stage and the next step', () => {
  it('is the lower median of the known stages', () => {
    expect(overallStage([])).toBe('unknown');
    expect(overallStage(['unknown', 'unknown'])).toBe('unknown');
    expect(overallStage(['ai_driven'])).toBe('ai_driven');
    expect(overallStage(['fragmented', 'ai_driven'])).toBe('fragmented');
    expect(overallStage(['ai_driven', 'fragmented', 'coordinated_multichannel', 'unknown', 'data_driven_orchestration', 'ai_driven', 'coordinated_multichannel'])).toBe('coordinated_multichannel');
    expect(overallStage(['ai_driven', 'ai_driven', 'data_driven_orchestration', 'fragmented', 'data_driven_orchestration'])).toBe('data_driven_orchestration');
  });

  const thresholds = loadMaturityThresholds();
  const measure = (dimension: DimensionName, values: Partial<Record<MetricName, number | null>>): DimensionMeasure => ({
    dimension,
    measured: dimension !== 'testing',
    metrics: (Object.entries(values) as [MetricName, number | null][]).map(([name, value]) => ({ name, label: name.replace(/_/g, ' '), value, numerator: null, denominator: null, detail: `${name} is ${value}.` })),
    definition: '',
    queries: [],
    examples: [],
    caveat: null,
  });
  const assess = (measures: DimensionMeasure[]) => {
    const placements = new Map(measures.map((entry) => [entry.dimension, placeDimension(entry, thresholds)]));
    const overall = overallStage([...placements.values()].map((placement) => placement.stage));
    return { placements, overall, next: chooseNextStep(measures, placements, overall, thresholds) };
  };

  it('names the dimension furthest below the stage after the overall one, with an action sentence', () => {
    const result = assess([
      measure('automation', { triggered_share: 0.3, automated_triggered_share: 0.1 }), // data-driven
      measure('data', { unified_view_share: 0.9 }), // AI-driven
      measure('segmentation', { segment_coverage: 0.9, segment_intensity_ratio: 1.2, within_segment_responsiveness: 0.5 }), // coordinated (ratio short)
      measure('relevance', { interest_matched_share: 0.45 }), // coordinated
      measure('testing', { tested_share: null }), // unknown
      measure('analysis', { recommendation_coverage: 0.3, feedback_rate: 0.25 }), // data-driven
      measure('teams', { medical_handoff_share: 0.8, digital_follow_up_share: 0.1 }), // coordinated (digital far short)
    ]);
    expect(Object.fromEntries([...result.placements].map(([name, placement]) => [name, placement.stage]))).toEqual({
      automation: 'data_driven_orchestration',
      data: 'ai_driven',
      segmentation: 'coordinated_multichannel',
      relevance: 'coordinated_multichannel',
      testing: 'unknown',
      analysis: 'data_driven_orchestration',
      teams: 'coordinated_multichannel',
    });
    // Known: C, C, C, D, D, AI → lower median C; next stage data-driven.
    expect(result.overall).toBe('coordinated_multichannel');
    // Gaps to data-driven: segmentation (1.5 − 1.2)/1.5 = 0.2, relevance (0.6 − 0.45)/0.6 = 0.25, teams (0.3 − 0.1)/0.3 ≈ 0.667.
    expect(result.next).toMatchObject({ dimension: 'teams', from: 'coordinated_multichannel', to: 'data_driven_orchestration', metric: 'digital_follow_up_share', required: 0.3, value: 0.1, gap: 0.6667 });
    expect(result.next!.sentence).toBe(
      'Teams: After each field visit, follow up digitally on the same product (approved email or remote detail) within 14 days. Today: digital_follow_up_share is 0.1. ' +
        'Data-driven orchestration needs digital follow up share of at least 30%.',
    );
  });

  it('prefers the lower stage on a tie, and has no next step at the top or when nothing is known', () => {
    const tie = assess([
      measure('automation', { triggered_share: 0.05, automated_triggered_share: 0 }), // fragmented, gap to coordinated 0.5
      measure('relevance', { interest_matched_share: 0.2 }), // fragmented, gap 0.5
      measure('data', { unified_view_share: 0.9 }),
    ]);
    expect(tie.overall).toBe('fragmented');
    expect(tie.next).toMatchObject({ dimension: 'automation', gap: 0.5, to: 'coordinated_multichannel' });
    expect(tie.next!.sentence).toMatch(/^Automation: Make follow-up event-driven: .* within 7 days\. Today: triggered_share is 0\.05\. Coordinated multichannel needs/);

    const top = assess([measure('data', { unified_view_share: 0.9 }), measure('relevance', { interest_matched_share: 0.95 })]);
    expect(top.overall).toBe('ai_driven');
    expect(top.next).toBeNull();
    expect(assess([measure('testing', { tested_share: null })]).next).toBeNull();
  });

  it('reports both on a fixture store, with every dimension, the rule and the thresholds version', () => {
    const world = fixture();
    for (let h = 0; h < 10; h++) {
      const hcp = world.hcp(`hcp-o${h}`);
      world.ix(hcp, 100, 'website', 'opened', { actor: 'system:website' });
      world.ix(hcp, 90, 'field_visit', 'completed');
      world.ix(hcp, 80, 'email', 'sent', { actor: 'system:marketing-automation', module: 'cm-p1-efficacy' });
    }
    const assessment = world.assess();
    expect(assessment.dimensions.map((dimension) => dimension.dimension)).toEqual(['automation', 'data', 'segmentation', 'relevance', 'testing', 'analysis', 'teams']);
    expect(assessment.thresholds.version).toBe(loadMaturityThresholds().version);
    expect(assessment.period).toEqual({ since: daysAgo(180), until: FIXTURE_AS_OF, days: 180 });
    expect(assessment.queries.interactions).toMatch(/^SELECT [\s\S]*\bFROM interactions\b/);
    expect(assessment.overall.rule).toMatch(/lower median/);
    const stages = Object.fromEntries(assessment.dimensions.map((dimension) => [dimension.dimension, dimension.stage]));
    expect(stages).toMatchObject({ automation: 'fragmented', data: 'ai_driven', segmentation: 'coordinated_multichannel', relevance: 'ai_driven', testing: 'unknown', analysis: 'fragmented', teams: 'unknown' });
    // Known: F, F, C, AI, AI → lower median C.
    expect(assessment.overall).toMatchObject({ stage: 'coordinated_multichannel', basedOn: ['automation', 'data', 'segmentation', 'relevance', 'analysis'] });
    // To data-driven: automation (0.25 − 0)/0.25 = 1 and analysis 1 tie; automation is listed first.
    expect(assessment.nextStep).toMatchObject({ dimension: 'automation', to: 'data_driven_orchestration', gap: 1 });
    for (const dimension of assessment.dimensions) {
      if (dimension.stage !== 'unknown' && dimension.stage !== 'ai_driven') expect(dimension.nextAction).toMatch(new RegExp(`needs .* of at least`));
    }
  });
});

describe('access', () => {
  function build(): MaturityFixture {
    const world = fixture();
    for (let h = 0; h < 4; h++) world.ix(world.hcp(`hcp-east${h}`, { territory: 'T-NE' }), 10, 'field_visit', 'completed');
    for (let h = 0; h < 6; h++) world.ix(world.hcp(`hcp-west${h}`, { territory: 'T-W' }), 10, 'field_visit', 'completed');
    return world;
  }

  it("gives a manager their team's territories and an admin every HCP", () => {
    const world = build();
    const east = world.assess(world.caller('u-mgr-east'));
    expect(east.scope).toEqual({ territories: ['T-NE'], hcps: 4, leftOut: 0 });
    expect(metric(east.dimensions.find((dimension) => dimension.dimension === 'automation')!, 'triggered_share').denominator).toBe(4);
    expect(world.assess(world.caller('u-mgr-west')).scope).toEqual({ territories: ['T-W'], hcps: 6, leftOut: 0 });
    expect(world.assess(world.caller('u-admin')).scope).toEqual({ territories: 'all', hcps: 10, leftOut: 0 });
    expect(world.assess(LOCAL_OPERATOR).scope.hcps).toBe(10);
  });

  it('measures only the HCPs the organisation engages, and counts the unassigned, never-contacted ones it left out', () => {
    const world = build();
    // Real clinicians from an NPPES import: no territory, nobody has contacted them.
    for (let h = 0; h < 5; h++) world.hcp(`npi-${h}`, { territory: 'unassigned', segment: null, tier: null });
    // An unassigned HCP someone did contact (a year and a half ago) counts.
    world.ix(world.hcp('npi-contacted', { territory: 'unassigned' }), 540, 'email', 'sent');
    const all = world.assess(world.caller('u-admin'));
    expect(all.scope).toEqual({ territories: 'all', hcps: 11, leftOut: 5 });
    expect(metric(all.dimensions.find((dimension) => dimension.dimension === 'data')!, 'unified_view_share').denominator).toBe(11);
    // A manager's territories hold no unassigned HCPs.
    expect(world.assess(world.caller('u-mgr-east')).scope).toEqual({ territories: ['T-NE'], hcps: 4, leftOut: 0 });
  });

  it('refuses reps, MSLs and medical affairs', () => {
    const world = build();
    for (const user of ['u-rep-ne', 'u-msl-ne', 'u-medaffairs']) {
      expect(() => world.assess(world.caller(user))).toThrow(AppError);
      try {
        world.assess(world.caller(user));
      } catch (error) {
        expect((error as AppError).code).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses a bad period', () => {
    const world = build();
    expect(() => world.assess(LOCAL_OPERATOR, 3)).toThrow(/7 to 730 days/);
  });
});

describe('the thresholds file', () => {
  it('loads with a version and sha256, every dimension with three raised stages', () => {
    const thresholds = loadMaturityThresholds();
    expect(thresholds.version).toMatch(/^maturity-thresholds-/);
    expect(thresholds.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(thresholds.dimensions)).toEqual(['automation', 'data', 'segmentation', 'relevance', 'testing', 'analysis', 'teams']);
  });

  it('refuses a stage asking less than the one below, a measure of another dimension, and a requirement dropped higher up', () => {
    const base = structuredClone(loadMaturityThresholds()) as Record<string, unknown> & MaturityThresholds;
    delete (base as Partial<MaturityThresholds>).sha256;
    const variant = (change: (copy: MaturityThresholds) => void) => {
      const copy = structuredClone(base);
      change(copy);
      return MaturityThresholds.safeParse(copy);
    };
    expect(variant(() => undefined).success).toBe(true);
    expect(variant((copy) => (copy.dimensions.data.ai_driven.unified_view_share = 0.1)).success).toBe(false);
    expect(variant((copy) => (copy.dimensions.data.ai_driven = { triggered_share: 0.9, unified_view_share: 0.9 })).success).toBe(false);
    expect(variant((copy) => (copy.dimensions.teams.ai_driven = { medical_handoff_share: 0.95 })).success).toBe(false);
    expect(variant((copy) => ((copy.stages[0] as { id: StageId }).id = 'ai_driven')).success).toBe(false);
  });
});
