import { useEffect, useState } from 'react';
import type { LoadedRun } from '../engine/model/runLoader';
import { fetchRun, SHIPPED_RUN_URL } from './shippedRun';

/** The application shell: loads the shipped run and lists its epoch history. */
export function App() {
  const [run, setRun] = useState<LoadedRun | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchRun(SHIPPED_RUN_URL).then(setRun, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '2rem auto', padding: '0 1rem' }}>
      <h1>LeNet-5, neuron by neuron</h1>
      {error && <p role="alert">Could not load the shipped model: {error}</p>}
      {!run && !error && <p>Loading the shipped model…</p>}
      {run && (
        <section data-testid="run-summary">
          <p>
            Shipped run: {run.manifest.architecture.activation}, {run.manifest.architecture.pooling} pooling,{' '}
            {run.manifest.architecture.c3Connectivity} c3, {run.manifest.architecture.loss};{' '}
            {run.checkpoints.length} checkpoints.
          </p>
          <table>
            <thead><tr><th>epoch</th><th>test accuracy</th><th>train loss</th></tr></thead>
            <tbody>
              {run.manifest.checkpoints.map((c) => (
                <tr key={c.file}>
                  <td>{c.epoch}</td>
                  <td>{c.testAccuracy === null ? '-' : `${(c.testAccuracy * 100).toFixed(2)}%`}</td>
                  <td>{c.trainLoss === null ? '-' : c.trainLoss.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
