/**
 * Stage: the frames of a cue — where its participants are written. The subject slot and objects
 * of each frame (with, transitive, indirect, indirectAfter, a list after a colon), the frames for
 * a cue whose object is not written after it (an implied recipient, an addressee after a word of
 * purpose, a reply, a letter received), letters named as noun phrases, labelled fields, actors
 * written without names, and the participant types a relation allows. EventStage (events.ts)
 * reads a document's sentences with them.
 */
import type { CueEntry, Lexicon } from "../lexicon/lexicon.js";
import type { ParticipantType } from "../lexicon/data.js";
import type { Relation } from "../model/types.js";
import { originalSpan } from "../util/mapped-text.js";
import type { Token } from "./tokens.js";
import { scanAmounts } from "./amounts.js";
import { isWordAt, tagWords } from "./jieba.js";
import { covered, tokensIn, type Sentence } from "./sentences.js";
import type { DocSpan } from "./document.js";
import { DiscourseStage } from "./discourse.js";
import { PERSON, type Participant } from "./state.js";
import { labelledName } from "./mentions.js";

/** Nothing but punctuation or blanks after a cue: the cue ends its clause. */
export const endsClause = (rest: string) => /^[\s。！？；;.!?]*$/.test(rest);
const RECEIVER_WINDOW = 8;
// How far after a pledge cue the goods it gives are counted (捐赠了两万只医用口罩).
const GOODS_WINDOW = 12;
// Marks that end a heading before its 的 (a heading has none), and 的 itself, by character code.
const HEADING_STOPS = new Set([..."，,。：:；;！？"].map((c) => c.charCodeAt(0)));
const DE = "的".charCodeAt(0);
// How far after a letter's heading its salutation may start (the addressee's place and posts first).
const MAX_HEADING_GAP = 40;
// How far after 阁下 a salutation ends in its colon (阁下亲爱的委员长先生:).
const MAX_SALUTATION = 12;
// 致 X 的 letter noun, X at most a title and a name long (an oral message, 口信, is passed on by
// someone else). The nouns are data (relations.json letterNouns), longest first; one pattern per lexicon.
const letterNounPhrases = new WeakMap<Lexicon, RegExp>();
function letterNounPhrase(lex: Lexicon): RegExp {
  let re = letterNounPhrases.get(lex);
  if (!re) {
    const nouns = [...lex.data.relations.letterNouns].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
    re = new RegExp(`致([^，,。；;的]{2,16})的(?:${nouns.join("|")})`, "g");
    letterNounPhrases.set(lex, re);
  }
  return re;
}
const REPRESENTS = "代表";
// The longest 的-modifier read before a counterpart (与为出席…而访华的X).
const MAX_MODIFIER = 24;

// A count of goods: a number, then one of the measure words (data: relations.json inKindMeasures).
const goodsCounts = new WeakMap<Lexicon, RegExp>();
function goodsCount(lex: Lexicon): RegExp {
  let re = goodsCounts.get(lex);
  if (!re) {
    re = new RegExp(`[\\d零〇一二两三四五六七八九十百千万亿]+(?:多|余)?(?:${lex.data.relations.inKindMeasures.join("|")})`);
    goodsCounts.set(lex, re);
  }
  return re;
}

