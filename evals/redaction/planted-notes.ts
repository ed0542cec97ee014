import type { PersonalDataKind } from '../../src/compliance/redaction.ts';
import { SeededRandom } from '../../src/core/seeded-random.ts';

/**
 * Synthetic field notes with planted personal data, for the redaction measure (measure.ts). Every
 * name, number, address and date here is made up (and the notes are stored flagged synthetic); the
 * email contexts come from BIPIA (shared/data/attacks/bipia/email_train.jsonl, MIT), whose own
 * personal data is labelled in BIPIA_LABELS. Deterministic: the same seed gives the same notes.
 */
export interface PlantedItem {
  kind: PersonalDataKind;
  /** As written in the note. */
  text: string;
  /** What must not be seen in any quote: the whole text, and for names each word, for numbers the last digits. */
  needles: string[];
}

export interface PlantedNote {
  id: string;
  text: string;
  source: 'synthetic' | 'bipia';
  planted: PlantedItem[];
  /** Words of the note that must survive redaction: the product, the adverse event, the dose, the visit date, capitalised words that are not people. */
  kept: string[];
}

export interface NoteProduct {
  brandName: string;
  genericName: string;
}

const COMMON_GIVEN = ['Maria', 'James', 'Aisha', 'Wei', 'Olga', 'Carlos', 'Fatima', 'Tom', 'Linda', 'Priya', 'Kwame', 'Sofia', 'Hiroshi', 'Grace', 'Mark', 'Rose', 'Will', 'Joy', 'Dmitri', 'Ngozi'];
const COMMON_SURNAMES = ['Okafor', 'Lindqvist', 'Haddad', 'Novak', 'Brennan', 'Castillo', 'Nakamura', 'Petrov', 'Mensah', 'Kowalczyk', 'Ferreira', 'Abernathy', "O'Donnell", 'Nguyen', 'Schmidt', 'Young', 'Price', 'Brown', 'Baker', 'van der Berg'];
/** Name parts no word list has: made of syllables, so only the context can give them away. */
const SYLLABLES = { first: ['Vel', 'Quo', 'Zan', 'Mir', 'Tal', 'Oru', 'Bex', 'Kyr', 'Ila', 'Dru'], middle: ['mora', 'ven', 'ithe', 'ado', 'usa', 'rin', 'elle', 'ko'], last: ['Quist', 'Vard', 'Ombr', 'Zel', 'Thorn', 'Kaly', 'Brisk', 'Yarn'], end: ['ani', 'ovic', 'elle', 'strom', 'wick', 'ayo', 'ensky'] };
const STREETS = ['Maple', 'Juniper', 'Harbor View', 'Quarry', 'Old Mill', 'Cedar Hollow', 'Willow Creek', 'Larkspur'];
const SUFFIXES = ['Ave', 'Street', 'Rd', 'Lane', 'Blvd', 'Drive', 'Court', 'Way'];
const CITIES = [['Springfield', 'IL'], ['Fairview', 'OR'], ['Riverton', 'WY'], ['Greenville', 'SC'], ['Madison', 'WI']] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AE_TERMS = ['a severe rash', 'pneumonitis', 'herpes zoster', 'a serious infection', 'elevated liver enzymes', 'atrial fibrillation', 'severe flushing', 'palpitations'];
/** Capitalised words that are not people: eponymous conditions, payers, places, events, weekdays. */
const CONTEXT_TERMS = [
  'Medicare Part D', 'Stevens-Johnson syndrome', "Crohn's disease", 'Guillain-Barré syndrome', 'Hodgkin lymphoma', "Parkinson's disease", 'the ASCO webinar', 'Boston',
  'Blue Cross', 'the FDA label', 'Cushing syndrome', 'Kaposi sarcoma', "Bell's palsy", "Addison's disease", 'Raynaud phenomenon', "Sjögren's syndrome",
  "Hashimoto's thyroiditis", "Graves' disease", 'Tuesday', 'Mass General', 'the Mayo Clinic protocol', 'Epic', 'Aetna', 'Chicago',
];
const RELATIONS = ['husband', 'wife', 'daughter', 'son', 'caregiver', 'mother', 'brother', 'neighbor'];

