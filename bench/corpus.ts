/**
 * A deterministic generator of news-like corpora for benchmarks: the sentence shapes of
 * agency reports (datelines, title chains, 应约…通电话, 会见, 致信, 捐款, speech-verb quotes and
 * filler) recombined with gazetteer countries, titles and organizations, generated person names
 * and dates. The same seed gives the same bytes.
 */
import { loadLexiconData } from "../src/lexicon/data.js";
import { seededRandom } from "../src/util/random.js";

const FILLER = [
  "双方就共同关心的国际和地区问题深入交换了意见。",
  "会谈后，两国领导人共同见证了多项双边合作文件的签署。",
  "双方一致同意加强在经贸、人文、卫生等领域的交流合作。",
  "当前，国际形势复杂多变，各方应加强沟通协调。",
  "这是两国领导人今年以来的又一次重要互动。",
  "分析人士认为，此访将推动双边关系迈上新台阶。",
];
const GIVEN = "明华国建伟志强平军林文杰宏玉海涛云峰晓亮";
const CITIES = ["北京", "上海", "莫斯科", "日内瓦", "纽约", "巴黎", "开罗", "雅加达"];

export interface GeneratedDoc {
  id: string;
  date: string;
  text: string;
}

/** Documents until `bytes` of UTF-8 text are reached. */
export function* generateCorpus(bytes: number, seed = 1): Generator<GeneratedDoc> {
  const data = loadLexiconData();
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const translit = [...data.transliterationChars].filter((c) => /\p{Script=Han}/u.test(c));
  const surnames = data.surnames.filter((s) => s.length === 1);
  const foreign = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(translit)).join("");
  const chinese = () => pick(surnames) + Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick([...GIVEN])).join("");
  const countries = data.countries.filter((c) => c.iso2 !== "CN");
  const titles = ["总统", "总理", "首相", "外长", "国王", "副总统", "议长"];
  const orgs = data.organizations.filter((o) => !o.roleOf).map((o) => o.label);
  const homeTitles = ["国家主席", "国务院总理", "国家副主席", "国务委员兼外长"];
  const leaders = Array.from({ length: 40 }, () => ({ name: chinese(), title: pick(homeTitles) }));
  let written = 0;
  for (let n = 0; written < bytes; n++) {
    const year = 2015 + Math.floor(rand() * 10);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const me = pick(leaders);
    const lines: string[] = [];
    const headlineCountry = pick(countries).label;
    lines.push(`${me.name}同${headlineCountry}领导人举行会谈`);
    lines.push(`新华社${pick(CITIES)}${month}月${day}日电 ${me.title}${me.name}${day}日${pick(["晚", "下午", "上午", ""])}应约同${headlineCountry}${pick(titles)}${foreign()}通电话。`);
    const sentences = 4 + Math.floor(rand() * 10);
    for (let i = 0; i < sentences; i++) {
      const c = pick(countries).label;
      const person = foreign();
      const d = 1 + Math.floor(rand() * 28);
      switch (Math.floor(rand() * 7)) {
        case 0:
          lines.push(`${me.name}${d}日在${pick(CITIES)}会见${c}${pick(titles)}${person}。`);
          break;
        case 1:
          lines.push(`${person}表示，${c.slice(0, 1)}方愿同中方一道，推动双边关系持续发展。`);
          break;
        case 2:
          lines.push(`中国政府决定向${pick(orgs)}捐款${1 + Math.floor(rand() * 50)}00万美元。`);
          break;
        case 3:
          lines.push(`${me.name}${d}日致信${c}${pick(titles)}${person}，祝贺其就职。`);
          break;
        case 4:
          lines.push(`${me.name}指出，中方高度重视发展同${c}的关系。`);
          break;
        default:
          lines.push(pick(FILLER));
      }
    }
    const text = lines.join("\n");
    written += Buffer.byteLength(text);
    yield { id: `gen-${seed}-${n}`, date: `${year}-${String(month).padStart(2, "0")}-${String(day + 1).padStart(2, "0")}`, text };
  }
}

/**
 * Syndicated news: the same articles again and again under other ids (agencies' copies, as a
 * site republishes them), until `bytes` of text; every copy reports the same contacts.
 */
export function* syndicatedCorpus(articles: string[], bytes: number): Generator<GeneratedDoc> {
  let written = 0;
  for (let n = 0; written < bytes; n++) {
    const text = articles[n % articles.length] as string;
    written += Buffer.byteLength(text);
    yield { id: `copy-${String(n).padStart(6, "0")}`, date: "2020-01-01", text };
  }
}
