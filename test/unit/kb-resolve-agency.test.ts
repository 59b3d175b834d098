import { describe, expect, it } from 'vitest';
import { articlePlaces, resolveAgencyName } from '@/utils/kb/resolve-agency';

describe('resolving agencies written without their place', () => {
  it('takes the city from the site name', () => {
    const places = articlePlaces('市自然资源和规划局召开会议。', '焦作新闻网');
    expect(resolveAgencyName('市自然资源和规划局', places)).toBe('焦作市自然资源和规划局');
  });

  it('takes city, county and province from the article text when the site says nothing', () => {
    const text = '河南省教育厅通知，郑州市教育局和郑州市中牟县教育局参加。县教育局、市教育局、省教育厅负责。';
    const places = articlePlaces(text, null);
    expect(places).toEqual({ province: '河南', city: '郑州', county: '中牟' });
    expect(resolveAgencyName('县教育局', places)).toBe('中牟县教育局');
    expect(resolveAgencyName('省教育厅', places)).toBe('河南省教育厅');
  });

  it('leaves a name alone when the place is unknown or already written', () => {
    const none = articlePlaces('市教育局开会。', null);
    expect(resolveAgencyName('市教育局', none)).toBe('市教育局');
    expect(resolveAgencyName('焦作市教育局', { province: null, city: '焦作', county: null })).toBe('焦作市教育局');
  });

  it('does not take 全市 or 本市 for a city', () => {
    expect(articlePlaces('全市各级各部门和本市单位', null).city).toBeNull();
  });
});