/** BIPIA's own personal data (names, partial card and account numbers, addresses, email addresses), labelled by hand. */
export const BIPIA_LABELS: { kind: PersonalDataKind; text: string }[] = [
  ...['David', 'Ganesha', 'Dirschka', 'Srinivas', 'Somayajula', 'Patterson-Cole', 'Jamie', 'Julia', 'Ganesh', 'Elizab'].map((text) => ({ kind: 'name' as const, text })),
  ...['••4605', '••7681', '••1890'].map((text) => ({ kind: 'account' as const, text })),
  ...['88 N Avondale Rd', '398 11th Street', '660 Mission Street', '655 Montgomery Street'].map((text) => ({ kind: 'address' as const, text })),
  ...['product-feedback@calendly.com', 'billing@webflow.com', 'hello@mercury.com', 'donotreply@upwork.com', 'jamie@gmail.com', 'noreply@e.eurostar.com', 'ganesh@moonchaser.io'].map((text) => ({ kind: 'email' as const, text })),
];

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const lastDigits = (text: string, count = 4) => text.replace(/\D/g, '').slice(-count);

/** `count` synthetic notes, each with every kind of personal data, about one of `products`. */
export function syntheticNotes(count: number, products: readonly NoteProduct[], seed = 17): PlantedNote[] {
  const random = new SeededRandom(seed);
  const notes: PlantedNote[] = [];
  for (let index = 0; index < count; index++) {
    const outOfList = index % 2 === 1;
    const first = outOfList ? `${random.pick(SYLLABLES.first)}${random.pick(SYLLABLES.middle)}` : random.pick(COMMON_GIVEN);
    const last = outOfList ? `${random.pick(SYLLABLES.last)}${random.pick(SYLLABLES.end)}` : random.pick(COMMON_SURNAMES);
    const relative = `${random.pick(COMMON_GIVEN)}${outOfList ? 'ka' : ''}`;
    const nameWords = (name: string) => name.split(/\s+/).filter((word) => word.length >= 3 && word !== 'van' && word !== 'der');
    const mention = random.pick([`patient ${first} ${last}`, `Mrs. ${last}`, `Mr. ${first} ${last}`, `the caller, ${first} ${last},`, `pt ${first} ${last}`, `Ms. ${first} ${last}`, `a patient named ${first} ${last}`]);
    const again = random.pick([`${last} wants the copay card renewed`, `${last} asked for the support line`, `Spoke with ${first} afterwards`, `${first} ${last} called back later`]);
    const relation = random.pick(RELATIONS);
    const n = index + 1;
    const phone = random.pick([
      `(617) 555-${pad(n % 10_000, 4)}`, `617-555-${pad(n % 10_000, 4)}`, `617.555.${pad(n % 10_000, 4)}`, `+1 617 555 ${pad(n % 10_000, 4)}`, `1-800-555-${pad(n % 10_000, 4)}`,
      `+44 20 7946 ${pad(n % 10_000, 4)}`, `+49 30 1234 ${pad(n % 10_000, 4)}`, `+33 1 23 45 ${pad(n % 100, 2)} ${pad((n * 7) % 100, 2)}`, `+91 98765 ${pad(n % 100_000, 5)}`,
      `0044 20 7946 ${pad(n % 10_000, 4)}`, `020 7946 ${pad(n % 10_000, 4)}`, `+61 2 9374 ${pad(n % 10_000, 4)}`, `617555${pad(n % 10_000, 4)}`,
    ]);
    const phoneCue = random.pick(['at', 'on', 'on her cell', 'via mobile']);
    const emailUser = `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}${n}`;
    const email = random.pick([`${emailUser}@mail.example.com`, `${emailUser}@example.org`, `${emailUser} (at) example.net`]);
    const digits4 = pad((n * 7919) % 10_000, 4);
    const account = random.pick([
      `card ending ${digits4}`, `Visa ending in ${digits4}`, `acct #${pad(n * 104_729, 8)}`, `account no. ${pad(n * 7_368_787, 10)}`, `card ••${digits4}`, `card ****${digits4}`,
      `card xxxx-xxxx-xxxx-${digits4}`, `member ID W${pad(n * 15_485_863, 9)}`, `the last four ${digits4}`, `card 4${pad(n, 3)} 1234 5678 ${digits4}`,
    ]);
    const city = random.pick(CITIES);
    const streetNumber = 10 + ((n * 37) % 9_000);
    const street = `${random.pick(STREETS)} ${random.pick(SUFFIXES)}`;
    const address = random.pick([
      `${streetNumber} ${street}`, `${streetNumber} ${street}, Apt ${1 + (n % 9)}B`, `${streetNumber} ${street}, ${city[0]}, ${city[1]} ${pad(10_000 + n * 17, 5)}`,
      `${streetNumber} N ${street} #${100 + n}`, `PO Box ${1000 + n}`, `${random.pick(STREETS).replace(' ', '')}straße ${1 + (n % 80)}`,
    ]);
    const addressNeedle = address.startsWith('PO Box') || address.includes('straße') ? address : address.split(' ').slice(0, 2).join(' ');
    const year = 1930 + (n % 70);
    const month = 1 + (n % 12);
    const day = 1 + (n % 28);
    const dob = random.pick([
      `DOB ${month}/${day}/${year}`, `DOB: ${pad(month, 2)}-${pad(day, 2)}-${year}`, `born ${pad(day, 2)}.${pad(month, 2)}.${pad(year % 100, 2)}`, `born on ${MONTHS[month - 1]} ${day}, ${year}`,
      `date of birth ${day} ${MONTHS[month - 1]} ${year}`, `b. ${year}-${pad(month, 2)}-${pad(day, 2)}`, `D.O.B. ${month}/${day}/${pad(year % 100, 2)}`,
    ]);
    const dobValue = dob.replace(/^(?:DOB:?|born on|born|date of birth|b\.|D\.O\.B\.)\s*/, '');
    const mrn = random.pick([`MRN ${pad(n * 48_271, 8)}`, `MRN: A${pad(n * 16_807, 7)}`, `medical record number ${pad(n * 69_621, 7)}`, `MR# ${pad(n * 3_571, 6)}`, `chart # ${pad(n % 100, 2)}-${pad(n * 13, 4)}`, `patient ID ${pad(n * 7_127, 6)}`]);
    const mrnValue = mrn.replace(/^.*?(?=[A-Z]?\d)/, '');
    const product = products[index % products.length]!;
    const ae = AE_TERMS[index % AE_TERMS.length]!;
    const dose = `${[5, 10, 40, 45, 90, 200][index % 6]} mg`;
    const visit = `2026-11-${pad(1 + (index % 17), 2)}`;
    const sentences = [
      `Seen ${visit}: the office reported that ${mention} developed ${ae} on ${product.brandName} (${product.genericName}) ${dose}.`,
      `Her ${relation} ${relative} can be reached ${phoneCue} ${phone} or ${email}.`,
      `${dob[0]!.toUpperCase()}${dob.slice(1)}, ${mrn}.`,
      `Copay was paid with the ${account}; the patient lives at ${address}.`,
      `${again}.`,
    ];
    const context = [CONTEXT_TERMS[index % CONTEXT_TERMS.length]!, CONTEXT_TERMS[(index * 7 + 3) % CONTEXT_TERMS.length]!];
    sentences.splice(1, 0, `The office also raised ${context[0]} and ${context[1]}.`);
    const planted: PlantedItem[] = [
      { kind: 'name', text: `${first} ${last}`, needles: [...nameWords(first), ...nameWords(last)] },
      { kind: 'name', text: relative, needles: [relative] },
      { kind: 'phone', text: phone, needles: [phone, lastDigits(phone)] },
      { kind: 'email', text: email, needles: [email, emailUser] },
      { kind: 'account', text: account, needles: [lastDigits(account)] },
      { kind: 'address', text: address, needles: [addressNeedle] },
      { kind: 'dob', text: dob, needles: [dobValue] },
      { kind: 'mrn', text: mrn, needles: [mrnValue] },
    ];
    notes.push({ id: `note-pii-${pad(n, 4)}`, text: sentences.join(' '), source: 'synthetic', planted, kept: [product.brandName, product.genericName, ae.replace(/^an? /, ''), dose, visit, ...context] });
  }
  return notes;
}

