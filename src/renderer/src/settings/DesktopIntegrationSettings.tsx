import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
import { toast } from '../stores/toastStore.ts';

type Integration = ChannelOutput<'desktopIntegration'>;

/**
 * Settings → Command-line tool and Claude Code: the `leverage` command on PATH and the "Log this
 * session?" Stop hook, each installed or removed by main as fits how the app was installed.
 */
export function DesktopIntegrationSettings() {
  const [state, setState] = useState<Integration | null>(null);
  const [busy, setBusy] = useState<'cli' | 'hook' | null>(null);
  useEffect(() => {
    let live = true;
    void call('desktopIntegration').then((result) => {
      if (live && result) setState(result);
    });
    return () => {
      live = false;
    };
  }, []);

  const change = async (which: 'cli' | 'hook', installed: boolean) => {
    setBusy(which);
    try {
      const result = which === 'cli' ? await call('setCliTool', { installed }) : await call('setClaudeHook', { installed });
      if (result) {
        setState(result);
        const what = which === 'cli' ? 'The leverage command' : 'The Claude Code hook';
        toast('success', `${what} ${installed ? 'is installed' : 'was removed'}`);
      }
    } finally {
      setBusy(null);
    }
  };

  if (!state) return <p className="muted">Checking…</p>;
  const { cliTool, claudeHook } = state;
  return (
    <>
      <h3 className="small-title" id="cli-tool-title">
        Command-line tool
      </h3>
      <p className="hint" aria-describedby="cli-tool-title">
        {cliTool.installed ? (
          <>
            Installed: <code>leverage</code> runs this app&apos;s commands from a terminal (<code>{cliTool.path}</code>).
          </>
        ) : (
          <>
            Puts a <code>leverage</code> command on your PATH (<code>{cliTool.path}</code>) that runs this app&apos;s commands: <code>leverage stats</code>,{' '}
            <code>leverage add …</code>.
          </>
        )}
      </p>
      {cliTool.note && <p className="hint">{cliTool.note}</p>}
      <div className="form-actions">
        <button type="button" className="button" disabled={!cliTool.available || busy !== null} onClick={() => void change('cli', !cliTool.installed)}>
          {cliTool.installed ? 'Remove the leverage command' : 'Install the leverage command'}
        </button>
      </div>

      <h3 className="small-title" id="claude-hook-title">
        Claude Code
      </h3>
      <p className="hint" aria-describedby="claude-hook-title">
        {claudeHook.installed && claudeHook.current
          ? 'The Stop hook is installed: each finished Claude Code session asks “Log this session?”.'
          : claudeHook.installed
            ? 'A Leverage Journal Stop hook from an earlier install is in your Claude Code settings.'
            : 'Not installed. The Stop hook asks “Log this session?” after each finished Claude Code session.'}{' '}
        Settings file: <code>{claudeHook.settingsFile}</code>
      </p>
      {claudeHook.command && (
        <p className="hint">
          Command: <code>{claudeHook.command}</code>
        </p>
      )}
      {claudeHook.note && <p className="hint">{claudeHook.note}</p>}
      <div className="form-actions">
        {(!claudeHook.installed || !claudeHook.current) && (
          <button type="button" className="button" disabled={!claudeHook.available || busy !== null} onClick={() => void change('hook', true)}>
            {claudeHook.installed ? 'Replace the hook' : 'Install the hook'}
          </button>
        )}
        {claudeHook.installed && (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void change('hook', false)}>
            Remove the hook
          </button>
        )}
      </div>
    </>
  );
}
