/**
 * Stage: every mention, with the roles that titles next to a person give ([时任][holder]title
 * [兼 title] name; name title), the title kept as written (外长) and its holder (a country, an
 * organization, or the home country for home titles).
 */
import type { GazetteerEntity } from "../lexicon/lexicon.js";
import type { TitleData } from "../lexicon/data.js";
import type { Token } from "./tokens.js";
import { type Sentence } from "./sentences.js";
import type { DocEntity } from "./document.js";
import { MentionStage } from "./mentions.js";

export class RoleStage extends MentionStage {
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
        // The holder right before the post, or before a qualifier of it (美国|驻华|大使): the
        // qualifier is part of the title as written (驻华大使).
        let written = this.norm.slice(p.start, p.end);
        const qualifier = q && q.kind === "entity" && q.end < p.start && q.entity.type === "Country" ? this.norm.slice(q.end, p.start) : "";
        if (qualifier && this.qualifiesPost(qualifier) && !this.lex.names.matchesAt(qualifier, 0)) written = qualifier + written;
        if (q && q.kind === "entity" && (q.end === p.start || written.length > p.end - p.start)) {
          of = q.entity;
          from = q.start;
          // Walk back over the rest of the noun phrase for the surface (美国盖茨基金会…).
          for (v = v - 1; v >= 0; v--) {
            const r = tokens[v] as Token;
            if (r.kind !== "entity" || r.end !== from) break;
            from = r.start;
          }
        }
        const h = { title: p.title, written, of, unknownHolder: !of && this.endsWithOrganizationWord(from) };
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

  protected addRole(e: DocEntity, title: TitleData, of: GazetteerEntity | undefined, then: boolean, written?: string): void {
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
}
