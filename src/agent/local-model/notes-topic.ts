/**
 * The thing a field-notes question asks about when it is none of the known concerns ("are docs angry
 * about keytruda pricing", "liver failure chatter on xeljanz", "boxed warning concerns from the field"):
 * the words left once the asking words, periods, products, places, people and specialties are gone.
 * The summary is then filtered to notes holding those words, and says so when none does.
 */
import { competitorNamedIn } from '../../insights/lexicons.ts';
import { STOP_WORDS } from '../../insights/text.ts';
import type { Lexicon } from './question-parser.ts';

/** Words of asking about field notes, periods, people and scope: never the topic. */
const ASKING_WORDS = new Set(
  (
    // Words around "showing up in my notes", "cropping up", "surfacing".
    'year-end yearend review reviews recurring whose whom answered havent planning plan plans prep prepping preparing prepare ahead advisory board ad qbr agenda taking take took over handover handing covering cover previous predecessor colleague departing leaving showing show shows showed shown cropping surfacing popping bring brought bringing raised raising ' +
    // Being away: "what did i miss while i was away", "back after two weeks off".
    'away back miss missed while gone leave holiday vacation ' +
    // Holidays a period is dated from ("since labor day").
    'labor labour memorial thanksgiving independence halloween ' +
    // Closing out what is open ("requests i still need to close out").
    'close closed closing ' +
    // Asking and summarising.
    'whats what\'s anything anyone something everything thing things stuff pls please plz thanks thx hey hi hello could would kindly quick quickly ' +
    'give show tell pull list summarize summarise summary summaries rundown roundup recap overview digest snapshot breakdown update readout read look check scan flag flagged flags ' +
    'hearing heard hear saying said say says talking talk talks chatter buzz mention mentions mentioned mentioning mentioned raised raise raising bringing brought bring coming come came ' +
    'asking asked asks ask questions question qs q open unanswered answered pending outstanding themes theme topics topic trends trend trending emerging new biggest big main top key common ' +
    'notes note field fields reps rep msls msl team teams docs doc doctors doctor hcps hcp physicians physician prescribers clinicians accounts folks people customers kols kol ' +
    'insights insight feedback concerns concern complaints complaint issues issue comments comment reports report reported reporting observations signals signal ' +
    'going happening out there around across from within inside about regarding re related relating lately recently recent latest currently ' +
    // Periods.
    'last past previous prior trailing rolling this since ytd qtd mtd year years yr month months week weeks wks wk day days quarter quarters qtr today yesterday ' +
    'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december h1 h2 q1 q2 q3 q4 start beginning end ' +
    'full entire whole every each all total overall oldest newest first vs versus compared compare against before after ' +
    // Scope words.
    'territory territories region regions regional regionally area areas nationally national east west north south northeast midwest central northwest southeast southwest ' +
    'specialty specialties product products brand brands portfolio medical clinical scientific field-based according ' +
    // Words of sorting, narrowing, urgency and tone seen around field-notes questions.
    'abt among anywhere back between broken bypass default centers center coast country nationwide national date dates don\'t doesn\'t wasn\'t haven\'t isn\'t leave skip skipped left miss missed nothing none drill drugs drug dump either esp etc far filter forward get gets got hit half handover including instead know label labels logged log logs many med meds info older nobody yet still sitting sit might month-ish morning mostly narrow widen zoom switch run put next ones one specifically need needs needed send pass owe waiting wait longest ' +
    'effect really actually intel kill sheet rumours rumors debunk dominating conversations conversation lot lots often angry furious upset unhappy mad annoyed worried worry complaining complain griping gripes gripe badmouthing bashing attacking trashing trash-talking slamming knocking ' +
    'potential possibly possible-ae reportable pv-reportable pv-relevant ae-ish safety-related reads smells looks like seems sweep review reconciliation raw quotes quote ids id per period shift shifted shifting view picking popping turn turning telling tell sentiment worst best worst-case horror stories story scary news good ' +
    'stood stand stands standing happened happen happening changed change changes different notable noteworthy interesting important highlights highlight '+
    'couple few several older longer than more less sitting weeks '+
    'specialists specialist one two three four five six seven eight nine ten eleven twelve twenty thirty sixty ninety hundred worth pattern patterns company-wide companywide governance board exec execs executive presentation remarks made '+
    'livid irate fuming pissed keeps gone wrong going bad '+
    'requests request confusion confused data closed gotten hows sure particular killer killing congress conference '+
    'tied linked associated connected related seen spotted answer answers response responses problem problems patient patients pts else keep see noted thank thanks pharmacovigilance unresolved pushing right now '+
    'use used using patch book panel omni together short long summary deck leadership slide slides yes ' +
    // Generic concern words the concern filter already reads.
    'safety dosing dose doses access competitor competitors competition off-label offlabel positive negative good bad side effects adverse events event aes ae pv possible'
  ).split(' '),
);

/**
 * The asked-about words of a field-notes question: one phrase, or each of "abuse or overdose", "depression
 * / suicide" (up to three); empty when it asks nothing more specific than the filters.
 */
export function notesTopics(question: string, lexicon: Lexicon): string[] {
  // A competitor named is a topic of its own (competitor mentions), read elsewhere.
  if (competitorNamedIn(question)) return [];
  let text = ` ${question.toLowerCase().replace(/[’]/g, "'").replace(/[^a-z0-9'\-/ ]+/g, ' ')} `;
  // Products, places and people as the lexicon spells them, longest first.
  const names = [...lexicon.products.keys(), ...lexicon.territoryNames.keys(), ...(lexicon.cities ?? []), ...lexicon.repNames.keys()].filter((name) => name.trim().length > 0).sort((a, b) => b.length - a.length);
  for (const name of names) text = text.split(` ${name} `).join('  ').split(` ${name}'s `).join('  ');
  const topicWords = (part: string) =>
    part
      .split(/\s+/)
      .map((word) => word.replace(/^['-]+|['-]+$/g, '').replace(/'s$/, ''))
      .filter((word) => word.length >= 3 && !/\d/.test(word) && !STOP_WORDS.has(word) && !ASKING_WORDS.has(word) && !SPECIALTY_WORD.test(word) && !lexicon.firstNames.has(word) && !lexicon.lastNames.has(word));
  // "abuse or overdose": either word, each looked up on its own (a filter holds every word it is given).
  const parts = text.split(/\bor\b|\//).map(topicWords).filter((words) => words.length > 0);
  // One to three words each: a longer remainder is a sentence, not a topic.
  if (parts.length === 0 || parts.length > 3 || parts.some((words) => words.length > 3)) return [];
  return parts.map((words) => words.join(' '));
}

/** Specialists and specialties in the forms people write them ("oncologists", "rheumys", "derms", "neuro"). */
const SPECIALTY_WORD = /^(\w+ologists?|\w+ology|\w+ologic(al)?|rheum\w*|onc\w*|neuro\w*|derms?|gi|gastros?|pulm\w*|heme?|peds|pediatric\w*|paediatric\w*|cardios?|endos?|nephro|uro|psych\w*|internists?|allergists?|hem-onc|hemonc)$/;
