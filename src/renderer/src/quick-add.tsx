import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QuickAdd } from './QuickAdd.tsx';
import './styles/app.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QuickAdd />
  </StrictMode>,
);
