import { contextBridge, ipcRenderer } from 'electron';
import { createLeverageApi } from './createApi.ts';

// Sandboxed preload: the only bridge between the renderer and the main process.
contextBridge.exposeInMainWorld('api', createLeverageApi(ipcRenderer));
