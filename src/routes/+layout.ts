// The app renders in the browser only: all data lives in IndexedDB, and one
// prerendered shell serves every route offline (see vite.config.ts navigateFallback).
export const ssr = false;
export const prerender = false;
