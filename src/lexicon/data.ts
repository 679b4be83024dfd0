/**
 * Loads the versioned data files under data/ (gazetteers and patterns). The data folder is
 * found next to the package (src/ or dist/ one level down), or given explicitly.
 */
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface CountryData {
  id: string;
  iso2: string;
  iso3: string;
  label: string;
  en: string;
  enOfficial: string;
  aliases: string[];
  side: string[];
  /** Short forms that name the country only right before a post (中非|总统). */
  beforePost?: string[];
}
export interface OrganizationData {
  id: string;
  label: string;
  en: string;
  acronym?: string;
  aliases: string[];
  roleOf?: string;
}
export interface PlaceData {
  id: string;
  label: string;
  en: string;
  in?: string;
  aliases: string[];
}
export interface TitleData {
  id: string;
  label: string;
  en: string;
  /** English title by ISO code of the holder's country, where it differs (总理: Chancellor in DE). */
  enByCountry?: Record<string, string>;
  aliases?: string[];
  homeDefault?: boolean;
  /** A post only a state holds (总统): with no holder written, the document's one foreign country holds it. */
  foreignState?: boolean;
  /** A post written after its field (经济发展|部长): the field stays in the title. */
  takesField?: boolean;
  /** Membership of a party (民主党人): a place before it is no holder. */
  partyMember?: boolean;
}
export type Frame = "with" | "transitive" | "indirect" | "indirectAfter";
export interface CueData {
  word: string;
  frames: Frame[];
  needsAmount?: boolean;
  /** A donation that may go to a country itself (向海地捐助…), beyond the relation's participant types. */
  toCountry?: boolean;
  /** One message each way (互致贺电). */
  mutual?: boolean;
}
/** Entity types a participant may have; "Side" is a country written in its side form (中方). */
export type ParticipantType = "Person" | "Organization" | "Country" | "Side" | "Government";
export interface RelationData {
  en: string;
  symmetric: boolean;
  cues: CueData[];
}
export interface RelationsData {
  withPrepositions: string[];
  indirectPrepositions: string[];
  /** Text between two enumerated participants (、 和 及 …). */
  enumerationSeparators: string[];
  /** Words between a list of participants and its cue (分别, 先后). */
  distributiveAdverbs: string[];
  /** Words opening what a message is about (就): the subject stands before them. */
  topicPrepositions: string[];
  /** Verbs handing over a letter named by its addressee only (转交): the letter is the subject's. */
  handingVerbs: string[];
  requestMarkers: string[];
  invitation: { open: string[]; close: string[] };
  /** Clause openers whose subject is that of the next clause (在…基础上，X…). */
  adverbialOpeners: string[];
  /** How such a clause ends (时, 后, 基础上): only then does it take the next clause's subject. */
  subordinateEnds: string[];
  /** Words saying the contact was earlier than the date written before them (此前). */
  earlierMarkers: string[];
  /** A delegation stands for its leader and members (extract/delegations.ts). */
  delegation: import("../extract/delegations.js").DelegationWords;
  /** Words opening a sentence that refers back to the one before (其中): it keeps that date. */
  anaphoricOpeners: string[];
  /** Words near the start of a dateless sentence that go on with the day before (随后, 他还). */
  continuationOpeners: string[];
  /** Words ending the name of a group a letter is written to (…学校师生, …友人). */
  groupCorrespondents: string[];
  /** Words of purpose opening the clause after a message cue that ends its own (致电，祝贺X…): X is the addressee. */
  messagePurposes: string[];
  /** Reply cues (复电): without an addressee they answer whoever wrote last. */
  replyCues: string[];
  /** Letters received, named inside a reply (来信): from the reply's addressee to its writer. */
  incomingCues: string[];
  /** Words acknowledging a letter after an incoming cue (收悉). */
  acknowledgements: string[];
  /** Words before an amount that make it a running total of gifts reported one by one (累计). */
  aggregateMarkers: string[];
  /** Words that make a pledge cue a noun of the giver right after it (捐款国, 捐赠方, 捐助者). */
  giverNouns: string[];
  /** Measure words of goods (只, 吨, 批): a pledge cue followed by a count of goods and no money is aid in kind. */
  inKindMeasures: string[];
  /** Words opening the channel a gift or a letter went through (X通过Y向Z捐款): Y is not the giver. */
  channelPrepositions: string[];
  /** Nouns of a letter or telegram (贺电, 亲笔信): 致X的贺信 names its addressee, 在贺电中说 its sender. */
  letterNouns: string[];
  /** Cues that are a message or a phone call (致电): the call, where the document reports one between the pair. */
  callOrMessage: string[];
  /** Verbs saying an organization received donations (接收, 收到): the recipient of pledges written without one. */
  receivingVerbs: string[];
  relations: Record<string, RelationData>;
  participantTypes: Record<string, { subject: ParticipantType[]; object: ParticipantType[] }>;
}
/** Words that make a contact planned, wished, hypothetical or negated (patterns/modality.json). */
export interface ModalityData {
  planned: string[];
  wished: string[];
  hypothetical: string[];
  negated: string[];
  negationAfter: string[];
  exceptions: string[];
  coordinators: string[];
  /** Words before a cue used as a noun (参加…会见的): who attended, not who met. */
  attendance: string[];
}
export interface NamesData {
  maxLength: number;
  maxLengthWithDots: number;
  boundaryWords: string[];
  speechVerbs: string[];
  /** Words that end a post not in the titles list (副院长, 次卿), and characters that show they are not one. */
  postWords: string[];
  notAfterPost: string[];
  /** Words after countries or organizations that name their unnamed leaders (领导人). */
  unnamedHolders: string[];
  /** Words naming actors without names (政要, 各界人士). */
  unnamedGroups: string[];
  /** Words referring to the organization named last (该会, 该组织). */
  organizationAnaphors: string[];
  /** Words that begin the predicate after a clause-initial name (在, 同, 应约 …). */
  predicateOpeners: string[];
  honorifics: string[];
  /** Words before a title that make it a predicate (以X为团长): no name before the title. */
  copulas: string[];
  /** After a title word, these make it part of a name (大使|馆, 总统|府). */
  notTitleBefore: string[];
  /** 驻: a country's mission in another (美国驻中国大使馆). */
  missionPrefix: string;
  /** Characters of time words: a family name with none after it is no time word (周恩来). */
  timeCharacters: string;
  /** 中美, 中俄: the home country's form with a foreign one-character form names that country. */
  homePairs: { prefix: string; notFollowedBy: string[]; excluded: string[] };
  thenMarkers: string[];
  speakerPronouns: string[];
  thirdPersonPronouns: string[];
  /** Endings of posts that are not in the titles gazetteer (…办公室主任). */
  postSuffixes: string[];
  /** Verbs between a person and the post they take (当选, 连任, 出任). */
  takesOffice: string[];
  /** Endings of an organization's name at the start of a clause before a contact word (…集团捐款). */
  clauseOrganizationSuffixes: string[];
  /** What may stand between a country and its post (美国|驻华|大使, 西班牙|参议院|议长). */
  postQualifiers: { modifiers: string[]; prefixes: string[]; bodySuffixes: string[]; partySuffixes: string[]; accreditedToHome: string[] };
}
export interface BoilerplateData {
  linePatterns: string[];
  navSeparators: string[];
  navCellMaxLength: number;
  navMinCells: number;
  bullets: string[];
  linkListMaxLength: number;
  teaserEndings: string[];
  metaLine: string[];
  htmlSkipClasses: string[];
  /** Link labels inserted inside words (留学[微博]人员). */
  inlineMarkers: string[];
  /** Endings of a bracketed source credit (【某某报讯】). */
  creditEndings: string[];
}
export interface CurrencyData {
  currencies: Record<string, string>;
  multipliers: Record<string, number>;
}

