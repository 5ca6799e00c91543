import { createRoot } from 'react-dom/client';

function QuickAdd() {
  return <main>Quick add</main>;
}

createRoot(document.getElementById('root') as HTMLElement).render(<QuickAdd />);
