import { describe, expect, it } from 'vitest';
import { dateFromUrl, urlLooksLikeNews, urlSignals } from '@/utils/page/news-url';

describe('news-shaped URLs, read before the page has content', () => {
  it.each([
    'https://www.jiaozuo.gov.cn/2024-02/07/content_12345.html',
    'http://www.gov.cn/zhengce/content/2024-02/07/content_6930745.htm',
    'https://www.henan.gov.cn/2024/02-07/t20240207_2901234.html',
    'https://www.example-times.com/2024/02/07/world/asia/flood-relief.html',
    'https://news.example.org/some-local-story',
  ])('%s looks like news', (url) => expect(urlLooksLikeNews(url)).toBe(true));

  it.each([
    'https://www.example.com/',
    'https://docs.example.com/news/2024/02/07/release-notes-for-version-three',
    'https://mail.example.com/inbox',
    'https://shop.example.com/products/a-very-nice-red-chair',
  ])('%s does not', (url) => expect(urlLooksLikeNews(url)).toBe(false));
});

describe('what an address says', () => {
  it('names the segment or host label that says blog, docs or shop, in any case', () => {
    expect(urlSignals('https://blog.example.com/2024/02/07/a-post').nonNews).toBe('blog');
    expect(urlSignals('https://example.com/Blog/2024/02/07/a-post').nonNews).toBe('Blog');
    expect(urlSignals('https://example.com/Knowledge-Base/articles/123').nonNews).toBe('Knowledge-Base');
    expect(urlSignals('https://example.com/how-to-fix-a-bike').nonNews).toBe('how-to-fix-a-bike');
    expect(urlSignals('https://example.com/NOTICIAS/2024/02/07/').newsSection).toBe(true);
    // a section name as the page's own file name is no section
    expect(urlSignals('https://example.com/archive/news').newsSection).toBe(false);
  });

  it('reads the date of a dated address', () => {
    expect(dateFromUrl('https://www.jiaozuo.gov.cn/2024-02/07/content_12345.html')).toBe('2024-02-07');
    expect(dateFromUrl('https://www.henan.gov.cn/2024/02-07/t20240207_2901234.html')).toBe('2024-02-07');
    expect(dateFromUrl('https://example.com/about')).toBeNull();
  });
});