export class FrameStage extends DiscourseStage {
  /**
   * A frame for a cue whose object is not written after it: a pledge to the organization said to
   * receive (or the recipient of the pledge reported last), the addressee after a word of purpose
   * (致电，祝贺X), or — for a reply (复电) — whoever wrote last, found once the subject is known.
   */
  protected unwrittenObjectFrame(cue: { start: number; end: number; entry: CueEntry }, a: number, b: number, tokens: Token[], recipient: string | undefined, purpose: () => ReturnType<FrameStage["addresseeInPurpose"]>) {
    const slot: [number, number] = [a, cue.start];
    const { relation, word } = cue.entry;
    // The amount after the cue (A公司捐款200万元) or before it (收到了来自X的100万美元捐款).
    if (relation === "pledged_to" && recipient && !this.writesRecipient(a, cue.start, tokens) && scanAmounts(this.norm, this.lex.data.currencies, a, b).length) return { subjectSlot: slot, objects: [{ key: recipient }], objectStart: cue.end, implicit: true as const };
    if (relation !== "wrote_to") return undefined;
    // 四月廿六日来信收读: a letter received, named inside a reply.
    const rel = this.lex.data.relations;
    const rest = this.norm.slice(cue.end, b).trim();
    if (rel.incomingCues.includes(word) && (rest === "" || rel.acknowledgements.some((w) => rest.startsWith(w))) && !tokens.some((t) => t.kind === "person" && t.end <= cue.start)) {
      return { subjectSlot: [cue.start, cue.start] as [number, number], objects: [] as Participant[], objectStart: cue.end, incoming: true as const };
    }
    // A reply may go on with what it says (习近平当天复电表示感谢).
    const isReply = rel.replyCues.includes(word);
    if (!endsClause(this.norm.slice(cue.end, b)) && !(isReply && this.lex.speechVerbs.matchesAt(this.norm, cue.end))) return undefined;
    return purpose() ?? (isReply ? { subjectSlot: slot, objects: [] as Participant[], objectStart: cue.end, reply: true as const } : undefined);
  }

  /**
   * A message cue that ends its clause with no addressee (A、B等也发来贺电。) inside a roundup of
   * messages to X (一些国家领导人致电X…): the message is to X.
   */
  protected roundupFrame(cue: { start: number; end: number; entry: CueEntry }, a: number, b: number, addressee: string | undefined) {
    if (!addressee || cue.entry.relation !== "wrote_to" || !endsClause(this.norm.slice(cue.end, b))) return undefined;
    return { subjectSlot: [a, cue.start] as [number, number], objects: [{ key: addressee }] as Participant[], objectStart: cue.end, roundup: true as const };
  }

  /** The person heading a clause that holds no contact word and ends in that person's name. */
  protected nounPhraseTopic(a: number, b: number, tokens: Token[], speaker: string | undefined, lastSubject: string | undefined): string | undefined {
    const last = tokens[tokens.length - 1];
    if (!last || last.kind !== "person" || this.norm.slice(last.end, b).trim() !== "") return undefined;
    if ([...this.norm.slice(a, b)].some((_, k) => this.lex.cues.matchesAt(this.norm, a + k))) return undefined;
    const head = this.participants(a, b, tokens, speaker, lastSubject).at(-1)?.key;
    return head === PERSON + last.name ? head : undefined;
  }

  /**
   * 致电，祝贺X当选…: a message cue that ends its clause, its addressee named at the start of the
   * clause after it, after a word of purpose (祝贺, 感谢, 慰问).
   */
  protected addresseeInPurpose(cue: { start: number; end: number }, a: number, next: [number, number] | undefined, s: Sentence, speaker: string | undefined, lastSubject: string | undefined) {
    if (!next) return undefined;
    const purpose = this.lex.data.relations.messagePurposes.find((w) => this.norm.startsWith(w, next[0]));
    if (!purpose) return undefined;
    const objects = this.participants(next[0] + purpose.length, next[1], tokensIn(s.tokens, next[0] + purpose.length, next[1]), speaker, lastSubject, true).slice(0, 1);
    return objects.length ? { subjectSlot: [a, cue.start] as [number, number], objects, objectStart: next[0] + purpose.length } : undefined;
  }

  /** The organization or country a giver acts for (代表中国政府|向…捐款), named after 代表 in the subject slot. */
  protected representedGiver(sa: number, sb: number, tokens: Token[]): Participant[] | undefined {
    const at = this.norm.slice(sa, sb).lastIndexOf(REPRESENTS);
    if (at < 0) return undefined;
    const from = sa + at + REPRESENTS.length;
    const held = tokens.filter((t) => t.start >= from && t.end <= sb);
    const giver = held.find((t) => t.kind === "entity" && (t.entity.type === "Organization" || t.entity.type === "Country"));
    if (!giver || giver.kind !== "entity" || giver.start - from > 2) return undefined;
    this.entityFor(giver);
    return [{ key: giver.entity.id }];
  }

