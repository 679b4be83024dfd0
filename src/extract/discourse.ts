/**
 * Stage: what the text refers to — who a slot of text names (the heads of its noun phrases, one
 * per item of a list), the person a bare title names
 * (秘书长先生), the document's protagonist, the person a clause opens with (the subject of
 * clauses that name none), lists of names over several clauses, and the organization 该会 means.
 */
import type { GazetteerEntity } from "../lexicon/lexicon.js";
import type { TitleData } from "../lexicon/data.js";
import type { Token } from "./tokens.js";
import { tokensIn, type Sentence } from "./sentences.js";
import type { DocEntity } from "./document.js";
import { RoleStage } from "./roles.js";
import { PERSON, type Participant } from "./state.js";
import { tagWords } from "./jieba.js";

const DELEGATION_TAIL = 16;
// Text of a list item outside names, titles and holders (a party, a field: 经济政策统筹|部长), per person.
const MAX_LIST_LEFTOVER = 16;

// Words that close a list item after a name (一行, 夫妇) when a separator follows them.
const ITEM_CLOSERS = /^(?:一行|夫妇|伉俪)(?=[、和及与,，]|以及)/;

export class DiscourseStage extends RoleStage {
  /** The organization mentioned last before `pos` (该会 refers to it). */
  protected organizationMentionedBefore(pos: number): string | undefined {
    let best: { key: string; at: number } | undefined;
    for (const e of this.entities.values()) {
      if (e.type !== "Organization") continue;
      const at = Math.max(-1, ...e.mentions.filter((m) => m < pos));
      if (at >= 0 && (!best || at > best.at)) best = { key: e.key, at };
    }
    return best?.key;
  }

