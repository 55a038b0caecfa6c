/**
 * Postings as words: titles and employer names cut into words by jieba (its shipped dictionary
 * plus every keyword of the rules and name of the employer table, so each is one word), after
 * the parts of a title that say nothing about the job are taken out: bracketed remarks, salaries,
 * place names and campaign phrases ("急招", "包吃住", "五险一金"). Each word brings the dictionary
 * words it is made of (jieba's search mode: 汽车零部件 → 汽车, 零部件), so a rule's word is found
 * inside a compound, but never inside a word of another meaning unless the dictionary says so:
 * 电子商务 brings 电子, which is why a rule carries exclude words (电子商务 for 电子). A platform's
 * industry label is split at its separators instead ("电子/半导体/集成电路" → three labels).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

export type WordField = 'title' | 'employer' | 'industry_hint';

/**
 * Words written back as text: Chinese words run on as a title writes them (跟单, 储备干部), so the
 * text can be searched for; a space only where two Latin words or numbers would run together.
 */
export function joinWords(words: string[]): string {
  // Each word is tested against the word before it, not the text so far: a regular expression on the
  // growing text read all of it every time (an employer of 300,000 characters took half a minute).
  const kept = words.filter((word) => word !== '');
  return kept.map((word, i) => (i > 0 && /[a-z0-9]$/i.test(kept[i - 1]) && /^[a-z0-9]/i.test(word) ? ' ' : '') + word).join('');
}

export interface Segmented {
  /** The text as classified: what is left once the noise is taken out, its words written as a title writes them (joinWords). */
  clean: string;
  /** Its words, lower-cased, without punctuation or numbers, each after the words it is made of. */
  words: string[];
}

export interface Vocabulary {
  /** Words that must come out of the segmenter whole: the rules' keywords, the employer table's names. */
  words: readonly string[];
  /** Words kept whole unless a word above needs their characters (the occupations: 普工, 装配工). */
  minorWords: readonly string[];
  /** Words dropped from titles: campaign phrases and place names jieba does not tag as places. */
  noise: readonly string[];
}

// Bracketed remarks in any of the brackets titles use, an unclosed one running to the end.
const BRACKETS = /[(（【\[〔<《{][^)）】\]〕>》}]*([)）】\]〕>》}]|$)/g;
// Salaries and headcounts: 5-8K, 6000~8000元/月, 15k, 10万, 2名, 年薪35万+ (not the 4 of 4S店 or the 3 of 3D)
const AMOUNTS = /(年薪|月薪|底薪)?\d+(\.\d+)?\s*([-~～至到]\s*\d+(\.\d+)?\s*([kKwW千万元]|元\/月)?|([kKwW千万元名人个](?![a-zA-Z])|元\/月))\+?/g;
// A platform label separates the industries it names with these.
const LABEL_SEPARATORS = /[/／、,，;；|()（）]+/;
// Full-width letters and digits (ＪＡＶＡ, ５Ｇ): cut as their ASCII forms, so a rule's Latin word is
// found in them; the posting keeps its text as written.
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
const narrow = (text: string) => text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
// Tokens that are not words: punctuation, symbols, spaces.
const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\s\d]*$/u;

/**
 * Frequencies given to the vocabulary's words: high enough that jieba never splits a rule's word,
 * and for the minor words enough to keep one whole but not to cut through a rule's word
 * (汽车装配工 stays 汽车装配 + 工, not 汽车 + 装配工).
 */
const USER_WORD_FREQUENCY = 200000;
const MINOR_WORD_FREQUENCY = 2000;

export interface Segmenter {
  segment(field: WordField, text: string): Segmented;
}

export function createSegmenter(vocabulary: Vocabulary): Segmenter {
  const jieba = Jieba.withDict(dict);
  const normal = (list: readonly string[]) => [...new Set(list.map((w) => w.trim().toLowerCase()).filter((w) => w && !/\s/.test(w)))];
  const words = normal(vocabulary.words);
  const minor = normal(vocabulary.minorWords).filter((w) => !words.includes(w));
  const entries = [...minor.map((w) => `${w} ${MINOR_WORD_FREQUENCY} n`), ...words.map((w) => `${w} ${USER_WORD_FREQUENCY} n`)];
  if (entries.length > 0) jieba.loadDict(Buffer.from(entries.join('\n')));
  const known = new Set([...words, ...minor]);
  const noise = new Set(vocabulary.noise.map((w) => w.trim().toLowerCase()));
  // Longest first, so 六险一金 goes before 一金 would.
  const phrases = [...noise].filter((w) => w.length > 1).sort((a, b) => b.length - a.length);

  /**
   * What the segmenter knows of a word, computed once per distinct word (titles and employer names
   * repeat their words: a national feed has some 50,000 employers made of a few thousand words):
   * whether jieba tags it as a place, and the dictionary words it is made of, itself last.
   */
  const seen = new Map<string, { place: boolean; parts: string[] }>();
  const about = (word: string) => {
    let info = seen.get(word);
    if (!info) {
      info = {
        place: jieba.tag(word, false).some(({ tag }) => tag === 'ns'),
        parts: [...jieba.cutForSearch(word, false).filter((part) => part !== word), word],
      };
      seen.set(word, info);
    }
    return info;
  };

  /**
   * A text's words, noise dropped; place names are left out of the clean text but their parts kept
   * (jieba tags 希尔顿酒店 as a place, and its 酒店 says the industry).
   */
  const segmentText = (text: string): Segmented => {
    const tokens = jieba.cut(text.toLowerCase(), false).filter((word) => known.has(word) || (!noise.has(word) && !NOT_A_WORD.test(word)));
    const clean = tokens.filter((word) => known.has(word) || !about(word).place);
    return { clean: joinWords(clean), words: [...new Set(tokens.flatMap((word) => about(word).parts))] };
  };

  return {
    segment(field, written) {
      const text = narrow(written);
      if (field === 'industry_hint') {
        const labels = text.toLowerCase().split(LABEL_SEPARATORS).map((part) => part.trim()).filter(Boolean);
        return { clean: labels.join(' '), words: labels };
      }
      let stripped = text.replace(BRACKETS, ' ');
      if (field === 'title') {
        stripped = stripped.replace(AMOUNTS, ' ').toLowerCase();
        for (const phrase of phrases) stripped = stripped.replaceAll(phrase, ' ');
      }
      return segmentText(stripped);
    },
  };
}
