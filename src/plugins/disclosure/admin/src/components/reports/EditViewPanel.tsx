import { Box } from '@strapi/design-system';
import { ProsePanel } from './ProsePanel';
import { useT } from '../../intl';

const REPORT_UID = 'api::annual-report.annual-report';

type Dispatch = (action: { type: string; payload: unknown }) => void;
let dispatch: Dispatch | null = null;

/**
 * A redux middleware (app.addMiddlewares) that only remembers the admin store's dispatch, so the panel can
 * tell the content manager that the document changed on the server (RTK Query's invalidateTags of the
 * admin API): the edit view fetches it again and the form shows the regenerated text without a reload.
 */
export const rememberDispatch = () => (store: { dispatch: Dispatch }) => {
  dispatch = store.dispatch;
  return (next: (action: unknown) => unknown) => (action: unknown) => next(action);
};

function documentChanged(documentId: string) {
  dispatch?.({
    type: 'adminApi/invalidateTags',
    payload: [
      { type: 'Document', id: `${REPORT_UID}_${documentId}` },
      { type: 'Document', id: `${REPORT_UID}_LIST` },
    ],
  });
}

const Title = () => <>{useT()('reports.proseCheck')}</>;

/** Side panel on an annual report's edit view: the prose checked against the tables, regenerate, undo. */
export const ReportPanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  if (model !== REPORT_UID || !documentId) return null;
  return {
    title: <Title />,
    content: (
      <Box width="100%">
        <ProsePanel documentId={documentId} version={document?.updatedAt} onChanged={() => documentChanged(documentId)} />
      </Box>
    ),
  };
};
