import type { Channel } from '../domain/vocabulary.ts';
import type { TherapeuticArea } from '../domain/product.ts';
import { salesRegions, type SalesRegion } from '../domain/regions.ts';
import type { LabelProduct } from '../content/label-modules.ts';

/**
 * Fixed vocabularies for the synthetic demo world. Products and their label text are real (FDA
 * labels); people, institutions, behaviour and notes are generated and flagged synthetic.
 */

export interface DemoProduct {
  id: string;
  brandName: string;
  genericName: string;
  therapeuticArea: TherapeuticArea;
  labelId: string;
  topics: string[];
  competitor: string;
  /** An indication-adjacent use that is NOT on label, for off-label ask notes. */
  offLabelUse: string;
}

export const demoProducts: DemoProduct[] = [
  {
    id: 'prod-keytruda',
    brandName: 'KEYTRUDA',
    genericName: 'pembrolizumab',
    therapeuticArea: 'oncology',
    labelId: 'KEYTRUDA',
    topics: ['efficacy in NSCLC', 'biomarker testing (PD-L1)', 'immune-mediated adverse reactions', 'dosing schedule', 'access and reimbursement'],
    competitor: 'Tecentriq (atezolizumab)',
    offLabelUse: 'use in a tumour type outside the approved indications',
  },
  {
    id: 'prod-imbruvica',
    brandName: 'IMBRUVICA',
    genericName: 'ibrutinib',
    therapeuticArea: 'oncology',
    labelId: 'IMBRUVICA',
    topics: ['efficacy in CLL', 'bleeding risk management', 'atrial fibrillation monitoring', 'dose modifications', 'patient support program'],
    competitor: 'Calquence (acalabrutinib)',
    offLabelUse: 'combining it with an unapproved anticoagulant regimen',
  },
  {
    id: 'prod-stelara',
    brandName: 'STELARA',
    genericName: 'ustekinumab',
    therapeuticArea: 'immunology',
    labelId: 'STELARA',
    topics: ['efficacy in plaque psoriasis', "Crohn's disease induction", 'infection risk', 'dosing interval', 'access and reimbursement'],
    competitor: 'Skyrizi (risankizumab)',
    offLabelUse: 'use in a paediatric population outside the label',
  },
  {
    id: 'prod-xeljanz',
    brandName: 'XELJANZ',
    genericName: 'tofacitinib',
    therapeuticArea: 'immunology',
    labelId: 'XELJANZ',
    topics: ['efficacy in rheumatoid arthritis', 'boxed warning: serious infections and malignancy', 'laboratory monitoring', 'dosing', 'patient support program'],
    competitor: 'Rinvoq (upadacitinib)',
    offLabelUse: 'use for alopecia areata',
  },
  {
    id: 'prod-gilenya',
    brandName: 'GILENYA',
    genericName: 'fingolimod',
    therapeuticArea: 'neurology',
    labelId: 'Gilenya',
    topics: ['efficacy in relapsing MS', 'first-dose monitoring', 'macular edema', 'switching therapies', 'access and reimbursement'],
    competitor: 'Ocrevus (ocrelizumab)',
    offLabelUse: 'use in primary progressive MS',
  },
  {
    id: 'prod-tecfidera',
    brandName: 'TECFIDERA',
    genericName: 'dimethyl fumarate',
    therapeuticArea: 'neurology',
    labelId: 'Tecfidera',
    topics: ['efficacy in relapsing MS', 'flushing and GI tolerability', 'lymphocyte monitoring', 'PML risk', 'patient support program'],
    competitor: 'Kesimpta (ofatumumab)',
    offLabelUse: 'use for psoriasis',
  },
  {
    id: 'prod-kalydeco',
    brandName: 'KALYDECO',
    genericName: 'ivacaftor',
    therapeuticArea: 'rare_disease',
    labelId: 'Kalydeco',
    topics: ['CFTR mutation testing', 'efficacy in gating mutations', 'transaminase monitoring', 'paediatric dosing', 'access and reimbursement'],
    competitor: 'Trikafta (elexacaftor/tezacaftor/ivacaftor)',
    offLabelUse: 'use in patients without a responsive CFTR mutation',
  },
  {
    id: 'prod-cerdelga',
    brandName: 'CERDELGA',
    genericName: 'eliglustat',
    therapeuticArea: 'rare_disease',
    labelId: 'Cerdelga',
    topics: ['CYP2D6 genotyping', 'efficacy in Gaucher disease type 1', 'drug interactions', 'ECG changes', 'patient support program'],
    competitor: 'Cerezyme (imiglucerase)',
    offLabelUse: 'use in Gaucher disease type 3',
  },
];

