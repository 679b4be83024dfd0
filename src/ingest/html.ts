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

/** Strips tags; keeps text positions. The <title> is returned apart (it is in <head>). */
export function htmlToText(html: string): HtmlText {
  const out = new MappedTextBuilder();
  let skipDepth = 0;
  const stack: string[] = [];
  let inTitle = false;
  let title = "";
  const newline = (pos: number) => {
    if (out.size > 0 && !out.endsWith("\n")) out.appendSeparator("\n", pos);
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        const tag = name.toLowerCase();
        if (tag === "title") inTitle = true;
        if (SKIP.has(tag)) skipDepth++;
        if (!VOID.has(tag)) stack.push(tag);
        if (BLOCK.has(tag)) newline(parser.startIndex);
      },
      onclosetag(name, implied) {
        const tag = name.toLowerCase();
        if (tag === "title") inTitle = false;
        if (VOID.has(tag)) {
          if (BLOCK.has(tag)) newline(parser.startIndex);
          return;
        }
        // Pop up to the matching tag (tolerates unclosed inner tags).
        const at = stack.lastIndexOf(tag);
        if (at >= 0) {
          for (let i = stack.length - 1; i >= at; i--) if (SKIP.has(stack[i] as string)) skipDepth = Math.max(0, skipDepth - 1);
          stack.length = at;
        }
        if (BLOCK.has(tag)) newline(implied ? parser.startIndex : parser.endIndex);
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (html.slice(start, end) === data) out.appendContiguous(data, start);
        else out.appendReplacement(data, start, end);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true }
  );
  parser.write(html);
  parser.end();
  const t = title.replace(/\s+/g, " ").trim();
  return t ? { text: out.build(), title: t } : { text: out.build() };
}

const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"]);
