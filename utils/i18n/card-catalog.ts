/**
 * The strings of the entity card, the one UI the content script shows: it bundles these, not the
 * whole catalog (five times as many, for the popup and options). Part of CATALOG.
 */
export const CARD_CATALOG = {
  kindPerson: { en: 'Person', zh: '人物' },
  kindOrg: { en: 'Organization', zh: '机构' },
  kindOrgGov: { en: 'Government body', zh: '政府机构' },
  kindNumber: { en: 'Figure', zh: '数字' },
  official: { en: 'Official', zh: '公职人员' },
  titles: { en: 'Titles', zh: '职务' },
  noAgency: { en: 'No agency stated', zh: '未注明机构' },
  firstLastSeen: { en: '$1 – $2', zh: '$1 至 $2' },
  articles: { en: 'Articles', zh: '文章' },
  articlesCount: { en: 'In $1 articles', zh: '出现在 $1 篇文章中' },
  related: { en: 'Appears with', zh: '同时出现' },
  peopleHere: { en: 'People with titles here', zh: '在此任职的人' },
  notes: { en: 'Notes', zh: '笔记' },
  noNotes: { en: 'No notes yet.', zh: '还没有笔记。' },
  addNote: { en: 'Add a note', zh: '添加笔记' },
  notePlaceholder: { en: 'Write a note…', zh: '写一条笔记……' },
  save: { en: 'Save', zh: '保存' },
  saving: { en: 'Saving…', zh: '正在保存……' },
  notAnEntity: { en: 'Not an entity', zh: '不是实体' },
  notAnEntityDone: { en: 'Hidden: Dossier will not highlight “$1” again.', zh: '已隐藏：不再标出“$1”。' },
  close: { en: 'Close', zh: '关闭' },
  loading: { en: 'Loading…', zh: '正在加载……' },
  notInKb: { en: 'Dossier has not stored this yet; it will once the page is recorded.', zh: '还没有存入知识库，本页记录后即可查看。' },
  error: { en: 'Something went wrong: $1', zh: '出错了：$1' },
  value: { en: 'Value', zh: '数值' },
  measures: { en: 'Measures', zh: '统计的是' },
  earlierValues: { en: 'Same measure in earlier articles', zh: '以前文章中的同类数字' },
  noEarlier: { en: 'Not seen in earlier articles.', zh: '以前的文章里没有出现过。' },
  unknownMeasure: { en: 'unknown', zh: '不详' },
  noteOnPassage: { en: 'Note', zh: '笔记' },
  passage: { en: 'Passage', zh: '段落' },
} as const satisfies Record<string, { en: string; zh: string }>;

/** A string the card can show. */
export type CardMessageKey = keyof typeof CARD_CATALOG;
