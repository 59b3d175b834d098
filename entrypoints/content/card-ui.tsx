import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EntityCard } from '@/components/EntityCard';
import { FigureCard } from '@/components/FigureCard';
import { CARD_CSS } from '@/components/card-style';
import { t } from '@/utils/i18n/card';
import type { EntityCard as EntityCardData, FigureCard as FigureCardData } from '@/utils/kb/queries';
import { sendMessage } from '@/utils/messages';
import type { PageMention } from '@/utils/page-texts/mention-spans';
import type { TextQuote } from '@/utils/page/text-quote';
import type { NoteRecord } from '@/utils/kb/types';
import { NotesPanel } from '@/components/NotesPanel';

interface OnPage {
  url: string;
  canonicalUrl: string | null;
  /** Where to place the card: the box of what it is about, in viewport coordinates. */
  anchor: DOMRect;
}

/** A mention a card can be about: a person, an agency or a figure (dates have no card). */
export type CardMention = PageMention & { readonly type: 'person' | 'org' | 'number' };

/** True for mentions that open a card. */
export const hasCard = (m: PageMention): m is CardMention => m.type !== 'date';

/** What a card is opened for: a mention, a passage with notes (or one about to get its first), or the selection's note button. */
export type CardTarget =
  | (OnPage & { kind: 'mention'; mention: CardMention })
  | (OnPage & { kind: 'passage'; quote: TextQuote; notes: NoteRecord[] })
  | (OnPage & { kind: 'note-button'; quote: TextQuote });

export interface CardUi {
  open(target: CardTarget): void;
  close(): void;
  /** The mention or passage the open card is about (null when closed). */
  readonly openFor: object | null;
  /** True for nodes inside our card (the pointer over the card keeps it open). */
  contains(node: EventTarget | null): boolean;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'entity'; card: EntityCardData }
  | { status: 'figure'; card: FigureCardData }
  | { status: 'missing' }
  | { status: 'error'; message: string };

async function load(target: Extract<CardTarget, { kind: 'mention' }>, entityId?: number): Promise<Loaded> {
  const m = target.mention;
  if (m.type === 'number') {
    const card = await sendMessage('figureCard', { url: target.url, canonicalUrl: target.canonicalUrl, start: m.start });
    return card ? { status: 'figure', card } : { status: 'missing' };
  }
  const card = entityId
    ? await sendMessage('entityCardById', { id: entityId })
    : await sendMessage('entityCard', { type: m.type, name: m.text, url: target.url, canonicalUrl: target.canonicalUrl, start: m.start });
  return card ? { status: 'entity', card } : { status: 'missing' };
}

/** Places a box of the given size next to the anchor, inside the viewport: below if it fits, else above. */
export function placeCard(anchor: DOMRect, width: number, height: number, vw: number, vh: number): { left: number; top: number } {
  const gap = 6;
  const left = Math.max(8, Math.min(anchor.left, vw - width - 8));
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - height;
  const top = below + height <= vh - 8 || above < 8 ? Math.max(8, Math.min(below, vh - height - 8)) : above;
  return { left, top };
}

/** The frame every card sits in: placed next to what it is about, inside the viewport, with a close button. */
function Frame({ anchor, label, onClose, children, deps }: { anchor: DOMRect; label: string; onClose: () => void; children: preact.ComponentChildren; deps: unknown[] }) {
  const frame = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = frame.current;
    if (el) setPos(placeCard(anchor, el.offsetWidth, el.offsetHeight, window.innerWidth, window.innerHeight));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [anchor, ...deps]);
  return (
    <div ref={frame} class="dossier-card-frame" role="dialog" aria-modal="false" aria-label={label} style={pos ? { left: `${pos.left}px`, top: `${pos.top}px` } : { left: '-9999px', top: '0px' }}>
      <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
      {children}
    </div>
  );
}

