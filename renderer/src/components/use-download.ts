// State of an export button: busy while the backend makes the file, then the saved file's name or what went wrong.
import { useState } from 'react';
import { toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';

export type DownloadResult = { file: string } | { error: ClientApiError } | null;

/** `run(make)` calls `make`, which fetches and saves the file and returns its name; failures become `result.error`. */
export function useDownload(): { busy: boolean; result: DownloadResult; run(make: () => Promise<string>): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DownloadResult>(null);
  async function run(make: () => Promise<string>) {
    setBusy(true);
    setResult(null);
    try {
      setResult({ file: await make() });
    } catch (error) {
      setResult({ error: toClientError(error) });
    } finally {
      setBusy(false);
    }
  }
  return { busy, result, run };
}
