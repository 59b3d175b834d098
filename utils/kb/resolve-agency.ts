/**
 * Local papers write agencies without their place (市自然资源和规划局 on a 焦作 site means
 * 焦作市自然资源和规划局). These read the article's own text and site to say which place it is.
 */

const PROVINCES = ['北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门'];
const NOT_PLACE = new Set('全本该各我城门超菜街股闹集夜楼早花车'.split(''));

export interface ArticlePlaces {
  province: string | null;
  city: string | null;
  county: string | null;
}

function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) { best = k; n = c; }
  return best;
}

function countPlaces(text: string, suffix: '市' | '县' | '区'): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = text.indexOf(suffix); at !== -1; at = text.indexOf(suffix, at + 1)) {
    const name = text.slice(Math.max(0, at - 2), at);
    if (name.length === 2 && /^[\u4e00-\u9fff]{2}$/.test(name) && !NOT_PLACE.has(name[0]) && !NOT_PLACE.has(name[1]) && !/[市县区省局委厅]/.test(name))
      counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The province, city and county an article is about: from its site name first, then its text. */
export function articlePlaces(text: string, siteName?: string | null): ArticlePlaces {
  const site = siteName?.trim() ?? '';
  const fromSite = /^([\u4e00-\u9fff]{2})(?:市|新闻网|日报|晚报|网|广播电视台|融媒)/.exec(site)?.[1] ?? null;
  const siteProvince = PROVINCES.find((p) => site.startsWith(p)) ?? null;
  const sample = text.slice(0, 20000);
  const province = siteProvince ?? mostFrequent(new Map(PROVINCES.map((p) => [p, sample.split(p + '省').length - 1] as [string, number]).filter(([, c]) => c > 0)));
  const cities = countPlaces(sample, '市');
  const city = fromSite && !PROVINCES.includes(fromSite) ? fromSite : mostFrequent(cities);
  const county = mostFrequent(countPlaces(sample, '县'));
  return { province, city, county };
}

/** The full name of an agency written with a bare place prefix (市…, 县…, 省…), when the article says which. */
export function resolveAgencyName(name: string, places: ArticlePlaces): string {
  const first = name[0];
  if (name.length < 2) return name;
  if (first === '市' && places.city) return `${places.city}${name}`;
  if (first === '县' && places.county) return `${places.county}${name}`;
  if (first === '省' && places.province) return `${places.province}${name}`;
  return name;
}
