/**
 * Stage: the contact events. For each cue word (patterns/relations.json) the frame that names its
 * participants (frames.ts: with, transitive, indirect, indirectAfter, a list after a colon), the subjects
 * (a list, the clause's topic, the protagonist), the participant types the relation allows, the
 * modality (planned, wished, hypothetical or negated contacts are none), the initiator, the
 * amount, and the date (a list of dates gives one contact each; a span of weeks dates none).
 */
import type { Amount } from "../model/types.js";
import { isDateOnly, scanTimeExpressions, signatureLineAfter, signedDateAfter, type DateResolver } from "./dates.js";
import { scanAmounts } from "./amounts.js";
import { isUnrealized } from "./modality.js";
import { MAX_CLAUSE, lastIndexBefore, clausesOf, tokensIn, type Sentence } from "./sentences.js";
import { daysBetween } from "../model/dates.js";
import type { DocEvent } from "./document.js";
import { FrameStage } from "./frames.js";
import type { Token } from "./tokens.js";
import { PERSON, type Participant } from "./state.js";

const CONTINUATION_WINDOW = 24;
const LIST_CONTINUATIONS = ["以及", "及", "还有", "和"];

export class EventStage extends FrameStage {
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
    let lastEventDay: string | undefined;

    // The organization said to receive donations (中国红十字会接收…捐款), else the recipient of
    // the pledge reported last: the recipient of a pledge written without one.
    let receiver: string | undefined;
    let lastRecipient: string | undefined;
    /** The recipient of the pledge read last (for an addition on its basis). */
    let previousRecipient: string | undefined;
    let previousGiver: string | undefined;
    // The addressee of messages from leaders not named in the lead (一些国家领导人致电X).
    let roundup: { object: string; date: string | null } | undefined;

