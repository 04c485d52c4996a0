// Drives Debian's Chromium (headless) with playwright-core against `histograph serve`, the
// way a person would use the UI; run by tests/browser/test_browser.py, which asserts on the
// JSON this prints. Usage: node ui.mjs CONFIG.json
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const shots = cfg.screenshots;
fs.mkdirSync(shots, { recursive: true });
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'histograph-chromium-'));

const result = { steps: {}, pageErrors: [], dialogs: [], consoleErrors: [], failedRequests: [] };
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: cfg.chromium,
  headless: true,
  viewport: { width: 1280, height: 860 },
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync',
  ],
});
context.setDefaultTimeout(15000);
const page = context.pages()[0] || await context.newPage();
page.on('pageerror', (e) => result.pageErrors.push(`${page.url()}: ${e.message}`));
page.on('dialog', async (d) => { result.dialogs.push(`${page.url()}: ${d.message()}`); await d.dismiss(); });
page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on('requestfailed', (r) => result.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));

async function shot(name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

// Nothing a document said may have run or become markup.
async function xssCheck(label) {
  const found = await page.evaluate(() => {
    const out = { xss: window.__xss ?? null, inlineScripts: 0, handlers: [], jsLinks: [] };
    out.inlineScripts = document.querySelectorAll('script:not([src]):not([type="application/json"])').length;
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) out.handlers.push(`${el.tagName}.${a.name}`);
        if ((a.name === 'href' || a.name === 'src') && /^\s*javascript:/i.test(a.value)) out.jsLinks.push(a.value);
      }
    }
    out.foreign = document.querySelectorAll('main img, main svg, main iframe, main object').length;
    return out;
  });
  result.steps[`xss:${label}`] = found;
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    result.steps[name] = { ok: true, ...(await fn()) };
  } catch (e) {
    result.steps[name] = { ok: false, error: String(e && e.stack || e) };
    try { await shot(`failed-${name}`); } catch { /* the page may be gone */ }
  }
  result.steps[name].ms = Date.now() - t0;
}

const base = cfg.base;

// Where to click an event drawn inside the timeline's window and not covered by another
// (the timeline opens on where most events are: items of other years sit at its edges).
async function visibleItem() {
  return page.evaluate(() => {
    const holder = document.querySelector('#timeline .vis-center') || document.querySelector('#timeline');
    const h = holder.getBoundingClientRect();
    for (const el of document.querySelectorAll('.vis-item.ev')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.left < h.left || r.right > h.right || r.top < h.top || r.bottom > h.bottom) continue;
      const x = r.left + Math.min(12, r.width / 2), y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && el.contains(hit)) return { x, y };
    }
    return null;
  });
}

await step('timeline', async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector('#timeline[data-ready="1"] .vis-item.ev');
  const items = await page.locator('.vis-item.ev').count();
  const ranges = await page.locator('.vis-item.ev.imprecise').count();
  const axisState = () => page.evaluate(() => {
    const axis = document.querySelector('.vis-time-axis.vis-foreground');
    const labels = axis ? [...axis.querySelectorAll('.vis-text')] : [];
    return labels.map((l) => l.innerText + '@' + l.style.transform + l.style.left).join('|');
  });
  // labels drawn over one another: pairs of drawn items whose boxes (label included) cross,
  // among the items inside the timeline's window
  const overlaps = () => page.evaluate(() => {
    const win = document.querySelector('#timeline .vis-center').getBoundingClientRect();
    const boxes = [...document.querySelectorAll('#timeline .vis-item.ev')]
      .map((el) => ({ r: el.getBoundingClientRect(), t: el.innerText }))
      .filter(({ r, t }) => t.trim() && r.width > 0 && r.right > win.left && r.left < win.right);
    const pairs = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r; const b = boxes[j].r;
        const w = Math.min(a.right, b.right, win.right) - Math.max(a.left, b.left, win.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) pairs.push(`${boxes[i].t} / ${boxes[j].t}`);
      }
    }
    return pairs;
  });
  const overlapsFirst = await overlaps();
  const axisBefore = await axisState();
  await page.mouse.move(640, 330);
  const box = await page.locator('#timeline').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -600);  // zoom in
  await page.waitForTimeout(400);
  const axisAfter = await axisState();
  await page.waitForTimeout(600);
  const overlapsZoomed = await overlaps();
  await shot('timeline');
  // filter by type: the list and the drawing both follow
  const rowsBefore = await page.locator('#event-list .event-row:visible').count();
  const option = await page.locator('#f-type option').nth(1).getAttribute('value');
  await page.selectOption('#f-type', option);
  await page.waitForTimeout(200);
  const rowsAfter = await page.locator('#event-list .event-row:visible').count();
  await page.selectOption('#f-type', '');
  return {
    items, ranges, zoomed: axisBefore !== axisAfter, rowsBefore, rowsAfter, filterType: option,
    overlapsFirst, overlapsZoomed,
  };
});

