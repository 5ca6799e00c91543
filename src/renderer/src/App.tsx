import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { shiftDate, today } from '../../shared/metrics/periods.ts';
import { subscribe } from './api/client.ts';
import { Toasts } from './components/Toasts.tsx';
import { useImportStore } from './import/importStore.ts';
import { useWindowFileDrop } from './import/useWindowFileDrop.ts';
import { answerFlushRequests } from './lib/autosave.ts';
import { undoDelete } from './lib/mutations.ts';
import { isTyping, SHORTCUTS } from './lib/shortcuts.ts';
import DayScreen from './screens/DayScreen.tsx';
import { followDataChanges, SCREENS, useAppStore, type Screen } from './stores/appStore.ts';
import { applyTheme, useSettingsStore } from './stores/settingsStore.ts';
import './App.css';

// Screens only some sessions open are split out so the main window's first load stays small.
const LogScreen = lazy(() => import('./screens/LogScreen.tsx'));
const ReviewScreen = lazy(() => import('./screens/ReviewScreen.tsx'));
const PostScreen = lazy(() => import('./screens/PostScreen.tsx'));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen.tsx'));
const SessionsScreen = lazy(() => import('./screens/SessionsScreen.tsx'));
const ImportDialog = lazy(() => import('./import/ImportDialog.tsx').then((module) => ({ default: module.ImportDialog })));

const LABELS: Record<Screen, string> = { day: 'Day', log: 'Log', review: 'Review', post: 'Post', settings: 'Settings', sessions: 'Sessions' };
const ICONS: Record<Screen, string> = { day: '◷', log: '☰', review: '▥', post: '✎', settings: '⚙', sessions: '◔' };
const showImport = (file: File) => useImportStore.getState().show(file);

export function App() {
  const screen = useAppStore((state) => state.screen);
  const setScreen = useAppStore((state) => state.setScreen);
  const theme = useSettingsStore((state) => state.settings.theme);
  const [help, setHelp] = useState(false);
  const importing = useImportStore((state) => state.open);
  const importFile = useImportStore((state) => state.file);
  const importToken = useImportStore((state) => state.token);
  const dragging = useWindowFileDrop(showImport);

  useEffect(() => {
    void useSettingsStore.getState().load();
    const offs = [
      answerFlushRequests(),
      followDataChanges(),
      subscribe('settingsChanged', (settings) => useSettingsStore.getState().replace(settings)),
      subscribe('command', ({ name }) => {
        const app = useAppStore.getState();
        if (name === 'newTask') app.requestNewTask();
        else if (name === 'goToDay') app.setScreen('day');
        else if (name === 'goToLog') app.setScreen('log');
        else if (name === 'goToReview') app.setScreen('review');
        else if (name === 'goToPost' || name === 'exportPost') app.setScreen('post');
        else if (name === 'goToSessions') app.setScreen('sessions');
        else if (name === 'goToSettings') app.setScreen('settings');
        else if (name === 'import') useImportStore.getState().show();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const app = useAppStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      if (mod && /^[1-6]$/.test(event.key)) {
        app.setScreen(SCREENS[Number(event.key) - 1] as Screen);
      } else if (mod && event.key.toLowerCase() === 'n') {
        app.requestNewTask();
      } else if (event.altKey && event.key === 'ArrowLeft' && !isTyping(event.target)) {
        app.setDate(shiftDate(app.date, -1));
      } else if (event.altKey && event.key === 'ArrowRight' && !isTyping(event.target)) {
        app.setDate(shiftDate(app.date, 1));
      } else if (event.altKey && event.key === 'Home') {
        app.setDate(today());
      } else if (mod && event.key.toLowerCase() === 'z' && !isTyping(event.target)) {
        void undoDelete();
      } else if (event.key === '?' && !isTyping(event.target)) {
        setHelp(true);
      } else {
        return;
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ×
          </span>
          <span>Leverage Journal</span>
        </div>
        <ul>
          {SCREENS.map((item, index) => (
            <li key={item}>
              <button type="button" className={`nav-item${screen === item ? ' current' : ''}`} aria-current={screen === item ? 'page' : undefined} onClick={() => setScreen(item)}>
                <span className="nav-icon" aria-hidden="true">
                  {ICONS[item]}
                </span>
                <span>{LABELS[item]}</span>
                <kbd aria-hidden="true">Ctrl {index + 1}</kbd>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="nav-help" onClick={() => setHelp(true)}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </nav>
      <main className="content" id="content">
        <Suspense fallback={<div className="screen loading-screen">Loading…</div>}>
          {screen === 'day' && <DayScreen />}
          {screen === 'log' && <LogScreen />}
          {screen === 'review' && <ReviewScreen />}
          {screen === 'post' && <PostScreen />}
          {screen === 'settings' && <SettingsScreen />}
          {screen === 'sessions' && <SessionsScreen />}
        </Suspense>
      </main>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog key={importToken} file={importFile} onClose={() => useImportStore.getState().close()} />
        </Suspense>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a Leverage Record (.md or .txt) to preview its import</p>
        </div>
      )}
      <Toasts />
    </div>
  );
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <th scope="row">
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="button primary" autoFocus onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
