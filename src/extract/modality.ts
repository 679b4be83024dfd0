/**
 * Modality of a contact: a cue word reports a contact only when nothing before it in its clause
 * makes the contact planned (将会见), wished (希望会晤), hypothetical (如有机会…通电话) or
 * negated (没有通话), and nothing right after it denies it (会晤未能举行). The word lists are
 * data (patterns/modality.json). Pledges are promises by nature and are not judged here.
 */
import type { Lexicon } from "../lexicon/lexicon.js";
import type { Token } from "./tokens.js";

/** Whether text[from, cueStart) or the words right after the cue make the contact unrealized. */
export function isUnrealized(norm: string, from: number, cueStart: number, cueEnd: number, tokens: Token[], lex: Lexicon): boolean {
  let t = 0;
  for (let i = from; i < cueStart; i++) {
    while (t < tokens.length && (tokens[t] as Token).end <= i) t++;
    const tok = tokens[t];
    if (tok && tok.start <= i && i < tok.end) {
      i = tok.end - 1; // inside a name
      continue;
    }
    const exception = lex.modalityExceptions.longestAt(norm, i) ?? (i > from ? lex.modalityExceptions.longestAt(norm, i - 1) : undefined);
    if (exception && exception.end > i) {
      i = exception.end - 1;
      continue;
    }
    if (lex.unrealized.matchesAt(norm, i)) return true;
  }
  return lex.negationAfter.matchesAt(norm, cueEnd);
}
