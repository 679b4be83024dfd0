/**
 * What one document's extraction knows as it goes: the normalized text, the names found so far
 * (a trie the token scanner reads), the entities with their mentions and roles, and the
 * judgements about noun phrases that every later stage shares (does this gap end a phrase, is
 * it a list separator, does it end in a post). The stages build on it, each in its own file:
 * mentions → roles → discourse → events.
 */
import type { Lexicon, GazetteerEntity } from "../lexicon/lexicon.js";
import { type MappedText } from "../util/mapped-text.js";
import { newDocNames, type DocNames, type Token } from "./tokens.js";
import { tagWords } from "./jieba.js";
import type { DocEntity } from "./document.js";

export const PERSON = "person:";

/** jieba tags of words that cannot sit inside a noun phrase naming a party. */
const PHRASE_BREAK_TAGS = new Set(["v", "vd", "vn", "p", "m", "t", "c", "u", "ul", "uj", "f"]);

/** A party to a contact as a slot of text names it. */
export interface Participant {
  key: string;
  /** A country named by its side form (中方, 美方). */
  side?: boolean;
  /** A country named as its government (斐济政府). */
  government?: boolean;
}

export class DocState {
  readonly names: DocNames = newDocNames();

  readonly entities = new Map<string, DocEntity>();

  /** The names of the persons found, in the order found. */
  protected readonly personNames = new Set<string>();

  /** The persons a delegation of the document stands for (leader first). */
  delegation: string[] = [];

  protected readonly home: GazetteerEntity | undefined;

  constructor(
    readonly norm: string,
    readonly clean: MappedText,
    readonly lex: Lexicon,
    homeCountry: string
  ) {
    this.home = lex.countryByIso.get(homeCountry);
  }

  protected entityFor(tok: Token): DocEntity | undefined {
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

  protected surface(start: number, end: number): string {
    return this.clean.text.slice(start, end);
  }

  /**
   * Whether text between two names ends a noun phrase: it holds a number or date, a boundary
   * word (在, 于 …), a cue, or a word jieba reads as a verb or preposition.
   */
  protected gapEndsPhrase(between: string): boolean {
    if (between.length > 8 || /[\d\p{P}]/u.test(between)) return true;
    for (let i = 0; i < between.length; i++) {
      if (this.lex.nameBoundaries.matchesAt(between, i) || this.lex.cues.matchesAt(between, i)) return true;
    }
    return tagWords(between).some((w) => PHRASE_BREAK_TAGS.has(w.tag));
  }

  /** The rest of an unnamed list item and its 、 (…、瑞士联邦委员会|七位委员、|意大利总理…): the list goes on. */
  protected isListGap(between: string): boolean {
    if (!between.endsWith("、") || between.length > 12) return false;
    const body = between.slice(0, -1);
    return !/[，,。；;：:]/.test(body) && ![...body].some((_, i) => this.lex.cues.matchesAt(body, i) || this.lex.speechVerbs.matchesAt(body, i));
  }

  /** A separator followed by words that stay inside the next noun phrase (、国会主席). */
  protected startsNextItem(between: string): boolean {
    const sep = this.lex.data.relations.enumerationSeparators.find((x) => between.startsWith(x));
    if (!sep) return false;
    let rest = between.slice(sep.length).trim();
    // 、时任全国政协主席X: a then-marker opens the next item.
    const then = this.lex.data.names.thenMarkers.find((m) => rest.startsWith(m));
    if (then) rest = rest.slice(then.length);
    // 、由X率领的…: the word opening a leader frame opens the next item.
    const led = this.lex.data.relations.delegation.leaderBetween.find(({ open }) => rest.startsWith(open));
    if (led) rest = rest.slice(led.open.length);
    if (rest === "") return true;
    if (!(rest.length > 0 && rest.length <= 8 && /^\p{Script=Han}+$/u.test(rest))) return false;
    // Short words (贸易|大臣, 国会|主席) are the post's holder or field, whatever jieba tags them.
    return rest.length <= 4 ? ![...rest].some((_, i) => this.lex.nameBoundaries.matchesAt(rest, i)) : !this.gapEndsPhrase(rest);
  }

  /** Short text between a holder and its post that qualifies the post (驻华, 国会参议院): no verb of a contact, no boundary word. */
  protected qualifiesPost(between: string): boolean {
    if (between.length > 6 || !/^\p{Script=Han}+$/u.test(between)) return false;
    // A party (美国|共和党|众议员) qualifies a post whatever words it is spelt with.
    if (this.lex.data.names.postQualifiers.partySuffixes.some((w) => between.endsWith(w))) return true;
    return ![...between].some((_, i) => this.lex.cues.matchesAt(between, i) || this.lex.speechVerbs.matchesAt(between, i) || (i > 0 && this.lex.nameBoundaries.matchesAt(between, i)));
  }

  /** A short text that ends in a post word or a descriptor before a name (德国|青年|穆勒, 经济部政务次长). */
  protected endsWithPostWord(between: string): boolean {
    if (between.length > 12 || !/^\p{Script=Han}+$/u.test(between)) return false;
    return [...between].some((_, k) => this.lex.postWords.longestAt(between, k)?.end === between.length);
  }

  /** Text between tokens that ends in a post (…办公室主任, …政治局委员): a title we do not list. */
  protected endsWithTitleWord(between: string): boolean {
    if (between.length > 24 || this.lex.cues.longestAt(between, 0) || [...between].some((c, i) => this.lex.cues.matchesAt(between, i) || this.lex.speechVerbs.matchesAt(between, i))) return false;
    // A list of posts goes on after 、 (中共中央政治局委员、国务院副总理刘鹤).
    const post = between.endsWith("、") ? between.slice(0, -1) : between;
    return this.lex.data.names.postSuffixes.some((suf) => post.endsWith(suf));
  }

  /** Whether the text just before `pos` ends with an organization word (…委员会|委员长): an unknown holder. */
  protected endsWithOrganizationWord(pos: number): boolean {
    return this.lex.orgSuffixes.some((suf) => pos >= suf.length && this.norm.slice(pos - suf.length, pos) === suf);
  }
}
