import { describe, expect, it } from 'vitest';
import { forgetNewsHosts, mayBeNewsAt, newsHostsItem, NEWS_HOSTS_MAX, readsNewsOn, rememberNewsHost, withHost } from '@/utils/news-hosts';

describe('the sites the reader reads news on', () => {
  it('puts the latest site first, once, as lower case without www', () => {
    expect(withHost(['a.example', 'news.example.cn', 'b.example'], 'WWW.News.Example.CN')).toEqual(['news.example.cn', 'a.example', 'b.example']);
  });

  it(`keeps the ${NEWS_HOSTS_MAX} most recent`, () => {
    let hosts: string[] = [];
    for (let i = 0; i < NEWS_HOSTS_MAX + 5; i++) hosts = withHost(hosts, `s${i}.example`);
    expect(hosts).toHaveLength(NEWS_HOSTS_MAX);
    expect(hosts[0]).toBe(`s${NEWS_HOSTS_MAX + 4}.example`);
    expect(hosts).not.toContain('s4.example');
  });

  it('says whether a host was read, and no for a damaged stored value', () => {
    expect(readsNewsOn(['jiaozuo.gov.cn'], 'www.JIAOZUO.gov.cn')).toBe(true);
    expect(readsNewsOn(['jiaozuo.gov.cn'], 'news.jiaozuo.gov.cn')).toBe(false);
    expect(readsNewsOn('jiaozuo.gov.cn', 'jiaozuo.gov.cn')).toBe(false);
    expect(readsNewsOn(null, 'jiaozuo.gov.cn')).toBe(false);
  });

  it('takes a page for possible news by its address or by a site read before, and not otherwise', () => {
    expect(mayBeNewsAt('https://www.jiaozuo.gov.cn/2024-02/07/content_1.html', [])).toBe(true);
    expect(mayBeNewsAt('http://paper.example.com/show.php?id=123', ['paper.example.com'])).toBe(true);
    expect(mayBeNewsAt('http://paper.example.com/show.php?id=123', ['other.example'])).toBe(false);
    expect(mayBeNewsAt('https://mail.example.com/inbox', null)).toBe(false);
    expect(mayBeNewsAt('not a url', ['not a url'])).toBe(false);
  });

  it('remembers the hosts of readings recorded at the same time, and nothing of other schemes or bad addresses', async () => {
    await Promise.all([
      rememberNewsHost('https://www.jiaozuo.gov.cn/2024-02/07/content_1.html'),
      rememberNewsHost('http://paper.example.com/show.php?id=123'),
      rememberNewsHost('file:///home/reader/saved.html'),
      rememberNewsHost('not a url'),
    ]);
    expect(await newsHostsItem.getValue()).toEqual(['paper.example.com', 'jiaozuo.gov.cn']);
    await rememberNewsHost('https://jiaozuo.gov.cn/other.html');
    expect(await newsHostsItem.getValue()).toEqual(['jiaozuo.gov.cn', 'paper.example.com']);
  });

  it('mends a damaged stored list as it writes', async () => {
    await browser.storage.local.set({ newsHosts: ['a.example', 42, null] });
    await rememberNewsHost('https://b.example/x');
    expect(await newsHostsItem.getValue()).toEqual(['b.example', 'a.example']);
  });

  it('forgets them all', async () => {
    await rememberNewsHost('https://jiaozuo.gov.cn/a.html');
    await forgetNewsHosts();
    expect(await newsHostsItem.getValue()).toEqual([]);
  });
});
