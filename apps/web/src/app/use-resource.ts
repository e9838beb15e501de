import { useCallback, useEffect, useState } from 'react';

/** State of data loaded from the API. */
export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data when `key` changes (the key names the request: path plus query) and aborts stale requests.
 * The previous data stays visible while the next page loads.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause);
        setLoading(false);
      },
    );
    return () => { controller.abort(); };
    // `load` is recreated each render; `key` identifies the request it makes.
  }, [key, version]);

  const reload = useCallback(() => { setVersion((v) => v + 1); }, []);
  return { data, error, loading, reload };
}
