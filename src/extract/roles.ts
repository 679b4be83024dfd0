/**
 * Stage: every mention, with the roles that titles next to a person give ([时任][holder]title
 * [兼 title] name; name title), the title kept as written (外长) and its holder (a country, an
 * organization, or the home country for home titles).
 */
import type { GazetteerEntity } from "../lexicon/lexicon.js";
import type { TitleData } from "../lexicon/data.js";
import { shortCountryBeforePost, type Token } from "./tokens.js";
import { type Sentence } from "./sentences.js";
import type { DocEntity } from "./document.js";
import { MentionStage } from "./mentions.js";
import { PERSON } from "./state.js";
import type { MemberPost } from "./delegations.js";

const LIST_SEPARATORS = new Set(["、", "和", "及", "以及", "与"]);
const MAX_BODY = 6;

export class RoleStage extends MentionStage {
  /** The person named last, for 他/她 in 祝贺她连任英国首相. */
  private lastPerson: DocEntity | undefined;
  /** Foreign posts written with no holder, for resolveContextHolders. */
  private holderless: { entity: DocEntity; title: TitleData; then: boolean; written?: string }[] = [];

  /** Pass 2: every mention, with the roles that titles next to a person give. */
  recordMentions(s: Sentence): void {
    const { tokens } = s;
    // The country of the last person of the sentence whose post named one, for the next items
    // of a list (俄罗斯总理A、国家杜马主席B和外长C: B and C hold posts of Russia, not of China).
    let listHolder: { end: number; of: GazetteerEntity } | undefined;
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t] as Token;
      if (tok.kind === "title") this.roleTaken(tokens, t);
      const e = this.entityFor(tok);
      if (!e) continue;
      if (tok.kind === "person") this.lastPerson = e;
      e.mentions.push(tok.start);
      e.surfaces.add(this.surface(tok.start, tok.end));
      if (tok.kind !== "person") continue;
      // Titles before the name: [时任][country/org…]title[兼 title][、[org…]title…] name.
      // Each title is held in the entity just before it, else in that of the title it is joined to.
      let chainStart = tok.start;
      let u = t - 1;
      const held: { title: TitleData; written: string; of: GazetteerEntity | undefined; unknownHolder: boolean; concurrent?: boolean; inCompound?: boolean; government?: boolean }[] = [];
      let joinedGroup: typeof held = [];
      // 副首相兼财务相|X: a second post we do not list, held concurrently with the title before it.
      const tail = this.concurrentPostBefore(tokens[t - 1], tok.start);
      if (tail) chainStart -= tail.length;
      while (u >= 0) {
        const p = tokens[u] as Token;
        let between = this.norm.slice(p.end, chainStart);
        // 外委会主席、匈民联|议员 X: a body we do not know holds the later post; the chain goes on.
        const first = held[0];
        if (p.kind === "title" && first && !first.of && /^、\p{Script=Han}{2,6}$/u.test(between) && this.endsWithOrganizationWord(chainStart) === false && !this.lex.names.matchesAt(between, 1)) {
          first.unknownHolder = true;
          between = "、";
        }
        // A labelled field (日本首相:田中角荣, the name ending its line) reads as 日本首相田中角荣.
        const field = held.length === 0 && /^\s*:\s*$/.test(between) && /^[ \t]*(\n|$)/.test(this.norm.slice(tok.end, tok.end + 4));
        const joined = between === "" || field || (held.length > 0 && (between === "兼" || between === "、"));
        if (p.kind !== "title" || !joined) break;
        let of: GazetteerEntity | undefined;
        let from = p.start;
        let v = u - 1;
        const q = tokens[v];
        // The holder right before the post, or before a qualifier of it (美国|驻华|大使): the
        // qualifier is part of the title as written (驻华大使).
        let written = this.norm.slice(p.start, p.end);
        const qualifier = q && q.kind === "entity" && q.end < p.start && q.entity.type === "Country" ? this.postQualifier(this.norm.slice(q.end, p.start), p.title) : undefined;
        if (qualifier !== undefined) written = qualifier + written;
        // 中国|驻|美国|大使: the country where the post is is part of the title; the holder is the one before 驻.
        const home = tokens[v - 1];
        const mission = this.lex.data.names.missionPrefix;
        if (q && q.kind === "entity" && q.end === p.start && home && home.kind === "entity" && home.entity.type === "Country" && this.norm.slice(home.end, q.start) === mission) {
          of = home.entity;
          from = home.start;
          written = this.norm.slice(q.start - mission.length, p.end);
          v = v - 1;
        } else if (q && q.kind === "entity" && (q.end === p.start || qualifier !== undefined)) {
          of = q.entity;
          from = q.start;
          // Walk back over the rest of the noun phrase for the surface (美国盖茨基金会…).
          for (v = v - 1; v >= 0; v--) {
            const r = tokens[v] as Token;
            if (r.kind !== "entity" || r.end !== from) break;
            from = r.start;
          }
        }
        // 、前驻华|大使X: a qualifier with no holder before it is still part of the title.
        const lead = of ? undefined : this.leadingQualifier(p.start);
        if (lead) {
          written = lead + written;
          from = p.start - lead.length;
        }
        const government = !of && this.governmentWithoutCountry(from);
        const h: (typeof held)[number] = { title: p.title, written, of, unknownHolder: !of && (this.endsWithOrganizationWord(from) || government), government };
        if (between === "、") joinedGroup = [];
        for (const right of joinedGroup) {
          if (right.of || right.unknownHolder) continue;
          right.of = of;
          // Posts joined to one of a holder the text does not name here share that holder (政府副总理兼外长).
          if (h.unknownHolder) right.unknownHolder = true;
        }
        if (between === "兼") {
          h.concurrent = true;
          h.inCompound = true;
          const right = held[0];
          if (right) right.inCompound = true;
        }
        joinedGroup.push(h);
        held.unshift(h);
        chainStart = from;
        u = v;
      }
      // 秘鲁人民党主席、(政府)总理X: a later post with no holder of its own is held in the country of
      // the organization before it.
      for (let k = 1; k < held.length; k++) {
        const h = held[k] as (typeof held)[number];
        const countryId = (held[k - 1] as (typeof held)[number]).of?.countryOf;
        const country = countryId ? this.lex.entitiesById.get(countryId) : undefined;
        if (!country || h.of || (h.unknownHolder && !h.government)) continue;
        h.of = country;
        h.unknownHolder = false;
      }
      const first = held[0];
      if (first && !first.of && listHolder) {
        const k = this.bodyStart(chainStart);
        if (LIST_SEPARATORS.has(this.norm.slice(listHolder.end, k).trim())) {
          first.written = this.norm.slice(k, chainStart) + first.written;
          chainStart = k;
          for (const h of held) {
            if (h.of) break;
            h.of = listHolder.of;
            h.unknownHolder = false;
          }
        }
      }
      const holder = held.find((h) => h.of?.type === "Country")?.of;
      listHolder = holder ? { end: tok.end, of: holder } : undefined;
      const then = this.lex.data.names.thenMarkers.some((m) => this.norm.slice(chainStart - m.length, chainStart) === m);
      if (then) chainStart -= 2;
      for (const h of held) if (!h.unknownHolder) this.addRole(e, h.title, h.of, then, h.written, h.inCompound);
      for (const c of this.concurrentTitles(held, tail)) this.addRole(e, c.title, c.of, then, c.title.label);
      if (chainStart < tok.start && !/:/.test(this.norm.slice(chainStart, tok.start))) e.surfaces.add(this.surface(chainStart, tok.end));
      // A title right after the name (习近平主席).
      const after = tokens[t + 1];
      if (after && after.kind === "title" && after.start === tok.end) {
        this.addRole(e, after.title, undefined, false, this.norm.slice(after.start, after.end));
        e.surfaces.add(this.surface(tok.start, after.end));
      }
    }
  }

  /**
   * A post someone takes (特朗普当选|美国|总统, 祝贺她连任|英国|首相, 提名X出任|美国驻华大使): a role
   * of the person right before the verb, or of the person named last when a pronoun stands there.
   */
  private roleTaken(tokens: Token[], t: number): void {
    const title = tokens[t] as Extract<Token, { kind: "title" }>;
    const q = tokens[t - 1];
    const holder = q && q.kind === "entity" && q.entity.type === "Country" && (q.end === title.start || this.postQualifier(this.norm.slice(q.end, title.start)) !== undefined) ? q : undefined;
    if (!holder && q && q.end === title.start) return;
    const at = holder ? holder.start : title.start;
    const verb = this.lex.data.names.takesOffice.filter((w) => this.norm.slice(at - w.length, at) === w).sort((x, y) => y.length - x.length)[0];
    if (!verb) return;
    const before = this.norm.slice(Math.max(0, at - verb.length - 2), at - verb.length);
    const { thirdPersonPronouns } = this.lex.data.names;
    const p = tokens.slice(0, holder ? t - 1 : t).reverse().find((x) => x.end <= at - verb.length);
    let e: DocEntity | undefined;
    if (p && p.kind === "person" && at - verb.length - p.end <= 2) e = this.entityFor(p);
    else if (thirdPersonPronouns.some((w) => before.endsWith(w))) e = this.lastPerson;
    if (!e) return;
    const written = holder ? (this.postQualifier(this.norm.slice(holder.end, title.start)) ?? "") + this.norm.slice(title.start, title.end) : this.norm.slice(title.start, title.end);
    this.addRole(e, title.title, holder?.entity, false, written);
  }

  /** "兼" and a post we do not list between a title and a name (副首相|兼财务相|X), if written so. */
  private concurrentPostBefore(prev: Token | undefined, nameStart: number): string | undefined {
    if (!prev || prev.kind !== "title") return undefined;
    const between = this.norm.slice(prev.end, nameStart);
    if (!/^兼\p{Script=Han}{1,8}$/u.test(between)) return undefined;
    const post = between.slice(1);
    return [...post].some((_, k) => this.lex.postWords.longestAt(post, k)?.end === post.length) ? between : undefined;
  }

  /**
   * Posts held together (第一副总理兼外长, 副首相兼财务相) also make one role under the title as
   * written, beside the role of each post: news and its readers name the office so.
   */
  private concurrentTitles(held: { title: TitleData; written: string; of: GazetteerEntity | undefined; unknownHolder: boolean; concurrent?: boolean }[], tail: string | undefined): { title: TitleData; of: GazetteerEntity | undefined }[] {
    const out: { title: TitleData; of: GazetteerEntity | undefined }[] = [];
    for (let i = 0; i < held.length; i++) {
      const group = [held[i] as (typeof held)[number]];
      while (group[group.length - 1]?.concurrent && held[i + 1]) group.push(held[++i] as (typeof held)[number]);
      const withTail = i === held.length - 1 && tail !== undefined;
      if (group.length < 2 && !withTail) continue;
      if (group.some((h) => h.unknownHolder)) continue;
      const written = group.map((h) => h.written).join("兼") + (withTail ? tail : "");
      const title: TitleData = {
        id: group.map((h) => h.title.id).join("+") + (withTail ? "+other" : ""),
        label: written,
        en: group.map((h) => h.title.en).join(" and "),
        ...(group.every((h) => h.title.homeDefault) ? { homeDefault: true } : {}),
      };
      out.push({ title, of: group.find((h) => h.of)?.of });
    }
    return out;
  }

  /**
   * The text between a country and a post, as it stays in the title (驻华, 参议院, or "" for a
   * modifier such as 新任), when it still makes the country the post's holder; else undefined.
   */
  private postQualifier(between: string, title?: TitleData): string | undefined {
    const { modifiers, prefixes, bodySuffixes, partySuffixes } = this.lex.data.names.postQualifiers;
    let rest = between;
    for (let m = modifiers.find((w) => rest.startsWith(w)); m; m = modifiers.find((w) => rest.startsWith(w))) rest = rest.slice(m.length);
    // 美国|民主党|众议员: the party is not part of the post.
    if (partySuffixes.some((w) => rest.endsWith(w)) && this.qualifiesPost(rest)) rest = "";
    if (rest === "") return between === "" ? undefined : "";
    if (!this.qualifiesPost(rest) || this.lex.names.matchesAt(rest, 0)) return undefined;
    // 新西兰|经济发展|部长: the field of a minister.
    if (title?.takesField && rest.length >= 2) return rest;
    return prefixes.some((w) => rest.startsWith(w)) || bodySuffixes.some((w) => rest.endsWith(w)) ? rest : undefined;
  }

  /** 政府|副总理 with no country before 政府: the holder is a government the text does not name here. */
  private governmentWithoutCountry(pos: number): boolean {
    return [2, 3].some((k) => pos >= k && this.lex.countryExtensions.longestAt(this.norm, pos - k, pos)?.end === pos);
  }

  /** A qualifier starting with a prefix (前, 驻) right before a post at `end`, after a separator or the sentence start. */
  private leadingQualifier(end: number): string | undefined {
    const { prefixes } = this.lex.data.names.postQualifiers;
    for (let k = Math.min(4, end); k >= 1; k--) {
      const text = this.norm.slice(end - k, end);
      const before = this.norm[end - k - 1];
      if (before !== undefined && /\p{Script=Han}/u.test(before) && !LIST_SEPARATORS.has(before)) continue;
      if (prefixes.some((w) => text.startsWith(w)) && this.qualifiesPost(text) && !this.lex.names.matchesAt(text, 0)) return text;
    }
    return undefined;
  }

  /**
   * Posts only a foreign state holds, written with no holder (克林顿总统, 前驻华大使X): held by the
   * one foreign country the document names, if it names exactly one; else left without a role.
   */
  resolveContextHolders(): void {
    if (!this.holderless.length) return;
    const foreign = new Set([...this.entities.values()].filter((x) => x.type === "Country" && x.mentions.length > 0 && x.key !== this.home?.id).map((x) => x.gazetteer));
    for (const c of this.countriesInHomePairs()) foreign.add(c);
    for (const c of this.countriesBeforePosts()) if (c.id !== this.home?.id) foreign.add(c);
    const only = foreign.size === 1 ? [...foreign][0] : undefined;
    if (only) for (const r of this.holderless) this.addRole(r.entity, r.title, only, r.then, r.written);
    this.holderless = [];
  }

  /** Posts of a delegation's listed members (extract/delegations.ts delegationMemberPosts). */
  addMemberPosts(posts: MemberPost[]): void {
    for (const p of posts) {
      const e = this.entities.get(PERSON + p.name);
      if (e) this.addRole(e, p.title, p.of, false, p.written);
    }
  }

  /** Foreign countries named with the home country in pairs (中美关系, 中俄). */
  private countriesInHomePairs(): Set<GazetteerEntity> {
    const { prefix, notFollowedBy, excluded } = this.lex.data.names.homePairs;
    const out = new Set<GazetteerEntity>();
    for (let i = this.norm.indexOf(prefix); i >= 0; i = this.norm.indexOf(prefix, i + 1)) {
      const pair = this.norm.slice(i, i + prefix.length + 1);
      if (excluded.includes(pair) || notFollowedBy.includes(this.norm[i + pair.length] ?? "")) continue;
      const m = this.lex.countriesBeforePost.longestAt(this.norm, i + prefix.length, i + pair.length);
      if (m?.values[0]) out.add(m.values[0]);
    }
    return out;
  }

  /** Countries named by a short form right before a post anywhere in the text (法|总统), whether or not read as such. */
  private countriesBeforePosts(): Set<GazetteerEntity> {
    const out = new Set<GazetteerEntity>();
    for (let i = 0; i < this.norm.length; i++) {
      if (!this.lex.countriesBeforePostStarts.has(this.norm.charCodeAt(i))) continue;
      const m = shortCountryBeforePost(this.norm, i, this.norm.length, this.lex);
      if (m) out.add(m.entity);
    }
    return out;
  }

  /** Start of the name of a body (国家杜马, 参议院) written right before a post at `end`. */
  private bodyStart(end: number): number {
    let k = end;
    while (k > 0 && end - k < MAX_BODY && /\p{Script=Han}/u.test(this.norm[k - 1] as string) && !LIST_SEPARATORS.has(this.norm[k - 1] as string)) k--;
    while (k < end && !this.qualifiesPost(this.norm.slice(k, end))) k++;
    return k;
  }

  protected addRole(e: DocEntity, title: TitleData, of: GazetteerEntity | undefined, then: boolean, written?: string, inCompound?: boolean): void {
    let holder = of;
    if (title.partyMember && holder?.type === "Place") return;
    if (holder?.roleOf) holder = this.lex.countryByIso.get(holder.roleOf) ?? holder;
    if (!holder && title.homeDefault) holder = this.home;
    if (!holder) {
      const foreignPost = title.foreignState || this.lex.data.names.postQualifiers.accreditedToHome.some((w) => written?.includes(w));
      if (foreignPost) this.holderless.push({ entity: e, title, then, ...(written ? { written } : {}) });
      return;
    }
    const key = `${title.id}@${holder.id}`;
    const had = e.roles.get(key);
    // The first form written on its own wins over one abbreviated inside a compound (副总理兼外长).
    const keep = had && !(had.inCompound && !inCompound);
    const as = keep ? (had.written ?? written) : written;
    const compound = keep ? had.inCompound : inCompound;
    e.roles.set(key, { title, ...(as ? { written: as } : {}), of: holder, then: then || (had?.then ?? false), ...(compound ? { inCompound: true } : {}) });
    // The holder is an entity of the document too, even when only implied.
    if (!this.entities.has(holder.id)) {
      this.entities.set(holder.id, { key: holder.id, type: holder.type, label: holder.label, gazetteer: holder, surfaces: new Set(), roles: new Map(), mentions: [] });
    }
  }
}
