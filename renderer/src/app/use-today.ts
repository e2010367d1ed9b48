// The current date for the header, refreshed every minute so a window left open overnight shows the new day.
import { useEffect, useState } from 'react';

export function useToday(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
