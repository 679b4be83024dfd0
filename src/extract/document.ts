/**
 * Extraction from one document, stage by stage: read the page (ingest/html), repair damaged text
 * (clean/repair), drop furniture (clean/boilerplate), normalize (clean/normalize), anchor time
 * (anchor), read asides (asides), split sentences and clauses (sentences), find who is named and
 * their roles (discoverNames, recordMentions), delegations (delegations), then the contact events
 * with their modality (modality), dates, initiators and amounts (findEvents), merged per document
 * (document-events). The result uses document-local entity keys; the corpus-level merge
 * (model/merge.ts) turns them into the graph.
 */
import type { Lexicon, GazetteerEntity } from "../lexicon/lexicon.js";
import type { ParticipantType, TitleData } from "../lexicon/data.js";
import type { CueEntry } from "../lexicon/lexicon.js";
import type { Amount, DocumentInfo, EntityType, Relation, SourceDocument } from "../model/types.js";
import { identityText, originalSpan, sliceMapped, type MappedText } from "../util/mapped-text.js";
import { htmlToText } from "../ingest/html.js";
import { removeBoilerplate } from "../clean/boilerplate.js";
import { repairText } from "../clean/repair.js";
import { datePrefix, pageDate } from "../clean/page-date.js";
import { looksTraditional, normalizeText } from "../clean/normalize.js";
import { NAME_DOT, NAME_HYPHEN, wellFormed } from "../util/chars.js";
import { newDocNames, scanTokens, type DocNames, type Token } from "./tokens.js";
import { looksLikeName, nameAfterTitle, nameBefore } from "./names.js";
import { isDateOnly, scanTimeExpressions, type DateResolver } from "./dates.js";
import { scanAmounts } from "./amounts.js";
import { isUnrealized } from "./modality.js";
import { blankAsides, findAsides, type Aside } from "./asides.js";
import { findDelegation } from "./delegations.js";
import { mergeDocumentEvents } from "./document-events.js";
import { MAX_CLAUSE, covered, daysBetween, lastIndexBefore, splitClauses, splitSentences, tokensIn, type Sentence } from "./sentences.js";
import { tagWords } from "./jieba.js";
import { slugify } from "../model/ids.js";
import { anchorResolver } from "./anchor.js";

export interface ExtractOptions {
  lexicon: Lexicon;
  /** ISO code of the country whose posts unqualified titles name (国家主席 in Chinese media). */
  homeCountry: string;
  /** Fallback anchor date (YYYY-MM-DD) when the document gives none. */
  date?: string;
}

export interface DocRole {
  title: TitleData;
  /** The title as the text writes it (simplified): 外长 for the title 外交部长. */
  written?: string;
  of: GazetteerEntity;
  then: boolean;
}

/** An entity as one document knows it. */
export interface DocEntity {
  key: string;
  type: EntityType;
  label: string;
  gazetteer?: GazetteerEntity;
  /** Surface forms as written (original script). */
  surfaces: Set<string>;
  roles: Map<string, DocRole>;
  mentions: number[];
}

export interface DocSpan {
  start: number;
  end: number;
  text: string;
}

export interface DocEvent {
  relation: Relation;
  subject: string;
  object: string;
  initiator: string | null;
  date: string | null;
  /** Month and day (MM-DD) of an undated event whose text gives no year: only reports on that day can be it. */
  monthDay?: string;
  amount: Amount | null;
  spans: DocSpan[];
}

export interface DocumentExtraction {
  info: DocumentInfo;
  entities: Map<string, DocEntity>;
  events: DocEvent[];
}


const PERSON = "person:";

/** Extracts entities and events from one document. */
export function extractDocument(input: SourceDocument, opts: ExtractOptions): DocumentExtraction {
  const lex = opts.lexicon;
  // Lone surrogates are not text (nor RDF): U+FFFD instead, at the same offsets.
  const doc: SourceDocument = { ...input, id: wellFormed(input.id), original: wellFormed(input.original), ...(input.title !== undefined ? { title: wellFormed(input.title) } : {}) };
  const page = doc.format === "html" ? htmlToText(doc.original, lex.data.boilerplate.htmlSkipClasses) : { text: identityText(doc.original) };
  // A `date 2026-02-04` prefix is the page's date, not text.
  const prefix = datePrefix(page.text.text);
  const body = prefix ? sliceMapped(page.text, prefix.end) : page.text;
  const repaired = repairText(body, lex.transliteration);
  const cleaned = removeBoilerplate(repaired, lex.data.boilerplate);
  const clean = cleaned.text;
  // Asides after names (盧克森(Christopher Luxon), 特朗普（川普）) are read, then blanked out.
  const unblanked = normalizeText(clean.text);
  const asides = findAsides(unblanked, lex);
  const norm = blankAsides(unblanked, asides);

  const info: DocumentInfo = { id: doc.id, traditional: looksTraditional(clean.text) };
  const title = doc.title ?? ("title" in page ? page.title : undefined) ?? cleaned.headline;
  if (title) info.title = title;
  if (doc.url) info.url = doc.url;
  if (doc.encoding) info.encoding = doc.encoding;

  const resolver = anchorResolver(norm, [doc.date, cleaned.published, prefix?.date, pageDate(repaired.text), opts.date]);
  if (resolver.reference) info.date = resolver.reference;

  const ctx = new DocContext(norm, clean, lex, opts.homeCountry);
  const sentences = splitSentences(norm);
  const aliases = ctx.readAsides(asides, unblanked);
  ctx.discoverNames(sentences);
  for (const s of sentences) s.tokens = scanTokens(norm, s.start, s.end, lex, ctx.names);
  for (const s of sentences) ctx.recordMentions(s);
  ctx.addAliases(aliases);
  ctx.delegation = findDelegation(norm, sentences, lex.data.relations.delegation, lex);
  const events = ctx.findEvents(sentences, resolver);
  return { info, entities: ctx.entities, events: mergeDocumentEvents(events, resolver.reference) };
}

function dottedNameEnd(norm: string, i: number, limit: number, lex: Lexicon): number {
  let k = i;
  let parts = 0;
  let partStart = i;
  while (k < limit) {
    const ch = norm[k] as string;
    if (lex.transliteration.has(ch)) k++;
    else if ((ch === NAME_DOT || ch === NAME_HYPHEN) && k > partStart && lex.transliteration.has(norm[k + 1] ?? "")) {
      parts++;
      k++;
      partStart = k;
    } else break;
    if (k - i > lex.data.names.maxLengthWithDots) return i;
  }
  return parts > 0 && k > partStart ? k : i;
}

/** jieba tags of words that cannot sit inside a noun phrase naming a party. */
const PHRASE_BREAK_TAGS = new Set(["v", "vd", "vn", "p", "m", "t", "c", "u", "ul", "uj", "f"]);

