/** XML 1.0 allows only some characters: tab, newline, carriage return, and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
const FORBIDDEN = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text with every character XML 1.0 forbids (U+0000, other controls, lone surrogates, U+FFFE/F) replaced by U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, "\ufffd");
}
