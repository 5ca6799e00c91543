import { contextBridge } from 'electron';

// Minimal preload: the Electron issue generates window.api from the IPC contract.
contextBridge.exposeInMainWorld('api', {});
