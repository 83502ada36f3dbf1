import { glossAt, unwrap, wrapWidth } from './unwrap';

/** Paragraphs as a PDF's text layer gives them: cut into lines of a page 28 characters wide. */
const wrap = (paragraph: string) => paragraph.match(/.{1,28}/gu)!.join('\n');
const GOALS = '自本方案印发之日起，禁止燃放烟花爆竹区域内不再新审批设置烟花爆竹零售点。全面开展禁止燃放烟花爆竹宣传教育，引导广大市民自觉拒绝购买、燃放烟花爆竹，营造全社会共同参与的良好氛围。';
const CLOSING = '2020 年 9 月 30 日前，完成禁止燃放区域内烟花爆竹批发零售点的关闭、转营工作。全面实施禁止燃放烟花爆竹政策，严厉查处非法运输、销售和燃放烟花爆竹等违法行为，并形成长效机制。';
const AREA = '（一）各区主城区禁止燃放烟花爆竹区域，东至东山，西至包兰铁路，南至南河槽，北至林荫大道。';
const PAGE = ['二、工作目标', wrap(GOALS), wrap(CLOSING), '三、禁止燃放区域范围', wrap(AREA)].join('\n');

describe('unwrap: a PDF page read as sentences', () => {
  it('finds the width a page wrapped its lines at, and none in text of paragraphs', () => {
    expect(wrapWidth(PAGE.split('\n'))).toBe(28);
    expect(PAGE.split('\n').length).toBeGreaterThan(9);
    expect(wrapWidth(['一、总体要求', '各成员单位要建立台账，每月5日前报送进展情况。', '市公安局牵头。'])).toBeNull();
  });

  it('joins the lines of a sentence and takes out spaces beside figures, keeping headings and numbered lines apart', () => {
    const { text } = unwrap(PAGE);
    expect(text.split('\n')).toEqual(['二、工作目标', GOALS, CLOSING.replace('2020 年 9 月 30 日前', '2020年9月30日前'), '三、禁止燃放区域范围', AREA]);
  });

  it('maps every offset back into the text as given', () => {
    const { text, offsets } = unwrap(PAGE);
    for (let i = 0; i < text.length; i++) expect(PAGE[offsets[i]]).toBe(text[i]);
    expect(offsets[text.length]).toBe(PAGE.length);
  });

  it('takes out the pinyin a mirror put after characters, not a bracket of letters or figures', () => {
    const given = '各部門(mén)要加強(qiáng)安裝國家反詐中心(APP),PM2.5(年均)下降(5%)。';
    const { text, offsets } = unwrap(given);
    expect(text).toBe('各部門要加強安裝國家反詐中心(APP),PM2.5(年均)下降(5%)。');
    expect(given.slice(offsets[text.indexOf('加')], offsets[text.indexOf('安')])).toBe('加強(qiáng)');
  });

  it('reads a gloss where asked, and leaves no position behind for the next text ("部門(mén)" after a long one)', () => {
    const long = `${'各'.repeat(40)}部門(mén)`;
    expect(glossAt(long, long.indexOf('('))).toBe(5);
    expect(glossAt(long, 3)).toBe(0);
    expect(unwrap('部門(mén)要加強(qiáng)').text).toBe('部門要加強');
  });

  it('takes out a lost character left as "?" with its gloss, not a question', () => {
    expect(unwrap('團委在校園周邊向?qū)W生、群眾發放資料。是否完成?请于5月前报送。').text).toBe('團委在校園周邊向W生、群眾發放資料。是否完成?请于5月前报送。');
  });

  it('joins a line ending inside a sentence to the next across a blank line, not a heading or the next item', () => {
    const given = '三、整治内容\n\n  1、各行政村应做好生活垃圾收集和\n\n  处理，并对房前屋后进行检查。\n一、公示目的\n主动公开重点工作任务，\n2、各村要清理河道。';
    const { text, offsets } = unwrap(given);
    expect(text).toBe('三、整治内容\n\n  1、各行政村应做好生活垃圾收集和处理，并对房前屋后进行检查。\n一、公示目的\n主动公开重点工作任务，\n2、各村要清理河道。');
    for (let i = 0; i < text.length; i++) expect(given[offsets[i]]).toBe(text[i]);
  });

  it('leaves a task table alone, and text without breaks as it is', () => {
    const table = ['序号\t任务\t牵头单位', ...Array.from({ length: 6 }, (_, i) => `${i + 1}\t建立涉诈重点人员台账并按月更新动态\t市公安局`)].join('\n');
    expect(unwrap(table).text).toBe(table);
    const plain = '各成员单位要建立台账。';
    expect(unwrap(plain)).toEqual({ text: plain, offsets: Array.from({ length: plain.length + 1 }, (_, i) => i) });
  });
});
