/**
 * HTML → plain text with an offset map into the original HTML. Scripts, styles and the
 * page's structural furniture (nav, footer, aside, forms) are dropped; block elements end lines.
 * Built on htmlparser2's event parser, which reports each text node's position in the source.
 */
import { Parser } from "htmlparser2";
import { MappedTextBuilder, type MappedText } from "../util/mapped-text.js";

const SKIP = new Set(["script", "style", "noscript", "template", "nav", "footer", "aside", "form", "select", "option", "button", "iframe", "svg", "head"]);
const BLOCK = new Set([
  "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section", "article",
  "header", "main", "blockquote", "pre", "dd", "dt", "dl", "figure", "figcaption", "hr", "title",
]);

export interface HtmlText {
  text: MappedText;
  title?: string;
}

/**
 * Strips tags; keeps text positions. The <title> is returned apart (it is in <head>).
 * Elements whose class or id names furniture (`skipClasses`: related, share, breadcrumb …) are
 * dropped, and so is a list item that is all link text (a related-articles list).
 */
export function htmlToText(html: string, skipClasses: readonly string[] = []): HtmlText {
  const out = new MappedTextBuilder();
  const skipWords = new Set(skipClasses.map((c) => c.toLowerCase()));
  let skipDepth = 0;
  const stack: string[] = [];
  // Skipping by class: the tag stack depth at which the skipped element opened.
  const skipStack: number[] = [];
  let linkDepth = 0;
  // The outermost <li> being read: its text waits until we know whether it is only a link.
  let item: { depth: number; pieces: (() => void)[]; chars: number; linkChars: number } | undefined;
  let inTitle = false;
  let title = "";
  const newline = (pos: number) => {
    if (out.size > 0 && !out.endsWith("\n")) out.appendSeparator("\n", pos);
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = name.toLowerCase();
        if (tag === "title") inTitle = true;
        if (SKIP.has(tag)) skipDepth++;
        if (VOID.has(tag)) {
          if (BLOCK.has(tag)) emit(() => newline(parser.startIndex));
          return;
        }
        stack.push(tag);
        if (isFurniture(attribs, skipWords)) {
          skipStack.push(stack.length);
          skipDepth++;
        }
        if (tag === "a") linkDepth++;
        if (tag === "li" && !item && skipDepth === 0) {
          newline(parser.startIndex);
          item = { depth: stack.length, pieces: [], chars: 0, linkChars: 0 };
        } else if (BLOCK.has(tag)) emit(() => newline(parser.startIndex));
      },
      onclosetag(name, implied) {
        const tag = name.toLowerCase();
        if (tag === "title") inTitle = false;
        if (VOID.has(tag)) return;
        // Pop up to the matching tag (tolerates unclosed inner tags).
        const at = stack.lastIndexOf(tag);
        if (at >= 0) {
          for (let i = stack.length - 1; i >= at; i--) {
            const open = stack[i] as string;
            if (SKIP.has(open)) skipDepth = Math.max(0, skipDepth - 1);
            if (open === "a") linkDepth = Math.max(0, linkDepth - 1);
            while (skipStack.length && (skipStack[skipStack.length - 1] as number) === i + 1) {
              skipStack.pop();
              skipDepth = Math.max(0, skipDepth - 1);
            }
          }
          stack.length = at;
        }
        const pos = implied ? parser.startIndex : parser.endIndex;
        if (item && stack.length < item.depth) {
          const done = item;
          item = undefined;
          // A list item that is (nearly) all link text is a link list entry: furniture.
          if (!(done.chars > 0 && done.linkChars / done.chars >= LINK_SHARE)) for (const piece of done.pieces) piece();
          newline(pos);
        } else if (BLOCK.has(tag)) emit(() => newline(pos));
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const contiguous = html.slice(start, end) === data;
        emit(() => (contiguous ? out.appendContiguous(data, start) : out.appendReplacement(data, start, end)));
        if (item) {
          const chars = data.replace(/\s+/g, "").length;
          item.chars += chars;
          if (linkDepth > 0) item.linkChars += chars;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true }
  );
  const emit = (piece: () => void) => (item ? item.pieces.push(piece) : piece());
  parser.write(html);
  parser.end();
  const t = title.replace(/\s+/g, " ").trim();
  return t ? { text: out.build(), title: t } : { text: out.build() };
}

const LINK_SHARE = 0.8;

/** Whether an element's class or id names page furniture (words split at - and _). */
function isFurniture(attribs: Record<string, string>, words: Set<string>): boolean {
  if (words.size === 0) return false;
  const names = `${attribs.class ?? ""} ${attribs.id ?? ""}`.toLowerCase().split(/[\s\-_]+/);
  return names.some((n) => n !== "" && words.has(n));
}

const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"]);