/** Notes on a passage of the article: the quote, its notes, a field to add one. */
function PassageCard({ target, onClose, onSaved }: { target: Extract<CardTarget, { kind: 'passage' | 'note-button' }>; onClose: () => void; onSaved: () => void }) {
  const [composing, setComposing] = useState(target.kind === 'passage');
  const [notes, setNotes] = useState<NoteRecord[]>(target.kind === 'passage' ? target.notes : []);
  const add = async (text: string) => {
    const note = await sendMessage('addPassageNote', { url: target.url, canonicalUrl: target.canonicalUrl, ...target.quote, text });
    setNotes((n) => [note, ...n]);
    onSaved();
  };
  if (!composing)
    return (
      <div class="dossier-note-button" style={{ left: `${Math.min(target.anchor.right, window.innerWidth - 80)}px`, top: `${Math.min(target.anchor.bottom + 4, window.innerHeight - 40)}px` }}>
        <button type="button" data-testid="passage-note-button" onMouseDown={(e) => e.preventDefault()} onClick={() => setComposing(true)}>
          ✎ {t('noteOnPassage')}
        </button>
      </div>
    );
  return (
    <Frame anchor={target.anchor} label={t('passage')} onClose={onClose} deps={[notes.length]}>
      <article class="card" data-testid="passage-card">
        <h2>{t('passage')}</h2>
        <blockquote>{target.quote.exact}</blockquote>
        <NotesPanel notes={notes} onAdd={add} />
      </article>
    </Frame>
  );
}

function CardFrame({ target, onClose, onIgnored }: { target: Extract<CardTarget, { kind: 'mention' }>; onClose: () => void; onIgnored: (m: CardMention) => void }) {
  const [entityId, setEntityId] = useState<number | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [ignored, setIgnored] = useState(false);

  useEffect(() => {
    let live = true;
    load(target, entityId).then(
      (l) => live && setLoaded(l),
      (err: unknown) => live && setLoaded({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [target, entityId, version]);

  const addNote = async (text: string) => {
    if (loaded.status === 'entity') await sendMessage('addNote', { target: { kind: 'entity', id: loaded.card.entity.id! }, text });
    else if (loaded.status === 'figure') await sendMessage('addNote', { target: { kind: 'figure', id: loaded.card.figure.id! }, text });
    setVersion((v) => v + 1);
  };
  const notAnEntity = async () => {
    const m = target.mention;
    if (m.type === 'number') return;
    await sendMessage('ignoreName', { type: m.type, name: m.text });
    setIgnored(true);
    onIgnored(m);
  };

  return (
    <Frame anchor={target.anchor} label={target.mention.text} onClose={onClose} deps={[loaded]}>
      {ignored ? (
        <p role="status">{t('notAnEntityDone', target.mention.text)}</p>
      ) : loaded.status === 'loading' ? (
        <p role="status">{t('loading')}</p>
      ) : loaded.status === 'error' ? (
        <p role="alert" class="error">{t('error', loaded.message)}</p>
      ) : loaded.status === 'missing' ? (
        <>
          <h2>{target.mention.text}</h2>
          <p class="muted">{t('notInKb')}</p>
        </>
      ) : loaded.status === 'figure' ? (
        <FigureCard card={loaded.card} onAddNote={addNote} />
      ) : (
        <EntityCard card={loaded.card} onAddNote={addNote} onNotAnEntity={notAnEntity} onOpenEntity={setEntityId} />
      )}
    </Frame>
  );
}

/** The card surface: one shadow-rooted host created on first use, re-rendered for each card. */
export function createCardUi(ctx: ContentScriptContext, onIgnored: (m: CardMention) => void, onPassageSaved: () => void): CardUi {
  let ui: Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>> | null = null;
  let pending: Promise<void> | null = null;
  let current: CardTarget | null = null;

  const ensure = () =>
    (pending ??= createShadowRootUi(ctx, {
      name: 'dossier-card',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: CARD_CSS,
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input'],
      onMount: (container) => container,
    }).then((created) => {
      created.mount();
      ui = created;
    }));

  const draw = () => {
    if (!ui?.mounted) return;
    if (!current) render(null, ui.mounted);
    else if (current.kind === 'mention')
      render(<CardFrame key={`${current.mention.start}:${current.mention.type}`} target={current} onClose={close} onIgnored={onIgnored} />, ui.mounted);
    else render(<PassageCard key={`${current.kind}:${current.quote.exact}:${current.quote.prefix}`} target={current} onClose={close} onSaved={onPassageSaved} />, ui.mounted);
  };
  const close = () => {
    current = null;
    draw();
  };

  return {
    open(target) {
      current = target;
      void ensure().then(draw);
    },
    close,
    get openFor() {
      return !current ? null : current.kind === 'mention' ? current.mention : current.quote;
    },
    contains(node) {
      return !!ui && node instanceof Node && (ui.shadowHost === node || ui.shadowHost.contains(node) || ui.shadow.contains(node));
    },
  };
}