  /** Whether a recipient is written before a cue (向受灾国…提供), even one we cannot name. */
  protected writesRecipient(a: number, cueStart: number, tokens: Token[]): boolean {
    const preps = this.lex.data.relations.indirectPrepositions;
    for (let i = a; i < cueStart; i++) if (preps.includes(this.norm[i] as string) && !covered(tokens, i)) return true;
    return false;
  }

  /** Whether text[from, to) counts goods (两万只, 一批, 500吨): a gift in kind. */
  protected countsGoods(from: number, to: number): boolean {
    const text = this.norm.slice(from, Math.min(to, from + GOODS_WINDOW));
    return goodsCount(this.lex).test(text);
  }

  /** Where a channel (通过, 经由) opens inside a subject slot [a, b) outside any name, else b. */
  protected channelStart(a: number, b: number, tokens: Token[]): number {
    for (let i = a + 1; i < b; i++) {
      if (this.lex.data.relations.channelPrepositions.some((w) => this.norm.startsWith(w, i)) && !covered(tokens, i)) return i;
    }
    return b;
  }

  /**
   * A letter printed under its heading: a sentence opening with SENDER的LETTER (福特的唁电, 尼泊尔
   * 国王的贺电), then the salutation (毛泽东主席阁下, 周恩来总理:). A sender named by post only is
   * the letter's signer, the person written last before its signature date.
   */
  protected letterHeading(s: Sentence, next: Sentence | undefined, signer: (after: number) => string | undefined): { from: string | undefined; to: string } | undefined {
    // The heading's own words: no punctuation up to 的 and a letter noun (阿尔及利亚国民议会议长的贺电).
    const limit = Math.min(s.end, s.start + MAX_HEADING_GAP);
    let at = -1;
    let noun: string | undefined;
    for (let i = s.start; i < limit && at < 0; i++) {
      const code = this.norm.charCodeAt(i);
      if (HEADING_STOPS.has(code)) return undefined;
      if (code !== DE) continue;
      noun = this.lex.data.relations.letterNouns.find((w) => this.norm.startsWith(w, i + 1));
      if (noun) at = i;
    }
    if (at < 0 || !noun) return undefined;
    const last = s.tokens.filter((t) => t.end <= at).at(-1);
    if (!last) return undefined;
    const sender = last.end === at && last.kind === "person" ? last : undefined;
    const after = at + 1 + noun.length;
    const to = this.salutationAfter(after, [...s.tokens, ...(next ? next.tokens : [])]);
    if (!to) return undefined;
    // (A heading whose sender cannot be named still opens a letter: not the last writer's.)
    const from = sender?.kind === "person" ? PERSON + sender.name : signer(after);
    return { from: from !== to ? from : undefined, to };
  }

  /** The person addressed by a salutation starting within MAX_HEADING_GAP after `from` (…阁下, …总理:). */
  private salutationAfter(from: number, tokens: Token[]): string | undefined {
    for (const t of tokens) {
      if (t.start < from) continue;
      if (t.start - from > MAX_HEADING_GAP) break;
      if (t.kind !== "person") continue;
      const how = this.addressed(t, tokens);
      return how ? PERSON + t.name : undefined;
    }
    return undefined;
  }

  /** The person a salutation in the sentence addresses (朱德阁下…先生:), if the sentence holds one. */
  protected salutationIn(s: Sentence): string | undefined {
    for (const t of s.tokens) {
      if (t.kind !== "person") continue;
      const how = this.addressed(t, s.tokens);
      // (Within a letter's text an honorific alone is only talk about someone: the colon makes it a salutation.)
      if (how === "colon" || (how !== undefined && /[:：]/.test(this.norm.slice(how.end, Math.min(s.end + 1, how.end + MAX_SALUTATION))))) return PERSON + t.name;
    }
    return undefined;
  }