await step('click-event', async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector('#timeline[data-ready="1"] .vis-item.ev');
  await page.locator('#timeline').evaluate((el) => el.scrollIntoView());
  const at = await visibleItem();
  if (!at) throw new Error('no event is drawn uncovered inside the timeline window');
  await Promise.all([page.waitForURL(/\/events\//), page.mouse.click(at.x, at.y)]);
  await page.waitForSelector('h1.event-title');
  const mentions = await page.locator('#sources article.mention').count();
  const sourceLinks = await page.locator('#sources a.source-link').count();
  await shot('event');
  return { url: page.url(), title: await page.locator('h1.event-title').innerText(), mentions, sourceLinks };
});

await step('conflict', async () => {
  if (cfg.conflictEvent) {
    await page.goto(`${base}/`);
    await Promise.all([page.waitForURL(/\/events\//),
      page.locator(`#event-list li[data-id="${cfg.conflictEvent}"] a.event-link`).click()]);
  } else {
    await page.goto(`${base}/conflicts`);
    if (!cfg.anyConflict) {  // nothing to see: the knowledge base has no conflict today
      await shot('conflicts');
      return { skipped: 'the knowledge base has no conflict' };
    }
    await shot('conflicts');
    await Promise.all([page.waitForURL(/\/(people|events)\//),
      page.locator('article.conflict header a').first().click()]);
  }
  await page.waitForSelector('#conflicts article.conflict');
  const conflicts = await page.locator('#conflicts article.conflict').count();
  const explanation = await page.locator('#conflicts .explanation').first().innerText();
  const values = await page.locator('#conflicts table.values tbody tr').count();
  await shot('conflict');
  return { url: page.url(), conflicts, explanation, values, viaEvent: Boolean(cfg.conflictEvent) };
});

await step('person', async () => {
  await page.goto(`${base}/people`);
  await Promise.all([page.waitForURL(/\/people\/.+/),
    page.locator('a.person-link', { hasText: cfg.personName }).first().click()]);
  await page.waitForSelector('h1.person-name');
  const name = await page.locator('h1.person-name').innerText();
  const roles = await page.locator('#roles table.roles tbody tr').count();
  const events = await page.locator('#events .event-row').count();
  await shot('person');
  return { url: page.url(), name, roles, events };
});

await step('search', async () => {
  await page.goto(`${base}/`);
  await page.fill('.quick-search input[name=q]', cfg.searchWord);
  await Promise.all([page.waitForURL(/\/search\?q=/), page.press('.quick-search input[name=q]', 'Enter')]);
  await page.waitForSelector('#sentence-hits');
  const hits = await page.locator('li.hit').count();
  await shot('search');
  await Promise.all([page.waitForURL(/\/sources\//), page.locator('li.hit .hit-text a').first().click()]);
  await page.waitForSelector('#doc-text');
  const focus = await page.locator('#doc-text .focus').count();
  const highlights = await page.locator('#doc-text .hl').count();
  await shot('source');
  return { hits, focus, highlights };
});

await step('hostile', async () => {
  const visited = [];
  for (const id of cfg.hostileDocs) {
    await page.goto(`${base}/sources/${encodeURIComponent(id)}`);
    await page.waitForSelector('#doc-text');
    await xssCheck(`source-${visited.length}`);
    visited.push(page.url());
    if (visited.length === 1) await shot('hostile-source');
    await page.goto(`${base}/?source=${encodeURIComponent(id)}`);
    await page.waitForSelector('#event-list', { state: 'attached' });
    await page.waitForTimeout(200);
    await xssCheck(`timeline-${visited.length}`);
    const links = await page.locator('#event-list a.event-link').evaluateAll((as) => as.map((a) => a.href));
    for (const href of links.slice(0, 3)) {
      await page.goto(href);
      await xssCheck(`event-${href.split('/').pop()}`);
    }
  }
  for (const q of ['script', 'onerror', 'javascript']) {
    await page.goto(`${base}/search?q=${q}`);
    await xssCheck(`search-${q}`);
  }
  for (const p of ['/people?kind=', '/sources', '/conflicts', '/onthisday?date=11-09', '/timelinejs']) {
    await page.goto(`${base}${p}`);
    await page.waitForTimeout(100);
    await xssCheck(`page-${p}`);
  }
  const text = await page.evaluate(() => document.body.innerText.length);
  return { visited: visited.length, text };
});

await step('timelinejs-export', async () => {
  await page.goto(cfg.timelinejsHarness);
  await page.waitForSelector('.tl-timeline .tl-slide');
  await page.waitForTimeout(500);
  const slides = await page.locator('.tl-slide').count();
  const markers = await page.locator('.tl-timemarker').count();
  const title = await page.locator('.tl-slide-titleslide .tl-headline').first().innerText();
  await shot('timelinejs-export');
  return { slides, markers, title, url: page.url() };
});

await step('static-site', async () => {
  await page.goto(cfg.siteIndex);
  await page.waitForSelector('#timeline[data-ready="1"] .vis-item.ev');
  await shot('site-timeline');
  const at = await visibleItem();
  if (!at) throw new Error('no event is drawn uncovered inside the timeline window');
  await Promise.all([page.waitForURL(/\/events\/[^/]+\.html$/), page.mouse.click(at.x, at.y)]);
  await page.waitForSelector('h1.event-title');
  const mentions = await page.locator('#sources article.mention').count();
  await page.goto(cfg.siteIndex.replace('index.html', 'timelinejs.html'));
  await page.waitForSelector('.tl-timeline .tl-slide');
  await shot('site-timelinejs');
  await page.goto(cfg.siteIndex.replace('index.html', `search.html?q=${cfg.searchWord}`));
  await page.waitForSelector('#static-search li.hit');
  const hits = await page.locator('#static-search li.hit').count();
  return { mentions, hits };
});

// No page may scroll sideways: on a laptop (1,280 px) and on a phone (390 px).
await step('overflow', async () => {
  const pages = {
    timeline: '/', conflicts: '/conflicts', people: '/people', sources: '/sources',
    onthisday: '/onthisday?date=11-09', search: `/search?q=${cfg.searchWord}`, timelinejs: '/timelinejs',
  };
  const ev = cfg.conflictEvent || cfg.anyEvent;
  if (ev) {
    pages.event = `/events/${encodeURIComponent(ev)}`;
    for (const style of ['explainer', 'card', 'onthisday', 'anniversary', 'guide']) {
      pages[`brief-${style}`] = `/events/${encodeURIComponent(ev)}/brief?style=${style}`;
    }
  }
  if (cfg.personId) pages.person = `/people/${encodeURIComponent(cfg.personId)}`;
  if (cfg.hostileDocs.length) pages.source = `/sources/${encodeURIComponent(cfg.hostileDocs[0])}`;
  const wide = [];
  const sizes = {};
  for (const [w, h] of [[1280, 860], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    for (const [name, p] of Object.entries(pages)) {
      await page.goto(`${base}${p}`);
      await page.waitForTimeout(name === 'timeline' || name === 'timelinejs' ? 600 : 100);
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
        height: document.documentElement.scrollHeight,
      }));
      sizes[`${name}@${w}`] = m;
      if (m.scroll > m.client) wide.push(`${name}@${w}: ${m.scroll}px in ${m.client}px`);
      if (w === 390) await shot(`phone-${name}`);
      else if (name.startsWith('brief-') || name === 'onthisday' || name === 'people') await shot(name);
    }
  }
  await page.setViewportSize({ width: 1280, height: 860 });
  return { wide, sizes };
});

await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