interface Participant {
  key: string;
  /** A country named by its side form (中方, 美方). */
  side?: boolean;
}

class DocContext {
  readonly names: DocNames = newDocNames();
  readonly entities = new Map<string, DocEntity>();
  /** The names of the persons found, in the order found. */
  private readonly personNames = new Set<string>();
  /** The persons a delegation of the document stands for (leader first). */
  delegation: string[] = [];
  private readonly home: GazetteerEntity | undefined;

  constructor(
    private readonly norm: string,
    private readonly clean: MappedText,
    private readonly lex: Lexicon,
    homeCountry: string
  ) {
    this.home = lex.countryByIso.get(homeCountry);
  }

  // ---------------------------------------------------------------- persons by structure
  /** Pass 1: names after titles, before titles and before speech verbs; organizations before titles. */
  discoverNames(sentences: Sentence[]): void {
    const { norm, lex } = this;
    const shortForms = new Set<string>();
    for (const s of sentences) {
      // Gazetteer tokens only: a name found earlier must not cut a longer one (萨勒 / 萨勒曼).
      const tokens = scanTokens(norm, s.start, s.end, lex);
      const clauses = splitClauses(norm, s);
      let ci = 0;
      const clauseStartOf = (pos: number) => {
        // Titles come in order: the clause pointer only moves forward.
        while (ci < clauses.length - 1 && pos > (clauses[ci] as [number, number])[1]) ci++;
        return clauses[ci]?.[0] ?? s.start;
      };
      for (let t = 0; t < tokens.length; t++) {
        const tok = tokens[t] as Token;
        if (tok.kind !== "title") continue;
        const prev = tokens[t - 1];
        const from = Math.max(clauseStartOf(tok.start), prev ? prev.end : s.start);
        // An organization just before the title (美国|盖茨基金会|联席主席).
        const org = from < tok.start && this.organizationBefore(from, tok.start);
        const next = tokens[t + 1];
        // A name the document already knows (from an aside) is not read again with what follows it.
        const known = this.names.longestAt(norm, tok.end, s.end);
        const end = nameAfterTitle(norm, tok.end, next ? next.start : s.end, lex);
        // …unless what follows it still spells a name (萨勒 / 萨勒曼).
        if (known && end > known.end && ![...norm.slice(known.end, end)].every((ch) => lex.transliteration.has(ch))) continue;
        if (end > tok.end) this.addPerson(norm.slice(tok.end, end));
        else if (!org && from < tok.start) {
          // No name after the title: perhaps one before it (习近平主席).
          const name = nameBefore(norm, from, tok.start, lex);
          if (name) this.addPerson(norm.slice(name.start, name.end));
        }
      }
      // 中国国家原子能机构: a country and a name ending in an organization word (not before a
      // title, where organizationBefore reads 美国|盖茨基金会|联席主席) is that country's organization.
      for (let t = 0; t < tokens.length; t++) {
        const tok = tokens[t] as Token;
        if (tok.kind !== "entity" || tok.entity.type !== "Country") continue;
        const org = this.countryOrganizationAt(tok, tokens[t + 1], s.end);
        if (org) this.names.add(org, { kind: "entity", entity: { id: `org/${slugify(org)}`, type: "Organization", label: org, aliases: [] } });
      }
      // 约瑟夫·拜登: a run of transliteration characters joined by middle dots is a foreign name.
      for (let i = s.start; i < s.end; i++) {
        if (!lex.transliteration.has(norm[i] as string) || lex.transliteration.has(norm[i - 1] ?? "")) continue;
        const end = dottedNameEnd(norm, i, s.end, lex);
        if (end > i && !tokensIn(tokens, Math.max(s.start, i - 64), end).some((tk) => tk.start < end && tk.end > i)) this.addPerson(norm.slice(i, end));
        if (end > i) i = end;
      }
      // 同蔡英文见面, 向王毅致信: a short name between a preposition and a cue.
      const rel = lex.data.relations;
      const preps = [...rel.withPrepositions, ...rel.indirectPrepositions];
      for (const [a, b] of clauses) {
        for (let p = a; p < b - 3; p++) {
          if (!preps.includes(norm[p] as string) || covered(tokens, p + 1)) continue;
          for (let i = p + 3; i <= Math.min(b - 1, p + 5); i++) {
            if (!lex.cues.matchesAt(norm, i)) continue;
            const name = norm.slice(p + 1, i);
            if (!tokensIn(tokens, p + 1, i).length && lex.surnames.matchesAt(name, 0) && looksLikeName(name, lex)) this.addPerson(name);
            break;
          }
        }
      }
      // 习主席, 李总理: a family name and a title refer to a person (resolved once all names are in).
      for (const tok of tokens) {
        if (tok.kind !== "title" || tok.start < 1) continue;
        const family = norm[tok.start - 1] as string;
        const before = norm[tok.start - 2];
        // The family name must start a word: after punctuation or a preposition (同习主席), not 时任|国家主席.
        const startsWord = tok.start - 1 <= s.start || before === undefined || !/\p{Script=Han}/u.test(before) || lex.data.relations.withPrepositions.includes(before) || lex.data.relations.indirectPrepositions.includes(before);
        if (startsWord && lex.surnames.longestAt(family, 0)?.end === 1 && !covered(tokens, tok.start - 1)) shortForms.add(norm.slice(tok.start - 1, tok.end));
      }
      // 行政院副院长沈荣津, 国务次卿柯拉克: a name after a post we do not list, by its last word.
      for (const [a, b] of clauses) this.discoverAfterPosts(a, b, tokens);
      // 贝隆、兰蒂、前驻华大使布兰斯塔德: bare names listed with a known person are persons too.
      for (const [a, b] of clauses) this.discoverListMembers(a, b);
      // 古特雷斯表示, 王毅13日会见…, 李强应约同…: a name at the start of a clause, before a speech
      // verb, a cue, a time or a word that opens the predicate.
      for (const [a, b] of clauses) {
        for (let i = a + 2; i < Math.min(b, a + lex.data.names.maxLengthWithDots + 1); i++) {
          if (!lex.nameBoundaries.matchesAt(norm, i) && !/\d/.test(norm[i] as string) && !lex.predicateOpeners.matchesAt(norm, i)) continue;
          if (covered(tokens, a) || tokensIn(tokens, a, i).length > 0) break;
          // Cheap test first: a name starts with a family name or a transliteration character.
          if (!lex.surnames.matchesAt(norm, a) && !lex.transliteration.has(norm[a] as string)) break;
          const name = nameBefore(norm, a, i, lex);
          if (name && name.start === a) this.addPerson(norm.slice(a, i));
          break;
        }
      }
    }
    // A short form is the one person of the document with that family name, else a person of its own.
    for (const form of [...shortForms].sort()) {
      const family = form[0] as string;
      const full = [...this.personNames].filter((n) => n.startsWith(family) && n.length >= 2 && n !== form);
      if (full.length === 1) this.names.add(form, { kind: "person", name: full[0] as string });
      else if (!full.length) this.addPerson(form);
    }
  }