export interface DemoSpecialty {
  specialty: string;
  taxonomyCode: string;
  area: TherapeuticArea;
  focuses: string[];
}

/** Real NUCC taxonomy codes (see data/reference/cms_medicare_provider_taxonomy_crosswalk.csv). */
export const demoSpecialties: DemoSpecialty[] = [
  { specialty: 'Medical Oncology', taxonomyCode: '207RX0202X', area: 'oncology', focuses: ['thoracic oncology', 'melanoma', 'head and neck cancer', 'GU oncology'] },
  { specialty: 'Hematology & Oncology', taxonomyCode: '207RH0003X', area: 'oncology', focuses: ['CLL', 'lymphoma', 'mantle cell lymphoma', 'myeloma'] },
  { specialty: 'Rheumatology', taxonomyCode: '207RR0500X', area: 'immunology', focuses: ['rheumatoid arthritis', 'psoriatic arthritis', 'spondyloarthritis'] },
  { specialty: 'Dermatology', taxonomyCode: '207N00000X', area: 'immunology', focuses: ['plaque psoriasis', 'atopic dermatitis', 'hidradenitis'] },
  { specialty: 'Gastroenterology', taxonomyCode: '207RG0100X', area: 'immunology', focuses: ["Crohn's disease", 'ulcerative colitis', 'IBD'] },
  { specialty: 'Neurology', taxonomyCode: '2084N0400X', area: 'neurology', focuses: ['multiple sclerosis', 'neuroimmunology', 'general neurology'] },
  { specialty: 'Child Neurology', taxonomyCode: '2084N0402X', area: 'neurology', focuses: ['paediatric MS', 'neuroimmunology'] },
  { specialty: 'Pulmonary Disease', taxonomyCode: '207RP1001X', area: 'rare_disease', focuses: ['cystic fibrosis', 'adult CF care'] },
  { specialty: 'Medical Genetics', taxonomyCode: '207SG0201X', area: 'rare_disease', focuses: ['lysosomal storage disorders', 'Gaucher disease', 'metabolic genetics'] },
  { specialty: 'Pediatrics', taxonomyCode: '208000000X', area: 'rare_disease', focuses: ['paediatric CF', 'paediatric metabolic disease'] },
];

export interface DemoTerritory extends SalesRegion {
  cities: readonly (readonly [city: string, state: string])[];
}

const regionCities: Record<string, DemoTerritory['cities']> = {
  'T-NE': [['Boston', 'MA'], ['Worcester', 'MA'], ['New York', 'NY'], ['Rochester', 'NY'], ['Hartford', 'CT'], ['Newark', 'NJ'], ['Philadelphia', 'PA'], ['Pittsburgh', 'PA']],
  'T-MW': [['Chicago', 'IL'], ['Evanston', 'IL'], ['Columbus', 'OH'], ['Cleveland', 'OH'], ['Ann Arbor', 'MI'], ['Detroit', 'MI'], ['Minneapolis', 'MN'], ['Madison', 'WI']],
  'T-W': [['San Francisco', 'CA'], ['Los Angeles', 'CA'], ['San Diego', 'CA'], ['Seattle', 'WA'], ['Portland', 'OR'], ['Phoenix', 'AZ'], ['Denver', 'CO'], ['Salt Lake City', 'UT']],
};

/** The demo's territories: the sales regions (src/domain/regions.ts), each with its cities. */
export const demoTerritories: DemoTerritory[] = salesRegions.map((region) => ({ ...region, cities: regionCities[region.id]! }));

/** The demo products as label modules need them: label, generic name, and the demo specialties of their therapeutic area. */
export function demoLabelProducts(): LabelProduct[] {
  return demoProducts.map((product) => ({
    id: product.id,
    labelId: product.labelId,
    genericName: product.genericName,
    audienceSpecialties: demoSpecialties.filter((specialty) => specialty.area === product.therapeuticArea).map((specialty) => specialty.specialty),
  }));
}

