import { useState } from 'react';
import { errorMessage } from './api.ts';

/**
 * A form's sending state: `busy` while its request runs, and the messages to show above it (the form's own checks
 * set them with `setErrors`; a refusal from the server becomes its translated message).
 */
export function useSubmission(): {
  busy: boolean;
  errors: string[];
  setErrors: (errors: string[]) => void;
  send: (request: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const send = async (request: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await request();
    } catch (cause) {
      setErrors([errorMessage(cause)]);
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, setErrors, send };
}
