import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EntityCard } from '@/components/EntityCard';
import { FigureCard } from '@/components/FigureCard';
import { CARD_CSS } from '@/components/card-style';
import { t } from '@/utils/i18n';
import type { EntityCard as EntityCardData, FigureCard as FigureCardData } from '@/utils/kb/queries';
import { sendMessage } from '@/utils/messages';
import type { Mention, NumberMention, OrgMention, PersonMention } from '@/utils/recognize/types';

/** What a card is opened for: the mention and the page it is on. */
export interface CardTarget {
  mention: PersonMention | OrgMention | NumberMention;
  url: string;
  canonicalUrl: string | null;
  /** Where to place the card: the mention's box in viewport coordinates. */
  anchor: DOMRect;
}

export interface CardUi {
  open(target: CardTarget): void;
  close(): void;
  readonly openMention: Mention | null;
  /** True for nodes inside our card (the pointer over the card keeps it open). */
  contains(node: EventTarget | null): boolean;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'entity'; card: EntityCardData }
  | { status: 'figure'; card: FigureCardData }
  | { status: 'missing' }
  | { status: 'error'; message: string };

async function load(target: CardTarget, entityId?: number): Promise<Loaded> {
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

function CardFrame({ target, onClose, onIgnored }: { target: CardTarget; onClose: () => void; onIgnored: (m: Mention) => void }) {
  const [entityId, setEntityId] = useState<number | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [ignored, setIgnored] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

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

  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    setPos(placeCard(target.anchor, el.offsetWidth, el.offsetHeight, window.innerWidth, window.innerHeight));
  }, [target, loaded]);

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
    <div
      ref={frame}
      class="dossier-card-frame"
      role="dialog"
      aria-modal="false"
      aria-label={target.mention.text}
      style={pos ? { left: `${pos.left}px`, top: `${pos.top}px` } : { left: '-9999px', top: '0px' }}
    >
      <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
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
    </div>
  );
}

/** The card surface: one shadow-rooted host created on first use, re-rendered for each card. */
export function createCardUi(ctx: ContentScriptContext, onIgnored: (m: Mention) => void): CardUi {
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
    else render(<CardFrame key={`${current.mention.start}:${current.mention.type}`} target={current} onClose={close} onIgnored={onIgnored} />, ui.mounted);
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
    get openMention() {
      return current?.mention ?? null;
    },
    contains(node) {
      return !!ui && node instanceof Node && (ui.shadowHost === node || ui.shadowHost.contains(node) || ui.shadow.contains(node));
    },
  };
}