  /**
   * Names after a post that is not in the titles list, found by the word the post ends in
   * (…副院长, …次卿, 政务委员): the name must read as one (names.ts) and not be a common word.
   */
  private discoverAfterPosts(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    for (let i = a; i < b; i++) {
      const post = lex.postWords.longestAt(norm, i, b);
      if (!post || covered(tokens, i) || covered(tokens, post.end)) continue;
      if (lex.data.names.notAfterPost.includes(norm[post.end] as string)) continue;
      const end = nameAfterTitle(norm, post.end, b, lex);
      if (end > post.end && !this.names.longestAt(norm, post.end)) {
        const name = norm.slice(post.end, end);
        if (looksLikeName(name, lex) || [...name].every((ch) => lex.transliteration.has(ch) || ch === NAME_DOT)) this.addPerson(name);
      }
      i = post.end - 1;
    }
  }

  /**
   * Items of a 、-list in [a, b) that are bare transliterated names (2–6 characters) are persons
   * when another item of the same list ends in a person the document knows.
   */
  private discoverListMembers(a: number, b: number): void {
    const { norm, lex } = this;
    const text = norm.slice(a, b);
    if (!text.includes("、")) return;
    const items = text.split("、").map((x) => x.trim());
    const endsInPerson = (item: string) => {
      for (let i = 0; i < item.length; i++) {
        const m = this.names.longestAt(item, i);
        if (m && m.end === item.length && m.values[0]?.kind === "person") return true;
      }
      return false;
    };
    if (!items.some(endsInPerson)) return;
    for (const item of items) {
      if (item.length < 2 || item.length > 6 || lex.names.matchesAt(item, 0) || this.names.longestAt(item, 0)?.end === item.length) continue;
      if ([...item].every((ch) => lex.transliteration.has(ch) || ch === NAME_DOT)) this.addPerson(item);
    }
  }

  /** Persons named before asides, and the other forms the asides give them (name → surfaces). */
  readAsides(asides: Aside[], unblanked: string): [string, string][] {
    const out: [string, string][] = [];
    for (const a of asides) {
      if (a.nameStart === undefined) continue;
      const name = unblanked.slice(a.nameStart, a.start);
      if (this.lex.names.longestAt(unblanked, a.nameStart)?.end === a.start) continue; // a gazetteer name
      const known = this.names.longestAt(name, 0);
      const person = known && known.end === name.length && known.values[0]?.kind === "person" ? known.values[0].name : undefined;
      if (!person) this.addPerson(name);
      const canonical = person ?? (this.names.longestAt(name, 0)?.values[0] as { name?: string } | undefined)?.name ?? name;
      const inner = unblanked.slice(a.innerStart, a.innerEnd).trim();
      if (/\p{Script=Han}/u.test(inner)) this.names.add(inner, { kind: "person", name: canonical });
      out.push([canonical, this.clean.text.slice(a.innerStart, a.innerEnd).trim()]);
    }
    return out;
  }

  /** Adds the other forms read in asides to the persons' surfaces. */
  addAliases(aliases: [string, string][]): void {
    for (const [name, surface] of aliases) this.entities.get(PERSON + name)?.surfaces.add(surface);
  }

  private addPerson(written: string): void {
    if (this.names.longestAt(written, 0)?.end === written.length) return;
    // One person under any regional form of the name (川普 = 特朗普).
    const name = this.lex.canonicalName.get(written) ?? written;
    this.personNames.add(name);
    this.names.add(written, { kind: "person", name });
    // The family name of a foreign name is used alone later (比尔·盖茨 → 盖茨).
    const dot = written.lastIndexOf(NAME_DOT);
    if (dot > 0 && written.length - dot - 1 >= 2) this.names.add(written.slice(dot + 1), { kind: "person", name });
    for (const [form, canonical] of this.lex.canonicalName) if (canonical === name && form !== written && !this.names.longestAt(form, 0)) this.names.add(form, { kind: "person", name });
  }

  /** The name of a country's organization starting at a country token (中国|国家原子能机构), if any. */
  private countryOrganizationAt(country: Token, next: Token | undefined, limit: number): string | undefined {
    const { norm, lex } = this;
    const max = Math.min(limit, country.end + 14, next ? next.start : limit);
    let k = country.end;
    while (k < max && /\p{Script=Han}/u.test(norm[k] as string) && !lex.cues.matchesAt(norm, k) && !lex.speechVerbs.matchesAt(norm, k) && !(k > country.end && lex.nameBoundaries.matchesAt(norm, k))) k++;
    // The longest stretch that ends in an organization word, at least two characters before it.
    for (let end = k; end > country.end + 2; end--) {
      const run = norm.slice(country.end, end);
      const suffix = lex.orgSuffixes.find((suf) => run.endsWith(suf) && run.length > suf.length);
      if (!suffix) continue;
      if (next && next.kind === "title" && next.start === end) return undefined; // 美国盖茨基金会联席主席
      if (lex.countryExtensions.matchesAt(norm, country.end)) return undefined; // 中国政府
      return norm.slice(country.start, end);
    }
    return undefined;
  }

  /** An organization named just before a title, ending in an organization word (…基金会). */
  private organizationBefore(from: number, to: number): boolean {
    const gap = this.norm.slice(from, to);
    if (gap.length < 3 || gap.length > 20) return false;
    if (!this.lex.orgSuffixes.some((suf) => gap.endsWith(suf) && gap.length > suf.length)) return false;
    let start = 0;
    for (let i = 0; i < gap.length; i++) {
      const b = this.lex.nameBoundaries.longestAt(gap, i) ?? this.lex.cues.longestAt(gap, i);
      if (b && gap.length - b.end >= 3) {
        start = b.end;
        i = b.end - 1;
      }
    }
    const label = gap.slice(start);
    if (label.length < 3 || /[^\p{Script=Han}·-]/u.test(label)) return false;
    const entity: GazetteerEntity = { id: `org/${slugify(label)}`, type: "Organization", label, aliases: [] };
    this.names.add(label, { kind: "entity", entity });
    return true;
  }

  // ---------------------------------------------------------------- mentions and roles
  private entityFor(tok: Token): DocEntity | undefined {
    if (tok.kind === "title") return undefined;
    const key = tok.kind === "person" ? PERSON + tok.name : tok.entity.id;
    let e = this.entities.get(key);
    if (!e) {
      e =
        tok.kind === "person"
          ? { key, type: "Person", label: tok.name, surfaces: new Set(), roles: new Map(), mentions: [] }
          : { key, type: tok.entity.type, label: tok.entity.label, gazetteer: tok.entity, surfaces: new Set(), roles: new Map(), mentions: [] };
      this.entities.set(key, e);
    }
    return e;
  }

