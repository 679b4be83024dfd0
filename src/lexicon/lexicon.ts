/**
 * The lexicon: every gazetteer name, title and cue word, normalized the same way as the text
 * (simplified, half-width), in tries for longest-match scanning. Built once from data/.
 */
import { Trie } from "./trie.js";
import { loadLexiconData, type CountryData, type Frame, type LexiconData, type OrganizationData, type PlaceData, type TitleData } from "./data.js";
import { normalizeText } from "../clean/normalize.js";
import type { EntityType, Relation } from "../model/types.js";

/** A gazetteer entity as known to the lexicon. */
export interface GazetteerEntity {
  /** Output id, e.g. "country/germany". */
  id: string;
  type: EntityType;
  label: string;
  labelEn?: string;
  aliases: string[];
  codes?: Record<string, string>;
  /** Titles under this organization are roles of this country (国务院 → China). */
  roleOf?: string;
  /** The country an organization found in a text belongs to, written right before it (秘鲁|人民党): its leaders' later state posts are that country's. */
  countryOf?: string;
}

export type LexEntry =
  | { kind: "entity"; entity: GazetteerEntity }
  | { kind: "title"; title: TitleData };

export interface CueEntry {
  relation: Relation;
  word: string;
  frames: Frame[];
  needsAmount: boolean;
  toCountry: boolean;
  mutual: boolean;
}

export interface Lexicon {
  data: LexiconData;
  /** Countries, organizations, places and titles. */
  names: Trie<LexEntry>;
  cues: Trie<CueEntry>;
  /** Words that end a person's name (boundaries, speech verbs, cues). */
  nameBoundaries: Trie<true>;
  speechVerbs: Trie<true>;
  predicateOpeners: Trie<true>;
  /** Words a post ends in (副院长, 次卿): names.json postWords. */
  postWords: Trie<true>;
  /** Words that make a contact unrealized before its cue (将, 希望, 没有 …). */
  unrealized: Trie<true>;
  /** Words right after a cue that deny it (未能). */
  negationAfter: Trie<true>;
  /** Words holding a modality marker without its sense (未来). */
  modalityExceptions: Trie<true>;
  honorifics: Trie<true>;
  orgSuffixes: string[];
  countryExtensions: Trie<true>;
  /** Short country names that hold only right before a post (中非|总统). */
  countriesBeforePost: Trie<GazetteerEntity>;
  /** First characters of those forms (char codes), a cheap test before the look-up at every position. */
  countriesBeforePostStarts: Set<number>;
  /** Characters that may follow a first character of those forms: a form's second character or a title's first. */
  countriesBeforePostNext: Set<number>;
  transliteration: Set<string>;
  /** The same characters by UTF-16 code, for the scans that test every position. */
  transliterationCodes: Set<number>;
  /** Chinese family names: a name may start with one of these. */
  surnames: Trie<true>;
  entitiesById: Map<string, GazetteerEntity>;
  /** A person's name in any regional form → the form the graph uses (川普 → 特朗普). */
  canonicalName: Map<string, string>;
  /** Every regional form of a name, by the form the graph uses (特朗普 → 川普, 唐纳德·特朗普 …). */
  nameForms: Map<string, string[]>;
  /** Country entity by ISO alpha-2 code. */
  countryByIso: Map<string, GazetteerEntity>;
  symmetric: Set<Relation>;
}

const cache = new Map<LexiconData, Lexicon>();

/** Builds (once) the lexicon of a data folder. */
export function getLexicon(dataDir?: string): Lexicon {
  const data = loadLexiconData(dataDir);
  const hit = cache.get(data);
  if (hit) return hit;
  const lex = buildLexicon(data);
  cache.set(data, lex);
  return lex;
}

