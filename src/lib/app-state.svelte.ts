/** App-wide state: set once the local store is open and holds the demo data. */
export const appState = $state({ ready: false, editorName: 'Den här enheten' });