  /**
   * How a person (and the post right after the name) is addressed: a colon right after it
   * (周恩来总理:), or an honorific (刘少奇先生阁下) ending where returned; undefined when neither.
   */
  private addressed(person: Token, tokens: Token[]): "colon" | { end: number } | undefined {
    const title = tokens.find((u) => u.start === person.end && u.kind === "title");
    const at = title ? title.end : person.end;
    if (/^\s*[:：]/.test(this.norm.slice(at, at + 2))) return "colon";
    const honorific = this.lex.honorifics.longestAt(this.norm, at);
    return honorific ? { end: honorific.end } : undefined;
  }

  /** Whether the text at `at` says what a letter says (在贺电中说, 在来信中表示): its writer is named before. */
  protected quotesLetterAt(at: number): boolean {
    if (this.norm[at] !== "在") return false;
    return this.lex.data.relations.letterNouns.some((noun) => this.norm.startsWith(noun, at + 1) && this.norm[at + 1 + noun.length] === "中");
  }

  /** Letters written as a noun phrase: SENDER致ADDRESSEE的信函 (persons, their titles around them). */
  protected lettersNamed(a: number, b: number, tokens: Token[], subject?: string): { from: string; to: string; at: number }[] {
    const out: { from: string; to: string; at: number }[] = [];
    const text = this.norm.slice(a, b);
    const phrase = letterNounPhrase(this.lex);
    phrase.lastIndex = 0;
    for (let m = phrase.exec(text); m; m = phrase.exec(text)) {
      const zhi = a + m.index;
      const de = zhi + 1 + (m[1] as string).length;
      const before = [...tokens].reverse().find((t) => t.end <= zhi && t.kind !== "title");
      const addressee = tokens.find((t) => t.start > zhi && t.end <= de && t.kind === "person");
      // Only the sender's own titles may stand between its name and 致 (not a verb: 向X转交了致Y的信).
      let between = before ? this.norm.slice(before.end, zhi) : "";
      for (const t of tokens) if (before && t.kind === "title" && t.start >= before.end && t.end <= zhi) between = between.replace(this.norm.slice(t.start, t.end), "");
      // The sender's own title may stand between its name and 致 (佐科总统致…).
      const titled = tokens.filter((t) => before && t.start >= before.end && t.end <= zhi).every((t) => t.kind === "title");
      if (before?.kind === "person" && addressee?.kind === "person" && titled && between.replace(/\s/g, "") === "") out.push({ from: PERSON + before.name, to: PERSON + addressee.name, at: zhi });
      // A向B转交了致C的信函: a letter with no sender written, handed over by the clause's subject, is the subject's.
      else if (subject && addressee?.kind === "person" && this.lex.data.relations.handingVerbs.some((w) => this.norm.slice(a, zhi).replace(/了\s*$/, "").endsWith(w)) && PERSON + addressee.name !== subject) out.push({ from: subject, to: PERSON + addressee.name, at: zhi });
    }
    return out;
  }

  /** The person a labelled field line names ([country]title:NAME), if the sentence is one. */
  protected fieldPerson(s: Sentence): string | undefined {
    const last = s.tokens[s.tokens.length - 1];
    const title = s.tokens.find((t) => t.kind === "title");
    if (!last || last.kind !== "person" || !title || !labelledName(this.norm, title.end, s.end)) return undefined;
    return last.end >= s.end - 1 && s.tokens.every((t) => t.kind !== "person" || t === last) ? PERSON + last.name : undefined;
  }

  /**
   * Whether a subject slot with no entity in it holds a noun of an organization or body
   * (美使馆还, 该国政府): an actor we cannot name, so the text's main person is not taken for it.
   */
  protected namesUnknownActor(a: number, b: number): boolean {
    // Only what stands before a place phrase (…在北京人民大会堂) can be the actor.
    const slot = this.norm.slice(a, b).replace(/\s+/g, "").split(/[在于赴到]/)[0] ?? "";
    if (slot.length < 2 || !this.lex.orgSuffixes.some((suf) => slot.includes(suf))) return false;
    return tagWords(slot).some((w) => w.word.length >= 2 && (w.tag === "nt" || (w.tag === "n" && this.lex.orgSuffixes.some((suf) => w.word.endsWith(suf)))));
  }