function buildLexicon(data: LexiconData): Lexicon {
  const names = new Trie<LexEntry>();
  const entitiesById = new Map<string, GazetteerEntity>();
  const countryByIso = new Map<string, GazetteerEntity>();
  const countriesBeforePost = new Trie<GazetteerEntity>();
  const countriesBeforePostStarts = new Set<number>();
  const countriesBeforePostNext = new Set<number>();
  const addEntity = (e: GazetteerEntity, surfaces: string[]) => {
    entitiesById.set(e.id, e);
    const entry: LexEntry = { kind: "entity", entity: e };
    for (const s of surfaces) names.add(normalizeText(s), entry);
  };
  for (const c of data.countries) {
    const e = countryEntity(c, data.wikidata.countries[c.iso2]);
    countryByIso.set(c.iso2, e);
    addEntity(e, [c.label, ...c.aliases, ...c.side]);
    for (const s of c.beforePost ?? []) {
      countriesBeforePost.add(normalizeText(s), e);
      const form = normalizeText(s);
      countriesBeforePostStarts.add(form.charCodeAt(0));
      if (form.length > 1) countriesBeforePostNext.add(form.charCodeAt(1));
    }
  }
  for (const o of data.organizations) addEntity(orgEntity(o, data.wikidata.organizations[o.id]), [o.label, ...o.aliases]);
  for (const p of data.places) addEntity(placeEntity(p), [p.label, ...p.aliases]);
  for (const t of data.titles) {
    const entry: LexEntry = { kind: "title", title: t };
    for (const s of [t.label, ...(t.aliases ?? [])]) {
      names.add(normalizeText(s), entry);
      countriesBeforePostNext.add(normalizeText(s).charCodeAt(0));
    }
  }

  const cues = new Trie<CueEntry>();
  const symmetric = new Set<Relation>();
  for (const [relation, r] of Object.entries(data.relations.relations)) {
    if (r.symmetric) symmetric.add(relation as Relation);
    for (const c of r.cues) {
      cues.add(normalizeText(c.word), { relation: relation as Relation, word: c.word, frames: c.frames, needsAmount: c.needsAmount ?? false, toCountry: c.toCountry ?? false, mutual: c.mutual ?? false });
    }
  }
  const wordTrie = (words: string[]) => {
    const t = new Trie<true>();
    for (const w of words) t.add(normalizeText(w), true);
    return t;
  };
  const n = data.names as LexiconData["names"] & { orgSuffixes?: string[]; countryExtensions?: string[] };
  const allCueWords = Object.values(data.relations.relations).flatMap((r) => r.cues.map((c) => c.word));
  return {
    data,
    names,
    cues,
    nameBoundaries: wordTrie([...n.boundaryWords, ...n.speechVerbs, ...n.honorifics, ...n.takesOffice, ...allCueWords]),
    speechVerbs: wordTrie(n.speechVerbs),
    predicateOpeners: wordTrie(n.predicateOpeners),
    postWords: wordTrie(n.postWords),
    unrealized: wordTrie([...data.modality.planned, ...data.modality.wished, ...data.modality.hypothetical, ...data.modality.negated]),
    negationAfter: wordTrie(data.modality.negationAfter),
    modalityExceptions: wordTrie(data.modality.exceptions),
    honorifics: wordTrie(n.honorifics),
    orgSuffixes: (n.orgSuffixes ?? []).map(normalizeText),
    countryExtensions: wordTrie(n.countryExtensions ?? []),
    countriesBeforePost,
    countriesBeforePostStarts,
    countriesBeforePostNext,
    transliteration: new Set(normalizeText(data.transliterationChars)),
    transliterationCodes: new Set([...normalizeText(data.transliterationChars)].map((c) => c.charCodeAt(0))),
    surnames: wordTrie(data.surnames),
    entitiesById,
    canonicalName: new Map(data.nameVariants.flatMap((forms) => forms.map((f) => [normalizeText(f), normalizeText(forms[0] as string)] as [string, string]))),
    nameForms: new Map(data.nameVariants.map((forms) => [normalizeText(forms[0] as string), forms.map(normalizeText)] as [string, string[]])),
    countryByIso,
    symmetric,
  };
}

function countryEntity(c: CountryData, qid: string | undefined): GazetteerEntity {
  return {
    id: `country/${c.id}`,
    type: "Country",
    label: c.label,
    labelEn: c.en,
    aliases: [...c.aliases, ...c.side],
    codes: { iso2: c.iso2, iso3: c.iso3, ...(qid ? { wikidata: qid } : {}) },
  };
}

function orgEntity(o: OrganizationData, qid: string | undefined): GazetteerEntity {
  const e: GazetteerEntity = { id: `org/${o.id}`, type: "Organization", label: o.label, labelEn: o.en, aliases: o.aliases };
  if (o.roleOf) e.roleOf = o.roleOf;
  const codes: Record<string, string> = {};
  if (o.acronym) codes.acronym = o.acronym;
  if (qid) codes.wikidata = qid;
  if (Object.keys(codes).length) e.codes = codes;
  return e;
}

function placeEntity(p: PlaceData): GazetteerEntity {
  const e: GazetteerEntity = { id: `place/${p.id}`, type: "Place", label: p.label, labelEn: p.en, aliases: p.aliases };
  if (p.in) e.codes = { in: p.in };
  return e;
}
