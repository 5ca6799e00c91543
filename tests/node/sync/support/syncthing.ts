import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Real Syncthing instances on 127.0.0.1 only: global and local discovery, relays, NAT traversal,
 * usage reporting, crash reporting and upgrades off; each instance knows the other by a loopback address.
 */
export interface SyncthingInstance {
  readonly name: string;
  readonly home: string;
  readonly folder: string;
  readonly deviceId: string;
  readonly apiPort: number;
  readonly apiKey: string;
  child: ChildProcess | null;
  log: string;
}

export function syncthingBinary(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v syncthing'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function createSyncthingPair(root: string): Promise<[SyncthingInstance, SyncthingInstance]> {
  const made = [];
  for (const name of ['one', 'two']) {
    const home = path.join(root, `syncthing-${name}`);
    const output = execFileSync('syncthing', ['generate', '--home', home, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8', stdio: 'pipe' });
    const combined = output + fs.readdirSync(home).join(' ');
    const match = /Device ID:\s+([A-Z0-9-]{63})/.exec(output) ?? /<device id="([A-Z0-9-]{63})"/.exec(fs.readFileSync(path.join(home, 'config.xml'), 'utf8'));
    if (!match?.[1]) throw new Error(`syncthing generate printed no device id: ${combined}`);
    const folder = path.join(root, `folder-${name}`);
    fs.mkdirSync(path.join(folder, '.stfolder'), { recursive: true });
    made.push({ name, home, folder, deviceId: match[1], apiPort: await freePort(), listenPort: await freePort(), apiKey: `key-${name}-${Date.now()}` });
  }
  for (const instance of made) {
    const devices = made
      .map((device) => `<device id="${device.deviceId}" name="${device.name}" compression="metadata" introducer="false"><address>tcp://127.0.0.1:${device.listenPort}</address><paused>false</paused><autoAcceptFolders>false</autoAcceptFolders></device>`)
      .join('\n  ');
    const config = `<configuration version="36">
  <folder id="leverage" label="leverage" path="${instance.folder}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
    <filesystemType>basic</filesystemType>
    ${made.map((device) => `<device id="${device.deviceId}" introducedBy=""></device>`).join('\n    ')}
    <minDiskFree unit="%">0</minDiskFree>
  </folder>
  ${devices}
  <gui enabled="true" tls="false" debugging="false"><address>127.0.0.1:${instance.apiPort}</address><apikey>${instance.apiKey}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${instance.listenPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <setLowPriority>false</setLowPriority>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
`;
    fs.writeFileSync(path.join(instance.home, 'config.xml'), config);
  }
  return made.map((instance) => ({ name: instance.name, home: instance.home, folder: instance.folder, deviceId: instance.deviceId, apiPort: instance.apiPort, apiKey: instance.apiKey, child: null, log: '' })) as [
    SyncthingInstance,
    SyncthingInstance,
  ];
}

export function startSyncthing(instance: SyncthingInstance): void {
  const child = spawn('syncthing', ['serve', '--home', instance.home, '--no-browser', '--no-restart', '--no-upgrade', `--gui-address=127.0.0.1:${instance.apiPort}`], {
    env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1', STNORESTART: '1', STGUIADDRESS: '', HOME: instance.home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (instance.log = (instance.log + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (instance.log = (instance.log + chunk.toString()).slice(-20_000)));
  instance.child = child;
}

export async function stopSyncthing(instance: SyncthingInstance): Promise<void> {
  const child = instance.child;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function api(instance: SyncthingInstance, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${instance.apiPort}${route}`, {
    method,
    headers: { 'X-API-Key': instance.apiKey, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`syncthing ${instance.name} ${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

export async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      if (await predicate()) return Date.now() - started;
    } catch {
      // not yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function waitUntilConnected(instance: SyncthingInstance, other: SyncthingInstance, timeoutMs: number): Promise<number> {
  return waitFor(
    `${instance.name} connected to ${other.name}`,
    async () => {
      const connections = (await api(instance, 'GET', '/rest/system/connections')) as { connections: Record<string, { connected: boolean }> };
      return connections.connections[other.deviceId]?.connected === true;
    },
    timeoutMs,
  );
}

/** Takes the other device offline (or back online) as this instance sees it. */
export async function setPeerPaused(instance: SyncthingInstance, other: SyncthingInstance, paused: boolean): Promise<void> {
  await api(instance, 'PATCH', `/rest/config/devices/${other.deviceId}`, { paused });
}

/** Asks the instance to rescan now rather than wait for its watcher. */
export async function rescan(instance: SyncthingInstance): Promise<void> {
  await api(instance, 'POST', '/rest/db/scan?folder=leverage');
}