    // The writer of the last letter printed under its heading.
    let letterWriter: string | undefined;
    // The person of a labelled field line (日本首相:田中一郎), subject of the lines after it.
    let fieldSubject: string | undefined;
    for (let si = 0; si < sentences.length; si++) {
      const s = sentences[si] as Sentence;
      const text = norm.slice(s.start, s.end);
      // A letter printed in full under a heading (X的唁电, then 某某阁下: the salutation).
      // …and the next letters of the same writer, each opening with its own salutation.
      const heading = this.letterHeading(s, sentences[si + 1], (after) => this.signerAfter(after, sentences, si));
      const salutation = heading ? undefined : letterWriter && this.salutationIn(s);
      if (heading) letterWriter = heading.from;
      const letter = heading ?? (salutation && letterWriter && salutation !== letterWriter ? { from: letterWriter, to: salutation } : undefined);
      if (letter?.from) events.push({ relation: "wrote_to", subject: letter.from, object: letter.to, initiator: null, date: signedDateAfter(norm, s.end) ?? null, amount: null, spans: [this.sourceSpan(s)] });

      const fieldPerson = this.fieldPerson(s);
      if (fieldPerson) {
        fieldSubject = fieldPerson;
        continue;
      }
      if (/^\d{1,3}[.、]?$/.test(text)) fieldSubject = undefined; // the next numbered item
      // Dates in this sentence, resolved in reading order.
      // 同日/当天 is the day of the contact last reported, when there is one (not of a date
      // mentioned since, such as a planned visit's).
      const dates = scanTimeExpressions(norm, s.start, s.end).map((t) => ({ pos: t.start, date: t.relative === "same" && lastEventDay ? (resolver.resolve(t), lastEventDay) : resolver.resolve(t), rangeEnd: t.rangeEnd === true, end: t.end, monthDay: t.month && t.day ? `${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}` : t.relative === "same" ? lastMonthDay : undefined }));
      // 当日 after 9月20日 (no year) is that day too.
      for (const d of dates) if (!d.date && d.monthDay) lastMonthDay = d.monthDay;
      if (isDateOnly(text)) {
        pendingDate = dates[0]?.date ?? null;
        continue;
      }
      if (/^\d{1,3}[.、]?$/.test(text)) continue; // list numbering
      // A sentence that refers back to the one before (其中…, 在这笔捐款中…) keeps its date.
      // …and so does a dateless sentence that goes on with the same occasion (随后, 他还…).
      const continues = !dates.length && previousSentenceDate?.length === 10 && rel.continuationOpeners.some((w) => text.slice(0, CONTINUATION_WINDOW).includes(w));
      const listDate = pendingDate ?? (rel.anaphoricOpeners.some((w) => text.slice(0, 12).includes(w)) || continues ? previousSentenceDate : null);
      pendingDate = null;
      previousSentenceDate = [...dates].reverse().find((d) => d.date && !d.rangeEnd)?.date ?? null;

      // The last full date written before a position of the sentence, else the list's.
      const dateBefore = (pos: number) => [...dates].reverse().find((d) => d.pos < pos && d.date && !d.rangeEnd)?.date ?? listDate;
      const clauses = clausesOf(norm, s);
      let sentenceTopic: string | undefined;
      // Clauses whose contacts are planned, not reported: a clause joined to one of them shares it.
      const plannedClauses = new Set<number>();
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
        // A roundup of messages (一些国家领导人致电X…。A国总统Y表示，…): each paragraph that opens
        // with a named leader speaking, or quoting a message (Y在贺电中说), is that leader's message to X.
        // (A writer quoting a letter is its writer whatever words name him: 某某运动总协调员Y在贺电中说.)
        const quoting = roundup && ci === 0 ? clauseTokens.find((t) => t.kind === "person") : undefined;
        const writer = quoting?.kind === "person" && this.quotesLetterAt(quoting.end) ? PERSON + quoting.name : undefined;
        if (roundup && ci === 0 && writer && writer !== roundup.object && !opener) {
          events.push({ relation: "wrote_to", subject: writer, object: roundup.object, initiator: null, date: roundup.date, amount: null, spans: [this.sourceSpan(s)] });
        } else if (roundup && ci === 0 && opener && opener !== roundup.object && clauseTokens.some((t) => t.kind === "person" && PERSON + t.name === opener && (lex.speechVerbs.matchesAt(norm, t.end) || this.quotesLetterAt(t.end)))) {
          events.push({ relation: "wrote_to", subject: opener, object: roundup.object, initiator: null, date: roundup.date, amount: null, spans: [this.sourceSpan(s)] });
        }
        if (opener) {
          sentenceTopic ??= opener;
          lastSubject = opener;
        } else if (ci === 0) {
          // 正在陪同A访问日本的外交部长B，八日在东京…: a first clause that is only a noun phrase
          // ending in a person names the sentence's topic, the head of that phrase.
          const topic = this.nounPhraseTopic(a, b, clauseTokens, speaker, lastSubject);
          if (topic) {
            sentenceTopic = topic;
            lastSubject = topic;
          }
        }

        // …工程处表示，收到了来自X的捐款: a clause opening with a receiving verb receives for the organization named last.
        const receiving = this.lex.data.relations.receivingVerbs.some((v) => norm.startsWith(v, a));
        receiver = this.receiverIn(clauseTokens, b) ?? (receiving ? this.organizationMentionedBefore(a) : undefined) ?? receiver;
        // 佐科总统致习主席的信函: a letter named by its sender and addressee.
        for (const letter of this.lettersNamed(a, b, clauseTokens, opener ?? sentenceTopic)) {
          events.push({ relation: "wrote_to", subject: letter.from, object: letter.to, initiator: null, date: dateBefore(letter.at), amount: null, spans: [this.sourceSpan(s)] });
        }
        const cues = this.cuesIn(a, b, clauseTokens);
        let previousSubjects: Participant[] = [];
        let previousCueEnd = a;
        const framedCues: { start: number; end: number }[] = [];
        for (let c = 0; c < cues.length; c++) {
          const cue = cues[c] as (typeof cues)[number];
          const nextCueStart = cues[c + 1]?.start ?? b;
          // A cue coordinated with the one before it (致电、致信) reports the same message.
          // 在已接收的捐款中: the cue word is a noun of an adverbial phrase, not a contact.
          if (rel.adverbialOpeners.some((o) => norm.startsWith(o, a)) && /^\s*之?中/.test(norm.slice(cue.end, cue.end + 2))) continue;
          const prevCue = cues[c - 1];
          if (prevCue && prevCue.entry.relation === cue.entry.relation && /^[、和或及与]$/.test(norm.slice(prevCue.end, cue.start))) continue;
          // A pledge written without its recipient (在已接收的捐款中，A公司捐款…) goes to the organization last said to receive.
          const frame = this.frameOf(cue, a, b, previousCueEnd, nextCueStart, s, clauses, ci, clauseTokens, speaker, lastSubject) ?? this.unwrittenObjectFrame(cue, a, b, clauseTokens, receiver ?? lastRecipient, () => this.addresseeInPurpose(cue, a, clauses[ci + 1], s, speaker, lastSubject)) ?? this.roundupFrame(cue, a, b, roundup?.object);
          const earlierCueEnd = previousCueEnd;
          previousCueEnd = cue.end;
          if (!frame) continue;
          framedCues.push(cue);

          // Subjects: named in their slot (a list: A、B和C先后会见了D), else those of a coordinated
          // earlier cue, else the clause after an adverbial opener, else the document's protagonist.
          const sa = frame.subjectSlot[0];
          // X通过Y向Z捐款: Y is the channel a gift or a letter went through, not its giver.
          const sb = cue.entry.relation === "pledged_to" || cue.entry.relation === "wrote_to" ? this.channelStart(sa, frame.subjectSlot[1], clauseTokens) : frame.subjectSlot[1];
          // (Only a cue that was read as a contact: 在峰会上宣布向X提供… has no summit in it.)
          const slotHasEarlierCue = framedCues.some((x) => x.start >= sa && x.end <= sb);
          const types = rel.participantTypes[cue.entry.relation];
          const ownSlotStart = slotHasEarlierCue ? Math.max(sa, earlierCueEnd) : sa;
          let subjects: Participant[] = this.subjectsIn(ownSlotStart, sb, clauseTokens, types?.subject, speaker, lastSubject);
          if (!subjects.length && slotHasEarlierCue) subjects = previousSubjects;
          // X在通话中向Y介绍了他…与Z会谈的情况: a pronoun after the last name of the slot stands for
          // the person the clause opened with, not for the one named last.
          if (opener && subjects.length && subjects[0]?.key !== opener && this.pronounAfterNames(ownSlotStart, sb, clauseTokens)) subjects = [{ key: opener }];
          if (!slotHasEarlierCue && subjects.length && sa === a) subjects = [...this.listBefore(s, clauses, ci, speaker, lastSubject), ...subjects];
          // A clause that goes on with a list (A、B、C，以及该州的师生还向X…): the names before it are its subjects too.
          if (!slotHasEarlierCue && !subjects.length && sa === a && LIST_CONTINUATIONS.some((w) => norm.startsWith(w, a))) subjects = this.listBefore(s, clauses, ci, speaker, lastSubject);
          // An adverbial clause (在…基础上，X…) takes the subject of the clause that follows it.
          // Only a subordinate clause (在同A会谈时，X指出) takes it: one that ends in 时/后/期间…
          const subordinate = rel.adverbialOpeners.some((o) => norm.startsWith(o, a)) && rel.subordinateEnds.some((w) => norm.slice(a, b).trimEnd().endsWith(w));
          if (!subjects.length && subordinate && nextClauseSubject) subjects = [{ key: nextClauseSubject }];
          // An implicit recipient needs a giver named in the clause itself, or in the clause on
          // whose basis it adds (在此前向X捐款…的基础上，再追加3000万美元): that pledge's giver.
          if (!subjects.length && "implicit" in frame) {
            const basis = clauses[ci - 1];
            const onBasis = basis !== undefined && sa === a && rel.subordinateEnds.some((w) => w.length >= 2 && norm.slice(basis[0], basis[1]).trimEnd().endsWith(w)) && previousGiver !== undefined && previousRecipient === frame.objects[0]?.key;
            if (!onBasis || !previousGiver) continue;
            subjects = [{ key: previousGiver }];
          }
          // The letter a reply answers: from the addressee of the last letter to its writer.
          if ("incoming" in frame) {
            const reply = [...events].reverse().find((e) => e.relation === "wrote_to");
            if (!reply) continue;
            subjects = [{ key: reply.object }];
            frame.objects.push({ key: reply.subject });
          }
          // 马英九同日复电: the reply goes to whoever wrote to the replier last.
          if ("reply" in frame) {
            const replier = subjects[0]?.key;
            const to = replier ? [...events].reverse().find((e) => e.relation === "wrote_to" && e.object === replier)?.subject : undefined;
            if (!to) continue;
            frame.objects.push({ key: to });
          }
          // 一些外国政府和领导人致电X: the senders are written, unnamed: nobody else is taken for them.
          if (!subjects.length && this.namesUnnamedSenders(sa, sb)) {
            const addressee = frame.objects[0];
            if (cue.entry.relation === "wrote_to" && addressee && frame.objects.length === 1) {
              const since = [...dates].reverse().find((d) => d.pos < cue.start && d.date && !d.rangeEnd)?.pos ?? a;
              roundup = { object: addressee.key, date: this.saysEarlier(a, since, cue.start, clauses[ci - 1]) ? null : dateBefore(cue.start) };
            }
            continue;
          }
          // A subject written as a noun we cannot resolve (美使馆还向…) is someone: not the text's main person.
          if (!subjects.length && sa === a && this.namesUnknownActor(sa, sb)) continue;
          if (!subjects.length && fieldSubject) subjects = [{ key: fieldSubject }];
          if (!subjects.length && sentenceTopic) subjects = [{ key: sentenceTopic }];
          if (!subjects.length && protagonist) subjects = [{ key: protagonist }];
          // The breakdown of a donation (其中，向A捐款…) is given by the giver named before.
          if (!subjects.length && lastSubject && cue.entry.relation === "pledged_to") subjects = [{ key: lastSubject }];
          if (!subjects.length) continue;
          // X代表中国政府向Y捐款: the pledge is the represented giver's.
          if (cue.entry.relation === "pledged_to") subjects = this.representedGiver(sa, sb, clauseTokens) ?? subjects;
          previousSubjects = subjects;
          // Planned, wished, hypothetical or negated contacts are not events; a clause joined to the
          // one before (…将于4日访问芬兰，并于6日同X举行会晤) shares its modality.
          // 向X的捐赠致以谢意: a pledge named as X's is thanked for, not made here.
          if (cue.entry.relation === "pledged_to" && norm[cue.start - 1] === "的") continue;
          // 最大捐款国, 捐赠者: the cue word heads a noun of the giver, not a gift.
          // (The noun ends there: 捐款国。, 捐款国之一 — not 捐赠|人民币.)
          if (cue.entry.relation === "pledged_to" && rel.giverNouns.some((w) => norm.startsWith(w, cue.end) && !/^\p{Script=Han}/u.test((norm[cue.end + w.length] ?? "").replace(/[的之和与及]/, "")))) continue;
          // X接收社会各界为Y捐款…: donations X received, not X's own.
          if (cue.entry.relation === "pledged_to" && !("implicit" in frame) && rel.receivingVerbs.some((v) => norm.slice(frame.subjectSlot[0], cue.start).includes(v))) continue;
          if (cue.entry.relation !== "pledged_to") {
            // 参加上述会见的还有A、B: those who attended, not those met.
            if (norm[cue.end] === "的" && lex.data.modality.attendance.some((w) => norm.slice(a, cue.start).includes(w))) continue;
            // 接见时在座的还有A和B: those present at it, not those met.
            if (norm[cue.end] === "时" && lex.data.modality.attendance.some((w) => norm.slice(cue.end, b).includes(w))) continue;
            if (isUnrealized(norm, sa, cue.start, cue.end, clauseTokens, lex)) {
              plannedClauses.add(ci);
              continue;
            }
            const previous = clauses[ci - 1];
            // …将会见法国领导人，同X举行会谈: a clause that opens with the preposition goes on with the
            // subject, and the plan, of the clause before.
            const prepositionFirst = sb === a && [...rel.withPrepositions, ...rel.indirectPrepositions].includes(norm[a] as string);
            const joined = lex.data.modality.coordinators.some((w) => norm.startsWith(w, a)) || prepositionFirst;
            if (previous && sa === a && joined && (plannedClauses.has(ci - 1) || isUnrealized(norm, previous[0], previous[1], previous[1], tokensIn(s.tokens, previous[0], previous[1]), lex))) {
              plannedClauses.add(ci);
              continue;
            }
          }

          let amount: Amount | null = null;
          if (cue.entry.relation === "pledged_to") {
            // An implied recipient's pledge may give the amount before the cue (收到了来自X的100万美元捐款).
            const found = scanAmounts(norm, lex.data.currencies, frame.objectStart, b)[0] ?? ("implicit" in frame ? scanAmounts(norm, lex.data.currencies, a, cue.start).at(-1) : undefined);
            if (found) amount = { value: found.value, currency: found.currency, text: this.surface(found.start, found.end) };
            // 累计2600万元: a running total of gifts reported one by one, no gift of its own.
            if (found && rel.aggregateMarkers.some((w) => norm.slice(Math.max(a, found.start - w.length - 2), found.start).includes(w))) continue;
          }
          // 分别向X捐赠100万元和500万元: one gift for each amount listed (on each date listed, if as many).
          const amounts = cue.entry.relation === "pledged_to" && amount ? this.amountsListed(cue, frame.objectStart, b) : [];
          if (cue.entry.needsAmount && !amount) continue;
          // 捐赠了两万只口罩: goods counted, no money — aid in kind is no pledge.
          if (cue.entry.relation === "pledged_to" && !amount && this.countsGoods(cue.end, b)) continue;

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
          if (lastDate?.date && spanEnd?.rangeEnd && spanEnd.date && lastDate.date.length >= 10 && spanEnd.date.length >= 10 && daysBetween(lastDate.date, spanEnd.date) > 2) date = null;
          const earlier = this.saysEarlier(a, lastDate?.pos ?? a, cue.start, clauses[ci - 1]);
          if (earlier) date = null;
          // A message of a roundup written with no date of its own has the roundup's.
          if ("roundup" in frame && !lastDate && !earlier && roundup) date = roundup.date;
          // A letter given in full (a heading, the text, the signer, the date) is dated by its signature.
          // (It wins over a date line above, which may be the signature of the letter before.)
          if (cue.entry.relation === "wrote_to" && !lastDate && !earlier && !("roundup" in frame)) date = signedDateAfter(norm, s.end) ?? date;
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
          // 分别会见A，B，C: after a distributive adverb the counterparts may run on over clauses
          // that are only a list (each its post and name).
          if (cue.entry.relation !== "pledged_to" && frame.objects.length && this.distributiveBefore(Math.max(a, cue.start - 3), cue.start)) {
            for (const more of this.listAfter(s, clauses, ci, speaker, lastSubject)) if (!frame.objects.some((o) => o.key === more.key)) frame.objects.push(more);
          }
          // A和B、C和D分别互致贺电: pairs, each of its own contact.
          const pairs = cue.entry.frames.includes("with") ? this.pairsBefore(a, cue.start, clauseTokens) : undefined;
          if (pairs) {
            subjects = pairs.map(([x]) => ({ key: x }));
            frame.objects.splice(0, frame.objects.length, ...pairs.map(([, y]) => ({ key: y })));
          }
          const span = this.sourceSpan(s);
          for (const subj of subjects) {
            const subject = this.actorFor(cue.entry.relation, subj);
            if (types && !this.fits(subject, types.subject)) continue;
            for (const obj of frame.objects) {
              if (obj.key === subject.key) continue;
              if (pairs && !pairs.some(([x, y]) => x === subject.key && y === obj.key)) continue;
              if (types && !this.fits(obj, types.object) && !(cue.entry.toCountry && this.fits(obj, ["Country"]))) continue;
              const initiator = initiatorIsObject ? obj.key : invitedBy === obj.key || invitedBy === subject.key ? invitedBy : null;
              const gifts: [string | null, Amount | null][] = amounts.length > 1 ? amounts.map((x, k) => [eventDates.length === amounts.length ? (eventDates[k] ?? null) : (eventDates[0] ?? null), x]) : eventDates.map((d) => [d, amount]);
              for (const [date, gift] of gifts) {
                if (date && date.length >= 10) lastEventDay = date;
                const callOrMessage = rel.callOrMessage.includes(cue.entry.word);
                // X致电Y，两人在电话中…: the sentence itself says it was a call, placed by X.
                if (callOrMessage && this.saysCall(cue.end, s.end)) {
                  events.push({ relation: "called", subject: subject.key, object: obj.key, initiator: subject.key, date, ...undatedDay, amount: null, spans: [span] });
                  continue;
                }
                const maybeCall = callOrMessage ? { maybeCall: true as const } : {};
                events.push({ relation: cue.entry.relation, subject: subject.key, object: obj.key, initiator, date, ...undatedDay, amount: gift, spans: [span], ...maybeCall });
                if (cue.entry.relation === "pledged_to") {
                  lastRecipient = previousRecipient = obj.key;
                  previousGiver = subject.key;
                }
                if (cue.entry.mutual) events.push({ relation: cue.entry.relation, subject: obj.key, object: subject.key, initiator, date, ...undatedDay, amount: gift, spans: [span] });
              }
            }
          }
          lastSubject = subjects[0]?.key;
        }
      }
    }
    return events;
  }

  /**
   * Whether the text before a cue marks its contact as earlier than the report (此前, 近日), after
   * the last date written before it, or as the whole clause before (此前，X致信…).
   */
  private saysEarlier(a: number, from: number, cueStart: number, previous: readonly [number, number] | undefined): boolean {
    return this.lex.data.relations.earlierMarkers.some((m) => {
      if (this.norm.slice(Math.max(a, from), cueStart).includes(m)) return true;
      return previous !== undefined && this.norm.slice(previous[0], previous[1]).trim() === m;
    });
  }


  /** The signer of a letter printed after `from`: the person written last before its signature date line. */
  private signerAfter(from: number, sentences: Sentence[], first: number): string | undefined {
    const signature = signatureLineAfter(this.norm, from);
    if (signature === undefined) return undefined;
    let signer: string | undefined;
    for (let k = first; k < sentences.length; k++) {
      const s = sentences[k] as Sentence;
      if (s.start >= signature) break;
      for (const t of s.tokens) if (t.kind === "person" && t.start >= from && t.end <= signature) signer = PERSON + t.name;
    }
    return signer;
  }


  /**
   * Pairs written A和B、C和D before a distributive adverb and a cue (…也分别互致了贺电): the persons
   * alternate 和 and 、 between them, an even number of them. Undefined for any other shape.
   */
  private pairsBefore(a: number, cueStart: number, tokens: Token[]): [string, string][] | undefined {
    if (!this.distributiveBefore(Math.max(a, cueStart - 6), cueStart)) return undefined;
    const persons = tokens.filter((t) => t.kind === "person" && t.end <= cueStart) as (Token & { kind: "person" })[];
    if (persons.length < 4 || persons.length % 2 !== 0) return undefined;
    for (let k = 0; k + 1 < persons.length; k++) {
      const gap = this.norm.slice((persons[k] as Token).end, (persons[k + 1] as Token).start);
      // The first joining mark decides (a post may hold its own: 外交、移民和劳动部长).
      const first = /[和、]/.exec(gap)?.[0];
      if (first !== (k % 2 === 0 ? "和" : "、")) return undefined;
    }
    const out: [string, string][] = [];
    for (let k = 0; k < persons.length; k += 2) out.push([PERSON + (persons[k] as Token & { kind: "person" }).name, PERSON + (persons[k + 1] as Token & { kind: "person" }).name]);
    return out;
  }


  /** Whether a distributive adverb (分别, 先后) stands in text[from, to). */
  private distributiveBefore(from: number, to: number): boolean {
    const text = this.norm.slice(from, to);
    return this.lex.data.relations.distributiveAdverbs.some((w) => text.includes(w));
  }

  /** Amounts after a distributive pledge cue joined by 和/、 (分别捐赠100万元和500万元), or none. */
  private amountsListed(cue: { start: number; end: number }, from: number, to: number): Amount[] {
    if (!this.distributiveBefore(Math.max(0, cue.start - 12), cue.start)) return [];
    const found = scanAmounts(this.norm, this.lex.data.currencies, from, to);
    const out: Amount[] = [];
    for (let k = 0; k < found.length; k++) {
      const x = found[k] as (typeof found)[number];
      if (k > 0 && !/^\s*(和|、|及|以及)\s*$/.test(this.norm.slice((found[k - 1] as (typeof found)[number]).end, x.start))) break;
      out.push({ value: x.value, currency: x.currency, text: this.surface(x.start, x.end) });
    }
    return out.length > 1 ? out : [];
  }

}
