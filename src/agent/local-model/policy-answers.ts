/**
 * Short answers to policy questions (meals, gifts, speaker fees, samples, off-label asks, a side
 * effect heard in the field): the rule, then the compliant route. They are general guidance written
 * for the demo, not a company's SOP, and say so; no tool is called, since no HCP data answers them.
 */

const SPEAKER_FEES =
  'Rule: HCPs may be paid only under a written contract for a legitimate need, at fair-market value, through the speaker bureau or consulting process, never by a rep and never linked to prescribing. Every payment is reported (Open Payments in the US).\n' +
  'What to do: refer the HCP to the speaker-bureau or consulting nomination process; sales does not decide who is engaged or what they are paid.';

interface PolicyTopic {
  id: string;
  cue: RegExp;
  answer: string;
}

const TOPICS: PolicyTopic[] = [
  {
    id: 'adverse_event',
    cue: /\b(side[- ]?effects?|adverse|reactions?|jaundice|rash|hospitali[sz]ed|died|death|pregnan\w*|overdose|got sick|(patient|pt) (had|got|developed|experienced)|report(ing)? (a|an|the)? ?(case|event|ae)|pharmacovigilance|\bae\b|\baes\b)/,
    answer:
      'Rule: any employee who hears of a possible adverse event (a patient, a suspect product and an event, from an identifiable reporter) must report it to Drug Safety within one business day, even if the HCP thinks it is unrelated or already reported.\n' +
      'What to do: note what you heard (reporter, patient without name: initials, age or sex, the product, the event and when), and send it to Drug Safety through your company\'s safety intake (form, inbox or line). Do not give the HCP medical advice; offer a Medical Information follow-up if they have questions.\n' +
      'Omni can file it for you: say "report an adverse event" with what you heard, and it asks for anything missing and gives the due time.',
  },
  {
    id: 'off_label',
    cue: /\b(off[- ]?label|unsolicited|unapproved (use|indication)|not (approved|indicated) for|outside (the )?label|in (kids|children|toddlers|pediatric\w*|pregnan\w*)|other (uses?|indications?)|works? (for|in)|use (it|\w+) for|used for|help with)\b/,
    answer:
      'Rule: reps may not discuss or send information on uses outside the approved label, and may not prompt such a question.\n' +
      'What to do: if the HCP asked on their own, route the question to Medical Information (a medical-information request); an MSL or Medical Information answers it in writing. Ask me "draft a medical-information route for <HCP>" or look up the medical-information route template in approved content.',
  },
  {
    id: 'market_research',
    cue: /\b(surveys?|market research|questionnaires?)\b/,
    answer:
      'Rule: HCPs may be paid for market research only through an approved market-research vendor, at fair-market value, blinded, and never by a rep; no gift cards or payments from the field.\n' +
      'What to do: pass the request to your market-research or insights team; the field does not recruit or pay survey respondents.',
  },
  {
    // Checked before meals: "how much can we pay a KOL to speak at a dinner" is about the fee.
    id: 'speaker_fees',
    cue: /\b(honorari\w*|speaker fees?|speaking fees?|consult(ing|ancy)? fees?|advisory board|stipend|fair[- ]market)\b|\b(pay|paid|paying|compensat\w*|fees?|cap)\b.{0,40}\b(speak\w*|kols?|consult\w*|advis\w*)\b|\b(speak\w*|kols?|consult\w*)\b.{0,40}(\b(pay|paid|paying|fees?|cap|max(imum)?)\b|\$\s?\d)/,
    answer: SPEAKER_FEES,
  },
  {
    id: 'meals_gifts',
    cue: /\b(lunch|lunches|dinner|breakfast|meal|meals|coffee|food|snacks?|bagels?|donuts?|doughnuts?|pizza|cookies|treats?|gifts?|present|tickets?|gift cards?|amazon cards?|drinks?|wine|flowers|entertain\w*|games?|sports?|concerts?|golf|spouses?|wife|husband|partner)\b/,
    answer:
      'Rule: no gifts, gift cards or entertainment (sports, concerts, golf) for HCPs. Modest meals are allowed only with an educational presentation, in a setting suited to it, for the HCPs attending only (no spouses or guests), and every meal is reported for transparency (Open Payments in the US); local limits and state laws apply.\n' +
      'What to do: plan the meal through your company\'s approved process (in-office education or a speaker program) and record the attendees; check the limit for your region with Compliance.',
  },
  {
    id: 'speaker_programs',
    cue: /\b(speaker|speaking|consult\w*)\b/,
    answer: SPEAKER_FEES,
  },
  {
    id: 'payments',
    cue: /\b(paid|pay|payments?|sponsor\w*|travel|grants?)\b/,
    answer: SPEAKER_FEES,
  },
  {
    id: 'samples',
    cue: /\bsamples?\b/,
    answer: 'Rule: samples go only to licensed prescribers who request them in writing, with a signed receipt, and each one is tracked; never as a reward or inducement.\nWhat to do: use the sample request and signature process in your CRM.',
  },
];

const GENERAL =
  'Rule: promotional material and messages must come from approved, unexpired content, go only through channels the HCP has consented to, and stay within the label; medical questions go to Medical Information or an MSL.\n' +
  'What to do: for a specific case (meals, gifts, fees, off-label questions, side effects) ask me about it, or check with Compliance.';

/** A patient's event heard in the field ("a patient on GILENYA had a really slow heart rate"). */
const PATIENT = /\b(patients?|pts?|kid|child|son|daughter|mother|father|husband|wife)\b/;
const EVENT = /\b(side[- ]?effects?|adverse|reaction|jaundice|rash|er|emergency|hospitali[sz]ed|admitted|died|death|passed away|seizures?|heart rate|bradycardia|liver|allergic|anaphyla\w*|infection|fainted|collapsed|bleed\w*|sick)\b/;

/** A patient and an event in one question: possibly an adverse event heard in the field. */
export function mentionsPatientEvent(text: string): boolean {
  return PATIENT.test(text) && EVENT.test(text);
}

function topicOf(text: string): PolicyTopic | undefined {
  if (mentionsPatientEvent(text)) return TOPICS[0];
  return TOPICS.find((candidate) => candidate.cue.test(text));
}

/** The policy topic a question is about ("meals_gifts", "off_label"…), or null. */
export function policyTopic(text: string): string | null {
  return topicOf(text)?.id ?? null;
}

/** MSLs and medical affairs: the scientific-exchange rule, not the rep's. */
const OFF_LABEL_MEDICAL =
  'Rule: MSLs and medical affairs may answer an unsolicited request about an unapproved use with balanced, accurate, non-promotional scientific information, tailored to the question and documented; they may not proactively present or promote off-label data, and sales is never involved.\n' +
  'What to do: record the unsolicited request (who asked, what, when), answer it in writing from the approved medical-information response or the published evidence through the medical-information process, and keep it separate from any promotional activity.';

/** The policy answer for a question, for the asker's role: the topic it is about, or the general rules. */
export function policyAnswer(text: string, role = 'rep'): { topic: string; answer: string } {
  const topic = topicOf(text);
  const medical = role === 'msl' || role === 'medical_affairs';
  const answer = topic?.id === 'off_label' && medical ? OFF_LABEL_MEDICAL : (topic?.answer ?? GENERAL);
  return { topic: topic?.id ?? 'general', answer: `${answer}\n(General guidance in this demo, not your company's SOP.)` };
}