  private surface(start: number, end: number): string {
    return this.clean.text.slice(start, end);
  }

  /** Pass 2: every mention, with the roles that titles next to a person give. */
  recordMentions(s: Sentence): void {
    const { tokens } = s;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t] as Token;
      const e = this.entityFor(tok);
      if (!e) continue;
      e.mentions.push(tok.start);
      e.surfaces.add(this.surface(tok.start, tok.end));
      if (tok.kind !== "person") continue;
      // Titles before the name: [时任][country/org…]title[兼 title][、[org…]title…] name.
      // Each title is held in the entity just before it, else in that of the title it is joined to.
      let chainStart = tok.start;
      let u = t - 1;
      const held: { title: TitleData; written: string; of: GazetteerEntity | undefined; unknownHolder: boolean }[] = [];
      let joinedGroup: typeof held = [];
      while (u >= 0) {
        const p = tokens[u] as Token;
        const between = this.norm.slice(p.end, chainStart);
        const joined = between === "" || (held.length > 0 && (between === "兼" || between === "、"));
        if (p.kind !== "title" || !joined) break;
        let of: GazetteerEntity | undefined;
        let from = p.start;
        let v = u - 1;
        const q = tokens[v];
        if (q && q.kind === "entity" && q.end === p.start) {
          of = q.entity;
          from = q.start;
          // Walk back over the rest of the noun phrase for the surface (美国盖茨基金会…).
          for (v = v - 1; v >= 0; v--) {
            const r = tokens[v] as Token;
            if (r.kind !== "entity" || r.end !== from) break;
            from = r.start;
          }
        }
        const h = { title: p.title, written: this.norm.slice(p.start, p.end), of, unknownHolder: !of && this.endsWithOrganizationWord(from) };
        if (between === "、") joinedGroup = [];
        for (const right of joinedGroup) if (!right.of && !right.unknownHolder) right.of = of;
        joinedGroup.push(h);
        held.unshift(h);
        chainStart = from;
        u = v;
      }
      const then = this.lex.data.names.thenMarkers.some((m) => this.norm.slice(chainStart - m.length, chainStart) === m);
      if (then) chainStart -= 2;
      for (const h of held) if (!h.unknownHolder) this.addRole(e, h.title, h.of, then, h.written);
      if (chainStart < tok.start) e.surfaces.add(this.surface(chainStart, tok.end));
      // A title right after the name (习近平主席).
      const after = tokens[t + 1];
      if (after && after.kind === "title" && after.start === tok.end) {
        this.addRole(e, after.title, undefined, false, this.norm.slice(after.start, after.end));
        e.surfaces.add(this.surface(tok.start, after.end));
      }
    }
  }

  /**
   * Whether text between two names ends a noun phrase: it holds a number or date, a boundary
   * word (在, 于 …), a cue, or a word jieba reads as a verb or preposition.
   */
  private gapEndsPhrase(between: string): boolean {
    if (between.length > 8 || /[\d\p{P}]/u.test(between)) return true;
    for (let i = 0; i < between.length; i++) {
      if (this.lex.nameBoundaries.matchesAt(between, i) || this.lex.cues.matchesAt(between, i)) return true;
    }
    return tagWords(between).some((w) => PHRASE_BREAK_TAGS.has(w.tag));
  }

  /** The rest of an unnamed list item and its 、 (…、波黑主席|团三位成员、|匈牙利总统…): the list goes on. */
  private isListGap(between: string): boolean {
    if (!between.endsWith("、") || between.length > 12) return false;
    const body = between.slice(0, -1);
    return !/[，,。；;：:]/.test(body) && ![...body].some((_, i) => this.lex.cues.matchesAt(body, i) || this.lex.speechVerbs.matchesAt(body, i));
  }

  /** A separator followed by words that stay inside the next noun phrase (、国家杜马). */
  private startsNextItem(between: string): boolean {
    const sep = this.lex.data.relations.enumerationSeparators.find((x) => between.startsWith(x));
    if (!sep) return false;
    let rest = between.slice(sep.length).trim();
    // 、时任全国政协主席X: a then-marker opens the next item.
    const then = this.lex.data.names.thenMarkers.find((m) => rest.startsWith(m));
    if (then) rest = rest.slice(then.length);
    if (rest === "") return true;
    if (!(rest.length > 0 && rest.length <= 8 && /^\p{Script=Han}+$/u.test(rest))) return false;
    // Short words (贸易|大臣, 国家杜马|主席) are the post's holder or field, whatever jieba tags them.
    return rest.length <= 4 ? ![...rest].some((_, i) => this.lex.nameBoundaries.matchesAt(rest, i)) : !this.gapEndsPhrase(rest);
  }

  /** Text between tokens that ends in a post (…办公室主任, …政治局委员): a title we do not list. */
  private endsWithTitleWord(between: string): boolean {
    if (between.length > 24 || this.lex.cues.longestAt(between, 0) || [...between].some((c, i) => this.lex.cues.matchesAt(between, i) || this.lex.speechVerbs.matchesAt(between, i))) return false;
    // A list of posts goes on after 、 (中共中央政治局委员、国务院副总理刘鹤).
    const post = between.endsWith("、") ? between.slice(0, -1) : between;
    return this.lex.data.names.postSuffixes.some((suf) => post.endsWith(suf));
  }

  /** Whether the text just before `pos` ends with an organization word (…委员会|委员长): an unknown holder. */
  private endsWithOrganizationWord(pos: number): boolean {
    return this.lex.orgSuffixes.some((suf) => pos >= suf.length && this.norm.slice(pos - suf.length, pos) === suf);
  }

  private addRole(e: DocEntity, title: TitleData, of: GazetteerEntity | undefined, then: boolean, written?: string): void {
    let holder = of;
    if (holder?.roleOf) holder = this.lex.countryByIso.get(holder.roleOf) ?? holder;
    if (!holder && title.homeDefault) holder = this.home;
    if (!holder) return;
    const key = `${title.id}@${holder.id}`;
    const had = e.roles.get(key);
    const as = had?.written ?? written;
    e.roles.set(key, { title, ...(as ? { written: as } : {}), of: holder, then: then || (had?.then ?? false) });
    // The holder is an entity of the document too, even when only implied.
    if (!this.entities.has(holder.id)) {
      this.entities.set(holder.id, { key: holder.id, type: holder.type, label: holder.label, gazetteer: holder, surfaces: new Set(), roles: new Map(), mentions: [] });
    }
  }

  /** The organization mentioned last before `pos` (该会 refers to it). */
  private organizationMentionedBefore(pos: number): string | undefined {
    let best: { key: string; at: number } | undefined;
    for (const e of this.entities.values()) {
      if (e.type !== "Organization") continue;
      const at = Math.max(-1, ...e.mentions.filter((m) => m < pos));
      if (at >= 0 && (!best || at > best.at)) best = { key: e.key, at };
    }
    return best?.key;
  }

  /** The person a bare title refers to (秘书长先生, 世卫组织总干事): the one holding it here. */
  private resolveTitle(title: TitleData, of: GazetteerEntity | undefined, at: number): string | undefined {
    let best: { key: string; distance: number } | undefined;
    for (const e of this.entities.values()) {
      if (e.type !== "Person") continue;
      const holds = [...e.roles.values()].some((r) => r.title.id === title.id && (!of || r.of.id === of.id || r.of.id === this.lex.countryByIso.get(of.roleOf ?? "")?.id));
      if (!holds) continue;
      const before = e.mentions.filter((m) => m <= at);
      const distance = before.length ? at - (before[before.length - 1] as number) : 1e9 + Math.min(...e.mentions);
      if (!best || distance < best.distance) best = { key: e.key, distance };
    }
    return best?.key;
  }

  private protagonist(): string | undefined {
    let best: DocEntity | undefined;
    for (const e of this.entities.values()) {
      if (e.type !== "Person") continue;
      if (!best || e.mentions.length > best.mentions.length || (e.mentions.length === best.mentions.length && Math.min(...e.mentions) < Math.min(...best.mentions))) best = e;
    }
    return best?.key;
  }

  // ---------------------------------------------------------------- events
  findEvents(sentences: Sentence[], resolver: DateResolver): DocEvent[] {
    const { norm, lex } = this;
    const rel = lex.data.relations;
    const events: DocEvent[] = [];
    const protagonist = this.protagonist();
    let speaker: string | undefined;
    let lastSubject: string | undefined;
    let pendingDate: string | null = null;
    let previousSentenceDate: string | null = null;
    let lastMonthDay: string | undefined;

    for (const s of sentences) {
      const text = norm.slice(s.start, s.end);
      // Dates in this sentence, resolved in reading order.
      const dates = scanTimeExpressions(norm, s.start, s.end).map((t) => ({ pos: t.start, date: resolver.resolve(t), rangeEnd: t.rangeEnd === true, end: t.end, monthDay: t.month && t.day ? `${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}` : t.relative === "same" ? lastMonthDay : undefined }));
      // 当日 after 9月20日 (no year) is that day too.
      for (const d of dates) if (!d.date && d.monthDay) lastMonthDay = d.monthDay;
      if (isDateOnly(text)) {
        pendingDate = dates[0]?.date ?? null;
        continue;
      }
      if (/^\d{1,3}[.、]?$/.test(text)) continue; // list numbering
      // A sentence that refers back to the one before (其中…, 在这笔捐款中…) keeps its date.
      const listDate = pendingDate ?? (rel.anaphoricOpeners.some((w) => text.slice(0, 12).includes(w)) ? previousSentenceDate : null);
      pendingDate = null;
      previousSentenceDate = [...dates].reverse().find((d) => d.date && !d.rangeEnd)?.date ?? null;

      const clauses = splitClauses(norm, s);
      let sentenceTopic: string | undefined;
      for (let ci = 0; ci < clauses.length; ci++) {
        const [a, b] = clauses[ci] as [number, number];
        const clauseTokens = tokensIn(s.tokens, a, b);
        const next = clauses[ci + 1];
        const nextClauseSubject = next ? this.participants(next[0], next[1], tokensIn(s.tokens, next[0], next[1]), speaker, lastSubject, true)[0]?.key : undefined;
        // A clause that opens with a person and a speech verb sets who "我" is.
        const first = clauseTokens[0];
        if (first && first.start === a && first.kind === "person" && lex.speechVerbs.matchesAt(norm, first.end)) speaker = PERSON + first.name;
        // A clause that opens with a person (after titles and a time) makes that person the topic:
        // the subject of later clauses that name none (X率团访华，并与Y会面), and 他 of the next sentence.
        const opener = this.clauseOpener(a, clauseTokens);
        if (opener) {
          sentenceTopic ??= opener;
          lastSubject = opener;
        }

        const cues = this.cuesIn(a, b, clauseTokens);
        let previousSubjects: Participant[] = [];
        let previousCueEnd = a;
        for (let c = 0; c < cues.length; c++) {
          const cue = cues[c] as (typeof cues)[number];
          const nextCueStart = cues[c + 1]?.start ?? b;
          // A cue coordinated with the one before it (致电、致信) reports the same message.
          const prevCue = cues[c - 1];
          if (prevCue && prevCue.entry.relation === cue.entry.relation && /^[、和或及与]$/.test(norm.slice(prevCue.end, cue.start))) continue;
          const frame = this.frameOf(cue, a, b, previousCueEnd, nextCueStart, s, clauses, ci, clauseTokens, speaker, lastSubject);
          const earlierCueEnd = previousCueEnd;
          previousCueEnd = cue.end;
          if (!frame) continue;

          // Subjects: named in their slot (a list: A、B和C先后会见了D), else those of a coordinated
          // earlier cue, else the clause after an adverbial opener, else the document's protagonist.
          const [sa, sb] = frame.subjectSlot;
          const slotHasEarlierCue = cues.slice(0, c).some((x) => x.start >= sa && x.end <= sb);
          const types = rel.participantTypes[cue.entry.relation];
          const ownSlotStart = slotHasEarlierCue ? Math.max(sa, earlierCueEnd) : sa;
          let subjects: Participant[] = this.subjectsIn(ownSlotStart, sb, clauseTokens, types?.subject, speaker, lastSubject);
          if (!subjects.length && slotHasEarlierCue) subjects = previousSubjects;
          if (!slotHasEarlierCue && subjects.length && sa === a) subjects = [...this.listBefore(s, clauses, ci, speaker, lastSubject), ...subjects];
          // An adverbial clause (在…基础上，X…) takes the subject of the clause that follows it.
          if (!subjects.length && rel.adverbialOpeners.some((o) => norm.startsWith(o, a)) && nextClauseSubject) subjects = [{ key: nextClauseSubject }];
          if (!subjects.length && sentenceTopic) subjects = [{ key: sentenceTopic }];
          if (!subjects.length && protagonist) subjects = [{ key: protagonist }];
          // The breakdown of a donation (其中，向A捐款…) is given by the giver named before.
          if (!subjects.length && lastSubject && cue.entry.relation === "pledged_to") subjects = [{ key: lastSubject }];
          if (!subjects.length) continue;
          previousSubjects = subjects;
          // Planned, wished, hypothetical or negated contacts are not events; a clause joined to the
          // one before (…将于4日访问芬兰，并于6日同X举行会晤) shares its modality.
          if (cue.entry.relation !== "pledged_to") {
            if (isUnrealized(norm, sa, cue.start, cue.end, clauseTokens, lex)) continue;
            const previous = clauses[ci - 1];
            if (previous && sa === a && lex.data.modality.coordinators.some((w) => norm.startsWith(w, a)) && isUnrealized(norm, previous[0], previous[1], previous[1], tokensIn(s.tokens, previous[0], previous[1]), lex)) continue;
          }

          let amount: Amount | null = null;
          if (cue.entry.relation === "pledged_to") {
            const found = scanAmounts(norm, lex.data.currencies, frame.objectStart, b)[0];
            if (found) amount = { value: found.value, currency: found.currency, text: this.surface(found.start, found.end) };
          }
          if (cue.entry.needsAmount && !amount) continue;

          // Initiator: 应约 (the other side asked) or 应X邀请 (X asked).
          let initiatorIsObject = false;
          let invitedBy: string | undefined;
          if (lex.symmetric.has(cue.entry.relation)) {
            const before = norm.slice(sa, frame.objectStart);
            initiatorIsObject = rel.requestMarkers.some((m) => before.includes(m));
            // 应X邀请，… opens the sentence (looked for in a bounded window before the cue).
            const from = Math.max(s.start, cue.start - MAX_CLAUSE);
            invitedBy = this.invitationBy(from, cue.start, tokensIn(s.tokens, from, cue.start), speaker, lastSubject);
          }

          // The date: the last one written before the cue (the start of a range), else the list
          // item's; none when the text says the contact was earlier (此前) than that date.
          let lastDate: (typeof dates)[number] | undefined;
          let monthDay: string | undefined; // 9月4日 without a year: kept to tell contacts apart
          for (let k = lastIndexBefore(dates, cue.start); k >= 0 && !lastDate; k--) {
            const d = dates[k] as (typeof dates)[number];
            if (d.date && !d.rangeEnd) lastDate = d;
            else if (!d.date && d.monthDay && !d.rangeEnd) monthDay ??= d.monthDay;
          }
          let date = lastDate ? lastDate.date : listDate;
          // A date that opens a span of days (1月22日至3月21日…) dates no single contact.
          const spanEnd = lastDate ? dates[dates.indexOf(lastDate) + 1] : undefined;
          if (lastDate?.date && spanEnd?.rangeEnd && spanEnd.date && daysBetween(lastDate.date, spanEnd.date) > 2) date = null;
          const earlier = rel.earlierMarkers.some((m) => {
            const window = norm.slice(Math.max(a, lastDate?.pos ?? a), cue.start);
            if (window.includes(m)) return true;
            const previous = clauses[ci - 1];
            return previous !== undefined && norm.slice(previous[0], previous[1]).trim() === m; // 此前，X致信…
          });
          if (earlier) date = null;
          const undatedDay = !date && !earlier && monthDay ? { monthDay } : {};
          // 1月22日和2月18日…同X两次通话: one contact on each of the dates listed together.
          const eventDates: (string | null)[] = [date];
          if (lastDate && date && !earlier) {
            for (let k = dates.indexOf(lastDate) - 1; k >= 0; k--) {
              const prev = dates[k] as (typeof dates)[number];
              const next = dates[k + 1] as (typeof dates)[number];
              if (!prev.date || !/^\s*(和|、|及|与)\s*$/.test(norm.slice(prev.end, next.pos))) break;
              eventDates.unshift(prev.date);
            }
          }
          const span = this.sourceSpan(s);
          for (const subj of subjects) {
            const subject = this.actorFor(cue.entry.relation, subj);
            if (types && !this.fits(subject, types.subject)) continue;
            for (const obj of frame.objects) {
              if (obj.key === subject.key) continue;
              if (types && !this.fits(obj, types.object)) continue;
              const initiator = initiatorIsObject ? obj.key : invitedBy === obj.key || invitedBy === subject.key ? invitedBy : null;
              for (const date of eventDates) {
                events.push({ relation: cue.entry.relation, subject: subject.key, object: obj.key, initiator, date, ...undatedDay, amount, spans: [span] });
                if (cue.entry.mutual) events.push({ relation: cue.entry.relation, subject: obj.key, object: subject.key, initiator, date, ...undatedDay, amount, spans: [span] });
              }
            }
          }
          lastSubject = subjects[0]?.key;
        }
      }
    }
    return events;
  }

  /** The person a clause opens with, after a title chain and a time expression (时任…总理X, 21日，X). */
  private clauseOpener(a: number, tokens: Token[]): string | undefined {
    let at = a;
    for (const t of tokens) {
      const gap = this.norm.slice(at, t.start).replace(/[\s\d年月日号上下午晚早凌晨]|时任|前任/g, "");
      if (gap !== "") return undefined;
      if (t.kind === "person") return PERSON + t.name;
      if (t.kind === "title" || (t.kind === "entity" && t.entity.type !== "Place")) {
        at = t.end;
        continue;
      }
      return undefined;
    }
    return undefined;
  }

  /**
   * Where a cue's participants are written: its subject slot and its objects, by the first of
   * the cue's frames that finds an object — with (A同B会谈), transitive (A会见B), indirect
   * (A向B致信), indirectAfter (A以致电方式向B致以慰问); a cue closing its clause before a colon
   * takes the list that follows (先后同6位领导人举行会晤:A、B、C).
   */
  private frameOf(
    cue: { start: number; end: number; entry: CueEntry },
    a: number,
    b: number,
    previousCueEnd: number,
    nextCueStart: number,
    s: Sentence,
    clauses: [number, number][],
    ci: number,
    clauseTokens: Token[],
    speaker: string | undefined,
    lastSubject: string | undefined
  ): { subjectSlot: [number, number]; objects: Participant[]; objectStart: number } | undefined {
    const { norm, lex } = this;
    const rel = lex.data.relations;
    for (const kind of cue.entry.frames) {
      if (kind === "with" || kind === "indirect") {
        const preps = kind === "with" ? rel.withPrepositions : rel.indirectPrepositions;
        const p = this.prepositionBefore(preps, Math.max(a, previousCueEnd), cue.start, clauseTokens);
        if (p === undefined) continue;
        const objects = this.participants(p + 1, cue.start, clauseTokens, speaker, lastSubject);
        // A和B先后会见了C: 和 joins the hosts when the cue has an object of its own.
        if (kind === "with" && norm[p] === "和" && cue.entry.frames.includes("transitive") && this.participants(cue.end, nextCueStart, clauseTokens, speaker, lastSubject, true).length) continue;
        if (objects.length) return { subjectSlot: [a, p], objects, objectStart: p + 1 };
      } else if (kind === "indirectAfter") {
        for (let i = cue.end; i < b; i++) {
          if (!rel.indirectPrepositions.includes(norm[i] as string) || covered(clauseTokens, i)) continue;
          const objects = this.participants(i + 1, b, clauseTokens, speaker, lastSubject, true);
          if (objects.length) return { subjectSlot: [a, cue.start], objects: objects.slice(0, 1), objectStart: i + 1 };
          break;
        }
      } else {
        const objects = this.participants(cue.end, nextCueStart, clauseTokens, speaker, lastSubject, true);
        if (objects.length) return { subjectSlot: [a, cue.start], objects, objectStart: cue.end };
      }
    }
    // 举行会晤:A、B、C — the list after a colon that ends the cue's clause.
    const rest = norm.slice(cue.end, b).trim();
    const colon = norm[b];
    const following = clauses[ci + 1];
    if (following && (colon === ":" || colon === "：") && /^了?$/.test(rest) && cue.entry.frames.some((f) => f !== "indirectAfter")) {
      const listEnd = s.end;
      const objects = this.participants(following[0], listEnd, tokensIn(s.tokens, following[0], listEnd), speaker, lastSubject, true);
      const p = this.prepositionBefore([...rel.withPrepositions, ...rel.indirectPrepositions], a, cue.start, []);
      if (objects.length) return { subjectSlot: [a, p ?? cue.start], objects, objectStart: following[0] };
    }
    return undefined;
  }

  /**
   * The subjects written in a slot: the last noun phrase (or list of them) before the cue that
   * has a participant of an allowed type (国家主席习近平3月26日就俄罗斯…火灾|向…: 习近平, not
   * 俄罗斯); places after it (在首尔) are skipped. A slot without any name may hold a pronoun.
   */
  private subjectsIn(sa: number, sb: number, tokens: Token[], types: ParticipantType[] | undefined, speaker: string | undefined, lastSubject: string | undefined): Participant[] {
    const inSlot = tokens.filter((t) => t.start >= sa && t.end <= sb);
    if (!inSlot.length) return this.participants(sa, sb, inSlot, speaker, lastSubject);
    const separators = this.lex.data.relations.enumerationSeparators;
    let end = inSlot.length - 1;
    while (end >= 0) {
      while (end >= 0 && (inSlot[end] as Token).kind === "entity" && (inSlot[end] as Extract<Token, { kind: "entity" }>).entity.type === "Place") end--;
      if (end < 0) break;
      let first = end;
      while (first > 0) {
        const between = this.norm.slice((inSlot[first - 1] as Token).end, (inSlot[first] as Token).start).trim();
        if (between === "" || between === "兼" || separators.includes(between) || this.endsWithTitleWord(between) || !this.gapEndsPhrase(between) || this.isListGap(between) || this.startsNextItem(between)) first--;
        else break;
      }
      const found = this.participants((inSlot[first] as Token).start, (inSlot[end] as Token).end, inSlot, speaker, lastSubject);
      const fitting = types ? found.filter((p) => this.fits(this.actorFor(undefined, p), types)) : found;
      if (fitting.length) return fitting;
      end = first - 1;
    }
    return [];
  }

  /**
   * Participants listed in the clauses just before clause ci of the sentence when those clauses
   * hold nothing but names (…总理米舒斯京、国家杜马主席沃洛金，巴基斯坦总理卡卡尔，…等领导人也…).
   */
  private listBefore(s: Sentence, clauses: [number, number][], ci: number, speaker: string | undefined, lastSubject: string | undefined): Participant[] {
    const out: Participant[] = [];
    for (let k = ci - 1; k >= 0; k--) {
      const [a, b] = clauses[k] as [number, number];
      const tokens = tokensIn(s.tokens, a, b);
      if (!tokens.some((t) => t.kind === "person") || !this.isPureList(a, b, tokens)) break;
      out.unshift(...this.participants(a, b, tokens, speaker, lastSubject));
    }
    return out;
  }

  /** A clause made only of names, titles, holders and list separators. */
  private isPureList(a: number, b: number, tokens: Token[]): boolean {
    const gaps: string[] = [];
    let at = a;
    for (const t of tokens) {
      gaps.push(this.norm.slice(at, t.start));
      at = t.end;
    }
    gaps.push(this.norm.slice(at, b));
    let leftover = 0;
    for (const raw of gaps) {
      const gap = raw.replace(/[、,，\s]|和|及|以及/g, "");
      if ([...gap].some((_, i) => this.lex.speechVerbs.matchesAt(gap, i) || this.lex.cues.matchesAt(gap, i))) return false;
      leftover += gap.length;
    }
    return leftover <= 6 * tokens.filter((t) => t.kind === "person").length;
  }

  /** Who acts in a pledge: a person holding a post of a country gives in its name (习近平宣布中国…). */
  private actorFor(relation: Relation | undefined, p: Participant): Participant {
    if (relation !== "pledged_to") return p;
    const e = this.entities.get(p.key);
    if (e?.type !== "Person") return p;
    const country = [...e.roles.values()].find((r) => r.of.type === "Country");
    if (!country) return p;
    this.entityFor({ kind: "entity", start: 0, end: 0, entity: country.of });
    return { key: country.of.id };
  }

  /** Whether a participant has one of the types a relation allows. */
  private fits(p: Participant, types: ParticipantType[]): boolean {
    const e = this.entities.get(p.key);
    const type = e?.type ?? (p.key.startsWith(PERSON) ? "Person" : undefined);
    if (!type) return false;
    if (type === "Country") return types.includes("Country") || (types.includes("Side") && p.side === true);
    return types.includes(type as ParticipantType);
  }

  /** Cue words of a clause that are not inside a name. */
  private cuesIn(a: number, b: number, tokens: Token[]) {
    const out: { start: number; end: number; entry: import("../lexicon/lexicon.js").CueEntry }[] = [];
    for (let i = a; i < b; ) {
      const m = this.lex.cues.longestAt(this.norm, i, b);
      if (m && !covered(tokens, i)) {
        out.push({ start: i, end: m.end, entry: m.values[0] as import("../lexicon/lexicon.js").CueEntry });
        i = m.end;
      } else i++;
    }
    return out;
  }

  /**
   * The preposition before `end` that introduces the participants (同德国总理…, 给美国…): the
   * nearest one, or an earlier one when all between them is a list (与A、B和C的会见: 与, not 和).
   */
  private prepositionBefore(preps: string[], from: number, end: number, tokens: Token[]): number | undefined {
    const p = this.nearestPreposition(preps, from, end, tokens);
    if (p === undefined || !tokens.length) return p;
    const q = this.nearestPreposition(preps, from, p, tokens);
    if (q === undefined) return p;
    const between = tokens.filter((t) => t.start > q && t.end <= p);
    return between.some((t) => t.kind === "person") && this.isPureList(q + 1, p, between) ? q : p;
  }

  private nearestPreposition(preps: string[], from: number, end: number, tokens: Token[]): number | undefined {
    for (let i = end - 1; i >= from; i--) {
      const ch = this.norm[i] as string;
      if (!preps.includes(ch)) continue;
      if (covered(tokens, i)) continue;
      const names = this.lex.data.names;
      if ([...names.speakerPronouns, ...names.thirdPersonPronouns].some((p) => this.norm.startsWith(p, i + 1) && i + 1 + p.length <= end)) return i;
      // 与(该)代表团的工作会谈: a delegation stands where a name would.
      if (this.delegation.length && this.lex.data.relations.delegation.groups.some((g) => this.norm.startsWith(g, i + 1))) return i;
      const next = tokens.find((t) => t.start > i && t.start < end);
      if (!next) continue;
      const gap = this.norm.slice(i + 1, next.start).trim();
      if (gap === "" || (gap.length <= 8 && gap.endsWith("的")) || names.thenMarkers.includes(gap)) return i;
      // 与行政院副院长|沈荣津: a post we do not list between the preposition and the name.
      if (gap.length <= 12 && next.kind === "person" && [...gap].some((_, k) => this.lex.postWords.longestAt(gap, k)?.end === gap.length)) return i;
    }
    return undefined;
  }

  /**
   * The participants named in text[start, end): one per enumerated item (A、B和C), each the
   * head of its noun phrase (the person in 美国盖茨基金会联席主席比尔·盖茨), a person a bare
   * title refers to, or a pronoun (我 → the speaker).
   */
  private participants(start: number, end: number, tokens: Token[], speaker: string | undefined, lastSubject: string | undefined, nearStart = false): Participant[] {
    const inSlot = tokens.filter((t) => t.start >= start && t.end <= end);
    if (nearStart && inSlot[0] && inSlot[0].start - start > 12) return [];
    // Noun phrases: tokens written together (美国|盖茨基金会|联席主席|比尔·盖茨) form one; a
    // conjunction starts the next item; a modifier ending in 的 is dropped (出席…会议的|印度总理莫迪);
    // any other text ends the enumeration (…阿尔巴尼斯|举行第八轮中澳总理年度会晤).
    const groups: Token[][] = [];
    let current: Token[] = [];
    const hasHead = () => groups.some((g) => this.headOf(g, false) !== undefined) || (current.length > 0 && this.headOf(current, false) !== undefined);
    for (const t of inSlot) {
      const prev = current[current.length - 1];
      if (prev) {
        const between = this.norm.slice(prev.end, t.start).trim();
        if (between === "" || between === "兼") {
          // same noun phrase
        } else if (this.lex.data.relations.enumerationSeparators.includes(between)) {
          groups.push(current);
          current = [];
        } else if (this.startsNextItem(between) || this.isListGap(between)) {
          // 、国家杜马|主席沃洛金: a separator, then the unknown holder of the next item's post
          groups.push(current);
          current = [];
        } else if (between.endsWith("的")) {
          current = [];
        } else if (this.endsWithTitleWord(between)) {
          // a post we have no entry for, in the same noun phrase (中共中央|政治局委员、…办公室主任|杨洁篪)
        } else if (!this.gapEndsPhrase(between)) {
          // an unlisted word inside the noun phrase (中非合作论坛|非方|共同主席…)
        } else if (hasHead()) {
          break;
        } else {
          current = [];
        }
      }
      current.push(t);
    }
    if (current.length) groups.push(current);
    const out: Participant[] = [];
    // 向欧盟、韩国…领导人致慰问电: the leaders of those, unnamed — not the entities themselves.
    const last = inSlot[inSlot.length - 1];
    const unnamedHolders = last !== undefined && this.lex.data.names.unnamedHolders.some((w) => this.norm.slice(last.end, end).replace(/^[\s等的]+/, "").startsWith(w));
    for (const g of groups) {
      const key = this.headOf(g);
      if (unnamedHolders && key && !key.startsWith(PERSON)) continue;
      if (!key || out.some((p) => p.key === key)) continue;
      const side = g.some((t) => t.kind === "entity" && t.entity.id === key && t.entity.type === "Country" && this.norm[t.end - 1] === "方");
      out.push(side ? { key, side } : { key });
    }
    if (!out.length) {
      const text = this.norm.slice(start, end);
      const names = this.lex.data.names;
      // 会见代表团一行, 与该代表团的工作会谈: the delegation's leader and members.
      const group = this.lex.data.relations.delegation.groups.find((g) => text.includes(g));
      if (group && this.delegation.length && (!nearStart || text.indexOf(group) <= 12)) return this.delegation.map((name) => ({ key: PERSON + name }));
      const anaphor = names.organizationAnaphors.find((w) => text.includes(w));
      if (anaphor) {
        const org = this.organizationMentionedBefore(start + text.indexOf(anaphor));
        if (org) return [{ key: org }];
      }
      if (speaker && names.speakerPronouns.some((p) => text === p || text.startsWith(p) || text.endsWith(p))) out.push({ key: speaker });
      else if (lastSubject && names.thirdPersonPronouns.some((p) => text === p || text.startsWith(p))) out.push({ key: lastSubject });
    }
    return out;
  }

  private headOf(group: Token[], record = true): string | undefined {
    for (let i = group.length - 1; i >= 0; i--) {
      const t = group[i] as Token;
      if (t.kind === "person") return PERSON + t.name;
      if (t.kind === "title") {
        const prev = group[i - 1];
        // 习近平主席: the name before its title.
        if (prev && prev.kind === "person" && prev.end === t.start) return PERSON + prev.name;
        const of = prev && prev.kind === "entity" && prev.end === t.start ? prev.entity : undefined;
        const key = this.resolveTitle(t.title, of, t.start);
        if (key) {
          // 秘书长先生 is how this text names that person.
          const honorific = this.lex.honorifics.longestAt(this.norm, t.end);
          if (honorific && record) this.entities.get(key)?.surfaces.add(this.surface(t.start, honorific.end));
          return key;
        }
        if (i === group.length - 1) return undefined; // a title nobody in the text holds
      }
      if (t.kind === "entity" && (t.entity.type === "Country" || t.entity.type === "Organization")) {
        if (record) this.entityFor(t);
        return t.entity.id;
      }
    }
    return undefined;
  }

  /** 应X邀请 / 应X之约: X asked for the contact. */
  private invitationBy(a: number, end: number, tokens: Token[], speaker: string | undefined, lastSubject: string | undefined): string | undefined {
    const inv = this.lex.data.relations.invitation;
    for (let i = a; i < end; i++) {
      if (!inv.open.some((o) => this.norm.startsWith(o, i)) || this.lex.data.relations.requestMarkers.some((m) => this.norm.startsWith(m, i))) continue;
      for (const close of inv.close) {
        const j = this.norm.indexOf(close, i + 1);
        if (j > i && j < end) return this.participants(i + 1, j, tokens, speaker, lastSubject).at(-1)?.key;
      }
    }
    return undefined;
  }

  /** The sentence, as a span of the original document. */
  private sourceSpan(s: Sentence): DocSpan {
    const { start, end } = originalSpan(this.clean, s.start, s.end);
    return { start, end, text: this.clean.text.slice(s.start, s.end) };
  }
}
