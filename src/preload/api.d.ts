import type { LeverageApi } from '../shared/ipc/contract.ts';

declare global {
  interface Window {
    /** The typed bridge the preload exposes (src/preload/createApi.ts). */
    readonly api: LeverageApi;
  }
}

export {};