  /** The person a bare title refers to (秘书长先生, 世卫组织总干事): the one holding it here. */
  protected resolveTitle(title: TitleData, of: GazetteerEntity | undefined, at: number): string | undefined {
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

  protected protagonist(): string | undefined {
    let best: DocEntity | undefined;
    for (const e of this.entities.values()) {
      if (e.type !== "Person") continue;
      if (!best || e.mentions.length > best.mentions.length || (e.mentions.length === best.mentions.length && Math.min(...e.mentions) < Math.min(...best.mentions))) best = e;
    }
    return best?.key;
  }

  /** The person a clause opens with, after a title chain and a time expression (时任…总理X, 21日，X). */
  protected clauseOpener(a: number, tokens: Token[]): string | undefined {
    let at = a;
    for (const t of tokens) {
      const gap = this.norm.slice(at, t.start).replace(/[\s\d年月日号上下午晚早凌晨]|时任|前任|(?:星期|周|礼拜)[一二三四五六日天]|[()（）]/g, "");
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
   * Participants listed in the clauses just before clause ci of the sentence when those clauses
   * hold nothing but names (…总理范明政、国会主席王庭惠，新加坡总理李显龙，…等领导人也…).
   */
  protected listBefore(s: Sentence, clauses: readonly [number, number][], ci: number, speaker: string | undefined, lastSubject: string | undefined): Participant[] {
    const out: Participant[] = [];
    for (let k = ci - 1; k >= 0; k--) {
      const [a, b] = clauses[k] as [number, number];
      const tokens = tokensIn(s.tokens, a, b);
      if (!tokens.some((t) => t.kind === "person") || !this.isPureList(a, b, tokens)) break;
      out.unshift(...this.participants(a, b, tokens, speaker, lastSubject));
    }
    return out;
  }

  /** The participants of the clauses after clause ci that are only a list of persons (分别会见A，B，C). */
  protected listAfter(s: Sentence, clauses: readonly [number, number][], ci: number, speaker: string | undefined, lastSubject: string | undefined): Participant[] {
    const out: Participant[] = [];
    for (let k = ci + 1; k < clauses.length; k++) {
      const [a, b] = clauses[k] as [number, number];
      const tokens = tokensIn(s.tokens, a, b);
      if (!tokens.some((t) => t.kind === "person") || !this.isPureList(a, b, tokens)) break;
      out.push(...this.participants(a, b, tokens, speaker, lastSubject));
    }
    return out;
  }

  /** Whether the text between the tokens of a span holds a verb jieba knows (李显龙同日设午宴款待韩正). */
  protected gapsHoldVerb(a: number, b: number, tokens: Token[]): boolean {
    let at = a;
    for (const t of [...tokens, undefined]) {
      // Text before a title or a holder is part of the next noun phrase (毛利发展|部长).
      const nounPhrase = t !== undefined && t.kind !== "person";
      const gap = this.norm.slice(at, t ? t.start : b).replace(/[、,，\s]/g, "");
      if (!nounPhrase && gap.length >= 2 && tagWords(gap).some((w) => w.word.length >= 2 && (w.tag === "v" || w.tag === "vd"))) return true;
      if (t) at = Math.max(at, t.end);
    }
    return false;
  }

  /** A clause made only of names, titles, holders and list separators. */
  protected isPureList(a: number, b: number, tokens: Token[]): boolean {
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
      // A verb, a boundary word or a number (张军8日宣布) means a sentence, not a list — but a
      // post we do not list (新千年民主党代表最高委员) may hold a boundary word (代表).
      const post = [...gap].some((_, k) => this.lex.postWords.longestAt(gap, k)?.end === gap.length);
      if (/\d/.test(gap) || [...gap].some((_, i) => this.lex.speechVerbs.matchesAt(gap, i) || this.lex.cues.matchesAt(gap, i) || (!post && (this.lex.nameBoundaries.longestAt(gap, i)?.end ?? i) - i >= 2))) return false;
      leftover += gap.length;
    }
    return leftover <= MAX_LIST_LEFTOVER * tokens.filter((t) => t.kind === "person").length;
  }

  /**
   * The participants named in text[start, end): one per enumerated item (A、B和C), each the
   * head of its noun phrase (the person in 美国盖茨基金会联席主席比尔·盖茨), a person a bare
   * title refers to, or a pronoun (我 → the speaker).
   */
  protected participants(start: number, end: number, tokens: Token[], speaker: string | undefined, lastSubject: string | undefined, nearStart = false): Participant[] {
    let inSlot = tokens.filter((t) => t.start >= start && t.end <= end);
    // 正在陪同A访问日本的|外交部长B: a 的-modifier that names a person of its own is dropped when
    // a person is named after it; the head of the phrase is after the last 的.
    // (Searched within the slot: lastIndexOf on the whole text would run back to its start.)
    let de = end - 1;
    while (de >= start && this.norm[de] !== "的") de--;
    if (de >= start && inSlot.some((t) => t.kind === "person" && t.start > de) && inSlot.some((t) => t.kind === "person" && t.end <= de) && !inSlot.some((t) => t.start < de && t.end > de)) {
      inSlot = inSlot.filter((t) => t.start > de);
    }
    if (nearStart && inSlot[0] && inSlot[0].start - start > 12) return [];
    // Noun phrases: tokens written together (美国|盖茨基金会|联席主席|比尔·盖茨) form one; a
    // conjunction starts the next item; a modifier ending in 的 is dropped (出席…会议的|印度总理莫迪);
    // any other text ends the enumeration (…阿尔巴尼斯|举行第八轮中澳总理年度会晤).
    const groups: Token[][] = [];
    let current: Token[] = [];
    // After X率领的 the rest of the item names X's delegation: X is the item.
    let led = false;
    const hasHead = () => groups.some((g) => this.headOf(g, false) !== undefined) || (current.length > 0 && this.headOf(current, false) !== undefined);
    let lastEnd = start;
    for (const t of inSlot) {
      if (led) {
        // Skip the rest of a led item up to the next separator (、或和).
        const gap = this.norm.slice(lastEnd, t.start).trim();
        lastEnd = t.end;
        if (!this.lex.data.relations.enumerationSeparators.includes(gap)) continue;
        led = false;
      }
      lastEnd = t.end;
      const prev = current[current.length - 1];
      if (prev) {
        // (A delegation's or couple's word closes an item before the separator: X一行和Y, X夫妇、Y.)
        const between = this.norm.slice(prev.end, t.start).trim().replace(ITEM_CLOSERS, "");
        if (between === "" || between === "兼") {
          // same noun phrase
        } else if (this.lex.data.relations.enumerationSeparators.includes(between)) {
          groups.push(current);
          current = [];
        } else if (this.startsNextItem(between) || this.isListGap(between)) {
          // 、国会|主席王庭惠: a separator, then the unknown holder of the next item's post
          groups.push(current);
          current = [];
        } else if (this.lex.data.relations.delegation.leaderAfter.some((w) => (between.endsWith("的") && between.slice(0, -1).endsWith(w)) || between.startsWith(w + "的")) && current.some((x) => x.kind === "person")) {
          // (…率领的出席论坛的中国省市领导: the led group may carry modifiers of its own.)
          groups.push(current);
          current = [];
          led = true;
          lastEnd = t.end;
          continue;
        } else if (between.endsWith("的")) {
          current = [];
        } else if (this.endsWithTitleWord(between) || (t.kind === "person" && this.endsWithPostWord(between))) {
          // a post we have no entry for, in the same noun phrase (中共中央|政治局委员、…办公室主任|杨洁篪)
        } else if (!this.gapEndsPhrase(between)) {
          // an unlisted word inside the noun phrase (中非合作论坛|非方|共同主席…)
        } else if (prev.kind === "entity" && t.kind === "title" && this.qualifiesPost(between)) {
          // the holder, a qualifier of the post, the post (美国|驻华|大使, 美国|国会参议院|多数党领袖)
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
      const country = g.find((t) => t.kind === "entity" && t.entity.id === key && t.entity.type === "Country");
      const side = country !== undefined && this.norm[country.end - 1] === "方";
      const government = country !== undefined && this.norm.slice(country.end - 2, country.end) === "政府";
      out.push(side ? { key, side } : government ? { key, government } : { key });
    }
    // 会见美国众议院…代表团: the head of the phrase is the delegation, not the country before it.
    if (out.length && this.delegation.length && last && out.every((p) => !p.key.startsWith(PERSON))) {
      const tail = this.norm.slice(last.end, end);
      if (this.lex.data.relations.delegation.groups.some((g) => tail.includes(g) && tail.indexOf(g) <= DELEGATION_TAIL)) return this.delegationIn(inSlot);
    }
    if (!out.length) {
      const text = this.norm.slice(start, end);
      const names = this.lex.data.names;
      // 会见代表团一行, 与该代表团的工作会谈: the delegation's leader and members.
      const group = this.lex.data.relations.delegation.groups.find((g) => text.includes(g));
      if (group && this.delegation.length && (!nearStart || text.indexOf(group) <= 12)) return this.delegationIn(inSlot);
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

  /**
   * The delegation a slot names: the one led by a person the slot writes (会见X率领的代表团), when
   * the document has several; else every leader and member the document names.
   */
  private delegationIn(inSlot: Token[]): Participant[] {
    const named = this.delegation.filter((name) => inSlot.some((t) => t.kind === "person" && t.name === name));
    return (named.length ? named : this.delegation).map((name) => ({ key: PERSON + name }));
  }

  protected headOf(group: Token[], record = true): string | undefined {
    // 与特朗普总统|阿根廷|会晤: a country or place after a named person is where, not who.
    let lastPerson = group.length - 1;
    while (lastPerson >= 0 && (group[lastPerson] as Token).kind !== "person") lastPerson--;
    const person = group[lastPerson];
    if (person?.kind === "person" && lastPerson < group.length - 2 && group[lastPerson + 1]?.kind === "title") {
      const trailing = group.slice(lastPerson + 1);
      if (trailing.every((t) => t.kind === "title" || (t.kind === "entity" && (t.entity.type === "Place" || t.entity.type === "Country"))) && trailing.some((t) => t.kind === "entity")) return PERSON + person.name;
    }
    for (let i = group.length - 1; i >= 0; i--) {
      const t = group[i] as Token;
      if (t.kind === "person") return PERSON + t.name;
      if (t.kind === "title") {
        const prev = group[i - 1];
        // 习近平主席: the name before its title.
        if (prev && prev.kind === "person" && prev.end === t.start) return PERSON + prev.name;
        // The holder written before the title in the same noun phrase, next to it or not
        // (萨尔瓦多|代理|总统…): a bare title is never resolved to a holder of another country's post.
        const holder = group.slice(0, i).reverse().find((x) => x.kind === "entity" && (x.entity.type === "Country" || x.entity.type === "Organization"));
        const of = holder && holder.kind === "entity" ? holder.entity : undefined;
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
}
