import { StatsSummary } from '@/components/StatsSummary';
import { useStats } from '@/components/use-stats';

/** The popup: what Dossier knows so far. */
export function App() {
  const state = useStats();
  return (
    <main data-ready={state.status !== 'loading' ? 'true' : undefined}>
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Dossier</h1>
      </header>
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'error' && <p role="alert">Could not reach the knowledge base: {state.message}</p>}
      {state.status === 'ready' && <StatsSummary stats={state.stats} />}
      <footer>
        <a href="/options.html" target="_blank">Settings</a>
      </footer>
    </main>
  );
}
