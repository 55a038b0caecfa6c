/**
 * Reading the dashboard's tables and views: every column sorts, long lists page, Back restores the
 * previous filter, wide tables scroll with their first column in view. Expected values come from
 * warehouse.duckdb.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromiumAvailable } from './browser.ts';
import { dashboardSession, SHOTS } from './session.ts';
import { chartTable, settle, visit, screenshotPage } from './page-helpers.ts';
import { pdfText } from './pdf-text.ts';
import { dashboardFormat } from '../../dashboard/src/lib/time.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { ROUTES } from '../../dashboard/src/lib/url-state.ts';
import { DEFINITIONS, SOURCES, definitionText, type PolicyValues } from '../../pipeline/shared/definitions.ts';

const f = dashboardFormat('zh', zh.wording.timeZone);
const pinyin = new Intl.Collator('zh-CN-u-co-pinyin');

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('reading the dashboard', () => {
  const s = dashboardSession();

  it('sorts a table by any column from its header, by click or Enter, numbers as numbers and names by pinyin', async () => {
    const industries = await s.all<{ name_zh: string; supply: number }>(`SELECT name_zh, supply FROM mart_industry WHERE year = ${s.year}`);
    await visit(s.page, s.server.url, '#/gaps');
    await chartTable(s.page, 'supply-demand');
    const frame = s.page.locator('figure[data-chart="supply-demand"]');
    const supplyColumn = (await frame.locator('th').allTextContents()).findIndex((t) => t.startsWith(zh.gaps.supply));
    const header = frame.locator('th').nth(supplyColumn);
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await header.locator('button.sort').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const bySupply = [...industries].sort((a, b) => b.supply - a.supply);
    expect((await chartTable(s.page, 'supply-demand')).slice(1).map((r) => r[supplyColumn])).toEqual(bySupply.map((i) => f.int(i.supply)));
    // Enter on the focused header flips the order.
    await header.locator('button.sort').focus();
    await s.page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect((await chartTable(s.page, 'supply-demand')).slice(1).map((r) => r[supplyColumn])).toEqual(bySupply.reverse().map((i) => f.int(i.supply)));
    // The industry names, by pinyin.
    const name = frame.locator('th').nth(0);
    await name.locator('button.sort').click();
    expect(await name.getAttribute('aria-sort')).toBe('ascending');
    expect((await chartTable(s.page, 'supply-demand')).slice(1).map((r) => r[0])).toEqual(industries.map((i) => i.name_zh).sort(pinyin.compare));
  });

  it('pages the school list through every school instead of stopping at the first 50', async () => {
    const schools = (await s.all<{ school_code: string }>('SELECT school_code FROM mart_school')).map((r) => r.school_code);
    expect(schools.length).toBeGreaterThan(50);
    await visit(s.page, s.server.url, '#/schools');
    expect(await s.page.textContent('[data-results]')).toBe(zh.schools.results(schools.length));
    const seen: string[] = [];
    for (;;) {
      seen.push(...await s.page.$$eval('table.school-list a[data-school]', (links) => links.map((a) => a.getAttribute('data-school')!)));
      const next = s.page.locator('[data-page="next"]');
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(seen.sort()).toEqual([...schools].sort());
    // Sorting the whole list, not a page of it: the first row by students is the largest school.
    const { largest } = await s.one<{ largest: string }>('SELECT school_code AS largest FROM mart_school ORDER BY students DESC, school_code LIMIT 1');
    const students = s.page.locator('table.school-list th', { hasText: zh.schools.columns.students });
    await students.locator('button.sort').click();
    await students.locator('button.sort').click();
    await students.locator('button.sort').click();
    expect(await students.getAttribute('aria-sort')).toBe('descending');
    expect(await s.page.getAttribute('table.school-list tbody tr:first-child a[data-school]', 'data-school')).toBe(largest);
  });

  it('goes back to the previous filter with the browser Back button', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    await s.page.selectOption('select[name="level"]', 'higher');
    await settle(s.page);
    await s.page.selectOption('select[name="year"]', String(s.year - 1));
    await settle(s.page);
    expect(s.page.url()).toContain('level=higher');
    await s.page.goBack();
    await settle(s.page);
    expect(await s.page.inputValue('select[name="year"]')).toBe(String(s.year));
    expect(await s.page.inputValue('select[name="level"]')).toBe('higher');
    await s.page.goBack();
    await settle(s.page);
    expect(await s.page.inputValue('select[name="level"]')).toBe('');
    expect(new URL(s.page.url()).hash).toBe('#/gaps');
    await s.page.goForward();
    await settle(s.page);
    expect(await s.page.inputValue('select[name="level"]')).toBe('higher');
  });

  it('makes one history entry of a burst of changes to one filter, as arrow keys stepping through a select make', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    const length = () => s.page.evaluate(() => history.length);
    const before = await length();
    const level = s.page.locator('select[name="level"]');
    await level.focus();
    // Down three times: secondary, higher, bachelor, each a change event, well within a second.
    for (let i = 0; i < 3; i++) await s.page.keyboard.press('ArrowDown');
    await settle(s.page);
    expect(await level.inputValue()).toBe('bachelor');
    expect(await length()).toBe(before + 1);
    // After a pause, a change of the same filter is an entry of its own.
    await s.page.waitForTimeout(1_100);
    await s.page.selectOption('select[name="level"]', 'higher');
    await settle(s.page);
    expect(await length()).toBe(before + 2);
    await s.page.goBack();
    await settle(s.page);
    expect(await level.inputValue()).toBe('bachelor');
    await s.page.goBack();
    await settle(s.page);
    expect(await level.inputValue()).toBe('');
  });

  it('on a filter change rewrites only what depends on the filter, not the page title or language', async () => {
    await visit(s.page, s.server.url, '#/gaps');
    const writes = await s.page.evaluate(async () => {
      const records: string[] = [];
      const observer = new MutationObserver((list) => { for (const r of list) records.push(`${r.type} ${r.target.nodeName}`); });
      observer.observe(document.querySelector('title')!, { childList: true, characterData: true, subtree: true });
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
      const level = document.querySelector<HTMLSelectElement>('select[name="level"]')!;
      level.value = 'higher';
      level.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return records;
    });
    expect(writes).toEqual([]);
  });

  it('on a 390-pixel phone scrolls the advice table to its last column, the first column staying in view', async () => {
    const { code } = await s.one<{ code: string }>(`
      SELECT school_code AS code FROM mart_school_report GROUP BY school_code ORDER BY count(*) DESC, school_code LIMIT 1`);
    await s.page.setViewportSize({ width: 390, height: 844 });
    try {
      await visit(s.page, s.server.url, `#/schools?school=${code}`);
      await s.page.waitForSelector('figure[data-chart="school-labels"] table');
      const scroll = s.page.locator('figure[data-chart="school-labels"] .table-scroll');
      const geometry = await scroll.evaluate((el) => {
        const box = () => el.getBoundingClientRect();
        const heads = () => [...el.querySelectorAll('th')].map((th) => th.getBoundingClientRect());
        const before = { page: document.documentElement.scrollWidth, scrollable: el.scrollWidth > el.clientWidth };
        el.scrollLeft = el.scrollWidth;
        const after = heads();
        return { ...before, left: box().left, right: box().right, first: after[0], last: after[after.length - 1], columns: after.length };
      });
      // The page itself is no wider than the phone: the table scrolls inside its frame.
      expect(geometry.page).toBeLessThanOrEqual(390);
      expect(geometry.scrollable).toBe(true);
      expect(geometry.last.right).toBeLessThanOrEqual(geometry.right + 1);
      expect(geometry.last.left).toBeGreaterThanOrEqual(geometry.left);
      expect(Math.abs(geometry.first.left - geometry.left)).toBeLessThanOrEqual(1);
      expect(geometry.columns).toBe((await chartTable(s.page, 'school-labels'))[0].length);
      await screenshotPage(s.page, join(SHOTS, 'school-advice-390.png'));
    } finally {
      await s.page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('definitions beside every figure', () => {
  const s = dashboardSession();
  const readManifest = async () => JSON.parse(await (await fetch(`${s.server.url}data/manifest.json`)).text()) as { policy: PolicyValues; inputs: { file: string }[] };

  it('opens the definition of a card from the keyboard, and gives it to a screen reader as the description', async () => {
    const { policy } = await readManifest();
    await visit(s.page, s.server.url, '#/overview');
    const info = s.page.locator('[data-card="match_rate"] [data-definition]');
    const expected = definitionText('match_rate', 'zh', policy);
    await info.focus();
    expect(await info.evaluate((el) => el === document.activeElement)).toBe(true);
    const described = await info.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)!.textContent);
    for (const part of [expected.name, expected.definition, expected.formula]) expect(described).toContain(part);
    expect(await info.getAttribute('aria-label')).toBe(zh.definitions.about(expected.name));
    const pop = s.page.locator('[data-card="match_rate"] [role="tooltip"]');
    expect(await pop.isVisible()).toBe(false);
    await s.page.keyboard.press('Enter');
    expect(await pop.isVisible()).toBe(true);
    expect(await info.getAttribute('aria-expanded')).toBe('true');
    await s.page.keyboard.press('Escape');
    expect(await pop.isVisible()).toBe(false);
    // The fill-ratio threshold is printed from the snapshot's policy.
    await visit(s.page, s.server.url, '#/gaps');
    const fill = s.page.locator('figure[data-chart="fill-ratio"] h3 [data-definition="fill_ratio"]');
    await fill.click();
    expect(await s.page.textContent('figure[data-chart="fill-ratio"] h3 [role="tooltip"]'))
      .toContain(definitionText('fill_ratio', 'zh', policy).threshold);
  });

  it('puts an ⓘ on every card, every chart and every numeric column of every view, and cites sources, not files', async () => {
    const { inputs } = await readManifest();
    const { code } = await s.one<{ code: string }>('SELECT school_code AS code FROM mart_school ORDER BY students DESC LIMIT 1');
    const pages = [...ROUTES.filter((r) => r !== 'data' && r !== 'definitions').map((r) => `#/${r}`), `#/schools?school=${code}`];
    for (const hash of pages) {
      await visit(s.page, s.server.url, hash);
      await s.page.waitForTimeout(300);
      const missing = await s.page.evaluate(() => {
        const lacking = (selector: string, within: string) => [...document.querySelectorAll(selector)]
          .filter((el) => !el.querySelector(within)).map((el) => el.textContent!.trim().slice(0, 30));
        return [...lacking('main [data-card]', '[data-definition]'), ...lacking('main figure[data-chart] h3', '[data-definition]'),
          ...lacking('main th.num', '[data-definition]')];
      });
      expect(missing, hash).toEqual([]);
      const sources = await s.page.locator('main .source').allTextContents();
      for (const line of sources) for (const input of inputs) expect(line, hash).not.toContain(input.file);
    }
    await visit(s.page, s.server.url, '#/gaps');
    expect(await s.page.textContent('figure[data-chart="gap"] .source')).toContain(SOURCES.demand.zh);
  });

  it('lists every definition and the sources on the 口径说明 page, in both languages', async () => {
    const { policy } = await readManifest();
    for (const lang of ['zh', 'en'] as const) {
      await visit(s.page, s.server.url, `#/definitions${lang === 'en' ? '?lang=en' : ''}`);
      const [, ...rows] = await chartTable(s.page, 'definitions');
      expect(rows.map((r) => r[0])).toEqual(DEFINITIONS.map((d) => definitionText(d.id, lang, policy).name));
      expect(rows.map((r) => r[3])).toEqual(DEFINITIONS.map((d) => definitionText(d.id, lang, policy).threshold || '—'));
      const [, ...cited] = await chartTable(s.page, 'sources');
      expect(cited.map((r) => r[1])).toContain(SOURCES.majors[lang]);
    }
    await screenshotPage(s.page, join(SHOTS, 'definitions.png'));
  });
});

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('printing a view', () => {
  const s = dashboardSession();

  it('prints the whole view on A4 with its filters and data date in the header, in Chinese text', async () => {
    const manifest = JSON.parse(await (await fetch(`${s.server.url}data/manifest.json`)).text()) as { finished_at: string };
    const { district, name } = await s.one<{ district: string; name: string }>(`
      SELECT district_code AS district, any_value(district_name) AS name FROM mart_school WHERE level = 'higher'
      GROUP BY district_code ORDER BY count(*) DESC, district_code LIMIT 1`);
    await visit(s.page, s.server.url, `#/gaps?level=higher&district=${district}`);
    expect(await s.page.locator('[data-print]').textContent()).toBe(zh.print.button);
    // The button prints (window.print), and print media shows the header the screen hides.
    await s.page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
    await s.page.click('[data-print]');
    expect(await s.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await s.page.locator('[data-print-header]').isVisible()).toBe(false);
    const title = (await s.page.textContent('figure[data-chart="gap"] h3'))!.trim();
    await s.page.emulateMedia({ media: 'print' });
    try {
      expect(await s.page.locator('[data-print-header]').isVisible()).toBe(true);
      expect(await s.page.locator('.filter-bar').isVisible()).toBe(false);
      const pdf = await s.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pages = await pdfText(new Uint8Array(pdf));
      expect(pages.length).toBeGreaterThan(1);
      const first = pages[0].replace(/\s+/g, '');
      const squeeze = (t: string) => t.replace(/\s+/g, '');
      expect(first).toContain(squeeze(`${zh.appTitle} · ${zh.routes.gaps}`));
      expect(first).toContain(squeeze(`${zh.filters.level}：${zh.levels.higher}`));
      expect(first).toContain(squeeze(`${zh.filters.district}：${name}`));
      expect(first).toContain(squeeze(`${zh.filters.ownership}：${zh.filters.all}`));
      expect(first).toContain(squeeze(zh.print.refreshed(f.dateTime(manifest.finished_at))));
      // The whole view is printed, its last section too: the chart titles are text, not pictures of it.
      const all = squeeze(pages.join(''));
      expect(all).toContain(squeeze(title));
      expect(all).toContain(squeeze(zh.candidates.heading));
      // A4 portrait: 595 × 842 points.
      const size = pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/);
      expect(size && [Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]);
    } finally {
      await s.page.emulateMedia({ media: 'screen' });
    }
  });
});

describe.skipIf(!chromiumAvailable('the dashboard end-to-end tests'))('the data status in Chinese', () => {
  const s = dashboardSession();

  it('shows no English developer terms outside file names; the identifiers are folded into the technical detail', async () => {
    await visit(s.page, s.server.url, '#/data');
    await s.page.waitForSelector('figure[data-chart="run-history"]');
    // What is on screen, file names and paths (cited as detail) taken out.
    const shown = (await s.page.locator('main').innerText()).replace(/[\w./-]+\.(csv|xlsx|json|jsonl|arrow)\b/g, '');
    expect(shown.match(/\b[a-z]+_[a-z_]+\b|\b(mart|contract|manifest|snapshot|sha|SHA-256|full|manual|schedule|load|models|export|reports)\b/g) ?? []).toEqual([]);
    expect(await s.page.textContent('[data-tests-summary]')).toMatch(/^模型测试 \d+ 项/);
    // The identifiers are there for operators, one click away.
    await s.page.click('details.technical > summary');
    expect(await s.page.locator('figure[data-chart="model-tests"]').isVisible()).toBe(true);
  });
});
