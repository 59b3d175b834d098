import { StatsSummary } from '@/components/StatsSummary';
import { useStats } from '@/components/use-stats';

/** The options page: the reader's data at a glance (settings and export/import grow here). */
export function App() {
  const state = useStats();
  return (
    <main data-ready={state.status !== 'loading' ? 'true' : undefined}>
      <h1>Dossier settings</h1>
      <section>
        <h2>Your data</h2>
        <p>Everything Dossier learns stays in this browser profile. Nothing is sent anywhere.</p>
        {state.status === 'ready' && <StatsSummary stats={state.stats} />}
        {state.status === 'error' && <p role="alert">Could not reach the knowledge base: {state.message}</p>}
      </section>
    </main>
  );
}
