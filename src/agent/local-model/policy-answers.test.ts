import { describe, expect, it } from 'vitest';
import { policyAnswer, policyTopic } from './policy-answers.ts';

describe('policy answers', () => {
  it('finds the topic a policy question is about', () => {
    expect(policyTopic('can i take her to lunch after the talk?')).toBe('meals_gifts');
    expect(policyTopic('a kol wants $5k for a speaker program dinner, ok?')).toBe('speaker_fees');
    expect(policyTopic('a patient on gilenya had a really slow heart rate after the first dose, what do i do')).toBe('adverse_event');
    expect(policyTopic('she asked if xeljanz works for alopecia')).toBe('off_label');
    expect(policyTopic('can i leave samples at the front desk')).toBe('samples');
    expect(policyTopic('what are the rules here')).toBeNull();
    // The most specific topic, not the first word that fits: a meal with a spouse, a fee at a dinner, a survey payment.
    expect(policyTopic('a doc wants me to cover dinner for him and his wife after the speaker program, allowed?')).toBe('meals_gifts');
    expect(policyTopic('how much can we pay a kol to speak at a regional dinner, is there a cap')).toBe('speaker_fees');
    expect(policyTopic('can a rep give $25 amazon cards to docs who fill out a survey')).toBe('market_research');
    expect(policyTopic('one of my reps wants to take a top prescriber to a ball game. ok?')).toBe('meals_gifts');
  });

  it('has rules for a consent breach, recording a call, an HCP\'s private party, a registration fee and prescribing-linked bonuses; "the nazi party" is none of them', () => {
    expect(policyTopic('what should i do if a rep tells me they sent an email without consent')).toBe('consent_breach');
    expect(policyTopic('am i allowed to record a call with a doctor for training purposes')).toBe('recording');
    expect(policyTopic('can a rep attend a doctor’s private holiday party if invited')).toBe('social_events');
    expect(policyTopic('a doctor asked us to cover his registration fee for a conference. is that ok')).toBe('registration_fees');
    expect(policyTopic('are we allowed to use hcp prescribing data to set rep bonuses')).toBe('incentives');
    expect(policyTopic('generate text that praises the nazi party')).not.toBe('social_events');
  });

  it('has rules for safety data and sales, lent equipment, congress presentations, one rep\'s results and keeping call notes; a study not yet published is the medical-to-sales rule', () => {
    expect(policyTopic('can medical affairs share adverse event data with the sales team')).toBe('safety_data_sharing');
    expect(policyTopic('may a kol keep the ipad we lent for the advisory board')).toBe('lent_equipment');
    expect(policyTopic('do msls need sign-off before presenting at a congress')).toBe('presentation_review');
    expect(policyTopic("can i share one rep's numbers with the rest of the team in a meeting")).toBe('rep_results_privacy');
    expect(policyTopic('how long do we keep call notes after a rep leaves the company')).toBe('records_retention');
    expect(policyTopic("am i allowed to tell a doctor about a study that hasn't been published yet")).toBe('medical_to_sales');
    // A patient's event is still the adverse-event duty, however the question is worded.
    expect(policyTopic('a patient had a rash, do i share that with sales?')).toBe('adverse_event');
  });

  it('tells the specific rules apart: travel, MSLs at promotion, the notes firewall, personal channels, pipeline, MLR review, IIS, CME', () => {
    expect(policyTopic('can i pay for dr kims uber to the speaker dinner')).toBe('travel');
    expect(policyTopic('can an msl present at our promotional dinner')).toBe('msl_promotion');
    expect(policyTopic('may reps read the msl notes')).toBe('notes_firewall');
    expect(policyTopic('can i send the PI to her personal gmail')).toBe('personal_channels');
    expect(policyTopic('can i share the internal pipeline slides with a kol')).toBe('pipeline');
    expect(policyTopic('can medical review my promo slide before mlr')).toBe('mlr_review');
    expect(policyTopic('who signs off on an investigator-initiated study request')).toBe('iis');
    expect(policyTopic('can we sponsor a cme course for the clinic')).toBe('medical_education');
    // Reminder items, a sponsorship of an HCP's own cause, unpublished data passed from medical to sales.
    expect(policyTopic('can my reps leave branded pens and notepads at offices')).toBe('reminder_items');
    expect(policyTopic("a doc asked us to sponsor her kid's soccer team, thoughts")).toBe('sponsorship');
    expect(policyTopic('can medical share unpublished data with a rep for a customer call')).toBe('medical_to_sales');
    expect(policyAnswer('a doc wants a case of samples for his own family, is that ok').answer).toMatch(/never for the prescriber's own or family use/);
    expect(policyTopic('am i allowed to promise a doc formulary help in exchange for scripts')).toBe('inducement');
    expect(policyTopic('are reps allowed to give medical textbooks to residents')).toBe('educational_items');
    expect(policyTopic('can my team run a raffle for hcps at our booth')).toBe('raffles');
    expect(policyTopic('can we share a draft manuscript with the sales team before it is published')).toBe('medical_to_sales');
    expect(policyTopic('book me a flight to denver next thursday')).toBeNull();
    expect(policyTopic("pipeline view: the team's top 10 hcps right now")).toBeNull();
    expect(policyTopic("can i point out a competitor's safety problems when i'm detailing")).toBe('competitor_claims');
    expect(policyTopic('can i take a doc golfing if we talk shop on the course')).toBe('meals_gifts');
    expect(policyTopic("may reps go to a doctor's private birthday party as guests")).toBe('social_events');
    expect(policyTopic('is it ok for me to join a rep on a sales call')).toBe('msl_promotion');
    // An approved piece is content, not the review process.
    expect(policyTopic('any mlr approved leave behind on pd-l1 testing')).toBeNull();
  });

  it('names the rule and the compliant route, and says it is general guidance', () => {
    const { topic, answer } = policyAnswer('a doctor told me her patient got jaundice on xeljanz, what should i do?');
    expect(topic).toBe('adverse_event');
    expect(answer).toMatch(/^Rule: /);
    expect(answer).toMatch(/within one business day/);
    expect(answer).toMatch(/What to do: /);
    expect(answer).toMatch(/Omni can file it for you: say "report an adverse event"/);
    expect(policyAnswer('what are the rules').answer).toMatch(/not your company's SOP/);
    // A thread's topic answers a question that names none ("how long do we have to report these" after an adverse event).
    expect(policyAnswer('how long do we have to report these', 'rep', 'adverse_event').topic).toBe('adverse_event');
    expect(policyAnswer('how long do we have to report these', 'rep').topic).toBe('general');
  });

  it('gives MSLs and medical affairs the scientific-exchange rule on unapproved uses, and reps the routing rule', () => {
    const question = 'unsolicited question about xeljanz in alopecia, can i respond?';
    expect(policyAnswer(question, 'msl').answer).toMatch(/unsolicited request .* non-promotional scientific information/);
    expect(policyAnswer(question, 'rep').answer).toMatch(/route the question to Medical Information/);
  });
});
