/**
 * Delegations: a visiting group named as such (代表团, 访问团, 该团) stands for the persons the
 * document names as its leader (以X为团长的代表团, 由X率领的代表团, X率团) and its members
 * (代表团成员包括A、B以及C). A meeting with the delegation is a meeting with each of them.
 * The words are data (patterns/relations.json: delegation).
 */
import type { GazetteerEntity, Lexicon } from "../lexicon/lexicon.js";
import type { TitleData } from "../lexicon/data.js";
import type { Token } from "./tokens.js";

export interface DelegationWords {
  /** Words naming the group (代表团, 访问团, 该团). */
  groups: string[];
  /** Frames naming the leader: the person just before the word (率领, 率团) or between open and close (以…为团长). */
  leaderAfter: string[];
  leaderBetween: { open: string; close: string }[];
  /** Words after which the members are listed (成员包括, 还包括). */
  membersAfter: string[];
  /** Words a post and its country may stand before when members are listed (美国众议员|代表团|还包括A、B). */
  groupHeads?: string[];
  /** Words right after a person who is one of the group (拉森等议员, X一行), read when no leader or member is named otherwise. */
  membersBefore?: string[];
}

export interface SentenceTokens {
  start: number;
  end: number;
  tokens: Token[];
}

/** The person tokens that lead and make up the delegation a document is about (leader first). */
export function findDelegation(norm: string, sentences: SentenceTokens[], words: DelegationWords, lex: Lexicon): string[] {
  const persons: string[] = [];
  const add = (name: string) => {
    if (!persons.includes(name)) persons.push(name);
  };
  let groupNamed = false;
  for (const s of sentences) {
    const text = norm.slice(s.start, s.end);
    if (!words.groups.some((g) => text.includes(g)) && !words.membersAfter.some((m) => text.includes(m))) continue;
    groupNamed = true;
    const people = s.tokens.filter((t): t is Extract<Token, { kind: "person" }> => t.kind === "person");
    // 以X为团长的…
    for (const { open, close } of words.leaderBetween) {
      for (let at = text.indexOf(close); at >= 0; at = text.indexOf(close, at + 1)) {
        const closePos = s.start + at;
        const openPos = norm.lastIndexOf(open, closePos);
        if (openPos < s.start) continue;
        const inside = people.filter((p) => p.start > openPos && p.end <= closePos);
        const leader = inside[inside.length - 1];
        if (leader) add(leader.name);
      }
    }
    // X率领的… / X率团…
    for (const w of words.leaderAfter) {
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
        const pos = s.start + at;
        const before = people.filter((p) => p.end <= pos && pos - p.end <= 6);
        const leader = before[before.length - 1];
        if (leader && /^[的\s由]*$/.test(norm.slice(leader.end, pos).replace(/[)）(（]/g, ""))) add(leader.name);
      }
    }
    // 代表团成员还包括A、B，以及C
    for (const w of words.membersAfter) {
      const at = text.indexOf(w);
      if (at < 0) continue;
      const from = s.start + at + w.length;
      for (const p of people) if (p.start >= from && !lex.speechVerbs.matchesAt(norm, p.end)) add(p.name);
    }
  }
  // 会见美国众议院代表团 … 拉森等议员表示: the group's members named as they speak.
  if (groupNamed && !persons.length) {
    for (const s of sentences) {
      for (const t of s.tokens) if (t.kind === "person" && (words.membersBefore ?? []).some((w) => norm.startsWith(w, t.end))) add(t.name);
    }
  }
  return persons;
}

export interface MemberPost {
  name: string;
  title: TitleData;
  of: GazetteerEntity;
  written: string;
}

/**
 * The post each listed member holds when the group is named by a country and a post
 * (美国众议员代表团还包括A、B以及C: A, B and C are members of the US House).
 */
export function delegationMemberPosts(norm: string, sentences: SentenceTokens[], words: DelegationWords): MemberPost[] {
  const out: MemberPost[] = [];
  for (const s of sentences) {
    const text = norm.slice(s.start, s.end);
    for (const w of words.membersAfter) {
      const found = text.indexOf(w);
      if (found < 0) continue;
      const at = s.start + found;
      const before = s.tokens.filter((t) => t.end <= at);
      const title = before[before.length - 1];
      const country = before[before.length - 2];
      if (!title || title.kind !== "title" || !country || country.kind !== "entity" || country.entity.type !== "Country" || country.end !== title.start) continue;
      const head = norm.slice(title.end, at).replace(/成员$/, "");
      if (!(words.groupHeads ?? []).includes(head)) continue;
      const written = norm.slice(title.start, title.end);
      for (const p of s.tokens) if (p.kind === "person" && p.start >= at + w.length) out.push({ name: p.name, title: title.title, of: country.entity, written });
    }
  }
  return out;
}
