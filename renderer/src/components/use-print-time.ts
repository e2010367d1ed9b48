// The moment printing starts (the browser's or Electron's dialog), so a printed sheet says when it was printed.
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** The ISO time of the last `beforeprint`; null before anything was printed. */
export function usePrintTime(): string | null {
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  useEffect(() => {
    // flushSync: the print layout is taken right after this event, so React must render now.
    const onBeforePrint = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);
  return printedAt;
}
