import { createRoot } from 'react-dom/client';

function App() {
  return <main>Leverage Journal</main>;
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
