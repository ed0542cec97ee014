/**
 * Requests no assistant should help with (weapons, poisons, malware, fraud, harassment, violence,
 * self-harm) and jailbreak framing, recognised by their kind, not by known prompts. The local model answers them with a
 * refusal before reading intent: otherwise a word like "materials" or "write" would send them to a
 * content search or a draft. A configured language model refuses them by its own training and the
 * persona prompts; the tools hold the compliance rules either way.
 */
const UNSAFE: RegExp[] = [
  // Weapons and mass harm.
  /\b(bombs?|explosives?|detonat\w*|ied|pipe bomb|car bomb|nerve agents?|chemical weapons?|bio(logical)? ?weapons?|weapons? of mass|dirty bomb|sarin|vx gas|ricin|anthrax)\b/,
  /\b(untraceable|ghost) (gun|firearm)s?\b|\b(3d[- ]print(ed)?|build|make) (a )?(gun|firearm|silencer|suppressor)\b/,
  // Sabotaging medical devices (a device's label safety section is another matter: no tampering verb).
  /\b(tamper(ing)?( with)?|sabotag\w*|hack\w*|disabl\w*|interfer\w* with|mess(ing)? with|shut(ting)? (off|down))\b.{0,50}\b(pacemakers?|insulin pumps?|infusion pumps?|defibrillators?|icds?|ventilators?|(life[- ]saving|life[- ]support|implanted|medical) (devices?|equipment))\b/,
  // Making poisons or drugs of abuse.
  /\b(synthesi[sz]e|make|making|manufactur\w*|produce|cook|extract)\b.{0,60}\b(meth(amphetamine)?|fentanyl|heroin|cocaine|lsd|mdma|dimethylmercury|poisons?|toxins?|nerve agents?)\b/,
  /\b(poison|drug) (someone|somebody|a person|my|her|his|their)\b/,
  // Malware, intrusion and fraud.
  /\b(keyloggers?|ransomware|malware|spyware|botnets?|ddos|rootkits?|trojans?|exploit code|sql injection attack)\b/,
  /\bhack(ing)? (in)?to\b|\bbreak into (an? |the |someone'?s )?(account|email|system|network)\b|\bsteal\w* (someone'?s |their |a )?(passwords?|credentials|identity|banking|credit card|data)\b/,
  /\bphishing\b|\bsocial security numbers?\b.{0,40}\b(share|give|send|steal|obtain)\b|\b(share|give|send|steal|obtain)\b.{0,40}\bsocial security numbers?\b/,
  /\b(counterfeit|launder(ing)?|money laundering|scam (someone|people|elderly))\b/,
  // Illegal markets: stolen cars and goods, black-market weapons, drugs or organs.
  /\bchop shops?\b|\bblack[- ]market\b.{0,30}\b(guns?|weapons?|firearms?|organs?|kidneys?|drugs?|pills?)\b|\b(buy|sell|fence|find|locat\w*)\b.{0,30}\b(stolen (cars?|goods|credit cards?|phones?)|illegal (guns?|weapons?|firearms?))\b/,
  // Harassment, hate, threats and violence.
  /\b(racial slurs?|slurs|hate speech|sexist|racist|homophobic|antisemitic)\b/,
  // Asked to do it, not told about it ("a doctor is threatening to complain" is a field question).
  // "a doc who's threatening to switch" describes someone else: the verb right after who/is/are is not the ask.
  /\b(write|draft|send|compose|create|make|help me|how (do|can|could|would) i|ways to|plan to)\b.{0,60}(?<!\b(?:who|who's|whos|who is|is|are|was|were|been|keeps|kept) )\b(harass\w*|bully\w*|intimidat\w*|threat\w*|blackmail\w*|extort\w*|dox(x)?ing|stalk\w*)\b|\b(harass|bully|intimidate|threaten|blackmail|extort|dox|stalk) (someone|somebody|people|him|her|them|a |an |my |the )/,
  // Within one clause: "kill the rumours: what are people saying" names nobody to harm; "are docs saying keytruda is
  // killing patients?" describes a claim (the verb after is/are is not the ask).
  /(?<!\b(?:is|are|was|were|been|it'?s) )\b(kill(s|ing)?|murder(s|ing)?|assassinat\w*|kidnap\w*|tortur(e|ing))\b[^:;.?!]{0,30}\b(someone|somebody|people|persons?|him|her|them|patients?|child(ren)?|wom[ae]n|m[ae]n|classmates?|colleagues?|officials?|neighbou?rs?|wife|husband|boss|partner|family|kids?|baby|babies)\b|\bransom note\b/,
  /\b(hitman|hit man|contract kill(ing|er)|hire (someone|somebody) to (kill|hurt|beat))\b/,
  // Self-harm and dangerous acts.
  /\b(commit suicide|kill myself|end my life|(ways|how) to (self[- ]harm|hurt myself)|huff(ing)? (paint|glue|gas|solvents?)|overdose on purpose)\b/,
  // Sexual content about consent or minors.
  /\bconsent is (completely )?unnecessary\b|\b(sexual|explicit)\b.{0,40}\b(minors?|child|children|underage)\b/,
];

/**
 * Jailbreak framing: a request to drop the rules, take on an unrestricted persona or ignore the
 * instructions. Omni has no use for role-play over its rules, so the framing alone is refused,
 * whatever it wraps.
 */
const JAILBREAK: RegExp[] = [
  /\b(ignore|disregard|forget) (all |any |your |the )?(previous|prior|above|earlier|system) (instructions|prompts?|rules|guidelines|directions)\b/,
  /\b(do anything now|jailbr(e|o)ak(en)?|developer mode|dan mode|god mode)\b|\bdan\b.{0,40}\b(mode|prompt|jailbreak|anything)\b/,
  /\b(amoral|unfiltered|uncensored|unrestricted|no (ethical|moral) (guidelines|restrictions|boundaries|obligations?))\b.{0,80}\b(ai|model|chatbot|assistant|character|persona|language model)\b/,
  /\b(ai|model|chatbot|assistant|character|persona|language model)\b.{0,80}\b(amoral|unfiltered|uncensored|unrestricted|without (any )?(ethical|moral) (guidelines|restrictions))\b/,
  /\b(never refuses?|always answers?|stay in character|free (of|from) all (restrictions|rules|filters))\b/,
  /\b(forget|ignore|disregard) (everything|all) (from )?(before|above|previous(ly)?|you('ve| have) been told)\b|\byou (now )?go by the name\b|\bfrom now on,? you (are|will be|will act)\b/,
  /\b(role[- ]?play|pretend (to be|you are)|act as)\b.{0,80}\b(hackers?|criminals?|black ?hat|unrestricted|no rules|without rules|any question|anything)\b/,
];

/** True when a question asks for something unsafe, or wraps a request in jailbreak framing (checked lower-cased). */
export function isUnsafeRequest(question: string): boolean {
  const text = question.toLowerCase();
  return UNSAFE.some((pattern) => pattern.test(text)) || JAILBREAK.some((pattern) => pattern.test(text));
}

export const UNSAFE_ANSWER =
  "I can't help with that. I am Omni, an assistant for pharma field, medical and marketing teams: I answer about your HCPs, approved content, consent, next best actions, field insights and team performance.";