  /** Whether a subject slot names its actors without names (一些外国领导人, 各国政要). */
  protected namesUnnamedSenders(a: number, b: number): boolean {
    const slot = this.norm.slice(a, b);
    return [...this.lex.data.names.unnamedHolders, ...this.lex.data.names.unnamedGroups].some((w) => slot.includes(w));
  }

  /** The organization a clause says received donations (中国红十字会|总会|接收…), if any. */
  protected receiverIn(tokens: Token[], b: number): string | undefined {
    const verbs = this.lex.data.relations.receivingVerbs;
    for (const t of tokens) {
      if (t.kind !== "entity" || t.entity.type !== "Organization") continue;
      const after = this.norm.slice(t.end, Math.min(b, t.end + RECEIVER_WINDOW));
      if (verbs.some((v) => after.includes(v))) {
        this.entityFor(t);
        return t.entity.id;
      }
    }
    return undefined;
  }

  /**
   * Where a cue's participants are written: its subject slot and its objects, by the first of
   * the cue's frames that finds an object — with (A同B会谈), transitive (A会见B), indirect
   * (A向B致信), indirectAfter (A以致电方式向B致以慰问); a cue closing its clause before a colon
   * takes the list that follows (先后同6位领导人举行会晤:A、B、C).
   */
  protected frameOf(
    cue: { start: number; end: number; entry: CueEntry },
    a: number,
    b: number,
    previousCueEnd: number,
    nextCueStart: number,
    s: Sentence,
    clauses: readonly [number, number][],
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
        // 会见了A部长X，B部长Y，C市长Z等政要: the list goes on over the clauses that hold only names.
        if (objects.length && nextCueStart === b && this.isPureList(cue.end, b, clauseTokens.filter((t) => t.start >= cue.end))) {
          for (let k = ci + 1; k < clauses.length; k++) {
            const [ka, kb] = clauses[k] as [number, number];
            const kt = tokensIn(s.tokens, ka, kb);
            if (!kt.some((t) => t.kind === "person") || !this.isPureList(ka, kb, kt) || this.gapsHoldVerb(ka, kb, kt)) break;
            for (const p of this.participants(ka, kb, kt, speaker, lastSubject)) if (!objects.some((o) => o.key === p.key)) objects.push(p);
          }
        }
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
  protected subjectsIn(sa: number, sb: number, tokens: Token[], types: ParticipantType[] | undefined, speaker: string | undefined, lastSubject: string | undefined): Participant[] {
    // X就Y逝世向Z致唁电: what the message is about (就…) is not who sends it.
    const firstPerson = tokens.find((t) => t.start >= sa && t.end <= sb && t.kind === "person");
    if (firstPerson && this.lex.data.relations.indirectPrepositions.includes(this.norm[sb] as string)) {
      const rest = this.norm.slice(firstPerson.end, sb);
      const topic = this.lex.data.relations.topicPrepositions.map((w) => rest.indexOf(w)).filter((k) => k >= 0).map((k) => firstPerson.end + k).filter((k) => !covered(tokens, k) && isWordAt(this.norm, k, k + 1, k + 6));
      if (topic.length) sb = Math.min(...topic);
    }
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

  /** Whether a third-person pronoun stands in [a, b) after every name in it. */
  protected pronounAfterNames(a: number, b: number, tokens: Token[]): boolean {
    const lastEnd = Math.max(a, ...tokens.filter((t) => t.kind === "person" && t.start >= a && t.end <= b).map((t) => t.end));
    const tail = this.norm.slice(lastEnd, b);
    return lastEnd > a && this.lex.data.names.thirdPersonPronouns.some((w) => tail.includes(w));
  }

  /** Whether text[from, to) holds a cue of a call (在电话中, 通话): what came before was a call. */
  protected saysCall(from: number, to: number): boolean {
    const rest = this.norm.slice(from, to);
    return (this.lex.data.relations.relations.called?.cues ?? []).some((c) => rest.includes(c.word));
  }

  /** Who acts in a pledge: a person holding a post of a country gives in its name (习近平宣布中国…). */
  protected actorFor(relation: Relation | undefined, p: Participant): Participant {
    if (relation !== "pledged_to") return p;
    const e = this.entities.get(p.key);
    if (e?.type !== "Person") return p;
    const country = [...e.roles.values()].find((r) => r.of.type === "Country");
    if (!country) return p;
    this.entityFor({ kind: "entity", start: 0, end: 0, entity: country.of });
    return { key: country.of.id };
  }

  /** Whether a participant has one of the types a relation allows. */
  protected fits(p: Participant, types: ParticipantType[]): boolean {
    const e = this.entities.get(p.key);
    const type = e?.type ?? (p.key.startsWith(PERSON) ? "Person" : undefined);
    if (!type) return false;
    if (type === "Country") return types.includes("Country") || (types.includes("Side") && p.side === true) || (types.includes("Government") && p.government === true);
    return types.includes(type as ParticipantType);
  }

  /** Cue words of a clause that are not inside a name. */
  protected cuesIn(a: number, b: number, tokens: Token[]) {
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
  protected prepositionBefore(preps: string[], from: number, end: number, tokens: Token[]): number | undefined {
    const p = this.nearestPreposition(preps, from, end, tokens);
    if (p === undefined || !tokens.length) return p;
    const q = this.nearestPreposition(preps, from, p, tokens);
    if (q === undefined) return p;
    const between = tokens.filter((t) => t.start > q && t.end <= p);
    return between.some((t) => t.kind === "person") && this.isPureList(q + 1, p, between) ? q : p;
  }

  protected nearestPreposition(preps: string[], from: number, end: number, tokens: Token[]): number | undefined {
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
      if (gap === "" || names.thenMarkers.includes(gap)) return i;
      // A modifier ending in 的 before the name (与正在访华的|X, 与为出席天皇…而访日的|X), within its clause.
      const modifier = this.norm.slice(i + 1, i + 2 + MAX_MODIFIER).match(/^[^,，;；。:：]*?的/)?.[0];
      if (modifier && tokens.some((t) => t.start === i + 1 + modifier.length && t.start < end)) return i;
      // 与经济部政务次长|陈正祺: a post we do not list between the preposition and the name.
      if (gap.length <= 12 && next.kind === "person" && [...gap].some((_, k) => this.lex.postWords.longestAt(gap, k)?.end === gap.length)) return i;
      // 向越共中央|总书记…, 向政府|副总理…: a holder we do not know before a title.
      if (next.kind === "title" && this.qualifiesPost(gap)) return i;
    }
    return undefined;
  }

  /** 应X邀请 / 应X之约: X asked for the contact. */
  protected invitationBy(a: number, end: number, tokens: Token[], speaker: string | undefined, lastSubject: string | undefined): string | undefined {
    const inv = this.lex.data.relations.invitation;
    for (let i = a; i < end; i++) {
      if (!inv.open.some((o) => this.norm.startsWith(o, i)) || this.lex.data.relations.requestMarkers.some((m) => this.norm.startsWith(m, i))) continue;
      const rest = this.norm.slice(i + 1, end);
      for (const close of inv.close) {
        const k = rest.indexOf(close);
        if (k >= 0) return this.participants(i + 1, i + 1 + k, tokens, speaker, lastSubject).at(-1)?.key;
      }
    }
    return undefined;
  }

  /** The sentence, as a span of the original document. */
  protected sourceSpan(s: Sentence): DocSpan {
    const { start, end } = originalSpan(this.clean, s.start, s.end);
    return { start, end, text: this.clean.text.slice(s.start, s.end) };
  }
}