/** Verified Wikidata ids: countries by ISO alpha-2 code, organizations by id. */
export interface WikidataIds {
  countries: Record<string, string>;
  organizations: Record<string, string>;
}

export interface LexiconData {
  wikidata: WikidataIds;
  countries: CountryData[];
  organizations: OrganizationData[];
  places: PlaceData[];
  titles: TitleData[];
  relations: RelationsData;
  modality: ModalityData;
  /** Regional forms of one foreign name, the mainland form first (gazetteer/name-variants.json). */
  nameVariants: string[][];
  names: NamesData;
  boilerplate: BoilerplateData;
  currencies: CurrencyData;
  transliterationChars: string;
  /** Common Chinese family names, single characters and compounds (欧阳). */
  surnames: string[];
}

/** The data/ folder shipped with the package. */
export function defaultDataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ["../..", "..", "../../.."]) {
    const dir = resolve(here, up, "data");
    if (existsSync(join(dir, "gazetteer", "countries.json"))) return dir;
  }
  throw new Error("diplograph: cannot find the data/ folder (gazetteers and patterns)");
}

function readJson<T>(dir: string, path: string): T {
  const file = join(dir, path);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new Error(`diplograph: cannot load ${file}: ${(e as Error).message}`);
  }
}

const cache = new Map<string, LexiconData>();

/** Reads every data file once per folder. */
export function loadLexiconData(dataDir = defaultDataDir()): LexiconData {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const data: LexiconData = {
    countries: readJson<{ countries: CountryData[] }>(dataDir, "gazetteer/countries.json").countries,
    wikidata: readJson<WikidataIds>(dataDir, "gazetteer/wikidata.json"),
    organizations: readJson<{ organizations: OrganizationData[] }>(dataDir, "gazetteer/organizations.json").organizations,
    places: readJson<{ places: PlaceData[] }>(dataDir, "gazetteer/places.json").places,
    titles: readJson<{ titles: TitleData[] }>(dataDir, "gazetteer/titles.json").titles,
    relations: readJson<RelationsData>(dataDir, "patterns/relations.json"),
    modality: readJson<ModalityData>(dataDir, "patterns/modality.json"),
    nameVariants: readJson<{ persons: string[][] }>(dataDir, "gazetteer/name-variants.json").persons,
    names: readJson<NamesData>(dataDir, "patterns/names.json"),
    boilerplate: readJson<BoilerplateData>(dataDir, "patterns/boilerplate.json"),
    currencies: readJson<CurrencyData>(dataDir, "patterns/currencies.json"),
    surnames: ["patterns/chinese-surnames.txt", "patterns/japanese-surnames.txt"].flatMap((file) =>
      readFileSync(join(dataDir, file), "utf8")
        .split("\n")
        .filter((l) => l.trim() && !l.startsWith("#"))
        .flatMap((l) => (l.includes(" ") ? l.trim().split(/\s+/) : [...l.trim()])),
    ),
    transliterationChars: readFileSync(join(dataDir, "patterns/transliteration-chars.txt"), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("#"))
      .join("")
      .trim(),
  };
  cache.set(dataDir, data);
  return data;
}
