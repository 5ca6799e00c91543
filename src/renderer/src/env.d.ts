// CSS side-effect imports are bundled by Vite; window.api is declared by src/preload/api.d.ts.
declare module '*.css';
