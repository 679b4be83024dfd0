/**
 * Extraction from one document, stage by stage, each in its own module: read the page
 * (ingest/html), repair damaged text (clean/repair), drop furniture (clean/boilerplate),
 * normalize (clean/normalize), anchor time (anchor), read asides (asides), split sentences and
 * clauses (sentences), find who is named (mentions), their roles (roles), delegations
 * (delegations), then the contact events (events, with their frames, discourse and modality), merged per
 * document (document-events). The stages share one document state (state). The result uses
 * document-local entity keys; the corpus-level merge (model/merge.ts) turns them into the graph.
 */
import type { Lexicon, GazetteerEntity } from "../lexicon/lexicon.js";
import type { TitleData } from "../lexicon/data.js";
import type { Amount, DocumentInfo, EntityType, Relation, SourceDocument } from "../model/types.js";
import { identityText, sliceMapped } from "../util/mapped-text.js";
import { htmlToText } from "../ingest/html.js";
import { removeBoilerplate } from "../clean/boilerplate.js";
import { repairText } from "../clean/repair.js";
import { blankCredits } from "../clean/credits.js";
import { datePrefix, pageDate } from "../clean/page-date.js";
import { looksTraditional, normalizeText } from "../clean/normalize.js";
import { wellFormed } from "../util/chars.js";
import { scanTokens } from "./tokens.js";
import { blankAsides, findAsides } from "./asides.js";
import { delegationMemberPosts, findDelegation } from "./delegations.js";
import { mergeDocumentEvents } from "./document-events.js";
import { splitSentences, type Sentence } from "./sentences.js";
import { isDateOnly, signatureDate } from "./dates.js";
import { anchorResolver } from "./anchor.js";
import { EventStage } from "./events.js";

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
  /** Written inside posts held together (副总理兼外长), where news abbreviates: a form written alone is preferred. */
  inCompound?: true;
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
  /** Written with a cue that may be a phone call (致电): the call when the document reports one. */
  maybeCall?: true;
}

export interface DocumentExtraction {
  info: DocumentInfo;
  entities: Map<string, DocEntity>;
  events: DocEvent[];
}

/** Extracts entities and events from one document. */
export function extractDocument(input: SourceDocument, opts: ExtractOptions): DocumentExtraction {
  const lex = opts.lexicon;
  // Lone surrogates are not text (nor RDF): U+FFFD instead, at the same offsets.
  const doc: SourceDocument = { ...input, id: wellFormed(input.id), original: wellFormed(input.original), ...(input.title !== undefined ? { title: wellFormed(input.title) } : {}) };
  const page = doc.format === "html" ? htmlToText(doc.original, lex.data.boilerplate.htmlSkipClasses) : { text: identityText(doc.original) };
  // A `date 2026-02-04` prefix is the page's date, not text.
  const prefix = datePrefix(page.text.text);
  const body = prefix ? sliceMapped(page.text, prefix.end) : page.text;
  const repaired = repairText(body, lex.transliteration, lex.data.boilerplate.inlineMarkers);
  const cleaned = removeBoilerplate(repaired, lex.data.boilerplate);
  const clean = cleaned.text;
  // Asides after names (盧克森(Christopher Luxon), 特朗普（川普）) are read, then blanked out.
  const unblanked = normalizeText(clean.text);
  const asides = findAsides(unblanked, lex);
  const norm = blankCredits(blankAsides(unblanked, asides), lex.data.boilerplate.creditEndings);

  const info: DocumentInfo = { id: doc.id, traditional: looksTraditional(clean.text) };
  const title = doc.title ?? ("title" in page ? page.title : undefined) ?? cleaned.headline;
  if (title) info.title = title;
  if (doc.url) info.url = doc.url;
  if (doc.encoding) info.encoding = doc.encoding;

  // A date alone on a short line of the page (furniture removal may have dropped the line: the
  // date is read before it; the line, where it survives, is not text to read dates from).
  const onPage = pageDate(clean.text);
  const anchors: (string | undefined)[] = [doc.date, cleaned.published, prefix?.date, pageDate(repaired.text)?.date];
  // A letter's signature date only where the page gives no date of its own.
  if (!anchors.some((d) => d !== undefined)) anchors.push(signatureDate(norm));
  const resolver = anchorResolver(norm, [...anchors, opts.date]);
  if (resolver.reference) info.date = resolver.reference;

  const ctx = new EventStage(norm, clean, lex, opts.homeCountry);
  const sentences = splitSentences(norm);
  const aliases = ctx.readAsides(asides, unblanked);
  ctx.discoverNames(sentences);
  for (const s of sentences) s.tokens = scanTokens(norm, s.start, s.end, lex, ctx.names);
  for (const s of sentences) ctx.recordMentions(s);
  ctx.resolveContextHolders();
  ctx.addAliases(aliases);
  ctx.delegation = findDelegation(norm, sentences, lex.data.relations.delegation, lex);
  ctx.addMemberPosts(delegationMemberPosts(norm, sentences, lex.data.relations.delegation));
  // The page-date line is furniture: its date is the anchor, not a date of the text.
  // (A date alone on its line may also head the items of a timeline: that line is kept.)
  const isPageLine = (s: Sentence) => onPage !== undefined && s.start >= onPage.start && s.start <= onPage.start + 4 && !isDateOnly(norm.slice(s.start, s.end));
  const events = ctx.findEvents(sentences.filter((s) => !isPageLine(s)), resolver);
  return { info, entities: ctx.entities, events: mergeDocumentEvents(events, resolver.reference) };
}
