// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectArticle, findBody, isChrome, scanPageInSlices, titleWithoutSite } from '@/utils/page/detect-article';

function page(head: string, body: string) {
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  return document;
}

const para = (text: string, n = 5) => Array.from({ length: n }, (_, i) => `<p>${text} (${i + 1})</p>`).join('\n');
const REPORT = 'The council voted on Tuesday to expand the bus network, officials said, after months of debate over costs and routes that residents told reporters were overdue.';
const ZH_REPORT = '2月7日，市自然资源和规划局召开专题会议，部署冬春季地质灾害防治工作，要求各县区加强隐患排查，落实值班值守制度。';

beforeEach(() => {
  document.documentElement.removeAttribute('lang');
  document.title = '';
});

describe('news signals', () => {
  it('takes a page marked up as NewsArticle in JSON-LD for an article', () => {
    const d = detectArticle(page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-07T08:00:00Z"}</script>', `<article>${para(REPORT)}</article>`), 'https://example.com/a');
    expect(d.isArticle).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/schema:NewsArticle/);
    expect(d.publishedAt).toBe('2024-02-07');
  });

  it('reads JSON-LD wrapped in CDATA markers and microdata itemtypes', () => {
    const ld = detectArticle(page('<script type="application/ld+json"><![CDATA[ {"@type":"NewsArticle"} ]]></script>', `<div>${para(REPORT)}</div>`), 'https://example.com/a');
    expect(ld.reasons.join(' ')).toMatch(/schema:NewsArticle/);
    const micro = detectArticle(page('', `<div itemscope itemtype="http://schema.org/NewsArticle"><div itemprop="articleBody">${para(REPORT)}</div></div>`), 'https://example.com/a');
    expect(micro.reasons.join(' ')).toMatch(/schema:NewsArticle/);
  });

  it('counts news metadata, a publication date, a byline and a dated news URL', () => {
    const d = detectArticle(page(
      '<meta property="og:type" content="article"><meta name="news_keywords" content="buses"><meta property="article:published_time" content="2024-02-07"><meta name="author" content="A. Reporter">',
      `<div class="story">${para(REPORT)}</div>`,
    ), 'https://example.com/news/2024/02/07/council-expands-bus-network');
    expect(d.isArticle).toBe(true);
    for (const r of ['og:type=article', 'news metadata', 'published date', 'byline', 'article-like URL', 'news section URL']) expect(d.reasons.join(' ')).toContain(r);
  });

  it('recognises a dateline and reported speech in an otherwise unmarked report', () => {
    const d = detectArticle(page('', `<div><p>WASHINGTON (AP) — ${REPORT}</p>${para(REPORT, 6)}</div>`), 'https://example.com/council-expands-the-bus-network');
    expect(d.reasons.join(' ')).toMatch(/dateline \+2/);
    expect(d.reasons.join(' ')).toMatch(/reported speech/);
    expect(d.isArticle).toBe(true);
  });

  it('counts reported speech in any case and accent, in any language it knows, not inside longer words', () => {
    const lines = ['The mayor SAID the plan was ready.', 'El alcalde Afirmó que sí.', 'Der Minister erklärte es.', 'Le maire a DÉCLARÉ cela.', 'A saidly word and toldo do not count.'];
    const d = detectArticle(page('', `<div>${para(lines.join(' '), 1)}</div>`), 'https://example.com/a');
    expect(d.reasons.join(' ')).toMatch(/reported speech \(4\)/);
  });

  it('recognises a dateline of the date alone, as health and wire desks open a report', () => {
    for (const opening of ['April 17, 2015 -- ', 'MONDAY, Jan. 5, 2015 (HealthDay News) -- ', '17 April 2015 — ']) {
      const d = detectArticle(page('', `<div><p>${opening}${REPORT}</p>${para(REPORT, 6)}</div>`), 'https://example.com/council-expands-the-bus-network');
      expect(d.reasons.join(' ')).toMatch(/dateline \+2/);
    }
    // A range of dates is no dateline.
    const range = detectArticle(page('', `<div><p>March 3-5 - ${REPORT}</p>${para(REPORT, 6)}</div>`), 'https://example.com/council-expands-the-bus-network');
    expect(range.reasons.join(' ')).not.toMatch(/dateline/);
  });

  it('finds no dateline in paragraphs without a dash and a space', () => {
    const d = detectArticle(page('', `<div><p>WASHINGTON —${REPORT}</p>${para(REPORT, 6)}</div>`), 'https://example.com/council-expands-the-bus-network');
    expect(d.reasons.join(' ')).not.toMatch(/dateline/);
  });

  it('takes a Chinese government portal article with 发布时间 and 来源 lines for news', () => {
    const d = detectArticle(page('<title>地质灾害防治工作会议召开_焦作市人民政府</title>', `
      <div class="header"><a href="/">首页</a></div>
      <div class="main"><h1>市自然资源和规划局部署冬春季地质灾害防治工作</h1>
        <div class="info"><span>发布时间：2024-02-07 08:00</span><span>来源：市自然资源和规划局</span></div>
        <div class="TRS_Editor">${para(ZH_REPORT, 4)}</div>
        <div class="editor">责任编辑：王明</div></div>`), 'http://www.example.gov.cn/zwgk/202402/t20240207_123.html');
    expect(d.isArticle).toBe(true);
    expect(d.reasons.join(' ')).toMatch(/news info lines/);
    expect(d.publishedAt).toBe('2024-02-07');
    expect(d.body?.className).toBe('TRS_Editor');
  });

  it('takes a portal report for news by its source meta, info bar, editor line and time stamp, with no URL to go by', () => {
    // As 中国青年网 prints one: the info bar above the article's box, the editor's line at its end.
    const d = detectArticle(page('<meta name="source" content="人民日报海外版"><meta name="publishdate" content="2017-03-10">', `
      <div class="main"><div class="main_l"><div class="l_tit">海外留学生看两会</div>
        <div class="l_time">发稿时间：<span>2017-03-10 08:42:00</span> <span>来源：<a href="#">人民日报海外版</a></span></div>
        <div class="article"><div id="content">${para(ZH_REPORT, 4)}<p>责任编辑：崔宁宁</p></div></div></div></div>`), 'file:///tmp/source.html');
    expect(d.reasons.join(' ')).toMatch(/news metadata \+2/);
    expect(d.reasons.join(' ')).toMatch(/news info lines \(3\)/);
    expect(d.reasons.join(' ')).toMatch(/time stamp \+1/);
    expect(d.isArticle).toBe(true);
  });

  it('reads the government sites\' metadata: ArticleTitle and ContentSource on an article, not on a column page', () => {
    const head = '<meta name="SiteName" content="焦作市人民政府"><meta name="ColumnName" content="部门动态">';
    const article = detectArticle(page(`${head}<meta name="ArticleTitle" content="市自然资源和规划局部署冬春季地质灾害防治工作"><meta name="PubDate" content="2024-02-07 08:00"><meta name="ContentSource" content="市自然资源和规划局">`,
      `<div class="title">市自然资源和规划局部署冬春季地质灾害防治工作</div><div id="zoom">${para(ZH_REPORT, 4)}</div>`), 'file:///tmp/source.html');
    expect(article.reasons.join(' ')).toMatch(/ArticleTitle metadata \+1/);
    expect(article.reasons.join(' ')).toMatch(/news metadata \+2/);
    expect(article.isArticle).toBe(true);
    expect(article.title).toBe('市自然资源和规划局部署冬春季地质灾害防治工作');
    const column = detectArticle(page(head, `<ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/a${i}.html">部门动态标题${i}</a></li>`).join('')}</ul>`), 'file:///tmp/source.html');
    expect(column.reasons.join(' ')).not.toMatch(/ArticleTitle/);
    expect(column.isArticle).toBe(false);
  });

  it('reads "10月14日报道" as a dateline and a time to the minute under the headline as a stamp', () => {
    const d = detectArticle(page('', `
      <div class="mod-left"><div class="hd"><h1>DeepMind新电脑已可利用记忆自学</h1><div class="info"><span>TNW中文站</span><span>2016年10月14日07:17</span></div></div>
        <div class="bd"><div id="Cnt-Main-Article-QQ"><p>TNW中文站 10月14日报道</p>${para(ZH_REPORT, 9)}</div></div></div>`), 'file:///tmp/source.html');
    expect(d.reasons.join(' ')).toMatch(/dateline \+2/);
    expect(d.reasons.join(' ')).toMatch(/time stamp \+1/);
    expect(d.isArticle).toBe(true);
  });

  it('takes no date of the day for a time stamp', () => {
    const d = detectArticle(page('', `<div><h1>题目</h1><div class="info">2016年10月14日</div><div id="x">${para(ZH_REPORT, 4)}</div></div>`), 'file:///tmp/source.html');
    expect(d.reasons.join(' ')).not.toMatch(/time stamp/);
  });

  it('recognises Chinese article URLs: content_123.html and /2024-02/07/', () => {
    for (const url of ['http://paper.example.cn/html/2024-02/07/content_123.html', 'http://www.example.cn/xinwen/t20240207_123.html']) {
      const d = detectArticle(page('', `<div>${para(ZH_REPORT, 4)}</div>`), url);
      expect(d.reasons.join(' ')).toContain('article-like URL');
    }
  });
});

describe('pages that are not news', () => {
  it('turns down a personal blog post: BlogPosting, a /blog/ path and a first-person voice', () => {
    const d = detectArticle(page(
      '<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-02-07"}</script>',
      `<article>${para('I spent the weekend rebuilding my garden shed, and we finally painted it; my neighbours think our colours are loud but I love them.', 6)}</article>`,
    ), 'https://example.com/blog/my-weekend-shed-rebuild-project');
    expect(d.isArticle).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/BlogPosting/);
    expect(d.reasons.join(' ')).toMatch(/non-news URL \(blog\)/);
    expect(d.reasons.join(' ')).toMatch(/first-person voice/);
  });

  it('turns down a documentation page with code listings', () => {
    const d = detectArticle(page('<meta property="og:type" content="article">', `
      <main><h1>Configuring the client</h1>${para('The client reads its settings from a file in the project folder; each option can also be given on the command line.', 4)}
      <pre><code>client --config ./client.json</code></pre><p>Then start the service with the following command and check the log output.</p>
      <pre><code>client start --verbose</code></pre></main>`), 'https://docs.example.com/docs/configuring-the-client-in-depth');
    expect(d.isArticle).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/code listings/);
    expect(d.reasons.join(' ')).toMatch(/non-news URL/);
  });

  it('turns down a product page', () => {
    const d = detectArticle(page(
      '<meta property="og:type" content="product"><script type="application/ld+json">{"@type":"Product","name":"Trail Shoe"}</script>',
      `<div class="product">${para('A light trail shoe with a grippy sole, a breathable upper and a cushioned midsole for long runs on rough ground.', 4)}<button>Add to cart</button></div>`,
    ), 'https://shop.example.com/products/trail-shoe-light-grey-42');
    expect(d.isArticle).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/schema:Product/);
  });

  it('turns down a list page of headlines', () => {
    const items = Array.from({ length: 50 }, (_, i) => `<li><a href="/news/2024/02/07/story-${i}">Headline number ${i} about the city council and its budget</a></li>`).join('');
    const d = detectArticle(page('<meta property="og:type" content="website">', `<main><h1>Latest news</h1><ul>${items}</ul></main>`), 'https://example.com/news/');
    expect(d.isArticle).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/mostly links|link list page/);
  });

  it('turns down a Chinese portal index page', () => {
    const items = Array.from({ length: 45 }, (_, i) => `<li><a href="/xinwen/202402/t2024020${i % 9}_${i}.html">市政府召开第${i}次常务会议研究部署近期重点工作</a><span>2024-02-07</span></li>`).join('');
    const d = detectArticle(page('<title>焦作市人民政府</title>', `<div class="nav"><a href="/">首页</a></div><div class="list"><ul>${items}</ul></div>`), 'http://www.example.gov.cn/');
    expect(d.isArticle).toBe(false);
  });

  it('turns down a wiki page and a how-to page by their addresses', () => {
    const text = `<div id="content">${para('The river rises in the northern hills and flows south through farmland and two towns before it reaches the sea.', 6)}</div>`;
    expect(detectArticle(page('', text), 'https://en.example.org/wiki/River').reasons.join(' ')).toMatch(/non-news URL \(wiki\)/);
    expect(detectArticle(page('', text), 'https://www.example.com/how-to-clean-a-river-stone').reasons.join(' ')).toMatch(/non-news URL/);
  });
});

describe('body and furniture', () => {
  it('keeps the article text and leaves sidebars and related links out', () => {
    page('', `<nav>Home News Sport</nav><div class="sidebar">${para('Most read: another story entirely about something else.', 3)}</div>
      <div class="article-body">${para(REPORT)}</div><div class="related">${para('Related: more headlines to click on here.', 3)}</div>`);
    expect(findBody(document)?.className).toBe('article-body');
  });

  it('treats a layout box named after both a sidebar and the article body as content', () => {
    document.body.innerHTML = '<div class="l-sidebar-fixed l-article-body-segment"></div><div class="sidebar-widget"></div><div class="article-info"></div>';
    const [layout, widget, info] = Array.from(document.body.children);
    expect(isChrome(layout)).toBe(false);
    expect(isChrome(widget)).toBe(true);
    expect(isChrome(info)).toBe(true);
  });

  it('reads no furniture in the page itself: the site classes on <html> and <body>, an ASP.NET form around it all', () => {
    document.documentElement.className = 'ads-enabled has-sidebar';
    try {
      page('', `<div class="story-body"><h1>Obama admits US gun laws are his biggest frustration</h1><div class="story-body__inner" property="articleBody">${para(REPORT)}</div></div>`);
      document.body.className = 'bbccom_leaderboard sidebar-layout';
      expect(findBody(document)?.className).toBe('story-body__inner');
      page('', `<form method="post" action="./Show.aspx" id="form1"><div class="nav">首页</div><h1>市自然资源和规划局部署工作</h1><div id="zoom">${para(ZH_REPORT, 4)}</div></form>`);
      expect(findBody(document)?.id).toBe('zoom');
      // a government portal's form with its title in a table cell, no <h1>
      page('', `<form method="post" action="./Show.aspx" id="form1"><table><tr><td class="title">市自然资源和规划局部署工作</td></tr></table><div id="zoom">${para(ZH_REPORT, 4)}</div></form>`);
      expect(findBody(document)?.id).toBe('zoom');
    } finally {
      document.documentElement.className = '';
      document.body.className = '';
    }
  });

  it('still leaves out a search or comment form and a sidebar of teasers without a headline', () => {
    page('', `<section><form><p>Leave a reply: your email address will not be published anywhere.</p><p>Required fields are marked with a star, as usual here.</p><p>Comments are moderated before they are shown to readers.</p></form></section>
      <div class="sidebar"><h2>Most read</h2>${para('Most read: another story entirely about something else.', 4)}</div><div class="article-body">${para(REPORT, 3)}</div>`);
    expect(findBody(document)?.className).toBe('article-body');
    expect(isChrome(document.querySelector('form')!)).toBe(true);
  });

  it('takes most-read lists, recirculation and widget boxes for furniture', () => {
    document.body.innerHTML = '<div class="most-read-container module most-shared"></div><div class="recirc-module"></div><div class="OUTBRAIN"></div><div class="sidebar-widget"></div><div class="widget-area"></div>';
    for (const el of Array.from(document.body.children)) expect(isChrome(el)).toBe(true);
  });

  it('reads furniture words between spaces, `_` and `-`, in any case, a two-part word only with its hyphen', () => {
    const furniture = ['comment-count-article-body', 'site-nav', 'nav_main', 'NAV', 'x\u00a0footer', 'byline-share-btn', 'x-prev-next', 'most-read', 'Most-Popular', 'ads', 'ad-slot', 'breadcrumbs'];
    const not = ['navigation', 'most_read', 'prev--next', 'mostread', 'header-ad2', 'loader', 'commentary', 'l-sidebar l-article-body'];
    for (const cls of furniture) expect(isChrome(Object.assign(document.createElement('div'), { className: cls })), cls).toBe(true);
    for (const cls of not) expect(isChrome(Object.assign(document.createElement('div'), { className: cls })), cls).toBe(false);
  });

  it('takes the same class lists and ids for furniture as the word rule written as regular expressions', () => {
    // The rule as it was first written; the walk now looks words up in sets (no regex to compile on every page).
    const words = 'nav|navbar|menu|sidebar|side|aside|footer|foot|masthead|breadcrumbs?|related|recommend|share|sharing|social|comments?|reply|replies|advert|ads?|sponsor|promo|popup|modal|cookie|subscribe|newsletter|prev-next|pager|pagination|toolbar|tags|byline-share|article-info|copyright|most-read|most-popular|most-viewed|most-shared|trending|recirc|recirculation|outbrain|taboola|widget';
    const chrome = new RegExp(`(^|[\\s_-])(${words})([\\s_-]|$)`, 'i');
    const content = /(^|[_-])(article|body|content|main|story|entry)([_-]|$)/i;
    const ruleSaysFurniture = (v: string) => chrome.test(v) && !v.split(/\s+/).some((t) => content.test(t) && !chrome.test(t));
    const dir = 'test/fixtures';
    const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const values = new Set(pages.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\b(?:class|id)="([^"<>]*)"/g)].map((m) => m[1])));
    for (const extra of ['l-sidebar-fixed l-article-body-segment', 'story-body__inner', 'main-nav', 'sidebar_content', 'Article-Info', 'share\tbar', 'recirc-module']) values.add(extra);
    expect(values.size).toBeGreaterThan(50);
    for (const v of values) {
      for (const attr of ['class', 'id']) {
        const el = document.createElement('div');
        el.setAttribute(attr, v);
        expect(isChrome(el), `${attr}="${v}"`).toBe(ruleSaysFurniture(v));
      }
    }
  });

  it('prefers a long unmarked story over a short marked box of teasers', () => {
    page('', `<div class="content"><p>Teaser one about a thing worth reading</p><p>Teaser two about another thing</p><p>Teaser three for the curious reader</p></div>
      <div id="story-text">${para(REPORT, 8)}</div>`);
    expect(findBody(document)?.id).toBe('story-text');
  });
});

describe('the headline', () => {
  it('takes a page title without the section and site names after the headline', () => {
    expect(titleWithoutSite('海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网')).toBe('海外留学生看两会：出国前后关注点大不同');
    expect(titleWithoutSite('Obama admits US gun laws are his biggest frustration - BBC News')).toBe('Obama admits US gun laws are his biggest frustration');
    expect(titleWithoutSite('Markets rally | Reuters')).toBe('Markets rally');
    // nothing that reads as a headline before the separator: the title as it is
    expect(titleWithoutSite('BBC | Home')).toBe('BBC | Home');
    expect(titleWithoutSite('COVID-19 cases fall in Henan')).toBe('COVID-19 cases fall in Henan');
  });

  it('uses it, and the site name after it, when the page has no <h1> and no og:title', () => {
    page('', `<div class="title">市自然资源和规划局部署冬春季地质灾害防治工作</div><div id="zoom">${para(ZH_REPORT, 4)}</div>`);
    document.title = '市自然资源和规划局部署冬春季地质灾害防治工作_焦作市人民政府';
    const d = detectArticle(document, 'http://www.example.gov.cn/a.html');
    expect(d.title).toBe('市自然资源和规划局部署冬春季地质灾害防治工作');
    expect(d.siteName).toBe('焦作市人民政府');
  });
});

describe('the scan of the page', () => {
  it('names each block with its parent and grandparent as the DOM has them', async () => {
    page('', `<main><section><p>${ZH_REPORT}</p><p class="lead">${ZH_REPORT}<b>并</b></p><div>一行<br>二行<br>三行</div></section><table><tr><td>${ZH_REPORT}</td></tr></table></main>`);
    const scan = await scanPageInSlices(document.documentElement, 1e9, async () => {});
    // A bare paragraph (read in place), one with a class (entered), <br>-separated lines (the div), a cell.
    expect(scan.blocks.map((b) => `${b.el.tagName}${b.br ? '+br' : ''}`)).toEqual(['P', 'P', 'DIV+br', 'DIV+br', 'TD']);
    for (const b of scan.blocks) {
      expect(b.parent).toBe(b.el.parentElement);
      expect(b.grand).toBe(b.el.parentElement?.parentElement ?? null);
    }
  });

  it('counts a bare paragraph read in place as it counts the same paragraph entered', async () => {
    // Text split by a comment and an empty paragraph (entered either way), and one under 20 visible
    // characters that is 20 long with its spaces (read in place when bare).
    const paragraphs = (attr: string) => `<p${attr}>${ZH_REPORT}<!-- 注 -->${ZH_REPORT}</p><p${attr}>a b c d e f g h i j k</p><p${attr}></p>`;
    const statsOf = async (attr: string) => {
      page('', `<main><section id="s">${paragraphs(attr)}</section></main>`);
      const scan = await scanPageInSlices(document.documentElement, 1e9, async () => {});
      const section = document.getElementById('s')!;
      // What a block credits its parents: its characters, counted on the spot (read in place) or kept
      // in its stats (entered), and nothing under 20 (no stats are kept for those).
      const credits = scan.blocks.filter((b) => b.parent === section).map((b) => (b.chars >= 20 ? b.chars : scan.stats.get(b.el)?.chars ?? 0));
      return { credits, section: scan.stats.get(section) };
    };
    const inPlace = await statsOf('');
    expect(inPlace).toEqual(await statsOf(' class="x"'));
    expect(inPlace.credits).toEqual([2 * ZH_REPORT.length, 0, 0]);
    expect(inPlace.section?.chars).toBe(2 * ZH_REPORT.length + 11);
    expect(inPlace.section?.paragraphs).toBe(2);
  });

  it("reads no text in furniture, but all of a marked candidate's, wherever it sits", async () => {
    page('', `<nav><a href="/">首页</a><a href="/news">新闻</a></nav>
      <main id="story">${para(ZH_REPORT)}</main>
      <aside class="sidebar"><ul>${'<li><a href="/x">相关新闻标题</a></li>'.repeat(30)}</ul><p>${ZH_REPORT}</p>
        <article id="teaser"><p>${ZH_REPORT}</p><div class="related"><a href="/y">更多相关报道链接</a></div></article></aside>
      <footer><p>版权所有 焦作市人民政府</p></footer>`);
    // Every text node's reads, by where it sits.
    const reads = { furniture: 0, teaser: 0, story: 0 };
    const teaser = document.getElementById('teaser')!;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      const where = teaser.contains(el) ? 'teaser' : el.closest('nav, aside, footer') ? 'furniture' : 'story';
      const value = n.nodeValue;
      Object.defineProperty(n, 'nodeValue', { get: () => (reads[where]++, value) });
    }
    const scan = await scanPageInSlices(document.documentElement, 1e9, async () => {});
    expect(reads.furniture).toBe(0);
    expect(reads.story).toBeGreaterThan(0);
    // The marked <article> in the sidebar is still a candidate with its text counted (the related box
    // in it is furniture: read, for its own statistics, never its container's).
    expect(reads.teaser).toBe(2);
    expect(scan.stats.get(teaser)).toEqual({ chars: ZH_REPORT.length, linkChars: 0, paragraphs: 1 });
    // No block of furniture: none could credit a body.
    expect(scan.blocks.filter((b) => b.el.closest('nav, aside, footer') && !teaser.contains(b.el))).toEqual([]);
    expect(detectArticle(document, 'https://example.com/2024-02/07/content_1.html', scan).body?.id).toBe('story');
  });
});
