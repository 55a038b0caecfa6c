/**
 * Titles and employer names as words (pipeline/postings/words.ts): what is taken out of a title,
 * how a compound brings its parts, and that the shipped tables' words survive segmentation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createSegmenter, joinWords } from '../../pipeline/postings/words.ts';
import { REFERENCE } from './fixture.ts';

const table = (name: string) => parse(readFileSync(join(REFERENCE, `${name}.csv`)), { columns: true }) as Record<string, string>[];
const rules = table('posting_rules');
const segmenter = createSegmenter({
  words: [...rules.map((r) => r.keyword), ...table('posting_employers').map((e) => e.employer)],
  minorWords: table('posting_occupations').map((o) => o.word),
  noise: table('posting_noise').map((n) => n.word),
});
const title = (text: string) => segmenter.segment('title', text);

describe('segmentation of postings', () => {
  it('takes brackets, salaries, campaign phrases and places out of a title', () => {
    // written back as a title writes its words, so what an analyst reads can be searched for
    expect(title('急招！SMT贴片操作员（包吃住）月薪6000-8000元').clean).toBe('smt贴片操作员');
    expect(title('重庆江北区汽车装配工 5-8K').clean).toBe('汽车装配工');
    expect(title('万科物业直招安全员+六险一金').clean).toBe('万科物业安全员');
    expect(title('4S店销售顾问 3-5K').clean).toBe('4s店销售顾问');
    expect(title('销售经理（英语，佛山8-12k）').clean).toBe('销售经理');
    expect(title('Java Developer 开发').clean).toBe('java developer开发');
    // full-width letters and digits, as a Chinese input method types them, are the same words
    expect(title('ＪＡＶＡ开发工程师（５Ｇ方向）')).toEqual(title('JAVA开发工程师（5G方向）'));
    expect(title('ＪＡＶＡ开发工程师').words).toContain('java');
  });

  it('matches whole words: a compound brings its parts, another word does not', () => {
    expect(title('汽车零部件质检').words).toEqual(expect.arrayContaining(['汽车', '零部件']));
    expect(title('电子商务专员').words).toContain('电子商务');
    expect(segmenter.segment('employer', '重庆商社旅游百货有限公司').words).toEqual(expect.arrayContaining(['旅游', '百货']));
    expect(title('雷达信号处理算法工程师').words).toEqual(expect.arrayContaining(['雷达', '算法']));
    expect(title('数据中心运维').words).not.toContain('电子');
    expect(segmenter.segment('employer', '重庆文化工作室').words).not.toContain('化工');
  });

  it('splits a platform label at its separators', () => {
    expect(segmenter.segment('industry_hint', '电子/半导体/集成电路').words).toEqual(['电子', '半导体', '集成电路']);
    expect(segmenter.segment('industry_hint', '金融(投资/证券').words).toEqual(['金融', '投资', '证券']);
  });

  it('keeps every keyword of the shipped rules as one word', () => {
    const split = rules.filter((r) => r.field !== 'industry_hint' && !title(r.keyword).words.includes(r.keyword.toLowerCase()));
    expect(split.map((r) => r.rule_id)).toEqual([]);
  });

  it('keeps every occupation word findable in a title made of it', () => {
    const lost = table('posting_occupations').filter((o) => !title(o.word).words.includes(o.word.toLowerCase()));
    expect(lost.map((o) => o.word)).toEqual([]);
  });
});

describe('joinWords', () => {
  it('runs Chinese words on, puts a space only between two Latin words or numbers, and skips empty words', () => {
    expect(joinWords(['数控', '车工'])).toBe('数控车工');
    expect(joinWords(['java', '开发', '工程师'])).toBe('java开发工程师');
    expect(joinWords(['c', 'plus', '5g', '运维'])).toBe('c plus 5g运维');
    expect(joinWords(['java', '', 'spring'])).toBe('java spring');
    expect(joinWords([])).toBe('');
  });
});
