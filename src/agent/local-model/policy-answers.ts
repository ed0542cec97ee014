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
  /** Words that make a cue's match something else. */
  unless?: RegExp;
  answer: string;
}

const TOPICS: PolicyTopic[] = [
  {
    // "can medical affairs share adverse event data with the sales team": who sees safety data (before the adverse-event duty, whose words it shares).
    id: 'safety_data_sharing',
    cue: /\b(share|give|send|pass|forward|show|circulate)\w*\b.{0,40}\b(adverse[- ]event|safety|ae|pv|pharmacovigilance)\b.{0,30}\b(data|reports?|cases?|information|info|listings?)\b.{0,40}\b(sales|reps?|the field|commercial|marketing)\b/,
    answer:
      'Rule: case-level safety data (adverse-event reports and their details) stays with Drug Safety and Medical; it is not shared with sales or marketing, and never used in promotion. The field\'s part is to report what it hears within one business day.\n' +
      'What to do: give sales only what is already public and approved (the label\'s safety information, the ISI); questions about safety go to Medical Information or an MSL.',
  },
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
    // "a kol asked me to help write their grand rounds slides": writing for an HCP.
    id: 'ghostwriting',
    cue: /\b(help (write|draft|prepare|make|build)|write|draft|ghost ?write|edit)\b.{0,40}\b(their|his|her|a kol'?s|an hcp'?s|the doctor'?s) (own )?(slides?|deck|presentation|talk|grand rounds|paper|article|manuscript|abstract|poster)\b|\bghost ?writ\w*\b/,
    answer:
      'Rule: company staff do not write or edit an HCP\'s own presentation, slides or publication (ghostwriting); an HCP\'s talk is their own, and any company support is disclosed and goes through Medical.\n' +
      'What to do: offer approved, referenced scientific material through Medical Information or an MSL response to their request; the HCP builds their own slides.',
  },
  {
    // Checked before fees and meals: "can i pay for his uber to the speaker dinner" is about travel.
    id: 'travel',
    // "book me a flight to denver": the user's own trip is no policy question.
    unless: /\b(book|reserve|get|find) me\b|\bmy (own )?(flight|hotel|trip|travel)\b/,
    cue: /\b(pay|paid|paying|cover\w*|comp|reimburs\w*|book\w*|buy\w*|expense\w*)\b.{0,40}\b(uber|lyft|taxi|cab|rides?|mileage|parking|hotels?|lodging|flights?|airfare|train tickets?)\b|\b(uber|lyft|taxi|cab|rides?|hotels?|flights?|airfare)\b.{0,30}\b(on us|on the company|expensed?|paid for)\b/,
    answer:
      'Rule: no travel, lodging or transport (rides, taxis, parking, hotels, flights) for HCPs attending promotional events or meals; a contracted speaker\'s travel is covered only under the speaker contract, booked by the program team.\n' +
      'What to do: let attendees make their own way; for a contracted speaker, the speaker-program team handles travel under the contract.',
  },
  {
    // "can an msl present at the promotional dinner": the firewall between scientific exchange and promotion.
    id: 'msl_promotion',
    cue: /\bjoin (a |the )?reps? on (a |their |his |her )?(sales )?calls?\b|\bmsls?\b.{0,60}\b(promo\w*|speaker (program|dinner|event)|sales (meeting|call|dinner|event)|co-?present|ride[- ]along|with (the )?reps?)\b|\b(promo\w*|speaker (program|dinner)|sales)\b.{0,60}\bmsls?\b.{0,30}\b(present|speak|join|attend|come)\w*/,
    answer:
      'Rule: MSLs do not present at, co-present or take part in promotional programs or sales calls; scientific exchange stays separate from promotion, and an MSL meets an HCP only for a medical purpose.\n' +
      'What to do: the speaker program runs with a contracted speaker and approved slides; if an HCP raises a medical question there, route it to Medical Information or request a separate MSL meeting.',
  },
  {
    id: 'notes_firewall',
    cue: /\b(reps?|sales)\b.{0,30}\b(read|see|access|view|get)\b.{0,20}\bmsl\b.{0,10}\bnotes?\b|\bmsl notes?\b.{0,40}\b(reps?|sales)\b/,
    answer:
      'Rule: MSL and medical notes are medical records kept apart from sales: reps may not read them, and medical does not share them for promotional planning. Omni enforces this by role and purpose (a rep asking for field insights on medical notes is refused).\n' +
      'What to do: reps see their own notes and the HCP\'s promotional history; a medical question goes to Medical Information or an MSL request.',
  },
  {
    id: 'personal_channels',
    cue: /\bpersonal (phone|cell|mobile|e-?mail|gmail|device|account|whatsapp|number|laptop)s?\b|\b(gmail|hotmail|yahoo|icloud|outlook\.com)\b|\bmy own (phone|cell|e-?mail|whatsapp|number)\b|\b(text|texting|whatsapp|message|email)\w* (from|on|with) my (phone|cell|mobile)\b/,
    answer:
      'Rule: HCP communications go only through company-approved, recorded systems (the CRM\'s email and messaging tools), never personal phones, personal email or personal messaging accounts: they must be consented, retained, and reviewed for adverse events.\n' +
      'What to do: send approved content (the Prescribing Information included) through the CRM on a consented channel; ask me "can I email <HCP>?" and "draft …" to do it here.',
  },
  {
    id: 'pipeline',
    // "pipeline view: the team's top 10 hcps": the sales pipeline, no unapproved product.
    unless: /\bpipeline (view|report|review|dashboard)\b|\bsales pipeline\b|\b(my|our|the team'?s) pipeline\b/,
    cue: /\b(pipeline|investigational|unapproved (product|drug|compound|molecule)|pre-?launch|phase (1|2|3|i|ii|iii) (data|results|trial)|internal (slides?|deck|data|documents?|presentation))\b/,
    answer:
      'Rule: no promotion of unapproved products or uses, and internal slides or documents are not approved for external use. Information on investigational products is shared only by Medical, in response to an unsolicited request, through the medical-information process.\n' +
      'What to do: do not share the slides; if the HCP asked on their own, route the question to Medical Information or an MSL.',
  },
  {
    id: 'mlr_review',
    // The review process, not "an mlr approved piece on X" (a content search).
    cue: /\b(mlr|medical|legal|regulatory) (review|process|submission|committee|sign[- ]?off)\b|\breview\w* (a|the|our|my|this) (promo\w*|slides?|deck|material|email|piece)\b|\bbefore (mlr|it goes through|it'?s (mlr[- ])?approved|approval)\b|\b(skip|bypass|get around|around) (the )?mlr\b/,
    // "for the year-end medical review, top themes": a meeting the figures are for, not the approval process.
    unless: /\b(year[- ]end|quarterly|annual|monthly|regional) (medical )?review\b|\bthemes?\b|\bnotes\b/,
    answer:
      'Rule: promotional material is used only after MLR (medical, legal, regulatory) approval in the review system; no informal pre-review, and no use of a draft or an expired piece.\n' +
      'What to do: submit the piece through the MLR system; Omni searches and drafts only from approved, unexpired modules.',
  },
  {
    id: 'iis',
    cue: /\binvestigator[- ]initiated\b|\b(iis|iit|isr)\b|\b(research|study|grant) (request|proposal|funding|support)\b|\bfund\w* (a|an|her|his|their) (study|trial|research)\b/,
    answer:
      'Rule: investigator-initiated study and research-grant requests are reviewed and signed off only by Medical Affairs\' grants or IIS committee on scientific merit; sales has no role and may not promise or discuss funding.\n' +
      'What to do: have the investigator submit through the company\'s IIS or grants portal; an MSL can explain the process.',
  },
  {
    id: 'medical_education',
    cue: /\bcme\b|\bcontinuing (medical )?education\b|\baccredited (education|course)\b|\b(medical )?education(al)? grants?\b|\bsponsor\w* (a |an |the )?(course|cme|education\w*|symposium|conference)\b/,
    answer:
      'Rule: independent medical education (CME) is supported only through an education grant to an accredited provider, who controls the content, faculty and audience; reps may not offer, promise or arrange it.\n' +
      'What to do: refer the provider to the company\'s grants office; promotional education runs as a speaker program instead.',
  },
  {
    // "can i promise a doc formulary help in exchange for scripts": a quid pro quo.
    id: 'inducement',
    cue: /\b(in exchange for|in return for|quid pro quo|kick ?backs?)\b|\b(promise|offer|give)\w*\b.{0,60}\bfor (more |their |his |her )?(scripts|rx|prescriptions|prescribing|writing)\b/,
    answer:
      'Rule: nothing of value may be offered or promised to an HCP in exchange for prescribing, formulary support or referrals (anti-kickback rules), however small.\n' +
      'What to do: keep to approved product information; access or formulary help goes through the market-access team\'s approved programs, never as a trade for prescriptions.',
  },
  {
    // "may a kol keep the ipad we lent for the advisory board": company equipment is no gift.
    id: 'lent_equipment',
    cue: /\bkeep (the |an? |our |that |this )?(ipads?|tablets?|laptops?|devices?|equipment|screens?|headsets?|phones?|monitors?)\b|\b(lent|loaned|borrowed)\b.{0,30}\b(ipads?|tablets?|laptops?|devices?|equipment)\b/,
    answer:
      'Rule: equipment lent for an engagement (an advisory board\'s iPad or laptop) is company property and is returned when the engagement ends; letting an HCP keep it is a gift of value, which is not allowed (and would be a reportable transfer of value).\n' +
      'What to do: collect the device after the meeting, or have the advisory-board organiser arrange its return; the HCP is paid only what their contract sets, at fair-market value.',
  },
  {
    // "do msls need sign-off before presenting at a congress": presentations are reviewed first.
    id: 'presentation_review',
    cue: /\b(sign[- ]?off|approv\w*|review\w*|clear\w*|permission)\b.{0,40}\b(present\w*|talk|slides|posters?|abstracts?|speak\w*)\b.{0,40}\b(congress|conference|symposium|meeting|summit)\b|\b(present|speak)\w* at (a |the |an )?(congress|conference|symposium)\b.{0,40}\b(sign[- ]?off|approv\w*|review\w*|allowed|permission)\b/,
    answer:
      'Rule: an MSL\'s or employee\'s scientific presentation at a congress goes through medical (scientific and compliance) review before it is given; it stays balanced and non-promotional, and abstracts or posters on company data also need the publication committee\'s approval.\n' +
      'What to do: submit the slides through your medical review process well before the congress, with the abstract or invitation; present only what was approved.',
  },
  {
    // "can i share one rep's numbers with the rest of the team": individual results are personal data.
    id: 'rep_results_privacy',
    cue: /\b(share|show|present|put up|circulate|post|compare)\w*\b.{0,40}\b(one|a|an|individual|each|specific|single|my)? ?(rep|reps|person|individual|employee)'?s? (numbers|figures|results|metrics|stats|performance|scores|data|rankings?)\b.{0,50}\b(team|everyone|others|rest|group|meeting|peers|colleagues)\b/,
    answer:
      'Rule: one rep\'s individual results are personal performance data: discuss them with that rep, one to one, and share only team-level figures (or rankings your company has agreed to publish) with the rest of the team.\n' +
      'What to do: show the team\'s aggregate figures in the meeting ("follow-up rate by territory"), and take each rep\'s own figures into their 1:1.',
  },
  {
    // "how long do we keep call notes after a rep leaves": records are kept on the retention schedule.
    id: 'records_retention',
    cue: /\bhow long\b.{0,40}\b(keep|kept|retain\w*|stored?|hold|held|archiv\w*)\b.{0,40}\b(notes?|records?|data|crm|emails?|call logs?)\b|\b(delete|purge|wipe|erase|remove)\w*\b.{0,30}\b(call notes|field notes|crm (notes|records))\b.{0,40}\b(leave|leaves|left|quit|departure|gone)\b/,
    answer:
      'Rule: call and field notes are company records: they stay in the CRM when a rep leaves and are kept, then deleted, on your company\'s records-retention schedule (which legal holds can extend); nobody deletes them on leaving, and personal data in them follows privacy law.\n' +
      'What to do: hand the territory\'s HCPs and notes over in the CRM to the new or covering rep; for the retention period itself, ask Compliance or the records-management team.',
  },
  {
    // "are reps allowed to give medical textbooks to residents": educational items.
    id: 'educational_items',
    cue: /\b(text ?books?|anatomical models?|educational (items?|gifts?)|medical books?)\b/,
    answer:
      'Rule: an item mainly for the education of HCPs or patients (a medical textbook, an anatomical model) may be offered only occasionally, of modest value ($100 or less under the PhRMA Code), through the company\'s approved process; never for personal use and never tied to prescribing.\n' +
      'What to do: request it through your company\'s educational-items process and record it; check the limit for your region with Compliance.',
  },
  {
    // "can my team run a raffle for hcps at our booth": a prize is a gift.
    id: 'raffles',
    cue: /\b(raffles?|prize\w*|sweepstakes?|lotter(y|ies)|prize draws?|contests?|drawings?)\b/,
    answer:
      'Rule: no raffles, prize draws or contests for HCPs at booths or events: a prize is a gift, whatever its value.\n' +
      'What to do: offer approved educational material at the booth, and collect contact details only with consent.',
  },
  {
    // "can medical share unpublished data with a rep for a customer call": the medical-commercial firewall.
    id: 'medical_to_sales',
    cue: /\bunpublished\b|\b(hasn'?t|has not|haven'?t|have not|not yet|isn'?t|aren'?t|yet to be) (been |yet )?(published|peer[- ]reviewed|out in a journal)\b|\b(draft|pre-?publication|pre-?print) (manuscripts?|papers?|data|abstracts?|results)\b|\bbefore (it'?s|it is|they'?re|they are) published\b|\b(medical|msls?|med affairs)\b.{0,40}\b(share|give|send|pass|hand)\w*\b.{0,40}\b(reps?|sales|the field)\b/,
    answer:
      'Rule: Medical does not pass unpublished, off-label or scientific-exchange data to sales for use with customers; reps use only approved promotional material.\n' +
      'What to do: the rep uses approved content; if the HCP wants the data, the rep submits a medical-information request and an MSL or Medical Information answers the HCP directly.',
  },
  {
    // "can i point out a competitor's safety problems when i'm detailing": comparative claims.
    id: 'competitor_claims',
    cue: /\b(competitor'?s?|competition'?s?|rival'?s?)\b.{0,40}\b(safety|problems?|issues?|weakness\w*|side effects?|worse|flaws?)\b|\b(bash|badmouth|trash|knock|disparag)\w* (the )?(competit\w*|rivals?)\b/,
    answer:
      'Rule: no disparaging or unapproved comparative claims about a competitor\'s product; a comparison may be made only from approved, on-label, balanced material.\n' +
      'What to do: use approved comparative material if there is any; a question about another company\'s product goes to Medical Information.',
  },
  {
    // "can my reps leave branded pens and notepads": reminder items.
    id: 'reminder_items',
    cue: /\b(pens?|notepads?|note ?pads?|mugs?|swag|merch\w*|giveaways?|trinkets?|stress balls?|lanyards?|tote bags?|post-?its?|sticky notes|calendars?|branded (items?|stuff|gear|goodies|gifts?)|promo(tional)? (items?|gifts?|goodies)|reminder items?)\b/,
    answer:
      'Rule: no branded reminder items for HCPs or their staff (pens, notepads, mugs, other giveaways), whatever their value (PhRMA Code); items of small value are allowed only when they are educational and for patients\' benefit, and approved.\n' +
      'What to do: leave approved leave-behinds or patient-education material from the approved content library instead.',
  },
  {
    // "a rep tells me they sent an email without consent": an incident to report, not a rule to restate.
    id: 'consent_breach',
    cue: /\b(sent|emailed|texted|messaged|contacted|called|whatsapp\w*)\b.{0,50}\bwithout (their |the |her |his )?(consent|permission|opt[- ]?in)\b|\b(consent|opt[- ]?out) (was )?(ignored|breached|violated)\b/,
    answer:
      "Rule: a message sent on a channel without the HCP's consent (or after they opted out) is a privacy and compliance incident; it is not to be repeated or followed up on that channel.\n" +
      'What to do: stop further messages on that channel, tell Compliance (and your privacy office) promptly with what was sent, when and to whom, and record it as your company\'s incident process asks. Omni never drafts for a channel without consent; ask me "can I email <HCP>?" before writing.',
  },
  {
    id: 'recording',
    cue: /\brecord(ing|ed)? (a |the |my |our |this )?(call|conversation|meeting|visit|detail|discussion)s?\b|\b(tap(e|ed|ing)|film(ed|ing)?|video(ed|ing)|videotap\w*) (a |the )?(call|conversation|meeting|doctor|hcp)\b/,
    answer:
      "Rule: never record a conversation with an HCP without their explicit prior consent and your company's approval; a recording is personal data and may hold off-label or adverse-event content that must then be handled as such.\n" +
      'What to do: for training, use approved role-play with colleagues; if a recording of an HCP is truly needed, Compliance and Privacy approve the purpose, the consent wording and how it is stored.',
  },
  {
    id: 'social_events',
    cue: /\b(holiday|birthday|christmas|xmas|house|garden|cocktail|retirement|private|office|dinner|pool|summer) part(y|ies)\b|\bpart(y|ies)\b.{0,30}\b(invit\w*|host\w*)\b|\binvit\w*\b.{0,40}\bpart(y|ies)\b|\b(wedding|barbecue|bbq|housewarming|social (event|invitation|gathering))\b/,
    answer:
      "Rule: an HCP's private social event is not a business occasion: no company spending, no gifts on the company's behalf, and no promotion there; a personal friendship does not change the rules on meals, gifts or consent.\n" +
      'What to do: if you go, go as a private guest at your own cost and do not discuss products; if in doubt (for example a gift is expected), ask Compliance first.',
  },
  {
    id: 'registration_fees',
    cue: /\bregistration (fees?|costs?)\b|\b(conference|congress|course|cme) (fees?|registration|tuition)\b/,
    answer:
      "Rule: the company does not pay an individual HCP's conference or course registration, travel or lodging as a favour from the field; support for medical education goes only through independent education grants, decided by the grants committee.\n" +
      "What to do: decline politely and, if the HCP's institution seeks support for an educational program, point them to the company's grants process.",
  },
  {
    id: 'incentives',
    cue: /\b(bonus(es)?|incentive (comp\w*|plans?|pay)|commissions?|quotas?)\b.{0,50}\b(prescri\w*|rx|scripts?)\b|\b(prescri\w*|rx|scripts?)\b.{0,50}\b(bonus(es)?|incentive|commissions?)\b/,
    answer:
      'Rule: sales incentive plans are set by Sales Operations and reviewed by Compliance; any use of HCP-level prescribing data must follow the data licence and local law (some jurisdictions restrict it), and no rep may offer an HCP anything linked to prescribing.\n' +
      'What to do: ask Sales Operations or Compliance how your plan is measured; Omni does not use prescribing data in its recommendations.',
  },
  {
    // "a doc asked us to sponsor her kid's soccer team": a donation to an HCP's own cause.
    id: 'sponsorship',
    cue: /\b(sponsor\w*|donat\w*|charit\w*|fund ?rais\w*)\b/,
    answer:
      'Rule: no sponsorships or donations for an HCP\'s own causes (a family member\'s team, a club, a personal fundraiser); company grants and charitable contributions go only through the grants or contributions committee, are never requested or handed over by sales, and are never tied to prescribing.\n' +
      'What to do: decline politely; a legitimate charitable or educational request goes to the grants or contributions process, which decides independently.',
  },
  {
    // Checked before meals: "how much can we pay a KOL to speak at a dinner" is about the fee.
    id: 'speaker_fees',
    cue: /\b(honorari\w*|speaker fees?|speaking fees?|consult(ing|ancy)? fees?|advisory board|stipend|fair[- ]market)\b|\b(pay|paid|paying|compensat\w*|fees?|cap)\b.{0,40}\b(speak\w*|kols?|consult\w*|advis\w*)\b|\b(speak\w*|kols?|consult\w*)\b.{0,40}(\b(pay|paid|paying|fees?|cap|max(imum)?)\b|\$\s?\d)/,
    answer: SPEAKER_FEES,
  },
  {
    id: 'meals_gifts',
    cue: /\b(lunch|lunches|dinner|breakfast|meal|meals|coffee|food|snacks?|bagels?|donuts?|doughnuts?|pizza|cookies|treats?|gifts?|present|tickets?|gift cards?|amazon cards?|drinks?|wine|flowers|entertain\w*|games?|sports?|concerts?|golf\w*|spouses?|wife|husband|partner|part(y|ies)|birthday|weddings?)\b/,
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
    answer: 'Rule: samples go only to licensed prescribers who request them in writing, with a signed receipt, for their patients; each one is tracked, and samples are never for the prescriber\'s own or family use, nor a reward or inducement.\nWhat to do: use the sample request and signature process in your CRM.',
  },
];

const GENERAL =
  'Rule: promotional material and messages must come from approved, unexpired content, go only through channels the HCP has consented to, and stay within the label; medical questions go to Medical Information or an MSL.\n' +
  'What to do: for a specific case (meals, gifts, fees, off-label questions, side effects) ask me about it, or check with Compliance.';

/** A patient's event heard in the field ("a patient on GILENYA had a really slow heart rate"). */
const PATIENT = /\b(patients?|pts?|kid|child|son|daughter|mother|father|husband|wife|neighbou?rs?|friends?|relatives?|cousins?|aunt|uncle|mum|mom|dad|brother|sister|grand(ma|pa|mother|father)|\d{1,3}[- ]?(year|yr)s?[- ]?old( (man|woman|male|female|boy|girl|guy|lady))?|\d{1,3} ?(yo|y\/o)( (man|woman|male|female|boy|girl|guy|lady))?)\b/;
const EVENT = /\b(side[- ]?effects?|adverse|reaction|jaundice|rash|er|emergency|hospitali[sz]ed|admitted|died|death|passed away|pass(ed|es|ing)? out|black(ed)? out|palpitations?|seizures?|heart rate|bradycardia|liver|allergic|anaphyla\w*|infection|fainted|collapsed|bleed\w*|sick|pml|symptoms?|shingles|vomit\w*|threw up|throwing up|blurr\w* vision|chest pain|swelling|strokes?|heart attacks?|blood clots?|dvt|pulmonary embolism|pancreatitis|heart failure|kidney failure|liver failure|anaphylaxis|collapsed?|fell unconscious)\b/;

/** A patient and an event in one question: possibly an adverse event heard in the field. */
export function mentionsPatientEvent(text: string): boolean {
  return PATIENT.test(text) && EVENT.test(text);
}

function topicOf(text: string): PolicyTopic | undefined {
  if (mentionsPatientEvent(text)) return TOPICS.find((candidate) => candidate.id === 'adverse_event');
  return TOPICS.find((candidate) => candidate.cue.test(text) && !candidate.unless?.test(text));
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
export function policyAnswer(text: string, role = 'rep', threadTopic?: string): { topic: string; answer: string } {
  // A thread's topic answers a question that names none of its own ("how long do we have?" after an adverse event).
  const topic = topicOf(text) ?? TOPICS.find((candidate) => candidate.id === threadTopic);
  const medical = role === 'msl' || role === 'medical_affairs';
  const answer = topic?.id === 'off_label' && medical ? OFF_LABEL_MEDICAL : (topic?.answer ?? GENERAL);
  return { topic: topic?.id ?? 'general', answer: `${answer}\n(General guidance in this demo, not your company's SOP.)` };
}
