import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/use-app-store';

/**
 * Where a key typed now will be kept: the "this session only" choice, ticked from the start
 * when the keychain does not answer (asked once, when the form opens), with why not.
 */
export function useKeyKeeping(): { sessionOnly: boolean; setSessionOnly(v: boolean): void; keychainProblem: string | null } {
  const rigRequest = useAppStore((s) => s.rigRequest);
  const [sessionOnly, setSessionOnly] = useState(false);
  const [keychainProblem, setKeychainProblem] = useState<string | null>(null);
  useEffect(() => {
    let open = true;
    void rigRequest('rigs.keychain', {}).then((r) => {
      if (!open || !r.ok || r.value.available) return;
      setKeychainProblem(r.value.problem ?? 'The system keychain is not available.');
      setSessionOnly(true);
    });
    return () => {
      open = false;
    };
  }, [rigRequest]);
  return { sessionOnly, setSessionOnly, keychainProblem };
}