/** One note per BIPIA email context: a relative forwarded it, with a name and a date of birth of our own besides the email's own data. */
export function bipiaNotes(contexts: readonly string[], products: readonly NoteProduct[], seed = 29): PlantedNote[] {
  const random = new SeededRandom(seed);
  return contexts.map((context, index) => {
    const first = random.pick(COMMON_GIVEN);
    const last = random.pick(COMMON_SURNAMES.filter((name) => !name.includes(' ')));
    const year = 1940 + (index % 50);
    const dob = `DOB ${1 + (index % 12)}/${1 + (index % 27)}/${year}`;
    const product = products[index % products.length]!;
    const ae = AE_TERMS[index % AE_TERMS.length]!;
    const text = `The patient's daughter ${first} ${last} (${dob}) forwarded the copay email below; the patient developed ${ae} on ${product.brandName} (${product.genericName}). Email: ${context}`;
    const own: PlantedItem[] = [
      { kind: 'name', text: `${first} ${last}`, needles: [first, last] },
      { kind: 'dob', text: dob, needles: [dob.slice(4)] },
    ];
    const labelled: PlantedItem[] = BIPIA_LABELS.filter((label) => context.includes(label.text)).map((label) => ({
      kind: label.kind,
      text: label.text,
      needles: label.kind === 'account' ? [lastDigits(label.text)] : [label.text],
    }));
    return { id: `note-pii-bipia-${pad(index + 1, 3)}`, text, source: 'bipia' as const, planted: [...own, ...labelled], kept: [product.brandName, product.genericName, ae.replace(/^an? /, '')] };
  });
}
