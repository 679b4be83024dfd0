/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with BOM are decoded directly;
 * otherwise the legacy Chinese encodings (GB18030/GBK, Big5) are detected with chardet and
 * decoded with iconv-lite. Binary data and undecodable text are refused with a reason.
 */
import chardet from "chardet";
import iconv from "iconv-lite";

export class DecodeError extends Error {}

// All supported by iconv-lite; Big5-HKSCS covers the Hong Kong additions to Big5.
const CHINESE_ENCODINGS = ["GB18030", "Big5", "Big5-HKSCS"];

/** Decodes file content; throws DecodeError with a human-readable reason. */
export function decodeBytes(bytes: Uint8Array, hint?: string): { text: string; encoding: string } {
  if (bytes.length === 0) throw new DecodeError("empty file");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3)) ?? lossyUtf8(bytes.subarray(3)), encoding: "UTF-8" };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(2)), encoding: le ? "UTF-16LE" : "UTF-16BE" };
  }
  if (looksBinary(bytes)) throw new DecodeError("binary content (not text)");
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "UTF-8" };

  const candidates: string[] = [];
  if (hint && iconv.encodingExists(hint)) candidates.push(hint);
  for (const m of chardet.analyse(bytes)) {
    if (iconv.encodingExists(m.name) && !candidates.includes(m.name)) candidates.push(m.name);
  }
  // The Chinese legacy encodings are always tried: chardet's confidence on short texts is low.
  for (const e of CHINESE_ENCODINGS) if (!candidates.includes(e) && iconv.encodingExists(e)) candidates.push(e);
  let best: { text: string; encoding: string; score: number } | undefined;
  for (const encoding of candidates) {
    const text = iconv.decode(Buffer.from(bytes), encoding);
    const score = plausibility(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  if (!best || best.score < 0.5) throw new DecodeError("undecodable text (neither UTF-8 nor a known Chinese encoding)");
  return { text: best.text, encoding: best.encoding };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function lossyUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/** NUL bytes or a high share of control characters in the first 8 KB mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.1;
}

/**
 * Share of characters that are common in Chinese news text: frequent Han characters,
 * ASCII and CJK punctuation. A wrong decoding yields rare characters and replacement marks.
 */
function plausibility(text: string): number {
  const n = Math.min(text.length, 20000);
  if (n === 0) return 0;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) continue;
    if (c < 0x80) good++;
    else if (c >= 0x4e00 && c <= 0x9fa5) good += COMMON.has(text[i] as string) ? 1 : 0.6;
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) good++;
  }
  return good / n;
}

// The most frequent characters of Chinese news text, simplified and traditional forms:
// they separate a right decoding from a GBK/Big5 mix-up, which produces rare characters.
const COMMON = new Set(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龍國會說對時來們這為與發個開東門關問題經過長現當實點從還進動種體義們際話語電場學樣應後麼"
);
