import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Failure, Tables } from './types';
import { errorText, useT } from '../../intl';

/** Pause after the last keystroke before asking the server: one check per burst of typing. */
const DEBOUNCE_MS = 250;

export type LiveState = 'stored' | 'checking' | 'live' | 'unavailable';

interface Input {
  tables: Tables | null;
  formatVersion: '2019' | '2021';
  /** The report being edited (for last year's report and its format); undefined while creating. */
  documentId?: string;
  /** Failures stored at the last save, shown until the first live answer. */
  stored: Failure[];
}

/**
 * The failures of the tables as typed, from `POST /disclosure/annual-reports/validate`: the server's
 * one rules engine, the same check a save stores and publishing applies. Answers that arrive after a
 * newer edit are dropped.
 */
export function useLiveFailures({ tables, formatVersion, documentId, stored }: Input) {
  const { post } = useFetchClient();
  const t = useT();
  const [live, setLive] = React.useState<Failure[] | null>(null);
  const [state, setState] = React.useState<LiveState>('stored');
  const [problem, setProblem] = React.useState<string | null>(null);
  const latest = React.useRef(0);
  // Compared by content: the form may hand over an equal copy of the tables on re-render.
  const content = React.useMemo(() => (tables ? JSON.stringify(tables) : null), [tables]);

  React.useEffect(() => {
    if (!tables) return;
    const request = ++latest.current;
    setState('checking');
    const timer = setTimeout(() => {
      post('/disclosure/annual-reports/validate', { tables, formatVersion, ...(documentId ? { documentId } : {}) }).then(
        (res: any) => {
          if (request !== latest.current) return;
          setLive(res.data.data.failures as Failure[]);
          setState('live');
          setProblem(null);
        },
        (e: any) => {
          if (request !== latest.current) return;
          setState('unavailable');
          setProblem(errorText(e, t('error.request')));
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [content, formatVersion, documentId]);

  return { failures: live ?? stored, state, problem };
}
