import { readFileSync, writeFileSync } from 'node:fs';
import { loadLabelSections } from '../content/fda-label-sections.ts';
import { GIVEN_NAMES_PATH, VOCABULARY_PATH } from './redaction.ts';

/**
 * Rebuilds the two word lists quote redaction reads (src/compliance/redaction.ts):
 * - data/redaction/given-names.txt: first names, from the "Provider First Name" column of NPPES
 *   sample files (US-government public data; only the names, no person's record) plus the common
 *   given names listed below (written here, several languages), one per line, capitalised;
 * - data/redaction/vocabulary.txt: words that are not taken for a name when they stand alone with a
 *   capital: data/nlu/common-words.txt plus every word of the 476 FDA label sections in
 *   data/fda-labels/ (drug, disease and clinical words), less the given names that are not common words.
 * Run: npx tsx src/compliance/build-name-lexicon.ts [nppes csv files...]
 */
const CURATED_GIVEN_NAMES = `
Aaliyah Abdul Abigail Ada Adaeze Adebayo Adele Adriana Agnes Ahmed Aiko Aisha Akira Alejandra Alejandro Alessandra Alessandro Alice Alicia
Aliyu Allison Alma Amaka Amara Amelia Amina Amir Amit Ana Anan Anders Andrea Andrei Angela Anika Anita Anjali Ann Anna Anne Annette Antonio
Anya Arjun Arturo Ashley Astrid Aurora Ava Ayesha Barbara Beatriz Ben Benjamin Bernard Beth Betty Bianca Bogdan Brenda Brian Bridget Bruno
Camila Carla Carlos Carmen Carol Caroline Catalina Catherine Cecilia Charles Charlotte Chen Chidi Chinedu Chloe Chris Christina Christine
Chukwuemeka Claire Clara Claudia Colin Connor Cristina Cynthia Daisy Dan Daniel Daniela Darius Darnell Dave Deborah Deepak Denise Dev
Diana Diego Dimitri Dmitri Dolores Donna Doris Dorothy Dylan Edith Eduardo Elena Eleanor Eli Elif Elijah Elizabeth Ella Ellen Emeka Emily
Emma Enrique Eric Erik Esther Ethan Eva Evelyn Fatima Felipe Fernanda Fernando Fiona Florence Francesca Francisco Freya Gabriel Gabriela
Ganesh Ganesha Gareth Gemma Georgia Gerald Gloria Grace Greta Guadalupe Gustavo Hana Hannah Harold Harper Harriet Hassan Heather Heidi
Helen Helena Hiroshi Hyun Ibrahim Ifeoma Ines Ingrid Irene Isaac Isabel Isabella Ivan Jacqueline Jamal Janet Janice Jasmine Javier Jayden
Jean Jennifer Jessica Jiahui Jin Joan Joanna Jorge Jose Josefina Joyce Juan Judith Julia Julian Juliana Julie Julio Kaito Kamala Karen Karim
Kateryna Kathleen Kavya Kayla Keisha Kenji Kevin Khadija Kimberly Kiran Kofi Krishna Kwame Lakshmi Latoya Laura Lauren Layla Leila Lena
Leon Leticia Liam Lila Lillian Lily Linda Lisa Lucas Lucia Luis Luisa Lukas Lupe Madison Magdalena Malik Manuel Margaret Margarita Maria
Mariam Marisol Marta Martha Mateo Matteo Maya Mehmet Mei Mercedes Mia Michelle Miguel Mila Mildred Min Ming Mohammed Monica Mustafa Nadia
Naomi Natalia Natasha Nia Nicole Nikhil Nina Noah Nora Nour Ngozi Obinna Olga Olivia Omar Oscar Pablo Pamela Paola Patricia Pedro Pietro
Pilar Priya Rafael Rahul Rajesh Ramona Raquel Rebecca Renata Rhonda Ricardo Rita Roberto Rocio Rohan Rosa Rosalind Ruth Sabine Sakura Salma
Samira Sandra Santiago Sara Sarah Sebastian Sergei Shanice Sharon Shirley Siddharth Simone Sinead Siobhan Sofia Sophia Soren Srinivas Stella
Sunita Susan Svetlana Takeshi Tamara Tanisha Tatiana Teresa Thabo Theresa Tiago Tomas Valentina Valeria Vanessa Veronica Victoria Vikram
Vivian Wei Wendy Ximena Xin Yasmin Yolanda Yuki Yusuf Zainab Zara Zeynep Zoe Will Hope Joy Faith May June April Grace Mark Rose Bill
`;

const paths = process.argv.slice(2);
const nppesFiles = paths.length > 0 ? paths : ['/work/shared/data/nppes/nppes_sample_5000_clean.csv', '/work/shared/data/nppes/nppes_sample_1000_raw_v2format.csv'];
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** The first-name column of an NPPES CSV (quoted fields never hold commas in these columns). */
function firstNames(path: string): string[] {
  const [header, ...rows] = readFileSync(path, 'utf8').split(/\r?\n/);
  const column = header!.split(',').indexOf('Provider First Name');
  if (column < 0) throw new Error(`${path}: no "Provider First Name" column`);
  return rows.map((row) => row.split(',')[column] ?? '').filter((name) => /^[A-Za-z][A-Za-z'-]+$/.test(name)).map(capitalise);
}

const common = readFileSync('data/nlu/common-words.txt', 'utf8').split('\n').filter((line) => line && !line.startsWith('#')).map((word) => word.trim().toLowerCase());
const commonSet = new Set(common);
const given = new Set([...nppesFiles.flatMap(firstNames), ...CURATED_GIVEN_NAMES.split(/\s+/).filter(Boolean)]);
const givenLower = new Set([...given].map((name) => name.toLowerCase()));
const labelWords = new Set<string>();
for (const section of loadLabelSections()) {
  for (const word of section.text.toLowerCase().match(/[a-zà-ÿ][a-zà-ÿ'-]*[a-zà-ÿ]/g) ?? []) for (const part of [word, ...word.replace(/'s$/, '').split('-')]) if (part.length >= 2) labelWords.add(part);
}
const vocabulary = new Set([...common, ...[...labelWords].filter((word) => !givenLower.has(word) || commonSet.has(word))]);

const header = (text: string) => `# ${text}\n`;
writeFileSync(GIVEN_NAMES_PATH, header('Given names for quote redaction (src/compliance/build-name-lexicon.ts writes this file): NPPES first names plus a curated list.') + [...given].sort().join('\n') + '\n');
writeFileSync(VOCABULARY_PATH, header('Words not taken for a name on their own (src/compliance/build-name-lexicon.ts): common English words plus the FDA label sections\' words.') + [...vocabulary].sort().join('\n') + '\n');
console.log(`${given.size} given names, ${vocabulary.size} vocabulary words`);