export const firstNames = [
  'Maria', 'James', 'Aisha', 'Wei', 'Daniel', 'Priya', 'Michael', 'Elena', 'Samuel', 'Grace', 'Omar', 'Hannah',
  'Luis', 'Mei', 'David', 'Fatima', 'Robert', 'Ana', 'Thomas', 'Yuki', 'Kevin', 'Sofia', 'Andrew', 'Leila',
  'Brian', 'Chloe', 'Rajesh', 'Emily', 'Carlos', 'Nadia', 'Peter', 'Olivia', 'Hiroshi', 'Rachel', 'Ibrahim', 'Laura',
  'Mark', 'Sara', 'Jonathan', 'Amara', 'Paul', 'Julia', 'Victor', 'Ingrid', 'Tomas', 'Rebecca', 'Kwame', 'Natalie',
  'Stefan', 'Alicia', 'Marcus', 'Helen', 'Arjun', 'Claire', 'Diego', 'Miriam', 'Ethan', 'Zara', 'Gabriel', 'Nora',
];

export const lastNames = [
  'Reyes', 'Chen', 'Okafor', 'Patel', 'Kowalski', 'Nguyen', 'Haddad', 'Schmidt', 'Alvarez', 'Kim', 'Johansson',
  'Rossi', 'Mensah', 'Tanaka', 'Goldberg', 'Fernandes', 'Novak', 'Ibrahim', "O'Connell", 'Sato', 'Mueller',
  'Abadi', 'Lindqvist', 'Moreau', 'Castillo', 'Singh', 'Byrne', 'Petrov', 'Okonkwo', 'Hoffman', 'Delgado',
  'Yamamoto', 'Fischer', 'Ortiz', 'Kaur', 'Brennan', 'Volkov', 'Adeyemi', 'Larsen', 'Romero', 'Weiss', 'Cohen',
  'Morales', 'Bauer', 'Sharma', 'Walsh', 'Dubois', 'Herrera', 'Andersen', 'Nakamura', 'Varga', 'Costa',
  'Mahmoud', 'Park', 'Santos', 'Kovacs', 'Greene', 'Oyelaran', 'Marchetti', 'Duarte', 'Lam', 'Whitaker',
  'Zhang', 'Ruiz', 'Hughes', 'Banerjee', 'Stewart', 'Morita', 'Keller', 'Acosta', 'Friedman', 'Mwangi',
];

export const institutionKinds: Record<TherapeuticArea, string[]> = {
  oncology: ['Cancer Center', 'Oncology Associates', 'Cancer Institute', 'Medical Center'],
  immunology: ['Rheumatology & Dermatology Group', 'Digestive Health Clinic', 'Medical Center', 'Specialty Associates'],
  neurology: ['Neurology Institute', 'MS Comprehensive Care Center', 'Medical Center', 'Neuroscience Clinic'],
  rare_disease: ["Children's Hospital", 'Genetics & Metabolism Clinic', 'CF Care Center', 'University Hospital'],
};

export const patientMixTags = ['academic', 'community', 'medicare-heavy', 'commercial-heavy', 'paediatric', 'high-volume', 'rural-outreach', 'trial-site'];

/** Stated channel preferences and how often each is chosen. */
export const preferredChannels: readonly (readonly [Channel, number])[] = [
  ['field_visit', 0.34],
  ['email', 0.26],
  ['remote_detail', 0.14],
  ['webinar', 0.12],
  ['phone', 0.08],
  ['whatsapp', 0.06],
];

/** Congresses inside the demo year, by therapy area, as days before the anchor date. */
export const congresses: Record<TherapeuticArea, readonly (readonly [name: string, daysBeforeAnchor: number])[]> = {
  oncology: [['ASH Annual Meeting 2025', 345], ['ASCO Annual Meeting 2026', 172], ['ESMO Congress 2026', 56]],
  immunology: [['ACR Convergence 2025', 361], ['EADV Congress 2026', 58], ['ACR Convergence 2026', 12]],
  neurology: [['AAN Annual Meeting 2026', 220], ['CMSC Annual Meeting 2026', 180], ['ECTRIMS 2026', 60]],
  rare_disease: [['WORLDSymposium 2026', 285], ['North American CF Conference 2026', 40]],
};
