import { NotFoundPage } from '../not-found/not-found-page';

export function CasePrintPage() {
  return <NotFoundPage />;
}
