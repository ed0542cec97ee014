import type { SeededRandom } from '../core/seeded-random.ts';
import type { DemoProduct } from './catalog.ts';

/**
 * Templates for synthetic field notes. Each category is a pattern the product exists to catch:
 * access problems, competitor comparisons, dosing and safety questions, off-label asks and possible
 * adverse events. Several phrasings per category keep the text from being one fixed sentence.
 */
export const noteCategories = [
  'routine',
  'positive_feedback',
  'access_problem',
  'competitor_comparison',
  'dosing_question',
  'safety_question',
  'off_label_ask',
  'possible_adverse_event',
] as const;
export type NoteCategory = (typeof noteCategories)[number];

/** Adverse-event terms that appear in each product's real label. */
const adverseEventTerms: Record<string, string[]> = {
  'prod-keytruda': ['pneumonitis', 'colitis with bloody diarrhea', 'hypothyroidism', 'a severe rash'],
  'prod-imbruvica': ['a major bleed', 'atrial fibrillation', 'a serious infection', 'marked fatigue'],
  'prod-stelara': ['a serious infection', 'a skin infection that needed admission', 'an injection-site reaction'],
  'prod-xeljanz': ['herpes zoster', 'a deep vein thrombosis', 'a serious infection', 'elevated lipids'],
  'prod-gilenya': ['bradycardia after the first dose', 'macular edema', 'a herpes infection', 'elevated liver enzymes'],
  'prod-tecfidera': ['severe flushing', 'persistent lymphopenia', 'abdominal pain and vomiting'],
  'prod-kalydeco': ['elevated transaminases', 'a new cataract', 'a rash'],
  'prod-cerdelga': ['palpitations', 'QT prolongation on ECG', 'dyspepsia'],
};

const payers = ['a regional Blue plan', 'Medicare Part D', 'a large commercial PBM', 'the state Medicaid plan', 'a hospital formulary committee'];

const templates: Record<NoteCategory, string[]> = {
  routine: [
    'Discussed {topic} for {brand} ({generic}). {name} engaged for about ten minutes and took the leave-behind.',
    'Brief visit; office staff busy. Dropped approved {brand} ({generic}) materials on {topic}. Will try for a longer slot next month.',
    'Lunch-and-learn declined; had a short hallway conversation about {topic}. Prefers to get updates by {channel}.',
    '{name} reviewed the {brand} ({generic}) patient brochure and wants copies for the waiting room.',
    'Follow-up on last visit. {name} said the {event} recording was useful and asked to stay on the invite list.',
  ],
  positive_feedback: [
    '{name} reported good experience with {brand} ({generic}) in {focus} patients so far and is comfortable starting more.',
    'Positive feedback on the {brand} patient support program: prior auth turnaround improved for two patients.',
    '{name} now considers {brand} ({generic}) a first choice for appropriate {focus} patients.',
  ],
  access_problem: [
    'Access issue: {payer} is requiring step therapy before {brand}; {name} has two patients waiting. Shared the approved access resources.',
    '{name} frustrated that prior authorizations for {brand} ({generic}) keep getting denied by {payer}. Asked for the reimbursement hub number.',
    'Office manager says {payer} removed {brand} from preferred tier; {name} switching new patients unless this is resolved.',
    'Specialty pharmacy delays of 3 weeks for {brand} reported; patients dropping off before first fill.',
  ],
  competitor_comparison: [
    '{name} compared {brand} with {competitor} and said the competitor rep brought head-to-head data. Wants our view on the comparison.',
    'Most new {focus} patients are going on {competitor}; {name} cites convenience. Did not engage on comparative claims.',
    '{name} asked how {brand} ({generic}) differs from {competitor} on {topic}. Offered approved materials only.',
  ],
  dosing_question: [
    '{name} asked: what is the recommended dose adjustment for {brand} in patients with hepatic impairment? Promised an answer via medical information.',
    'Question on {brand} ({generic}) dosing: can doses be held around surgery, and for how long? Needs an MSL follow-up.',
    '{name} asked whether the {brand} dosing schedule can be extended for stable patients. Logged for medical.',
  ],
  safety_question: [
    '{name} asked about {topic}: how often should labs be monitored on {brand} ({generic})? Referred to MSL.',
    'Safety question: is {brand} safe to continue during an active infection? {name} wants the data, not the brochure.',
    '{name} asked what the label says about use of {brand} in pregnancy. Routed to medical information.',
  ],
  off_label_ask: [
    '{name} asked about {offLabel}. Told {pronoun} I cannot discuss off-label use and offered a medical information request.',
    'Off-label question: {name} wants data on {brand} ({generic}) for {offLabel}. Did not discuss; submitted an MIR.',
    'Asked whether anyone is using {brand} for {offLabel}. Redirected to approved indications only.',
  ],
  possible_adverse_event: [
    '{name} mentioned a patient on {brand} ({generic}) who developed {ae} about {weeks} weeks after starting. Patient was seen in the ED.',
    'Possible side effect: {name} said one of {pronounPossessive} patients had {ae} while on {brand}. Not sure it is related.',
    'During the visit {name} described {ae} in a patient taking {brand} ({generic}); therapy was paused.',
  ],
};

export interface NoteSlots {
  name: string;
  pronoun: 'her' | 'him' | 'them';
  product: DemoProduct;
  topic: string;
  focus: string;
  channel: string;
  event: string;
}

/**
 * What the generator planted in one note: its category, which of the category's templates, and (for
 * possible adverse events) the adverse-event phrase it wrote. Tests judge the insight engine against
 * this; it is never stored with the note, so the engine has to find themes from the text.
 */
export interface PlantedNote {
  category: NoteCategory;
  templateIndex: number;
  /** The adverse-event phrase in the text, for possible_adverse_event notes; null otherwise. */
  adverseEventPhrase: string | null;
}

/** Fills a random template of the category with the HCP's own context. */
export function writeNote(random: SeededRandom, category: NoteCategory, slots: NoteSlots): string {
  return composeNote(random, category, slots).text;
}

/** writeNote with what was planted: the same random draws in the same order, so the same text. */
export function composeNote(random: SeededRandom, category: NoteCategory, slots: NoteSlots): { text: string; planted: PlantedNote } {
  const template = random.pick(templates[category]);
  const pronounPossessive = slots.pronoun === 'her' ? 'her' : slots.pronoun === 'him' ? 'his' : 'their';
  const values: Record<string, string> = {
    name: slots.name,
    pronoun: slots.pronoun,
    pronounPossessive,
    brand: slots.product.brandName,
    generic: slots.product.genericName,
    competitor: slots.product.competitor,
    offLabel: slots.product.offLabelUse,
    topic: slots.topic,
    focus: slots.focus,
    channel: slots.channel.replace('_', ' '),
    event: slots.event,
    payer: random.pick(payers),
    ae: random.pick(adverseEventTerms[slots.product.id] ?? ['an unexpected reaction']),
    weeks: String(random.int(2, 10)),
  };
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return {
    text: text.charAt(0).toUpperCase() + text.slice(1),
    planted: {
      category,
      templateIndex: templates[category].indexOf(template),
      adverseEventPhrase: template.includes('{ae}') ? values.ae! : null,
    },
  };
}
