import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared styles come first so that each component's own stylesheet, imported beside it, follows them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import { QuickAdd } from './QuickAdd.tsx';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QuickAdd />
  </StrictMode>,
);
